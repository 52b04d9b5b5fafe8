import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Speller, typoDistance } from '../../src/analysis/spelling.ts'
import { STOP_WORDS_EN } from '../../src/text/normalize.ts'

// The speller rules candidates out by their letters' masks before their counts (issue 14: an
// unknown word scanned ≈ 30,000 candidates at ≈ 3 ms). The mask's bound is a lower bound of the
// counts' one, so no candidate within reach is skipped: the corrections are those of a scan of
// every candidate, which this test does by brute force.

const CHAPTER = ['centrality', 'germany', 'economy', 'patents', 'cooperation', 'research', 'share']
const VOCABULARY = [
  'the',
  'which',
  'country',
  'highest',
  'central',
  'german',
  'germane',
  'economic',
  'patent',
  'operation',
  'search',
  'researcher',
  'shore',
  'shared',
  'sharp',
  'centre',
  'center',
  'paints',
  'panther',
  'coop',
  'records',
  'reach',
  'reaches',
  'rich',
  'cheap',
  'chapter',
  'letter',
]

/** Text-speak of three letters or more that the speller expands without a scan. */
const SHORTHAND = new Set(
  'abt cuz pls plz thx govt gov natl intl info num wat wats whats hows whos wheres thru tho ppl yrs pct'.split(
    ' ',
  ),
)

/** The correction of an unknown word by scanning every candidate, as `correctWord` decides. */
function bruteForce(word: string): string | null {
  const max = word.length <= 4 ? 1 : 2
  const candidates = [
    ...CHAPTER.map((w) => ({ w, rank: -1 })),
    ...VOCABULARY.filter((w) => !CHAPTER.includes(w)).map((w) => ({
      w,
      rank: VOCABULARY.indexOf(w),
    })),
  ]
  let best: { w: string; d: number; rank: number } | null = null
  for (let len = word.length - max; len <= word.length + max + 1; len++)
    for (const c of candidates) {
      if (c.w.length !== len || c.w.length < 2) continue
      const d = typoDistance(word, c.w, max)
      if (d > max) continue
      if (!best || d < best.d - 1e-9 || (Math.abs(d - best.d) < 1e-9 && c.rank < best.rank))
        best = { w: c.w, d, rank: c.rank }
    }
  return best && best.w[0] === word[0] ? best.w : best && best.d <= 1 ? best.w : null
}

describe('the speller’s candidate scan', () => {
  const speller = new Speller(CHAPTER, VOCABULARY)
  /**
   * Words the speller scans for: three or more lower-case letters, unknown, not text-speak it
   * expands ("abt", "govt") and not a British form it may accept (`-ise`, `-our`, `-tre`, …).
   */
  const lookedUp = (w: string) =>
    w.length >= 3 &&
    !CHAPTER.includes(w) &&
    !VOCABULARY.includes(w) &&
    !STOP_WORDS_EN.includes(w) &&
    !SHORTHAND.has(w) &&
    !/(?:is(?:e|ed|es|ing|ation|ations)|ours?|tres?|ence|ll(?:ed|ing))$/.test(w) &&
    /^[a-z]+$/.test(w)

  it('corrects typos of the chapter’s words as a scan of every candidate does', () => {
    for (const typo of [
      'centrallity',
      'germnay',
      'econmy',
      'patnts',
      'cooperaton',
      'reserch',
      'shre',
    ])
      expect(speller.correctWord(typo)).toBe(bruteForce(typo))
    expect(speller.correctWord('germnay')).toBe('germany')
  })

  it('agrees with the scan of every candidate on generated words', () => {
    const letters = fc.constantFrom(...'aceghimnoprst'.split(''))
    const edited = fc
      .tuple(
        fc.constantFrom(...CHAPTER, ...VOCABULARY),
        fc.array(fc.tuple(fc.nat(20), letters), { maxLength: 3 }),
      )
      .map(([w, edits]) =>
        edits.reduce((x, [at, c], i) => {
          const k = at % (x.length + 1)
          return i % 2 === 0 ? x.slice(0, k) + c + x.slice(k + 1) : x.slice(0, k) + c + x.slice(k)
        }, w),
      )
    fc.assert(
      fc.property(fc.oneof(edited, fc.stringMatching(/^[a-z]{3,9}$/)), (w) => {
        fc.pre(lookedUp(w))
        expect(speller.correctWord(w)).toBe(bruteForce(w))
      }),
      { numRuns: 2_000 },
    )
  })
})
