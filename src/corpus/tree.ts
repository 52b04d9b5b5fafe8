import type { Block, ChapterDocument, Section, SectionNode } from './types.ts'

/**
 * The section tree (`intro`, `I` › `I.1`, …) as the API's `{ id, title, children }` shape.
 *
 * @example
 * sectionTree(doc)[1] // { id: 'I', title: 'Connotation and …', children: [{ id: 'I.1', … }, …] }
 */
export function sectionTree(doc: ChapterDocument): SectionNode[] {
  const node = (s: Section): SectionNode => ({
    id: s.id,
    title: s.title,
    children: doc.sections.filter((c) => c.parentId === s.id).map(node),
  })
  return doc.sections.filter((s) => s.parentId === null).map(node)
}

/** A section by id, or `undefined`. */
export function findSection(doc: ChapterDocument, id: string): Section | undefined {
  return doc.sections.find((s) => s.id === id)
}

/** The blocks of a section, including those of its sub-sections, in reading order. */
export function blocksOfSection(doc: ChapterDocument, id: string): Block[] {
  const ids = new Set([id, ...doc.sections.filter((s) => s.parentId === id).map((s) => s.id)])
  return doc.blocks.filter((b) => ids.has(b.sectionId))
}

/** `I.2` → `[I, I.2]`: the section and its ancestors, outermost first. */
export function sectionPath(doc: ChapterDocument, id: string): Section[] {
  const out: Section[] = []
  let s = findSection(doc, id)
  while (s) {
    out.unshift(s)
    s = s.parentId ? findSection(doc, s.parentId) : undefined
  }
  return out
}
