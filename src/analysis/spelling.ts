import { LRUCache } from 'lru-cache'
import { STOP_WORDS_EN } from '../text/normalize.ts'

/**
 * Spelling correction of questions against the chapter's own words and the embedding model's
 * vocabulary: "whch centrallity germnay" → "which centrality germany".
 */

/** Text-speak and abbreviations readers type, with what they stand for (reviewed by hand). */
const SHORTHAND: Record<string, string> = {
  r: 'are',
  u: 'you',
  ur: 'your',
  w: 'with',
  b4: 'before',
  abt: 'about',
  bc: 'because',
  cuz: 'because',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  govt: 'government',
  gov: 'government',
  natl: 'national',
  intl: 'international',
  info: 'information',
  num: 'number',
  no: 'no',
  vs: 'versus',
  wat: 'what',
  wats: 'what is',
  whats: 'what is',
  hows: 'how is',
  whos: 'who is',
  wheres: 'where is',
  thru: 'through',
  tho: 'though',
  ppl: 'people',
  yr: 'year',
  yrs: 'years',
  pct: 'percent',
  '2': 'to',
  '4': 'for',
  n: 'and',
  y: 'why',
  k: 'ok',
}

/** Words kept as typed even though no vocabulary lists them (names of the chapter's tables etc. are added at build time). */
const ALWAYS_KNOWN = new Set([
  // The words question analysis reads intents from, in both spellings: known whatever vocabulary
  // the host ships (the Workers host prunes the model's).
  'summarise',
  'summarize',
  'summary',
  'overview',
  'enumerate',
  'explain',
  'describe',
  'tldr',
  'gist',
  'ok',
  'brf',
  'bri',
  'ai',
  'pct',
  'iea',
  'ipf',
  'ipfs',
  'lces',
  'mems',
  'cnc',
  'vlsi',
  'eu',
  'un',
  'us',
  'uk',
  'usa',
])

/** Above this frequency rank (of the model's vocabulary, most frequent first) a word may be a typo of a chapter word. */
const RARE_RANK = 80_000
/** Correction candidates from the model's vocabulary: its most frequent words. */
const CANDIDATE_RANK = 30_000

/** A correction made to a question. */
export interface Correction {
  from: string
  to: string
}

/** Unknown words whose correction is remembered, at most. */
const MEMO_WORDS = 20_000

/** Unknown words of one text looked up for a correction, at most (see `Speller.correct`). */
export const MAX_LOOKUPS_PER_TEXT = 4

/** What inserting a character costs in {@link typoDistance} (the cheapest edit). */
const INSERT_COST = 0.75

/** How often each letter a–z occurs in a lower-case word. */
function letterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(26)
  for (let i = 0; i < word.length; i++) {
    const k = word.charCodeAt(i) - 97
    if (k >= 0 && k < 26) counts[k] = Math.min(255, (counts[k] as number) + 1)
  }
  return counts
}

/** Which letters a–z occur in a lower-case word, one bit each (bit k for the k-th letter). */
function letterMask(word: string): number {
  let mask = 0
  for (let i = 0; i < word.length; i++) {
    const k = word.charCodeAt(i) - 97
    if (k >= 0 && k < 26) mask |= 1 << k
  }
  return mask
}

/** The number of bits set in a 32-bit integer. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/**
 * A lower bound on {@link bagDistance} from the letters' masks alone: each letter one word has
 * and the other lacks is at least one letter beyond it. A few integer operations, where the bag
 * distance reads 26 counts: most candidates of a scan are ruled out by it.
 */
function maskDistance(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a))
}

/**
 * The bag distance of two words' letter counts: the larger of the letters one has beyond the
 * other. A lower bound on the number of edits between them (each changes it by at most one).
 */
function bagDistance(a: Uint8Array, b: Uint8Array): number {
  let more = 0
  let less = 0
  for (let i = 0; i < 26; i++) {
    const d = (a[i] as number) - (b[i] as number)
    if (d > 0) more += d
    else less -= d
  }
  return Math.max(more, less)
}

/**
 * Edit distance where inserting a character costs less (typists drop letters more often than they
 * add them) and swapping two neighbours costs one (Damerau). Stops early past `max`.
 */
export function typoDistance(typed: string, word: string, max: number): number {
  const n = typed.length
  const m = word.length
  if (Math.abs(n - m) > max + 1) return Number.POSITIVE_INFINITY
  const INS = INSERT_COST
  let prev2: number[] = []
  let prev = Array.from({ length: m + 1 }, (_, j) => j * INS)
  for (let i = 1; i <= n; i++) {
    const cur = [i]
    let rowMin = cur[0] as number
    for (let j = 1; j <= m; j++) {
      const cost = typed[i - 1] === word[j - 1] ? 0 : 1
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + INS,
        (prev[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1)
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return Number.POSITIVE_INFINITY
    prev2 = prev
    prev = cur
  }
  return prev[m] as number
}

/**
 * Corrects misspelled words. A word is left alone when the chapter uses it or the model's
 * vocabulary has it as a reasonably common word; otherwise it becomes the closest chapter word
 * (or common word), within one edit for short words and two for longer ones.
 *
 * @example
 * const speller = new Speller(chapterWords, modelVocabulary)
 * speller.correct('whch country has the higest centrallity') // { text: 'which country has the highest centrality', corrections: [...] }
 */
export class Speller {
  private readonly known: Set<string>
  /** Candidates by length: [word, preference] (chapter words first, then by frequency). */
  private readonly byLength = new Map<
    number,
    Array<{ word: string; rank: number; letters: Uint8Array; mask: number }>
  >()
  /** The letter masks of `byLength`'s lists, in their order (scanned without reading the entries). */
  private readonly masksByLength = new Map<number, Int32Array>()
  /**
   * Corrections looked up lately ('' for none); bounded, since every request can bring new
   * unknown words.
   */
  private readonly memo = new LRUCache<string, string>({ max: MEMO_WORDS })

  /**
   * @param chapterWords lower-case words of the chapter (and of its tables' names)
   * @param vocabulary the model's vocabulary, most frequent first
   */
  constructor(chapterWords: Iterable<string>, vocabulary: readonly string[] = []) {
    const chapter = new Set([...chapterWords].filter((w) => /^[a-z][a-z'-]*$/.test(w)))
    this.known = new Set([...chapter, ...ALWAYS_KNOWN, ...STOP_WORDS_EN])
    for (const w of vocabulary.slice(0, RARE_RANK)) this.known.add(w)
    const add = (word: string, rank: number) => {
      if (word.length < 2 || !/^[a-z]+$/.test(word)) return
      const list = this.byLength.get(word.length) ?? []
      list.push({ word, rank, letters: letterCounts(word), mask: letterMask(word) })
      this.byLength.set(word.length, list)
    }
    for (const w of chapter) add(w, -1)
    vocabulary.slice(0, CANDIDATE_RANK).forEach((w, i) => {
      if (!chapter.has(w)) add(w, i)
    })
    for (const [len, list] of this.byLength)
      this.masksByLength.set(
        len,
        Int32Array.from(list, (c) => c.mask),
      )
  }

  /** The correction of one lower-case word, or `null` when it is fine or nothing is close. */
  correctWord(word: string): string | null {
    const short = SHORTHAND[word]
    if (short !== undefined) return short === word ? null : short
    if (word.length < 3 || this.known.has(word) || !/^[a-z]+$/.test(word)) return null
    // British spellings of known words ("summarise", "organisation", "labour", "centre").
    const american = word
      .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
      .replace(/our(s?)$/, 'or$1')
      .replace(/tre(s?)$/, 'ter$1')
      .replace(/ence$/, 'ense')
      .replace(/ll(ed|ing)$/, 'l$1')
    if (american !== word && this.known.has(american)) return null
    const cached = this.memo.get(word)
    if (cached !== undefined) return cached || null
    const max = word.length <= 4 ? 1 : 2
    let best: { word: string; d: number; rank: number } | null = null
    const letters = letterCounts(word)
    const mask = letterMask(word)
    for (let len = word.length - max; len <= word.length + max + 1; len++) {
      const list = this.byLength.get(len)
      const masks = this.masksByLength.get(len)
      if (!list || !masks) continue
      for (let i = 0; i < masks.length; i++) {
        // Every edit changes the letters' counts by at most one each way and costs at least
        // INSERT_COST: a candidate whose counts differ by more cannot be within `max`. The
        // masks' bound (no more than the counts') rules out most candidates first, cheaply.
        if (maskDistance(mask, masks[i] as number) * INSERT_COST > max) continue
        const c = list[i] as (typeof list)[number]
        if (bagDistance(letters, c.letters) * INSERT_COST > max) continue
        const d = typoDistance(word, c.word, max)
        if (d > max) continue
        // Chapter words win ties; then the more frequent word.
        const better =
          !best || d < best.d - 1e-9 || (Math.abs(d - best.d) < 1e-9 && c.rank < best.rank)
        if (better) best = { word: c.word, d, rank: c.rank }
      }
    }
    const out =
      best && best.word[0] === word[0] ? best.word : best && best.d <= 1 ? best.word : null
    this.memo.set(word, out ?? '')
    return out
  }

  /** Corrects every word of a text, keeping everything else (case of untouched words, punctuation) as typed. */
  correct(text: string): { text: string; corrections: Correction[] } {
    const corrections: Correction[] = []
    // Each unknown word costs a scan of the candidates (a few ms): the first few of a text are
    // looked up, the rest are kept as typed (a text with more is not a question with typos).
    let lookups = 0
    const lookup = (lower: string): string | null => {
      if (SHORTHAND[lower] === undefined && !this.known.has(lower) && /^[a-z]{3,}$/.test(lower)) {
        if (lookups >= MAX_LOOKUPS_PER_TEXT) return null
        lookups++
      }
      return this.correctWord(lower)
    }
    const out = text.replace(/[A-Za-z][A-Za-z0-9]*|\b\d\b/g, (token, offset: number) => {
      // Keep names and abbreviations typed with capitals ("IEA", "Laos"), and digits next to other digits.
      if (/[A-Z]/.test(token.slice(1)) || (/^[A-Z]/.test(token) && offset > 0)) return token
      if (/^\d$/.test(token) && !/^\s/.test(text.slice(offset + 1, offset + 2) || ' ')) return token
      const lower = token.toLowerCase()
      const fixed = /^\d$/.test(token)
        ? /\s[a-z]/.test(text.slice(offset - 2, offset)) &&
          /^\s[a-z]/.test(text.slice(offset + 1, offset + 3))
          ? (SHORTHAND[token] ?? null)
          : null
        : lookup(lower)
      if (!fixed) return token
      corrections.push({ from: token, to: fixed })
      return /^[A-Z]/.test(token) ? fixed[0]?.toUpperCase() + fixed.slice(1) : fixed
    })
    return { text: out, corrections }
  }
}
