import { describe, expect, it } from 'vitest'
import { EVERYDAY_RANK, WordFrequency } from '../../src/analysis/word-frequency.ts'

describe('how common a word is', () => {
  const frequency = new WordFrequency(['the', 'of', 'time', 'running', 'Running', 'battery'])

  it('ranks words by their place in the vocabulary, case folded, the first place kept', () => {
    expect(frequency.rank('the')).toBe(0)
    expect(frequency.rank('TIME')).toBe(2)
    expect(frequency.rank('running')).toBe(3)
    expect(frequency.rank('penalties')).toBe(Number.POSITIVE_INFINITY)
  })

  it('calls the words within EVERYDAY_RANK everyday, and no word at all without a vocabulary', () => {
    expect(frequency.everyday('running')).toBe(true)
    expect(frequency.everyday('penalties')).toBe(false)
    const long = new WordFrequency([
      ...Array.from({ length: EVERYDAY_RANK }, (_, i) => `w${i}`),
      'battery',
    ])
    expect(long.everyday('battery')).toBe(false)
    expect(new WordFrequency([]).everyday('the')).toBe(false)
  })

  it('ranks a verb form by its plain form too ("counted" as "count"), a plural by its own', () => {
    const f = new WordFrequency(['count', 'penalty', 'plan', 'make', 'counted'])
    expect(f.familyRank('counted')).toBe(0)
    expect(f.familyRank('planned')).toBe(2)
    expect(f.familyRank('making')).toBe(3)
    expect(f.familyRank('penalties')).toBe(Number.POSITIVE_INFINITY)
  })
})
