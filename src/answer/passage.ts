import { asksForKind } from '../analysis/question.ts'
import type { SoftTerms } from '../analysis/soft-match.ts'
import { lexicalCoverage, queryTerms, type TermStats } from '../analysis/terms.ts'
import type { Chunk } from '../chunk/chunk.ts'
import { originalSpan } from '../corpus/mapped-text.ts'
import type { Block, ChapterDocument } from '../corpus/types.ts'
import type { SearchHit } from '../retrieve/hybrid.ts'
import { expandGlossary } from '../text/glossary.ts'
import { MONTH_NAMES } from '../text/months.ts'
import { normalizeText } from '../text/normalize.ts'
import { splitSentences } from '../text/sentences.ts'
import { ORGANISATION } from './evidence.ts'
import type { Cited } from './types.ts'

/** A sentence that could answer, with where it is and how it scored. */
export interface ScoredSentence {
  cite: Cited
  /** Block and position within it, for reading order and merging neighbours. */
  blockId: string
  blockOrder: number
  index: number
  /** Where the sentence starts in its block's (cleaned) text. */
  at: number
  text: string
  lexical: number
  dense: number
  cue: number
  score: number
}

/** What the question asks for, read from its wording. */
export interface QuestionCues {
  number: boolean
  date: boolean
  name: boolean
  /** "Which companies …", "name the firms …": a named body answers. */
  organisation: boolean
  list: boolean
}

/** "which country", "name the villages": a question for names. */
const ASKS_FOR_A_NAME = asksForKind(
  'country|countries|company|companies|organization|universit(?:y|ies)|city|village|villages|carmakers?|institutions?',
)
/** "which companies", "name the partners": a question for a named body. */
const ASKS_FOR_A_BODY = asksForKind(
  'company|companies|firms?|enterprises?|carmakers?|organi[sz]ations?|partners?',
)

const MONTHS = MONTH_NAMES.join('|')
const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundreds?|thousands?|millions?|billions?|trillion|dozens?)\b/i

/**
 * The cues of a question: a number for "how many / how much / what share", a date for "when",
 * a name for "who / which / where", a list for "what are / which … are / list".
 */
export function questionCues(question: string): QuestionCues {
  const q = normalizeText(question).toLowerCase()
  return {
    number:
      /\bhow (many|much|big|large|far|long)\b|\bwhat (shares?|percentages?|proportions?|portions?|fractions?|numbers?)\b|\bby how much\b|\bhow (cheap|expensive)\b|\btotal\b/.test(
        q,
      ),
    date: /^when\b|\bwhat (year|date|month)\b|\bsince when\b|\bin which year\b/.test(q),
    name: /^(who|which|where)\b/.test(q) || ASKS_FOR_A_NAME.test(q),
    organisation: ASKS_FOR_A_BODY.test(q),
    list:
      /\b(list|enumerate)\b/.test(q) ||
      /\b(two|three|four|five|six|several|various|different|main)\s+(types|kinds|dimensions|perspectives|advancements|aspects|ways|steps|regions|projects|areas|elements)\b/.test(
        q,
      ) ||
      /^(what|which) (are|were) the\b.*\b(types|kinds|dimensions|perspectives|advancements|aspects|steps|elements)\b/.test(
        q,
      ),
  }
}

const DATE = new RegExp(`\\b(19|20)\\d{2}\\b|\\b(${MONTHS})\\b`)

function cueScore(cues: QuestionCues, sentence: string): number {
  let s = 0
  if (cues.number) s += /\d/.test(sentence) || NUMBER_WORDS.test(sentence) ? 0.1 : -0.15
  if (cues.date) s += DATE.test(sentence) ? 0.12 : -0.15
  if (cues.name) s += /\s[A-Z][a-z]+/.test(sentence) ? 0.03 : -0.03
  if (cues.organisation) s += ORGANISATION.test(sentence) ? ORGANISATION_CUE : 0
  return s
}

/**
 * What a sentence that names a company or other body gains for a question asking for one, as
 * much as a date gains for "when" (the name itself is what is asked).
 */
const ORGANISATION_CUE = 0.12

/** A sentence before scoring, with the text it is read in (itself and its neighbours). */
type Candidate = Omit<ScoredSentence, 'lexical' | 'dense' | 'cue' | 'score'> & { window: string }

/** The sentences of one retrieved chunk (its row, for a table row), with their citations. */
export function sentencesOfChunk(chunk: Chunk, block: Block, blockOrder: number): Candidate[] {
  const base = {
    label: chunk.label,
    section: chunk.section,
    sectionTitle: chunk.sectionTitle,
    kind: chunk.kind,
  }
  if (chunk.kind === 'table') return []
  if (chunk.kind === 'table-row') {
    return [
      {
        cite: { ...base, id: chunk.id, quote: chunk.quote, start: chunk.start, end: chunk.end },
        blockId: block.id,
        blockOrder,
        index: 0,
        at: 0,
        text: chunk.text,
        window: chunk.text,
      },
    ]
  }
  const from = block.text.indexOf(chunk.text)
  if (from === -1) return []
  const to = from + chunk.text.length
  const out: Candidate[] = []
  const spans = splitSentences(block.text)
  const sentence = (k: number) => {
    const span = spans[k]
    return span ? block.text.slice(span.start, span.end) : undefined
  }
  spans.forEach((s, k) => {
    if (s.start < from || s.end > to) return
    const text = block.text.slice(s.start, s.end)
    // A sentence is read with its neighbours: "The country has been deepening …" answers a
    // question about China because the sentence before names it.
    const window = [sentence(k - 1), text, sentence(k + 1)].filter(Boolean).join(' ')
    out.push({
      cite: {
        ...base,
        id: `${block.id}/s-${k + 1}`,
        quote: text,
        ...originalSpan(block, s.start, s.end),
      },
      blockId: block.id,
      blockOrder,
      index: k,
      at: s.start,
      text,
      window,
    })
  })
  return out
}

/**
 * Memoizes {@link sentencesOfChunk} for a document: the chapter's sentences are split and mapped
 * to their original offsets once, not on every query.
 */
export function chunkSentenceIndex(
  doc: ChapterDocument,
  chunksById: ReadonlyMap<string, Chunk>,
): (chunkId: string) => Candidate[] {
  const blocks = new Map(doc.blocks.map((b, i) => [b.id, { b, i }]))
  const memo = new Map<string, Candidate[]>()
  return (id) => {
    let list = memo.get(id)
    if (!list) {
      const chunk = chunksById.get(id)
      const entry = chunk ? blocks.get(chunk.blockId) : undefined
      list = chunk && entry ? sentencesOfChunk(chunk, entry.b, entry.i) : []
      memo.set(id, list)
    }
    return list
  }
}

export interface PassageInputs {
  question: string
  hits: readonly SearchHit[]
  chunksById: ReadonlyMap<string, Chunk>
  doc: ChapterDocument
  stats: TermStats
  /** Embeds texts (unit vectors); used for sentence-level similarity. */
  embed: (texts: string[]) => Promise<number[][]>
  /** The candidate sentences of each chunk, if already computed. */
  chunkSentences?: (chunkId: string) => Candidate[]
  /** Glossary expansion (memoized by the caller, if it likes). */
  expand?: (text: string) => string
  /** The question's {@link queryTerms}, if already computed. */
  terms?: readonly string[]
  /** The close chapter words of the question's terms, for soft matching (none: exact terms only). */
  soft?: SoftTerms
}

/**
 * Scores every sentence of the retrieved chunks against the question: coverage of the question's
 * terms (idf-weighted), embedding similarity, the chunk's retrieval rank, and the question's cues
 * (a number for "how many", a date for "when", a name for "who/which"). Best first.
 */
export async function scoreSentences(inputs: PassageInputs): Promise<ScoredSentence[]> {
  const sentencesOf = inputs.chunkSentences ?? chunkSentenceIndex(inputs.doc, inputs.chunksById)
  const cands: Candidate[] = []
  const ranks: number[] = []
  inputs.hits.forEach((hit, rank) => {
    for (const c of sentencesOf(hit.id)) {
      cands.push(c)
      ranks.push(rank)
    }
  })
  const expand = inputs.expand ?? expandGlossary
  if (cands.length === 0) return []
  const terms = inputs.terms ?? queryTerms(inputs.question)
  const cues = questionCues(inputs.question)
  const [qv, ...vs] = await inputs.embed([
    expandGlossary(normalizeText(inputs.question)),
    ...cands.map((c) => expand(c.text)),
  ])
  const scored = cands.map((c, i): ScoredSentence => {
    const lexical =
      0.7 * lexicalCoverage(terms, c.text, inputs.stats, inputs.soft) +
      0.3 * lexicalCoverage(terms, c.window, inputs.stats, inputs.soft)
    const dense = dot(qv as number[], vs[i] as number[])
    const cue = cueScore(cues, c.text)
    const prior = 1 / (1 + (ranks[i] as number))
    const score = 0.55 * lexical + 0.3 * dense + 0.1 * prior + cue
    const { cite, blockId, blockOrder, index, at, text } = c
    return { cite, blockId, blockOrder, index, at, text, lexical, dense, cue, score }
  })
  return scored.sort((a, b) => b.score - a.score)
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] ?? 0)
  return s
}

/**
 * Picks the 1–3 sentences that answer: the best one, plus close runners-up that add something
 * (a neighbour in the same block, or terms of the question the best one lacks). Returned in
 * reading order.
 */
export function selectSentences(
  scored: readonly ScoredSentence[],
  question: string,
  stats: TermStats,
  terms: readonly string[] = queryTerms(question),
  soft?: SoftTerms,
): ScoredSentence[] {
  const best = scored[0]
  if (!best) return []
  const picked = [best]
  let coveredText = best.text
  for (const s of scored.slice(1, 8)) {
    if (picked.length >= 3) break
    if (picked.some((p) => p.cite.id === s.cite.id || p.text === s.text)) continue
    const gain =
      lexicalCoverage(terms, `${coveredText} ${s.text}`, stats, soft) -
      lexicalCoverage(terms, coveredText, stats, soft)
    // "Erik Solheim … stated that … . It injected new momentum into …": a sentence that goes on
    // from a picked one ("It", "This", "They" …) belongs to it when it adds to what was asked.
    const continues =
      CONTINUES.test(s.text) &&
      picked.some((p) => p.blockId === s.blockId && s.index === p.index + 1)
    if (continues && gain > MIN_GAIN && s.score >= CONTINUATION_SHARE * best.score) {
      picked.push(s)
      coveredText += ` ${s.text}`
      continue
    }
    if (s.score < 0.85 * best.score) continue
    const neighbour = picked.some(
      (p) => p.blockId === s.blockId && Math.abs(p.index - s.index) === 1,
    )
    if (neighbour || gain > MIN_GAIN) {
      picked.push(s)
      coveredText += ` ${s.text}`
    }
  }
  return picked.sort((a, b) => a.blockOrder - b.blockOrder || a.index - b.index)
}

/** A sentence that goes on from the one before it: it opens with a word pointing back. */
const CONTINUES = /^(?:It|Its|This|These|They|Their|Such|He|She|His|Her)\b/
/** What a sentence must add to the question's coverage to be quoted beside the best one. */
const MIN_GAIN = 0.1
/** Of the best sentence's score, what a sentence that goes on from a picked one needs. */
const CONTINUATION_SHARE = 0.6

/** The first sentence of a block (two if the first is only a title like "Advancement of laborers."). */
export function openingOf(b: Block, chunkLabel: string, chunk: Chunk | undefined): Cited {
  const sentences = splitSentences(b.text)
  const first = sentences[0] as { start: number; end: number }
  const end =
    first.end - first.start < 40 && sentences[1] ? (sentences[1] as { end: number }).end : first.end
  const span = originalSpan(b, first.start, end)
  return {
    id: `${b.id}/s-1${end !== first.end ? '-2' : ''}`,
    label: chunkLabel,
    section: b.sectionId,
    sectionTitle: chunk?.sectionTitle ?? '',
    kind: b.kind,
    quote: b.text.slice(first.start, end),
    ...span,
  }
}
