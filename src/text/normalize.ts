import { stemmer } from 'stemmer'
import { eng } from 'stopword'
import { REVIEWED_WORDS } from '../corpus/repairs.ts'
import { recentMemo } from './recent-memo.ts'

const FOLD: Array<[RegExp, string]> = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/[‐‑‒–—―−]/g, '-'],
  [/…/g, '...'],
  [/\u00a0/g, ' '],
]

const REVIEWED = REVIEWED_WORDS.map((w) => ({
  re: new RegExp(`(?<![\\p{L}\\p{N}])${w.from}(?![\\p{L}\\p{N}])`, 'gu'),
  to: w.to,
}))

/**
 * Normalizes a user's text the way the corpus was cleaned, so both sides match: Unicode NFKC,
 * curly quotes and dashes folded to ASCII, and the same reviewed OCR word repairs (`Al` → `AI`,
 * `Ttaly` → `Italy`, …).
 *
 * @example
 * normalizeText('How does “Al” help Ttaly?') // 'How does "AI" help Italy?'
 */
export function normalizeText(text: string): string {
  return normalizedRecently(text)
}

/**
 * Characters of texts {@link normalizeText} remembers (with their normalized forms): a request
 * normalizes its question, its turns and the chapter's sentences it weighs over and over (each
 * call ≈ 20 regular-expression passes over the text).
 */
const NORMALIZED_MEMO_CHARS = 1_000_000

const normalizedRecently = recentMemo((text: string): string => {
  let out = text.normalize('NFKC')
  for (const [re, to] of FOLD) out = out.replace(re, to)
  for (const { re, to } of REVIEWED) out = out.replace(re, to)
  return out
}, NORMALIZED_MEMO_CHARS)

/** Folds quotes and dashes only (no word repairs): for comparing printed text loosely. */
export function foldPunctuation(text: string): string {
  let out = text.normalize('NFKC')
  for (const [re, to] of FOLD) out = out.replace(re, to)
  return out
}

export const STOP_WORDS_EN: readonly string[] = eng
const STOP = new Set<string>([
  ...eng,
  'also',
  'according',
  'chapter',
  'say',
  'says',
  'said',
  'tell',
  'does',
  'did',
])

/**
 * The word tokens of a text, lower-cased, with thousands separators removed from numbers
 * (`3,676` → `3676`) and the possessive `'s` dropped. Used by BM25 and by sentence scoring.
 *
 * @example
 * wordTokens("China's 3,676 papers") // ['china', '3676', 'papers']
 */
export function wordTokens(text: string): string[] {
  // A copy: callers may change what they are given.
  return tokensRecently(text).slice()
}

/**
 * Characters of texts {@link wordTokens} remembers (with their tokens, counted as the text's
 * length again): the same long question is tokenized for its terms, its soft terms and BM25.
 */
const TOKENS_MEMO_CHARS = 1_000_000

const tokensRecently = recentMemo(
  (text: string): readonly string[] => {
    const t = normalizeText(text).toLowerCase()
    const out: string[] = []
    for (const m of t.matchAll(/\d+(?:[.,]\d+)*|[\p{L}\p{N}]+/gu)) {
      let w = m[0]
      if (/^\d/.test(w)) w = w.replace(/,(?=\d{3}(\D|$))/g, '')
      out.push(w)
    }
    return out.filter((w, i) => !(w === 's' && i > 0))
  },
  TOKENS_MEMO_CHARS,
  // An array of tokens holds a pointer and a string header per token beside the characters:
  // ≈ 4 × the text's length for short words (measured), so each token counts as 12 characters more.
  (tokens, text) => text.length + TOKEN_OVERHEAD_CHARS * tokens.length,
)

/** What a remembered token costs beyond its characters, counted in characters (see above). */
const TOKEN_OVERHEAD_CHARS = 12

/** Whether a lower-case token is a stop word (too common to say what a text is about). */
export const isStopWord = (w: string): boolean => STOP.has(w)

/**
 * A search term: stop words dropped, other words Porter-stemmed, numbers kept whole.
 * Returns `null` for a dropped term (MiniSearch's `processTerm` contract).
 */
export function searchTerm(token: string): string | null {
  return termRecently(token)
}

/**
 * Characters of tokens {@link searchTerm} remembers (with their terms): the same words are
 * stemmed again and again (a long question's words once per reading of it; Porter's stemmer
 * ≈ 1–3 µs a word).
 */
const TERM_MEMO_CHARS = 1_000_000

const termRecently = recentMemo((token: string): string | null => {
  const w = token.toLowerCase()
  if (STOP.has(w) || w.length === 0) return null
  if (/^\d/.test(w)) return w
  return stemmer(w)
}, TERM_MEMO_CHARS)

/** The search terms of a text, in order (stop words removed, stemmed). */
export function searchTerms(text: string): string[] {
  return wordTokens(text)
    .map(searchTerm)
    .filter((t): t is string => t !== null)
}
