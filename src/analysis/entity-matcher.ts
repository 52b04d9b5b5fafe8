/**
 * A word-indexed matcher for a catalog's names. It finds exactly what one regular expression
 * alternation of all the names finds,
 *
 *   /(?<![\p{L}\p{N}])(?:the )?(name1|name2|…)(?:['’]s)?(?![\p{L}\p{N}])/gu   (plus `i` when folding)
 *
 * with the names longest first and each name's spaces and hyphens matching either, in time that
 * grows with the text's words, not with the names: the names are indexed by their first word
 * (their leading run of letters and digits), the text's words are scanned once, and at each word
 * only the names that begin with it are tried, in the alternation's order. An ASCII name is
 * compared character by character where the text is ASCII; anywhere else (a name or a text with
 * other characters, where the engine's case folding decides: ſ is an s) it is tried by a sticky
 * expression of its own, so the engine judges those as before.
 *
 * Why it is the same: a match must start where no letter or digit precedes it (the lookbehind)
 * and every name starts with a letter or digit (checked when built), so a match starts at the
 * start of a run of letters and digits, and the name's first word must be that whole run (after
 * it, a name continues with a space, hyphen or other character that is no letter or digit, or
 * ends where the lookahead wants none). A name's first run and the text's are compared by a key:
 * the run itself, or, when folding, its lower case (of its upper case, beyond ASCII: ſ and K fold
 * to s and k); names whose first run has characters for which that key might not agree with the
 * engine's case folding (beyond ASCII letters and digits and the Latin-1 letters) are tried at
 * every word. An ASCII key is looked up by a hash of its codes, computed as the text is scanned
 * (no string per word); names whose keys share a hash are all tried, each compared in full. At
 * each start the engine tries "the " + every name, then every name, in order, and takes the
 * first that matches; the scan then goes on after the match (matches never overlap), as
 * `matchAll` does. `test/analysis/entity-matcher.test.ts` compares both on every chapter
 * sentence, every eval text and generated texts.
 *
 * On the texts of a conversation (names dense or rare) it costs about what the alternation does
 * for the catalog's ≈ 340 case-folded names, and it is what makes the cost independent of how
 * many names the catalog holds.
 */

/** A match, as the alternation's `matchAll` gives it. */
export interface NameMatch {
  /** Where the match starts (at "the " when it has one). */
  index: number
  /** The whole match: "the " (if any), the name as written, "'s" (if any). */
  text: string
  /** The name as written in the text (the alternation's group 1). */
  name: string
}

/** A letter or digit (the alternation's `[\p{L}\p{N}]`), at a given position. */
const WORD_CHAR_AT = /[\p{L}\p{N}]/uy
/** Text of ASCII characters only. */
const ASCII = /^[^\u0080-\uffff]*$/

/**
 * The length (1, or 2 for a surrogate pair) of the letter or digit at `i` of `text`, or 0 when
 * there is none (a text's words are scanned one character at a time: ASCII by its code, the rest
 * by the alternation's own character class).
 */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0
  if (Number.isNaN(c)) return 0
  WORD_CHAR_AT.lastIndex = i
  return WORD_CHAR_AT.test(text) ? WORD_CHAR_AT.lastIndex - i : 0
}

/** The length of the character at `i` of `text` (2 for a surrogate pair). */
function charLength(text: string, i: number): number {
  const c = text.charCodeAt(i)
  const d = text.charCodeAt(i + 1)
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1
}
/** A first word whose key agrees with the engine's case folding (see the module's comment). */
const SAFE_KEY = /^[a-z0-9\u00e0-\u00f6\u00f8-\u00fe]+$/
/** The article a match may start with. */
const THE = 'the '
const SPACE = 32

const HYPHEN = 45
/** What {@link WordIndexedMatcher.compared} returns when a name does not match. */
const NO_MATCH = -1

/** An ASCII name's codes for {@link Candidate.codes}. */
function codesOf(name: string, fold: boolean): number[] {
  const out: number[] = []
  for (const ch of fold ? name.toLowerCase() : name)
    out.push(ch === ' ' || ch === '-' ? EITHER : ch.charCodeAt(0))
  return out
}

/**
 * Case-sensitive names with at most this many different first words are found by searching the
 * text for those words (`indexOf`, native and fast) rather than by scanning every word.
 */
const SPARSE_FIRST_WORDS = 8

/** Whether a letter or digit ends just before `at` of `text` (the lookbehind fails there). */
function wordBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1)
  const start = c >= 0xdc00 && c <= 0xdfff && at >= 2 ? at - 2 : at - 1
  return wordCharAt(text, start) > 0 && start + wordCharAt(text, start) === at
}

/** No candidates. */
const NONE: readonly Candidate[] = []

/** One more character code into a word's hash. */
const mix = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0

/** The hash of an ASCII key, as {@link WordIndexedMatcher} computes it while scanning. */
function hashOf(key: string): number {
  let hash = 0
  for (let i = 0; i < key.length; i++) hash = mix(hash, key.charCodeAt(i))
  return hash
}

/** Adds a candidate to a map's list (candidates are added in rank order). */
function push<K>(map: Map<K, Candidate[]>, key: K, c: Candidate): void {
  const list = map.get(key)
  if (list) list.push(c)
  else map.set(key, [c])
}

/** One name, ready to be tried at a position. */
interface Candidate {
  /** Its place in the alternation (longest first). */
  rank: number
  /** `(name)(?:['’]s)?(?![\p{L}\p{N}])`, sticky. */
  re: RegExp
  /**
   * An ASCII name's character codes, lower-cased when folding, {@link EITHER} for a space or
   * hyphen; `null` for a name with other characters (only the expression tries it).
   */
  codes: number[] | null
}

/** In {@link Candidate.codes}: a space or a hyphen. */
const EITHER = -1
const APOSTROPHE = 39
const RIGHT_QUOTE = 0x2019

/**
 * The names of a catalog, indexed by first word, matched as one alternation would match them
 * (see the module's comment).
 *
 * @example
 * const m = new WordIndexedMatcher(['South Korea', 'Korea'], true)
 * [...m.matchAll('Compare the South Korea’s share')].map((x) => x.text) // ['the South Korea’s']
 */
export class WordIndexedMatcher {
  /** The names in the alternation's order: longest first, ties in the order given. */
  readonly names: readonly string[]
  private readonly fold: boolean
  /** Names by the hash of their first word's key, when it is ASCII (see {@link hashOf}). */
  private readonly byHash = new Map<number, Candidate[]>()
  /** Names by their first word's key, when it is not ASCII. */
  private readonly byKey = new Map<string, Candidate[]>()
  /** Names tried at every word (their first word's key is not safe, see {@link SAFE_KEY}). */
  private readonly everywhere: Candidate[] = []
  private readonly the: RegExp
  /**
   * When the names are case-sensitive and begin with at most {@link SPARSE_FIRST_WORDS}
   * different words, those words: the text is searched for them, not scanned word by word.
   */
  private readonly sparse: readonly string[] | null

  /**
   * @param names the names to find, in any order (sorted longest first, stably, as the
   *   alternation was)
   * @param fold whether letter case is ignored (the alternation's `i` flag)
   */
  constructor(names: readonly string[], fold: boolean) {
    this.fold = fold
    this.names = [...names].sort((a, b) => b.length - a.length)
    const flags = fold ? 'iuy' : 'uy'
    this.the = new RegExp(THE, flags)
    for (const [rank, name] of this.names.entries()) {
      const first = /^[\p{L}\p{N}]+/u.exec(name)?.[0]
      if (!first)
        throw new Error(`a name must start with a letter or digit: ${JSON.stringify(name)}`)
      const c = {
        rank,
        re: new RegExp(`(${namePattern(name)})(?:['’]s)?(?![\\p{L}\\p{N}])`, flags),
        codes: ASCII.test(name) ? codesOf(name, fold) : null,
      }
      const key = this.keyOf(first)
      if (fold && !SAFE_KEY.test(key)) this.everywhere.push(c)
      else {
        if (ASCII.test(key)) push(this.byHash, hashOf(key), c)
        else push(this.byKey, key, c)
      }
    }
    const firstWords = new Set(this.names.map((x) => /^[\p{L}\p{N}]+/u.exec(x)?.[0] as string))
    this.sparse = !fold && firstWords.size <= SPARSE_FIRST_WORDS ? [...firstWords] : null
  }

  /** The matches of `text`, in order, as the alternation's `matchAll` gives them. */
  matchAll(text: string): NameMatch[] {
    if (this.sparse) return this.matchSparse(text, this.sparse)
    const out: NameMatch[] = []
    const n = text.length
    let i = 0
    while (i < n) {
      if (wordCharAt(text, i) === 0) {
        i += charLength(text, i)
        continue
      }
      // A run of letters and digits starts at i (what precedes it is none).
      const found = this.matchAt(text, i)
      if (found) {
        out.push(found)
        i += found.text.length
      } else i = this.runEnd
    }
    return out
  }

  /**
   * {@link matchAll} for a few case-sensitive first words: only where the text has one of them
   * (found by `indexOf`, at the start of a run, or after "the " there) can a match start.
   */
  private matchSparse(text: string, firstWords: readonly string[]): NameMatch[] {
    const starts: number[] = []
    for (const w of firstWords)
      for (let p = text.indexOf(w); p >= 0; p = text.indexOf(w, p + 1)) {
        if (p > 0 && wordBefore(text, p)) continue
        starts.push(p)
        const the = p - THE.length
        if (the >= 0 && text.startsWith(THE, the) && (the === 0 || !wordBefore(text, the)))
          starts.push(the)
      }
    starts.sort((a, b) => a - b)
    const out: NameMatch[] = []
    let from = 0
    for (const at of starts) {
      if (at < from) continue
      const found = this.matchAt(text, at)
      if (found) {
        out.push(found)
        from = at + found.text.length
      }
    }
    return out
  }

  /** Where the run read by {@link candidatesAt} ends. */
  private runEnd = 0

  /**
   * The names that may start at `at`, the start of a run of letters and digits (in rank order;
   * possibly some whose first word only shares the run's hash), and the run's end in
   * {@link runEnd}.
   */
  private candidatesAt(text: string, at: number): readonly Candidate[] {
    let j = at
    let hash = 0
    let ascii = true
    for (let k = wordCharAt(text, j); k > 0; k = wordCharAt(text, j)) {
      const c = text.charCodeAt(j)
      if (c >= 128) ascii = false
      else hash = mix(hash, this.fold && c >= 65 && c <= 90 ? c | 32 : c)
      j += k
    }
    this.runEnd = j
    let found: readonly Candidate[] | undefined
    if (ascii) found = this.byHash.get(hash)
    else {
      const key = this.keyOf(text.slice(at, j))
      found = ASCII.test(key) ? this.byHash.get(hashOf(key)) : this.byKey.get(key)
    }
    if (this.everywhere.length === 0) return found ?? NONE
    return [...(found ?? []), ...this.everywhere].sort((x, y) => x.rank - y.rank)
  }

  /** The match starting at `at`, the start of a run of letters and digits, if any. */
  private matchAt(text: string, at: number): NameMatch | null {
    const here = this.candidatesAt(text, at)
    const end = this.runEnd
    if (end - at === THE.length - 1 && text.charCodeAt(end) === SPACE) {
      this.the.lastIndex = at
      if (this.the.test(text) && wordCharAt(text, at + THE.length) > 0) {
        const m = this.firstName(text, at + THE.length, this.candidatesAt(text, at + THE.length))
        this.runEnd = end
        if (m) return { index: at, text: text.slice(at, m.end), name: m.name }
      }
    }
    const m = this.firstName(text, at, here)
    return m ? { index: at, text: text.slice(at, m.end), name: m.name } : null
  }

  /** The first of `tried`, in the alternation's order, matching at `at`. */
  private firstName(
    text: string,
    at: number,
    tried: readonly Candidate[],
  ): { end: number; name: string } | null {
    for (const c of tried) {
      const end = c.codes ? this.compared(text, at, c.codes) : undefined
      if (end === NO_MATCH) continue
      if (end !== undefined) return { end, name: text.slice(at, at + (c.codes as number[]).length) }
      c.re.lastIndex = at
      const m = c.re.exec(text)
      if (m) return { end: at + m[0].length, name: m[1] as string }
    }
    return null
  }

  /**
   * Where the match of an ASCII name (its {@link Candidate.codes}) at `at` ends, by comparing
   * characters: {@link NO_MATCH} when there is none, `undefined` when the text has a character
   * there beyond ASCII, which only the expression can judge (ſ is an s when folding).
   */
  private compared(text: string, at: number, codes: readonly number[]): number | undefined {
    const n = codes.length
    for (let k = 0; k < n; k++) {
      const t = text.charCodeAt(at + k)
      if (Number.isNaN(t)) return NO_MATCH
      if (t >= 128) return undefined
      const want = codes[k] as number
      if (want === EITHER) {
        if (t !== SPACE && t !== HYPHEN) return NO_MATCH
      } else if ((this.fold && t >= 65 && t <= 90 ? t | 32 : t) !== want) return NO_MATCH
    }
    const p = at + n
    // The possessive first, then without it, each only where no letter or digit follows.
    const q = text.charCodeAt(p)
    if (q === APOSTROPHE || q === RIGHT_QUOTE) {
      const s = text.charCodeAt(p + 1)
      if (s >= 128) return undefined
      if ((s === 115 || (this.fold && s === 83)) && wordCharAt(text, p + 2) === 0) return p + 2
    }
    return wordCharAt(text, p) === 0 ? p : NO_MATCH
  }

  /** The key a first word is indexed and looked up by (see the module's comment). */
  private keyOf(word: string): string {
    if (!this.fold) return word
    // ASCII letters have no other case than their own pair; others may (ſ is an s, K a k).
    return ASCII.test(word) ? word.toLowerCase() : word.toUpperCase().toLowerCase()
  }
}

/** A name as the alternation wrote it: escaped, each space or hyphen matching either. */
export function namePattern(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]')
}
