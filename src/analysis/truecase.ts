import { MONTH_NAMES } from '../text/months.ts'
/**
 * Restores the case of names typed in lower case ("did volkswagen team up with gac?" → "did
 * Volkswagen team up with GAC?"), from how the chapter writes them: a word the chapter writes
 * only with capitals inside its sentences, and never in lower case, is a name. The steps after
 * (unknown names, a claim's names, entities) read capitals as names.
 *
 * @example
 * const truecaser = new Truecaser(['In May 2024, the US and Volkswagen met in Geneva.'])
 * truecaser.apply('was the meeting held in geneva?') // 'was the meeting held in Geneva?'
 */
export class Truecaser {
  private readonly cased = new Map<string, string>(
    [...MONTHS].map((m) => [m, `${m.charAt(0).toUpperCase()}${m.slice(1)}`]),
  )

  /**
   * @param texts the chapter's blocks (paragraphs, items, captions, table rows)
   * @param everyday whether a word is everyday English ("internet", "university", "status"): a
   *   user types it in lower case as a word, not as the chapter's name, so it is left alone
   */
  constructor(texts: Iterable<string>, everyday: (word: string) => boolean = () => false) {
    const lowerSeen = new Set<string>()
    const forms = new Map<string, Map<string, number>>()
    for (const text of texts)
      for (const m of text.matchAll(WORD)) {
        const word = m[0]
        const lower = word.toLowerCase()
        if (word === lower) {
          lowerSeen.add(lower)
          continue
        }
        // Only a name standing alone inside a sentence: after a lower-case word, a comma or a
        // bracket ("… and Geneva", "(Japan)"), not at a sentence's or a table row's start (where
        // any word has a capital), and not a word of a title ("the Third Belt and Road Forum for
        // International Cooperation"). A name in capitals ("GAC", "IEA") is one anywhere.
        const acronym = ACRONYM.test(word)
        const before = text.slice(Math.max(0, m.index - 40), m.index)
        const after = text.slice(m.index + word.length, m.index + word.length + 40)
        const alone = MID_SENTENCE.test(before) && !NEXT_CAPITALIZED.test(after)
        if (!acronym && !alone) continue
        const counts = forms.get(lower) ?? new Map<string, number>()
        counts.set(word, (counts.get(word) ?? 0) + 1)
        forms.set(lower, counts)
      }
    for (const [lower, counts] of forms) {
      if (
        lowerSeen.has(lower) ||
        lower.length < MIN_LETTERS ||
        NEVER_CASED.has(lower) ||
        everyday(lower)
      )
        continue
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]
      if (best) this.cased.set(lower, best[0])
    }
  }

  /** The text with each lower-case word the chapter writes only as a name written as the chapter writes it. */
  apply(text: string): string {
    return text
      .replace(WORD, (w) => (w === w.toLowerCase() ? (this.cased.get(w) ?? w) : w))
      .replace(THE_US, (_m, the: string) => `${the} US`)
  }

  /** How the chapter writes a name typed in lower case, or `undefined`. */
  caseOf(word: string): string | undefined {
    return this.cased.get(word)
  }
}

/** A word: letters, with inner apostrophes and hyphens ("China-US", "Xi'an"). */
const WORD = /\b[A-Za-z][A-Za-z]*(?:['’-][A-Za-z]+)*\b/g
/** What comes right before a word inside a sentence: a lower-case word or a comma and a space, or a bracket. */
const MID_SENTENCE = /(?:(?:^|\s)[a-z][a-z’'-]*\s|[,;:]\s|\()$/
/** A capitalized word right after: the word is part of a title or a longer name. */
const NEXT_CAPITALIZED = /^\s+[A-Z]/
/** A name in capitals: "GAC", "IEA", "UK". */
const ACRONYM = /^[A-Z]{2,}$/
/** "the us" is the country: the pronoun never takes an article ("and the us?"). */
const THE_US = /\b(the) us\b/gi
/** Shorter words are left alone: "a", "I". */
const MIN_LETTERS = 2
/**
 * Words a user types in lower case as ordinary words even where the chapter has only the name:
 * "us" (the US), "may" (May 2024), "march", "will", "can", "it" (IT).
 */
const NEVER_CASED = new Set([
  'us',
  'may',
  'march',
  'will',
  'can',
  'it',
  'am',
  'pm',
  'no',
  'or',
  'chapter',
  'status',
])

/** Months are names in English, wherever the chapter writes them ("january"); "may" and "march" are left alone (see {@link NEVER_CASED}). */
const MONTHS = new Set(MONTH_NAMES.map((m) => m.toLowerCase()).filter((m) => !NEVER_CASED.has(m)))
