/**
 * How common an English word is, from the embedding model's vocabulary (GloVe's, most frequent
 * first): "time" is the 64th word, "place" the 217th, "battery" the 5,386th. An everyday word the
 * chapter never uses says little about what a question asks ("for how many years running"); a rare
 * one names a thing ("penalties", "battery") the chapter must then mention for an answer to hold.
 */
export class WordFrequency {
  private readonly ranks: ReadonlyMap<string, number>

  /** @param vocabulary the model's whole words, most frequent first (empty: every word is rare) */
  constructor(vocabulary: readonly string[]) {
    const ranks = new Map<string, number>()
    vocabulary.forEach((w, i) => {
      if (!ranks.has(w)) ranks.set(w, i)
    })
    this.ranks = ranks
  }

  /** The word's place in the vocabulary (0 = most frequent), `Infinity` if it is not there. */
  rank(word: string): number {
    return this.ranks.get(word.toLowerCase()) ?? Number.POSITIVE_INFINITY
  }

  /**
   * The best rank of the word and its verb's plain form ("counted" → "count", "making" → "make",
   * "planned" → "plan"): how common a verb is, whatever its tense. Plurals keep their own rank
   * ("penalties" is rarer than "penalty").
   *
   * @example
   * frequency.familyRank('counted') // rank('count')
   */
  familyRank(word: string): number {
    const w = word.toLowerCase()
    const forms = [w]
    const ending = /^(.{3,}?)(ed|d|ing)$/.exec(w)
    if (ending) {
      const [, base = '', suffix] = ending
      forms.push(base, ...(suffix !== 'd' ? [`${base}e`] : []))
      // "planned" → "plan", "running" → "run".
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) forms.push(base.slice(0, -1))
    }
    return Math.min(...forms.map((f) => this.rank(f)))
  }

  /**
   * Whether a word is among the {@link EVERYDAY_RANK} most frequent.
   *
   * @example
   * frequency.everyday('running') // true
   * frequency.everyday('penalties') // false
   */
  everyday(word: string): boolean {
    return this.rank(word) < EVERYDAY_RANK
  }
}

/**
 * Words this frequent are everyday English: "running" (731), "road" (542), "part", "seen", "start";
 * the things a near miss asks about are rarer: "satellites", "penalties" (4,567), "battery" (5,386),
 * "population". Chosen on the robustness set's tune splits.
 */
export const EVERYDAY_RANK = 1_000
