import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SharedWordCounter } from '../../src/cite/shared-words.ts'

// Issue 14: fuzzy quote location bounds every window by the words it shares with the quote. The
// typed-array counter must count exactly what the map built per window counted.

/** The count before: the multiset intersection, with a map per window. */
function reference(quote: readonly string[], window: readonly string[]): number {
  const counts = new Map<string, number>()
  for (const w of quote) counts.set(w, (counts.get(w) ?? 0) + 1)
  const left = new Map<string, number>()
  let shared = 0
  for (const w of window) {
    const n = left.has(w) ? (left.get(w) as number) : (counts.get(w) ?? 0)
    if (n > 0) shared++
    left.set(w, n - 1)
  }
  return shared
}

describe('SharedWordCounter', () => {
  it('counts what a map per window counted, for quote after quote and window after window', () => {
    const vocabulary = 'the of and china data cooperation share papers economy digital'.split(' ')
    const word = fc.constantFrom(...vocabulary, 'unknown', 'other')
    const chapter = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 80 })
    fc.assert(
      fc.property(
        chapter,
        fc.array(
          fc.tuple(
            fc.array(word, { maxLength: 20 }),
            fc.array(fc.tuple(fc.nat(80), fc.nat(30)), { maxLength: 6 }),
          ),
        ),
        (words, quotes) => {
          const c = new SharedWordCounter(vocabulary)
          const ids = c.idsOf(words)
          for (const [quote, windows] of quotes) {
            c.setQuote(quote)
            for (const [start, length] of windows) {
              const from = Math.min(start, words.length)
              const to = Math.min(words.length, from + length)
              expect(c.shared(ids, from, to)).toBe(reference(quote, words.slice(from, to)))
            }
          }
        },
      ),
      { numRuns: 1000, seed: 14 },
    )
  })
})
