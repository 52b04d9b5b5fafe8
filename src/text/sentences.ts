/**
 * Sentence boundaries for the chapter's cleaned English prose.
 *
 * A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by whitespace
 * and a capital letter, a digit or an opening quote — except after the abbreviations the chapter
 * uses (`Rep. of Korea`, `fig. 8.1`, `e.g.`, `etc.`).
 */

const ABBREVIATIONS = new Set([
  'rep',
  'fig',
  'figs',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'no',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'u.s',
  'u.k',
  'approx',
  'co',
  'inc',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
])

/** A sentence as a half-open range of the text it was found in. */
export interface SentenceRange {
  start: number
  end: number
}

const BOUNDARY = /[.!?]["”’')\]]*(?=\s+["“‘'(]?[\p{Lu}\d])/gu

/**
 * Splits text into sentence ranges (whitespace between sentences is not part of either).
 *
 * @example
 * splitSentences('China and Rep. of Korea met. In 2024 they signed.')
 * // [{ start: 0, end: 28 }, { start: 29, end: 50 }]
 */
export function splitSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = []
  let start = skipWs(text, 0)
  for (const m of text.matchAll(BOUNDARY)) {
    const dot = m.index
    const end = dot + m[0].length
    if (text[dot] === '.' && isAbbreviation(text, dot)) continue
    if (end <= start) continue
    out.push({ start, end })
    start = skipWs(text, end)
  }
  const tailEnd = trimEnd(text)
  if (start < tailEnd) out.push({ start, end: tailEnd })
  return out
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1
  while (i >= 0 && /[\p{L}.]/u.test(text[i] as string)) i--
  const word = text.slice(i + 1, dot).toLowerCase()
  if (word.length === 0) return false
  if (ABBREVIATIONS.has(word)) return true
  // A single capital initial ("J. Smith").
  return /^\p{Lu}$/u.test(text.slice(i + 1, dot))
}

function skipWs(text: string, i: number): number {
  let j = i
  while (j < text.length && /\s/.test(text[j] as string)) j++
  return j
}

function trimEnd(text: string): number {
  let j = text.length
  while (j > 0 && /\s/.test(text[j - 1] as string)) j--
  return j
}

/** Where one clause of a sentence ends and another begins: ", and …", "; …", ", while …". */
export const CLAUSE_BREAK = /,\s*(?:and|while|whereas|but)\s+|;\s*/

/**
 * The clauses of a text: split at clause breaks (see {@link CLAUSE_BREAK}) and, with
 * `sentences`, at sentence ends too.
 *
 * @example
 * clausesOf('GAC and Bosch have collaborated, and Volkswagen and Xiaopeng have signed') // 2 clauses
 */
export function clausesOf(text: string, sentences = false): string[] {
  if (sentences) return text.split(/(?<=[.!?])\s+/).flatMap((s) => clausesOf(s))
  // "… in Eastern Europe, Central Asia, and Africa": the last item of a list is no clause.
  const out: string[] = []
  for (const piece of text.split(CLAUSE_BREAK)) {
    const head = (piece.split(/[.,;!?]/)[0] ?? '').trim()
    const prev = out.at(-1)
    if (
      prev !== undefined &&
      head !== '' &&
      (head.split(/\s+/).length <= LIST_TAIL_WORDS || COUNTED_ITEM.test(head))
    ) {
      // The list ends with its sentence; what follows is a clause of its own.
      const end = /^(.*?[.!?])\s+(\S.*)$/s.exec(piece)
      out[out.length - 1] = `${prev}, and ${end ? end[1] : piece}`
      if (end?.[2]) out.push(end[2])
    } else out.push(piece)
  }
  return out
}

/**
 * A piece after ", and" that starts with a count ("… 17 solar pump systems, and 2 centralized
 * systems in the villages of …") is the last item of a list of counted things, not a clause.
 */
const COUNTED_ITEM = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+[a-z]/i

/** A piece after ", and" this short ("Africa", "legal responsibilities") ends a list, not a clause. */
const LIST_TAIL_WORDS = 3
