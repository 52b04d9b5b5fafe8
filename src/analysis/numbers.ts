import nlp from 'compromise'
import { LRUCache } from 'lru-cache'

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

/** Digits, number words or ordinals: a text without any holds no number for compromise to read. */
const NUMBERISH =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth|hundredth)\b/i

/**
 * Texts up to this long are read whole. In a longer one (a pasted paragraph, a long history turn)
 * compromise reads only the words near number-like ones, so that its cost follows the numbers, not
 * the length: a 2,000-character message of numbers cost it about a second.
 */
const READ_WHOLE_CHARS = 200
/** Characters kept on each side of a number-like word in a long text (a number's own words). */
const NUMBER_CONTEXT_CHARS = 12
/** Number-like words read in a long text, at most; a question names a few numbers, not hundreds. */
const MAX_NUMBERISH = 6
const NUMBERISH_ALL = new RegExp(NUMBERISH.source, 'gi')

/**
 * A long text with everything far from its first number-like words blanked out (same length, so
 * offsets stay valid): compromise then reads a few short phrases, not thousands of words.
 */
function nearNumbers(masked: string): string {
  if (masked.length <= READ_WHOLE_CHARS) return masked
  const keep: Array<[number, number]> = []
  for (const m of masked.matchAll(NUMBERISH_ALL)) {
    if (keep.length >= MAX_NUMBERISH) break
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
export function numbersIn(text: string): NumberMention[] {
  // A conversation's texts are read several times per answer (each turn as a question, then as
  // the previous turn): compromise reads each once.
  let known = readNumbers.get(text)
  if (!known) {
    known = readNumbersOf(text)
    readNumbers.set(text, known)
  }
  return known.map((n) => ({ ...n }))
}

/** Texts whose numbers were read lately (their mentions are copied out, never shared). */
const readNumbers = new LRUCache<string, NumberMention[]>({ max: 512 })

/** A number as compromise reports it: its value and where it is (offsets into the text read). */
interface Found {
  value: number
  start: number
  length: number
  /** compromise's suffix of the number was `%`. */
  percentSuffix: boolean
}

/** A number word or ordinal word (NUMBERISH without digits): compromise must read the text. */
const NUMBER_WORD = new RegExp(NUMBERISH.source.replace('\\d|', ''), 'i')
/**
 * A word compromise reads as a plain number, the same in any context: digits with optional
 * thousands separators and decimals, then optionally `%` and punctuation marks, which compromise
 * counts into the number's text ("1.", "2.2?", "5%,", "2016,?"). A decimal with a full stop after it ("5.1.", "5.1:.") it
 * reads as no number: not plain.
 */
const PLAIN_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:(\.\d+)%?[,?!;:]*|%?[.,?!;:]*)$/
/** A letter-first word with digits ("G20", "n1x1", "H1N1"): compromise reads no number in it. */
const CODE_WORD = /^[a-z]+\d[a-z\d]*$/i
/** A word after a number that makes compromise read more than the number ("5 point 3"). */
const JOINS_NEXT = /^(?:point)$/i
/** Words between two numbers that make compromise read a fraction ("5 of 7", "5 out of 7"). */
const FRACTION_OF = /^(?:of|out)$/i
/** Words before a number that change it ("minus 5", "point 5"). */
const JOINS_PREVIOUS = /^(?:minus|negative|point)$/i
/** Words that make compromise read fractions or sums around digits ("2 and a half"). */
const FRACTION_WORD = /\b(?:half|halves|quarters?|decimal)\b/i
/** A word with no letter or digit ("–", "?"): compromise may count it into the number before it. */
const PUNCTUATION_ONLY = /^[^\p{L}\p{N}]+$/u
/** The tags of compromise's lexicon that make a word a number ("billions", "a few", "tenths"). */
const NUMBER_TAGS = /Value|Cardinal|Ordinal|Multiple|Fraction/
/** A word compromise may read as a roman numeral ("II", "XVII"; its own test is narrower). */
const ROMAN_NUMERAL = /^[IVXLCDM]{2,}$/
/** Articles, which compromise reads as a number only next to a number word (not alone). */
const ARTICLES = new Set(['a', 'an'])

/** The tags of compromise's lexicon for names, after which it may read a number as a name's part ("Mary 4"). */
const NAME_TAGS = /Name|Person|Honorific/

/** Words of compromise's lexicon that change how it reads digits near them. */
interface NumberLexicon {
  /** Words it tags as a number ("billions", "a few", "tenths"; words of multi-word entries too). */
  numbers: Set<string>
  /** Words before which a number is read otherwise: names, and articles ("a 5," is a noun). */
  before: Set<string>
}

let lexiconWords: NumberLexicon | null = null
/** The words of compromise's lexicon that {@link plainNumbers} must leave to compromise. */
function numberLexicon(): NumberLexicon {
  if (lexiconWords) return lexiconWords
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon
  lexiconWords = { numbers: new Set(), before: new Set(ARTICLES) }
  for (const [entry, tag] of Object.entries(lexicon)) {
    if (NUMBER_TAGS.test(String(tag)))
      for (const w of entry.split(' ')) if (!ARTICLES.has(w)) lexiconWords.numbers.add(w)
    if (NAME_TAGS.test(String(tag))) lexiconWords.before.add(entry)
  }
  return lexiconWords
}

/** A word lower-cased without the punctuation around it. */
const bare = (word: string): string => word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')

/**
 * The numbers of a text that has digits but no number words, read without compromise (which costs
 * ≈ 2–4 ms a call, most of a long conversation's cost): each whitespace-separated word is a plain
 * number, a code such as "G20", or has no digit. Null when any word or neighbour is one whose
 * reading compromise's grammar may change (a fraction, a range, a sign, a date): then compromise
 * reads the text. Tests compare both readings on generated texts.
 */
function plainNumbers(read: string): Found[] | null {
  if (NUMBER_WORD.test(read) || FRACTION_WORD.test(read)) return null
  const lexicon = numberLexicon()
  const words = [...read.matchAll(/\S+/g)]
  const out: Found[] = []
  for (const [i, m] of words.entries()) {
    const word = m[0]
    if (!/\d/.test(word)) {
      // compromise splits "trillion-dollar" and reads its number word; "II." is a roman numeral.
      for (const part of word.split(/[^\p{L}]+/u))
        if (ROMAN_NUMERAL.test(part) || lexicon.numbers.has(part.toLowerCase())) return null
      continue
    }
    if (CODE_WORD.test(word)) continue
    const plain = PLAIN_NUMBER.exec(word)
    if (!plain) return null
    const next = words[i + 1]?.[0] ?? ''
    const previous = words[i - 1]?.[0] ?? ''
    if (JOINS_NEXT.test(next) || JOINS_PREVIOUS.test(previous)) return null
    // "5 of 7" is a fraction; "5 of the 7" and "9 of new" are not.
    if (FRACTION_OF.test(next) && words.slice(i + 2, i + 4).some((w) => /\d/.test(w[0])))
      return null
    if (PUNCTUATION_ONLY.test(next) || PUNCTUATION_ONLY.test(previous)) return null
    if (lexicon.before.has(bare(previous))) return null
    const value = Number(`${(plain[1] as string).replaceAll(',', '')}${plain[2] ?? ''}`)
    out.push({ value, start: m.index, length: word.length, percentSuffix: word.includes('%') })
  }
  return out
}

/**
 * What compromise reports of each number: its offset and value, without its terms (their tags
 * copied), which cost a third of the call. (compromise's types do not know `terms: false`.)
 */
const NUMBER_JSON = { offset: true, terms: false } as object

/** The numbers compromise reads in a text. */
function compromiseNumbers(read: string): Found[] {
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
 * something number-like (the reference the fast path is tested against).
 */
export function readNumbersOf(text: string, fastPath = true): NumberMention[] {
  const masked = text.replace(
    /\b(tables?|figures?|figs?\.?|box(?:es)?|footnotes?|notes?|sections?|item|no\.|number|#)\s*((?:\d+\.)*\d+|[ivx]+\.\d+)/gi,
    (m) => ' '.repeat(m.length),
  )
  // compromise costs ~1.5 ms a text: most questions have no number at all, and skip it.
  if (!NUMBERISH.test(masked)) return []
  const read = nearNumbers(masked)
  const found = (fastPath ? plainNumbers(read) : null) ?? compromiseNumbers(read)
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
        !/,/.test(raw),
      start,
      end: start + n.length,
      text: raw.trim(),
    })
  }
  return out
}
