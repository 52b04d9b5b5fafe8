import type { ChapterDocument, ParagraphBlock } from '../corpus/types.ts'

/** Blocks the chapter presents as a list: one item per block, with the block that introduces them. */
export interface ListGroup {
  id: string
  /** The paragraph that introduces the items, if any. */
  leadBlockId: string | null
  itemBlockIds: string[]
}

const ORDINAL_OPENER = /^(First|Second|Third|Fourth|Fifth|Finally|Lastly),/
const REGION_OPENER =
  /^In (Africa|Asia|South America|Latin America|Europe|North America|Oceania|Southeast Asia|the Middle East)\b/

/**
 * Finds the chapter's lists: runs of list items (the four advancements), paragraphs with a lead
 * term (the three dimensions), and runs of paragraphs that open alike ("First, … Second, …",
 * "In Africa, … In Asia, …"). Pure: derived from the document structure.
 */
export function findListGroups(doc: ChapterDocument): ListGroup[] {
  const groups: ListGroup[] = []
  const paras = doc.blocks.filter(
    (b): b is ParagraphBlock =>
      b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'box',
  )
  const container = (b: ParagraphBlock) => `${b.sectionId}|${b.boxId ?? ''}`
  const kindOf = (b: ParagraphBlock): string | null =>
    b.kind === 'list-item'
      ? 'item'
      : b.lead
        ? 'lead'
        : ORDINAL_OPENER.test(b.text)
          ? 'ordinal'
          : REGION_OPENER.test(b.text)
            ? 'region'
            : null
  let run: ParagraphBlock[] = []
  const flush = () => {
    if (run.length >= 2) {
      const first = run[0] as ParagraphBlock
      const idx = paras.indexOf(first)
      const before = paras[idx - 1]
      const lead =
        before && container(before) === container(first) && kindOf(before) === null
          ? before.id
          : null
      groups.push({ id: `${first.id}#list`, leadBlockId: lead, itemBlockIds: run.map((b) => b.id) })
    }
    run = []
  }
  for (const b of paras) {
    const k = kindOf(b)
    const prev = run.at(-1)
    if (k && prev && kindOf(prev) === k && container(prev) === container(b)) run.push(b)
    else {
      flush()
      if (k) run = [b]
    }
  }
  flush()
  return groups
}
