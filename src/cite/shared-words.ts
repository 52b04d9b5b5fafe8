/**
 * Counts the words a quote shares with windows of the chapter (the size of the multiset
 * intersection), the bound fuzzy quote location tests every window against (`locate.ts`). The
 * chapter's words are numbered once; a window is counted with typed arrays, not a map built per
 * window: that map was ≈ 6 ms of a worst-case citation check (up to 40 windows per reading flow,
 * each as long as the quote).
 *
 * @example
 * const c = new SharedWordCounter(['a', 'b', 'c'])
 * c.setQuote(['a', 'a', 'x'])
 * c.shared(c.idsOf(['a', 'b', 'a', 'a']), 0, 4) // 2
 */
export class SharedWordCounter {
  private readonly ids = new Map<string, number>()
  /** How often the quote has each word, by id. */
  private readonly quote: Int32Array
  /** The quote's words not yet matched in the window being counted, by id (see {@link stamp}). */
  private readonly left: Int32Array
  /** The count (see {@link generation}) in which `left[id]` was last set; older means unset. */
  private readonly stamp: Uint32Array
  private generation = 0
  /** The ids `quote` counts, to clear them for the next quote. */
  private quoted: number[] = []

  /** @param vocabulary every word a window can hold */
  constructor(vocabulary: Iterable<string>) {
    for (const w of vocabulary) if (!this.ids.has(w)) this.ids.set(w, this.ids.size)
    this.quote = new Int32Array(this.ids.size)
    this.left = new Int32Array(this.ids.size)
    this.stamp = new Uint32Array(this.ids.size)
  }

  /** The ids of words, -1 for a word not in the vocabulary. */
  idsOf(words: readonly string[]): Int32Array {
    const out = new Int32Array(words.length)
    for (const [i, w] of words.entries()) out[i] = this.ids.get(w) ?? -1
    return out
  }

  /** Makes `words` the quote that {@link shared} counts against. */
  setQuote(words: readonly string[]): void {
    for (const id of this.quoted) this.quote[id] = 0
    this.quoted = []
    for (const id of this.idsOf(words))
      if (id >= 0) {
        if (this.quote[id] === 0) this.quoted.push(id)
        this.quote[id] = (this.quote[id] as number) + 1
      }
  }

  /**
   * How many of the window `ids[from..to)`'s words the quote has, each of its words counted as
   * often as it occurs in the quote (the multiset intersection).
   */
  shared(ids: Int32Array, from: number, to: number): number {
    this.generation++
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0)
      this.generation = 1
    }
    const g = this.generation
    let shared = 0
    for (let i = from; i < to; i++) {
      const id = ids[i] as number
      if (id < 0) continue
      if (this.stamp[id] !== g) {
        this.stamp[id] = g
        this.left[id] = this.quote[id] as number
      }
      const n = this.left[id] as number
      if (n > 0) shared++
      this.left[id] = n - 1
    }
    return shared
  }
}
