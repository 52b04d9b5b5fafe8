import { describe, expect, it } from 'vitest'
import {
  arithmeticAsked,
  computeFromAnswers,
  statedAmounts,
} from '../../src/answer/answer-arithmetic.ts'
import type { Answer, ChatTurn } from '../../src/answer/types.ts'
import { assistant } from '../helpers/assistant.ts'

describe('arithmetic on the previous answers', () => {
  it('reads amounts with their units, leaving out years, ranks and table numbers', () => {
    const found = statedAmounts(
      'In 2023, Table 8.3 ranks it 4th: $33.4 billion and 37.9 percent of 1,195 [1]',
    )
    expect(found.map((a) => [a.value, a.unit])).toEqual([
      [33.4, '$ billion'],
      [37.9, 'percent'],
      [1195, ''],
    ])
  })

  it('adds and subtracts only like with like', () => {
    const wind = 'exports exceeding $33.4 billion, to 200 countries'
    const pv = 'exports exceeding $245.3 billion, to 200 countries'
    expect(computeFromAnswers('difference', [wind, pv])?.shown).toBe(
      '$245.3 billion − $33.4 billion = $211.9 billion',
    )
    expect(computeFromAnswers('sum', ['37.9 percent and 21.5 percent'])?.value).toBe(59.4)
    expect(computeFromAnswers('sum', ['37.9 percent', 'over 200 countries'])).toBeNull()
  })

  it('answers "and together?" after a prose answer with the sum, citing the quoted sentence', async () => {
    const { answerer } = await assistant()
    const history: ChatTurn[] = []
    let last: Answer | undefined
    for (const q of [
      "What share of the world's internationally collaborated papers do the US and China account for?",
      'And together?',
    ]) {
      last = await answerer.answer(q, history)
      history.push({ role: 'user', content: q }, { role: 'assistant', content: last.answer })
    }
    expect(last?.answer).toMatch(/37\.9 percent \+ 21\.5 percent = 59\.4 percent/)
    expect(last?.citations[0]?.quote).toMatch(/37\.9 percent/)
  })
})

describe('what a follow-up asks to compute', () => {
  it('reads "add them up", "the total" and "together" as a sum, and a difference as such', () => {
    expect(arithmeticAsked('add them up for me')).toBe('sum')
    expect(arithmeticAsked("what's the total across all three levels then?")).toBe('sum')
    expect(arithmeticAsked('and together?')).toBe('sum')
    expect(arithmeticAsked('how much more is that?')).toBe('difference')
    expect(arithmeticAsked('and where?')).toBeNull()
  })
})
