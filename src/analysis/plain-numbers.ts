import nlp from 'compromise'
import { CARDINAL_WORDS, ORDINAL_WORDS } from '../text/number-words.ts'

// Reading the numbers of a text without compromise, exactly as compromise reads them, where its
// grammar cannot change the reading (see `numbers.ts`; compromise costs ≈ 1.5–10 ms a text).

/** Digits, number words or ordinals: a text without any holds no number for compromise to read. */
export const NUMBERISH =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth|hundredth)\b/i

/** A number as compromise reports it (or would): its value and where it is (offsets into the text read). */
export interface Found {
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
/**
 * A letter-first word with digits ("G20", "n1x1", "H1N1"), possibly in quotes or brackets and
 * with punctuation after it ('"G20",', "(H1N1)", "n1x1?"): compromise reads no number in it.
 * (Without the punctuation allowed, a quoted code sent every text quoting a message to
 * compromise, ≈ 1.5–5 ms each.)
 */
const CODE_WORD = /^[("'“‘[]*[a-z]+\d[a-z\d]*[)"'”’\].,?!;:]*$/i
/** A code such as "G20", '"n1x2",' or "(H1N1)": compromise reads no number in it. */
export function isCodeWord(word: string): boolean {
  return CODE_WORD.test(word)
}
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

/** The tags of compromise's lexicon for a person's role ("driver", "partners"; "Actor|Verb" too). */
const ACTOR_TAGS = /Actor/
/** Words of compromise's lexicon that change how it reads digits near them. */
interface NumberLexicon {
  /** Words it tags as a number ("billions", "a few", "tenths"; words of multi-word entries too). */
  numbers: Set<string>
  /** Words before which a number is read otherwise: names, and articles ("a 5," is a noun). */
  before: Set<string>
  /** A word compromise may read as a person's role ("driver", "partners"; see ACTOR_ENDING). */
  actor: (word: string) => boolean
}

let lexiconWords: NumberLexicon | null = null
/** The words of compromise's lexicon that {@link plainNumbers} must leave to compromise. */
function numberLexicon(): NumberLexicon {
  if (lexiconWords) return lexiconWords
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon
  const actors = new Set<string>()
  lexiconWords = {
    numbers: new Set(),
    before: new Set(ARTICLES),
    actor: (w) => actors.has(w) || (!(w in lexicon) && ACTOR_ENDING.test(w)),
  }
  for (const [entry, tag] of Object.entries(lexicon)) {
    if (ACTOR_TAGS.test(String(tag))) actors.add(entry)
    if (NUMBER_TAGS.test(String(tag)))
      for (const w of entry.split(' ')) if (!ARTICLES.has(w)) lexiconWords.numbers.add(w)
    if (NAME_TAGS.test(String(tag))) lexiconWords.before.add(entry)
  }
  return lexiconWords
}

/** A word lower-cased without the punctuation around it. */
const bare = (word: string): string => word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')

/** The value of each number word read alone, as compromise's lexicon tags it (cardinals, ordinals, multiples). */
const WORD_VALUES: ReadonlyMap<string, number> = new Map([
  ...CARDINAL_WORDS.slice(0, 19).map((w, i): [string, number] => [w, i + 1]),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map(
    (w, i): [string, number] => [w, (i + 2) * 10],
  ),
  // Not "second": compromise reads it as a verb or a noun in some sentences ("scientists second
  // entrepreneurs"), as "a second" a half.
  ...ORDINAL_WORDS.slice(0, 10).flatMap(
    (w, i): Array<[string, number]> => (w === 'second' ? [] : [[w, i + 1]]),
  ),
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
])
/**
 * A number word as compromise reads it alone: letters only, then at most a comma ("third,";
 * with a full stop or a question mark it reads "Third." as 0, and quotes and brackets shift the
 * offsets). Its first group is the word.
 */
const SIMPLE_NUMBER_WORD = /^([A-Za-z]+),?$/
/**
 * The other words of compromise's multi-word lexicon entries with a number word ("first lady",
 * "capital one", "one on one", "7 eleven"): next to them a number word may be part of a name.
 */
const NUMBER_COMPANIONS = new Set(['lady', 'ladies', 'capital', 'on', '7'])
/** An ordinal number word ("first", "tenth"). */
const ORDINAL_WORD = /^[a-z]+th,?$|^(?:first|third),?$/i
/** Auxiliary verbs, after which compromise may read a number word as a verb ("been hundred"). */
const AUXILIARY =
  /^(?:be|been|being|am|is|are|was|were|have|has|had|having|do|does|did|will|would|shall|should|can|could|may|might|must)$/
/**
 * Endings compromise reads as a person's role in a word its lexicon does not know ("-er",
 * "-ist", "-ian"), the usual endings of such words and their plurals.
 */
const ACTOR_ENDING = /(?:er|or|ist|ian|ant|ent|eer|ee|ess)s?$/
/** A word with a capital letter (a number word written so may be a name's part). */
const HAS_CAPITAL = /\p{Lu}/u
/** Words between two numbers that compromise may join into one ("one hundred and five", "5 of 7", "a second"). */
const JOINS_NUMBERS = /^(?:and|of|out|a|an)$/i

/** The value of a word that is a lone number word compromise reads the same anywhere, if it is one. */
function simpleNumberWord(word: string): number | undefined {
  const m = SIMPLE_NUMBER_WORD.exec(word)
  return m ? WORD_VALUES.get((m[1] as string).toLowerCase()) : undefined
}

/**
 * The numbers of a text read without compromise (which costs ≈ 2–10 ms a call, most of a long
 * conversation's cost): each whitespace-separated word is a plain number, a code such as "G20",
 * a lone number word ("third", "Ten", "billion,") with no number, name, article or joining word
 * next to it, or has no digit and no number word. Null when any word or neighbour is one whose
 * reading compromise's grammar may change (a fraction, a range, a sign, a date, a compound such
 * as "twenty-first" or "ten billion"): then compromise reads the text. Tests compare both
 * readings on generated texts and every evaluation text.
 */
export function plainNumbers(read: string): Found[] | null {
  if (FRACTION_WORD.test(read)) return null
  const lexicon = numberLexicon()
  const words = [...read.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }))
  /** A word that holds or may join a number: digits, a number word, a roman numeral, a lexicon number. */
  const numeric = words.map(({ text }) => {
    if (/\d/.test(text) || NUMBER_WORD.test(text)) return true
    for (const part of text.split(/[^\p{L}]+/u))
      if (ROMAN_NUMERAL.test(part) || lexicon.numbers.has(part.toLowerCase())) return true
    return false
  })
  const out: Found[] = []
  for (const [i, { text: word, at }] of words.entries()) {
    if (!numeric[i]) continue
    const next = words[i + 1]?.text ?? ''
    const previous = words[i - 1]?.text ?? ''
    if (PUNCTUATION_ONLY.test(next) || PUNCTUATION_ONLY.test(previous)) return null
    if (lexicon.before.has(bare(previous))) return null
    const wordValue = simpleNumberWord(word)
    if (wordValue !== undefined) {
      // Alone: no number within two words through a joining word, no name it may belong to.
      if (numeric[i - 1] || numeric[i + 1]) return null
      if (JOINS_NUMBERS.test(next) && numeric[i + 2]) return null
      if (JOINS_NUMBERS.test(previous) && numeric[i - 2]) return null
      if (JOINS_NEXT.test(next) || JOINS_PREVIOUS.test(previous)) return null
      // "twenty a year": compromise counts the article into the number.
      if (ARTICLES.has(bare(next))) return null
      if (NUMBER_COMPANIONS.has(bare(next)) || NUMBER_COMPANIONS.has(bare(previous))) return null
      // "the first driver", "third partners": compromise reads an ordinal before a person's role
      // as a title; "been hundred" it reads as a verb.
      if (ORDINAL_WORD.test(word) && lexicon.actor(bare(next))) return null
      if (AUXILIARY.test(bare(previous))) return null
      // "the Third Belt and Road Forum", "mutual One": compromise may read a capitalised number
      // word as a name's part, except as the text's first word before a lower-case one.
      if (HAS_CAPITAL.test(word) && (i > 0 || HAS_CAPITAL.test(next))) return null
      out.push({ value: wordValue, start: at, length: word.length, percentSuffix: false })
      continue
    }
    // compromise splits "trillion-dollar" and reads its number word; "II." is a roman numeral.
    if (!/\d/.test(word)) return null
    if (CODE_WORD.test(word)) continue
    const plain = PLAIN_NUMBER.exec(word)
    if (!plain) return null
    if (JOINS_NEXT.test(next) || JOINS_PREVIOUS.test(previous)) return null
    // A number word next to digits may join them ("ten 45" does not, "2 million" does).
    if (words[i - 1] && simpleNumberWord(previous) !== undefined) return null
    if (words[i + 1] && simpleNumberWord(next) !== undefined) return null
    // "5 of 7" is a fraction; "5 of the 7" and "9 of new" are not.
    if (FRACTION_OF.test(next) && words.slice(i + 2, i + 4).some((w) => /\d/.test(w.text)))
      return null
    const value = Number(`${(plain[1] as string).replaceAll(',', '')}${plain[2] ?? ''}`)
    out.push({ value, start: at, length: word.length, percentSuffix: word.includes('%') })
  }
  return out
}

/** Ordinal words compromise may read otherwise ("second" as a verb), read as ordinals here. */
const LOOSE_WORD_VALUES: ReadonlyMap<string, number> = new Map([...WORD_VALUES, ['second', 2]])
/** A number word with any punctuation after it ("billion?"), its first group the word. */
const LOOSE_NUMBER_WORD = /^([A-Za-z]+)[,.?!;:]*$/
/** A number at the start of a word (after brackets or quotes): its digits, decimals and `%`. */
const LEADING_NUMBER =
  /^([("'“‘[]*)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)(?:(?<=\d)(?:st|nd|rd|th)\b)?/

/**
 * The numbers of a text read without compromise and without refusing any text, for where its
 * cost is not worth it (see `numbers.ts`): every plain number (its leading digits, so "33.4" of
 * "33.4-fold") and every lone number word, each on its own. Compounds and joined numbers ("ten
 * billion", "twenty-first", "5 of 7") are read as their parts or not at all: close to
 * compromise's reading for the plain numbers and lone words questions use, never further.
 */
export function looseNumbers(read: string): Found[] {
  const out: Found[] = []
  for (const m of read.matchAll(/\S+/g)) {
    const word = m[0]
    const simple = LOOSE_NUMBER_WORD.exec(word)
    const wordValue = simple
      ? LOOSE_WORD_VALUES.get((simple[1] as string).toLowerCase())
      : undefined
    if (wordValue !== undefined) {
      out.push({ value: wordValue, start: m.index, length: word.length, percentSuffix: false })
      continue
    }
    if (CODE_WORD.test(word)) continue
    // A plain number word by word as the fast path reads it (its punctuation counted in).
    const plain = PLAIN_NUMBER.exec(word)
    if (plain) {
      const value = Number(`${(plain[1] as string).replaceAll(',', '')}${plain[2] ?? ''}`)
      out.push({ value, start: m.index, length: word.length, percentSuffix: word.includes('%') })
      continue
    }
    const n = LEADING_NUMBER.exec(word)
    if (!n) continue
    const lead = (n[1] as string).length
    const digits = `${(n[2] as string).replaceAll(',', '')}${n[3] ?? ''}`
    out.push({
      value: Number(digits),
      start: m.index + lead,
      length: n[0].length - lead,
      percentSuffix: n[4] === '%',
    })
  }
  return out
}
