import nlp from 'compromise'
import { LRUCache } from 'lru-cache'
import { type Found, isCodeWord, looseNumbers, NUMBERISH, plainNumbers } from './plain-numbers.ts'

/** A number a question mentions, read by `compromise` (digits, number words, ordinals). */
export interface NumberMention {
  value: number
  /** "third", "3rd", "sixth": a position, not an amount. */
  ordinal: boolean
  /** Written with `%`, "percent" or "per cent". */
  percent: boolean
  /** A plausible year (1900–2100, no separators, not a percentage or ordinal). */
  year: boolean
  /** Offsets into the text given. */
  start: number
  end: number
  text: string
}

const ORDINAL_TEXT =
  /^(?:\d+(?:st|nd|rd|th)|[a-z-]*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth|hundredth))\W*$/i

/**
 * Texts up to this long are read whole: a question's own words around its numbers. In a longer
 * one (a pasted paragraph, a long history turn, a long part) compromise reads only the words
 * near number-like ones, so that its cost follows the numbers, not the length: a 2,000-character
 * message of numbers cost it about a second, and a 200-character part of number words 5–15 ms.
 */
const READ_WHOLE_CHARS = 100
/** Characters kept on each side of a number-like word in a long text (a number's own words). */
const NUMBER_CONTEXT_CHARS = 12
/**
 * Number-like words read in a long text, at most; a question names a few numbers, not hundreds.
 * Each costs compromise ≈ 1–2 ms to tag and parse with the words around it, and a conversation
 * has several long texts (each turn, as asked and as resolved). The evaluation's answers are the
 * same with 4 as with 6.
 */
const MAX_NUMBERISH = 4
/** Number-like words, each digit group one match ("1,233.5%"), for counting them. */
const NUMBERISH_ALL = new RegExp(NUMBERISH.source.replace('\\d|', '\\d[\\d.,]*%?|'), 'gi')
/** The whitespace-separated word around offset `at` of `text`. */
function wordAt(text: string, at: number): string {
  let from = at
  while (from > 0 && !/\s/.test(text[from - 1] as string)) from--
  let to = at
  while (to < text.length && !/\s/.test(text[to] as string)) to++
  return text.slice(from, to)
}

/**
 * A long text with everything far from its first number-like words blanked out (same length, so
 * offsets stay valid): compromise then reads a few short phrases, not thousands of words. A code
 * such as "G20" or a search's nonce holds no number (see {@link isCodeWord}) and is not counted:
 * it would take a number's place and lengthen the phrases read.
 */
function nearNumbers(masked: string): string {
  if (masked.length <= READ_WHOLE_CHARS) return masked
  const keep: Array<[number, number]> = []
  let seen = 0
  for (const m of masked.matchAll(NUMBERISH_ALL)) {
    if (isCodeWord(wordAt(masked, m.index))) continue
    // Counted as words, not as kept phrases: in a text dense with numbers the phrases merge into one.
    if (++seen > MAX_NUMBERISH) break
    const from = Math.max(0, m.index - NUMBER_CONTEXT_CHARS)
    const to = Math.min(masked.length, m.index + m[0].length + NUMBER_CONTEXT_CHARS)
    const last = keep.at(-1)
    if (last && from <= last[1]) last[1] = to
    else keep.push([from, to])
  }
  let out = ''
  let at = 0
  for (const [from, to] of keep) {
    // Cut at word boundaries, so that no kept phrase starts or ends in half a word.
    const a = Math.max(at, masked.lastIndexOf(' ', from) + 1)
    const zi = masked.indexOf(' ', to)
    const z = zi === -1 ? masked.length : zi
    out += ' '.repeat(a - at) + masked.slice(a, z)
    at = z
  }
  return out + ' '.repeat(masked.length - at)
}

interface NlpNumberJson {
  text: string
  offset?: { start: number; length: number }
  number?: { num: number; suffix?: string }
}

/**
 * The numbers of a text, in order, with where they are. Table, figure, box, section and footnote
 * references ("Table 8.3", "footnote 2", "section II.3") are not numbers of the question.
 *
 * @example
 * numbersIn('the third-highest share, between 30% and 40%')
 * // [{ value: 3, ordinal: true, … }, { value: 30, percent: true, … }, { value: 40, percent: true, … }]
 */
export function numbersIn(text: string, chapters?: readonly string[]): NumberMention[] {
  // A conversation's texts are read several times per answer (each turn as a question, then as
  // the previous turn): compromise reads each once.
  const key = `${reading === 'loose' ? '\u0000' : ''}${chapters ? `${chapters.join(',')}\u0001` : ''}${text}`
  let known = readNumbers.get(key)
  if (!known) {
    const before = notPlain
    known = readNumbersOf(text, true, reading === 'loose', chapters)
    if (notPlain !== before) notPlainTexts.set(text, true)
    readNumbers.set(key, known)
  }
  if (notPlainTexts.has(text)) notPlainSeen++
  return known.map((n) => ({ ...n }))
}

/**
 * How numbers are read: `full`, by compromise where its grammar may matter; `loose`, never by
 * compromise (see `looseNumbers`), for readings whose numbers are worth less than its cost.
 */
export type NumberReading = 'full' | 'loose'
let reading: NumberReading = 'full'

/** How {@link numbersIn} reads now (readings made now must be remembered apart by it). */
export function numberReading(): NumberReading {
  return reading
}

/**
 * Runs `read` (synchronous) with numbers read as `mode`, then as before. Resolving a follow-up
 * reads every earlier turn of a conversation as a question, each costing compromise ≈ 2–15 ms
 * when its numbers are not plain: read loosely, a long conversation's resolution costs no
 * compromise read at all, while the question it resolves to is read in full.
 */
export function withNumberReading<T>(mode: NumberReading, read: () => T): T {
  const before = reading
  reading = mode
  try {
    return read()
  } finally {
    reading = before
  }
}

/** Bytes of texts and numbers {@link numbersIn} remembers (per cache). */
const NUMBERS_CACHE_BYTES = 2 * 1024 * 1024
/** Bytes of compromise's readings remembered. */
const COMPROMISE_CACHE_BYTES = 1024 * 1024
/** Bytes counted per number remembered (its fields and the object). */
const FOUND_BYTES = 96
/** Bytes counted per number mention remembered (its fields, its text, the object). */
const MENTION_BYTES = 160

/** Texts whose numbers were read lately (their mentions are copied out, never shared). */
const readNumbers = new LRUCache<string, NumberMention[]>({
  maxSize: NUMBERS_CACHE_BYTES,
  sizeCalculation: (found, key) => 2 * key.length + MENTION_BYTES * (found.length + 1),
})

/** Texts read lately that the fast path could not read (see {@link notPlainReads}). */
const notPlainTexts = new LRUCache<string, true>({
  maxSize: NUMBERS_CACHE_BYTES,
  sizeCalculation: (_, key) => 2 * key.length + FOUND_BYTES,
})
/** Texts the fast path could not read, read uncached. */
let notPlain = 0
/** Calls of {@link numbersIn} with such a text, cached or not. */
let notPlainSeen = 0

/**
 * How many times {@link numbersIn} was given a text whose numbers the fast path cannot read (so
 * compromise, or the loose reading, did), cached or not: a reading during which this did not
 * change read the same numbers in either {@link NumberReading}.
 */
export function notPlainReads(): number {
  return notPlainSeen
}

/**
 * What compromise reports of each number: its offset and value, without its terms (their tags
 * copied), which cost a third of the call. (compromise's types do not know `terms: false`.)
 */
const NUMBER_JSON = { offset: true, terms: false } as object

/**
 * Forgets every text read and every compromise reading, so that the next reads cost what a
 * text never seen costs (cost searches call it before each measured request: an input varied
 * near its numbers defeats these caches, a nonce far from them no longer does).
 */
export function forgetReadNumbers(): void {
  readNumbers.clear()
  compromiseRead.clear()
}

let compromiseCalls = 0
/** How many texts compromise has read in this process (tests and cost reports count its calls). */
export function compromiseReads(): number {
  return compromiseCalls
}

/**
 * What compromise read lately, by the text it read without the blanks around it (offsets into
 * that text). Texts that differ only far from their numbers (a turn as asked, its core, its
 * resolved form, its parts; a long text's phrases kept around the same numbers) are read once.
 */
const compromiseRead = new LRUCache<string, Found[]>({
  maxSize: COMPROMISE_CACHE_BYTES,
  sizeCalculation: (found, key) => 2 * key.length + FOUND_BYTES * (found.length + 1),
})

/** The numbers compromise reads in a text (offsets into it). */
function compromiseNumbers(text: string): Found[] {
  const read = text.trim()
  const lead = text.length - text.trimStart().length
  let found = compromiseRead.get(read)
  if (!found) {
    found = compromiseReadsOf(read)
    compromiseRead.set(read, found)
  }
  return found.map((n) => ({ ...n, start: n.start + lead }))
}

/** compromise's reading of a text, uncached. */
function compromiseReadsOf(read: string): Found[] {
  compromiseCalls++
  const out: Found[] = []
  for (const n of nlp(read).numbers().json(NUMBER_JSON) as NlpNumberJson[]) {
    const value = n.number?.num
    if (value === undefined || !Number.isFinite(value) || !n.offset) continue
    out.push({
      value,
      start: n.offset.start,
      length: n.offset.length,
      percentSuffix: n.number?.suffix === '%',
    })
  }
  return out
}

/**
 * The numbers of a text, uncached. With `fastPath` false, compromise reads every text that has
 * something number-like (the reference the fast path is tested against); with `loose`, none
 * (see `looseNumbers`).
 */
export function readNumbersOf(
  text: string,
  fastPath = true,
  loose = false,
  /**
   * The chapter numbers a part's id may start with ("8" for Table 8.4): "the 2020 table 12.5"
   * then reads 12.5 as a value, since no part 12.5 exists (the chapter's figures and boxes are
   * numbered as its tables are). Without them, or with none, every id is a part's.
   */
  chapters?: readonly string[],
): NumberMention[] {
  const masked = text.replace(
    /\b(tables?|figures?|figs?\.?|box(?:es)?|footnotes?|notes?|sections?|item|no\.|number|#)\s*((?:\d+\.)*\d+|[ivx]+\.\d+)/gi,
    (m, _part: string, id: string) =>
      chapters?.length && /^\d+\.\d/.test(id) && !chapters.includes(id.split('.')[0] as string)
        ? m
        : ' '.repeat(m.length),
  )
  // compromise costs ~1.5 ms a text: most questions have no number at all, and skip it.
  if (!NUMBERISH.test(masked)) return []
  const read = nearNumbers(masked)
  const plain = fastPath ? plainNumbers(read) : null
  if (!plain) notPlain++
  const found = plain ?? (loose ? looseNumbers(read) : compromiseNumbers(read))
  const out: NumberMention[] = []
  for (const n of found) {
    const value = n.value
    const start = n.start
    const raw = text.slice(start, start + n.length)
    const tail = text.slice(start + n.length, start + n.length + 12).toLowerCase()
    const percent =
      n.percentSuffix || raw.includes('%') || /^\s*(%|percent|per cent|pct)/.test(tail)
    const ordinal = ORDINAL_TEXT.test(raw.trim())
    out.push({
      value,
      ordinal,
      percent,
      year:
        !percent &&
        !ordinal &&
        Number.isInteger(value) &&
        value >= 1900 &&
        value <= 2100 &&
        // "2,020" is no year; "in 2020, right?" is (the comma after it is the sentence's).
        !/,/.test(raw.trim().replace(/[,.;:]+$/, '')),
      start,
      end: start + n.length,
      text: raw.trim(),
    })
  }
  return out
}
