import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EntityMention } from '../../src/analysis/entities.ts'
import { covers } from '../../src/answer/conversation.ts'
import { assistant } from '../helpers/assistant.ts'

// Issue 14: who a turn names is read by testing, for each capitalised name in it, whether an
// entity mention covers it; testing every mention for every name cost names × mentions. The
// bisection must answer exactly as that test did, on any mentions the catalog can find.

/** The test it replaces: some mention starts at or before `from` and ends at or after `to`. */
const naive = (ms: readonly EntityMention[], from: number, to: number) =>
  ms.some((e) => e.start <= from && e.end >= to)

describe('covers', () => {
  it('answers as testing every mention does, on mentions in order and never overlapping', () => {
    const mention = (start: number, end: number) => ({ start, end }) as EntityMention
    const mentions = fc
      .array(fc.tuple(fc.nat(6), fc.integer({ min: 1, max: 8 })), { maxLength: 30 })
      .map((gaps) => {
        let at = 0
        return gaps.map(([gap, len]) => {
          const m = mention(at + gap, at + gap + len)
          at = m.end
          return m
        })
      })
    fc.assert(
      fc.property(
        mentions,
        fc.integer({ min: -2, max: 300 }),
        fc.integer({ min: -2, max: 300 }),
        (ms, a, b) => {
          expect(covers(ms, a, b)).toBe(naive(ms, a, b))
        },
      ),
      { numRuns: 5000, seed: 14 },
    )
  })

  it('answers as testing every mention does on the mentions the catalog finds in a long turn', async () => {
    const { answerer } = await assistant()
    const text =
      'Germany and the United Kingdom, the Belt and Road Initiative, South Korea’s share, Industrial robotics in China, the Digital Silk Road and Japan. '.repeat(
        20,
      )
    const ms = answerer.catalog.find(text)
    expect(ms.length).toBeGreaterThan(100)
    for (let from = 0; from < text.length; from += 7)
      for (const len of [0, 3, 12, 30])
        expect(covers(ms, from, from + len)).toBe(naive(ms, from, from + len))
  })
})
