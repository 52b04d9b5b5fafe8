/** The share of its bound a full memo is brought down to when it evicts. */
const EVICT_TO = 0.75
/**
 * Characters counted for each entry beyond its text and value: the map's slot and the strings'
 * headers, so that a memo of many short words (stems) is bounded as well as one of long texts.
 */
export const ENTRY_OVERHEAD_CHARS = 32

/**
 * A pure function of a string, remembered for the strings it was lately given. A request reads
 * the same long text many times over (a 2,000-character question is normalized, glossary-expanded,
 * tokenized and stemmed for its reading, its soft terms, BM25, BM25's coverage and every
 * sentence's coverage): each pass over it is done once. The result depends only on the text, so
 * nothing read before changes what is returned, only how soon.
 *
 * Bounded by the characters it holds (texts, values, see `valueChars`, and
 * {@link ENTRY_OVERHEAD_CHARS} an entry; a character is one or two bytes): the first
 * remembered go first (a hit does not reorder: it costs one lookup).
 *
 * @example
 * const normalized = recentMemo(normalizeTextOnce, 1_000_000)
 * normalized('How does “Al” help?') // computed
 * normalized('How does “Al” help?') // remembered
 */
export function recentMemo<T>(
  compute: (text: string) => T,
  maxChars: number,
  /** Characters counted for a value, beyond its text (default: a string's length, else 16). */
  valueChars: (value: T, text: string) => number = (value) =>
    typeof value === 'string' ? value.length : 16,
): (text: string) => T {
  const memo = new Map<string, T>()
  let chars = 0
  const sizeOf = (key: string, value: T) =>
    ENTRY_OVERHEAD_CHARS + key.length + valueChars(value, key)
  return (text: string): T => {
    const known = memo.get(text)
    if (known !== undefined || memo.has(text)) return known as T
    const value = compute(text)
    const size = sizeOf(text, value)
    if (size > maxChars) return value
    memo.set(text, value)
    chars += size
    // Map iterates in insertion order: the oldest first. They go in a batch, down to
    // EVICT_TO of the bound: a Map keeps its deleted entries' slots until it is rebuilt, and an
    // iteration from its start steps over them, so evicting one entry per insertion would cost
    // a walk over every entry evicted so far, each time.
    if (chars > maxChars)
      for (const [k, v] of memo) {
        if (chars <= maxChars * EVICT_TO) break
        memo.delete(k)
        chars -= sizeOf(k, v)
      }
    return value
  }
}
