import type { Answer, Citation, TableData } from './client.ts'
import type { StringKey } from './strings.ts'

/** A piece of answer text: plain text, or a citation marker `[n]`. */
export type Segment = { text: string } | { marker: number }

/**
 * Splits answer text into text and `[n]` markers, so markers can become chips while everything
 * else stays text (never HTML).
 *
 * @example
 * segments('It is 45.57%. [1][2]') // [{ text: 'It is 45.57%. ' }, { marker: 1 }, { marker: 2 }]
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(/\[(\d{1,3})\]/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) })
    out.push({ marker: Number(m[1]) })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return out
}

/** The answer with its citations, as plain text for the clipboard. */
export function answerForClipboard(a: Answer): string {
  const list: Citation[] = a.answerable ? a.citations : (a.related ?? [])
  if (list.length === 0) return a.answer
  return `${a.answer}\n\n${a.answerable ? 'Citations' : 'Related passages'}:\n${list.map((c) => `[${c.n}] ${c.label}: “${c.quote}”`).join('\n')}`
}

/** The reader page link that highlights a citation's exact span. */
export function readerLink(endpoint: string, c: Citation): string {
  return `${endpoint}/read?hl=${c.start}-${c.end}#hl`
}

/** Longest related-passage sentence shown before it is shortened with “…”. */
const SENTENCE_CHARS = 180
/** Most follow-up questions shown (API.md: up to 3). */
const MAX_FOLLOW_UPS = 3

/** A related passage as the widget lists it under an out-of-scope answer. */
export interface RelatedItem {
  citation: Citation
  /** The passage's label and, when it adds something, its section title. */
  title: string
  /** The passage's sentence closest to the question, shortened. */
  sentence: string
}

/**
 * The first sentence of a passage, at most `max` characters (cut at a word, with “…”).
 *
 * @example
 * firstSentence('One. Two.') // 'One.'
 */
export function firstSentence(text: string, max = SENTENCE_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  const end = /[.!?。！？](?=\s|$)/.exec(clean)
  const sentence = end ? clean.slice(0, end.index + 1) : clean
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`
}

/** Words of 3 letters or more, lower-cased, for comparing a sentence with a question. */
const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])

/**
 * The sentence of a passage that shares the most words with the question (the first on a tie, or
 * without a question), shortened like `firstSentence`.
 *
 * @example
 * closestSentence('Solar grew. Wind fell.', 'What about wind?') // 'Wind fell.'
 */
export function closestSentence(text: string, question = '', max = SENTENCE_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  // Sentences end at . ! ? (no lookbehind: older Safari cannot parse it).
  // A stop counts when a space or the end follows it, so 3.1 stays whole.
  const sentences = clean.match(/\S[\s\S]*?(?:[.!?。！？](?=\s|$)|$)/g) ?? []
  const asked = words(question)
  let best = sentences[0] ?? clean
  let bestScore = 0
  for (const s of sentences) {
    let score = 0
    for (const w of words(s)) if (asked.has(w)) score++
    if (score > bestScore) [best, bestScore] = [s, score]
  }
  return firstSentence(best, max)
}

/** What an answer shows besides its text: verdict, related passages, follow-ups, feedback. */
export interface AnswerView {
  /** The key of the verdict's text (`verdictYes`…), when the answer has one. */
  verdict: StringKey | null
  related: RelatedItem[]
  followUps: string[]
  /** Whether to offer 👍/👎: the answer has an id and the page did not turn feedback off. */
  feedback: boolean
}

const VERDICTS: Record<string, StringKey> = {
  yes: 'verdictYes',
  no: 'verdictNo',
  'not-stated': 'verdictNotStated',
}

/**
 * Everything an answer shows besides its text, from the answer alone (pure, so it is tested
 * without a browser).
 */
export function answerView(
  a: Answer,
  options: { feedback: boolean; question?: string },
): AnswerView {
  const related = a.answerable
    ? []
    : (a.related ?? []).map((c) => ({
        citation: c,
        title:
          c.sectionTitle && !c.label.includes(c.sectionTitle)
            ? `${c.label} — ${c.sectionTitle}`
            : c.label,
        sentence: closestSentence(c.quote, options.question ?? a.standaloneQuestion),
      }))
  const seen = new Set<string>()
  const followUps = (Array.isArray(a.followUps) ? a.followUps : [])
    .filter((q): q is string => typeof q === 'string')
    .map((q) => q.trim())
    .filter((q) => q && !seen.has(q) && seen.add(q))
    .slice(0, MAX_FOLLOW_UPS)
  return {
    verdict: (a.verdict && VERDICTS[a.verdict]) || null,
    related,
    followUps,
    feedback: options.feedback && typeof a.id === 'string' && a.id.length > 0,
  }
}

/** The table id of a table-row citation (`II.4/table-8.3/row-13` → `8.3`), or `null`. */
export function tableIdOf(c: Citation): string | null {
  if (c.kind !== 'table-row') return null
  return /\/table-(\d+\.\d+)\/row-\d+$/.exec(c.id)?.[1] ?? null
}

/**
 * A table row as column name → value pairs, as printed (so a card shows
 * `Economy: Spain, Share (percent): 45.57` rather than a bare printed line).
 */
export function rowFields(table: TableData, rowId: string): Array<[string, string]> | null {
  const row = table.rows.find((r) => r.id === rowId)
  if (!row) return null
  return table.columns.map((col) => [
    col.label,
    row.printed?.[col.key] ?? (row[col.key] === undefined ? '' : String(row[col.key])),
  ])
}
