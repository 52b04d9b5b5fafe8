import type { ChapterAnalysis } from '../analysis/chapter.ts'
import type { Question } from '../analysis/question.ts'
import { softHit } from '../analysis/soft-match.ts'
import { lexicalCoverage, queryTerms } from '../analysis/terms.ts'
import type { Chunk } from '../chunk/chunk.ts'
import type { Block, ChapterDocument } from '../corpus/types.ts'
import { expandGlossary } from '../text/glossary.ts'
import type { Cited } from './types.ts'

/** Words for a part of the chapter named by its topic: "the part on quantum". */
export const SECTION_WORDS =
  /\b(?:the )?(?:part|section|subsection|chapter section)s? (?:on|about|covering|dealing with)\b/i
/** Words that ask for a summary rather than name a topic. */
const SUMMARY_WORDS =
  /\b(?:summari[sz]e|summary|overview|gist|tell me about|what does|say|says|key points?|main points?|please|briefly)\b/gi

/** Words for a figure, when a question names none by number. */
export const FIGURE_WORDS = /\b(?:chart|graph|figure|diagram|plot|exhibit|illustration)\b/i
/** How much of a figure's caption (idf-weighted) a question must name to mean that figure. */
const MIN_CAPTION_COVERAGE = 0.25

/** A question about the chapter's outline: its sections or a section's subsections. */
const OUTLINE_ASKED =
  /\b(?:sub)?sections\b|\bparts\b.*\b(?:chapter|section)\b|\b(?:section|chapter) (?:headings|titles)\b|\b(?:outline|structure) of the chapter\b|\btable of contents\b|\bhow is the chapter (?:organi[sz]ed|structured)\b/

/** What follows a number of things asked for: "(four) recommendations", "(three) main steps". */
const COUNTED_THINGS = /^\s+(?:[a-z-]+\s+)?[a-z]+s\b/

/**
 * A whole block (a heading, a footnote) as a citation.
 *
 * @example
 * blockCitation(headingOfSectionII, doc, chunks) // { id: 'II/heading', kind: 'heading', quote: 'II. Status Quo of …', … }
 */
export function blockCitation(b: Block, doc: ChapterDocument, chunks: readonly Chunk[]): Cited {
  const chunk = chunks.find((c) => c.blockId === b.id)
  const sec = doc.sections.find((x) => x.id === b.sectionId)
  return {
    id: b.id,
    label: chunk?.label ?? `§${b.sectionId}`,
    section: b.sectionId,
    sectionTitle: sec?.title ?? '',
    kind: b.kind,
    quote: b.text,
    start: b.start,
    end: b.end,
  }
}

/**
 * The chapter's outline: "What are the main sections of the chapter?", "How many subsections
 * does part II have?", "List the subsections of section III". The titles come from the parsed
 * headings, each cited by its heading. `null` when the question does not ask for an outline.
 */
export function outlineSentences(
  q: Question,
  doc: ChapterDocument,
  chunks: readonly Chunk[],
): Array<{ text: string; cites: Cited[] }> | null {
  const lower = q.text.toLowerCase()
  const parent = q.target?.kind === 'section' ? q.target.id : null
  if (q.target && !parent) return null
  const children = doc.sections.filter((s) =>
    parent ? s.parentId === parent : s.level === 1 && s.id !== 'intro',
  )
  if (children.length === 0) return null
  // "List all four recommendations in section III": as many things as the section has parts.
  const counted = countedAsked(q)
  // "What are the four things section III recommends?", "List all the recommendations in
  // Section III": a list asked of a section, as many as its parts or all of them.
  const asksList = q.intent === 'list' || /^(?:what|which) (?:are|were)\b/.test(lower)
  const asksParts =
    parent !== null &&
    asksList &&
    (counted === children.length || (counted === 0 && /\b(?:all|every|each)\b/.test(lower)))
  if (
    !asksParts &&
    (!OUTLINE_ASKED.test(lower) || /\b(?:discuss|talk|mention|cover|about)\w*\b/.test(lower))
  )
    return null
  const headingOf = (id: string) =>
    doc.blocks.find((b) => b.kind === 'heading' && 'opens' in b && b.opens === id)
  const cite = (b: Block | undefined) => (b ? [blockCitation(b, doc, chunks)] : [])
  const of = parent
    ? `Section ${parent}, "${doc.sections.find((s) => s.id === parent)?.title ?? ''}",`
    : 'The chapter'
  const noun = parent ? 'subsections' : 'numbered sections'
  return [
    {
      text: `${of} has ${children.length} ${noun}:`,
      cites: cite(parent ? headingOf(parent) : undefined),
    },
    ...children.map((c) => ({ text: `- ${c.id} ${c.title}`, cites: cite(headingOf(c.id)) })),
  ]
}

/** How many things a question asks for ("the four recommendations"), or 0. */
function countedAsked(q: Question): number {
  const lower = q.text.toLowerCase()
  return (
    q.numbers.find((n) => !n.ordinal && !n.year && COUNTED_THINGS.test(lower.slice(n.end)))
      ?.value ?? 0
  )
}

/**
 * The figure a question describes without its number: the one whose caption shares the most of
 * the question's terms (at least {@link MIN_CAPTION_COVERAGE} of the caption's idf mass).
 *
 * @example
 * figureDescribed('the chart of global innovation centers', doc, analysis) // '8.2'
 */
export function figureDescribed(
  text: string,
  doc: ChapterDocument,
  analysis: ChapterAnalysis,
): string | null {
  const asked = new Set(analysis.stats.termsOf(text))
  const soft = analysis.softTerms(text)
  const named = (t: string) =>
    asked.has(t) || [...asked].some((a) => softHit(soft, a, new Set([t])) > 0)
  let best: { id: string; share: number } | null = null
  for (const b of doc.blocks) {
    if (b.kind !== 'figure') continue
    const terms = [...new Set(analysis.stats.termsOf(expandGlossary(b.caption)))]
    const mass = terms.reduce((m, t) => m + analysis.stats.idf(t), 0)
    const found = terms.filter(named).reduce((m, t) => m + analysis.stats.idf(t), 0)
    const share = mass > 0 ? found / mass : 0
    if (share >= MIN_CAPTION_COVERAGE && (!best || share > best.share))
      best = { id: b.figureId, share }
  }
  return best?.id ?? null
}

/**
 * The section a question names by its topic ("the part on quantum", "the section about patient
 * capital"): the one whose title holds all the question's own terms (those left once the words
 * that ask for a part are taken out), the most specific first.
 *
 * @example
 * sectionDescribed('summarise the part on quantum', doc, analysis) // 'II.3'
 */
export function sectionDescribed(
  text: string,
  doc: ChapterDocument,
  analysis: ChapterAnalysis,
): string | null {
  const asked = queryTerms(text.replace(SECTION_WORDS, ' ').replace(SUMMARY_WORDS, ' '))
  if (asked.length === 0 || asked.length > 3) return null
  const soft = analysis.softTerms(text)
  const found = doc.sections
    .filter((sec) => sec.id !== 'intro')
    .filter((sec) => lexicalCoverage(asked, sec.title, analysis.stats, soft) >= 0.99)
    .sort((a, b) => b.level - a.level)
  return found[0]?.id ?? null
}

/**
 * A box named by its topic rather than its number: "the AI box", "the box about clean energy".
 * The words around "box" (up to three before it, or up to five after "on", "about" or "covering").
 */
const BOX_DESCRIBED =
  /\b((?:[\w-]+\s+){1,3})box\b|\bbox\s+(?:on|about|covering|dealing with)\s+((?:[\w-]+\s*){1,5})/i

/**
 * The box a question names by its topic ("the AI box"): the one whose title holds every term the
 * question says beside "box". `null` when it names a box by number or none matches.
 *
 * @example
 * boxDescribed('What four traits does the AI box give artificial intelligence?', doc, analysis) // '8.3'
 */
export function boxDescribed(
  text: string,
  doc: ChapterDocument,
  analysis: ChapterAnalysis,
): string | null {
  if (/\bbox\s*\d/i.test(text)) return null
  const m = BOX_DESCRIBED.exec(text)
  const words = (m?.[1] ?? m?.[2] ?? '').replace(/\b(?:the|a|an|that|this|in|of|on|from)\b/gi, ' ')
  const asked = queryTerms(words).filter((t) => !/^(?:box|chapter|text)$/.test(t))
  if (asked.length === 0) return null
  const soft = analysis.softTerms(words)
  const found = doc.boxes
    .map((b) => ({
      id: b.id,
      share: lexicalCoverage(asked, expandGlossary(b.title), analysis.stats, soft),
    }))
    .filter((b) => b.share >= 0.99)
  return found.length === 1 ? (found[0] as { id: string }).id : null
}
