import { describe, expect, it } from 'vitest'
import { converse } from '../helpers/converse.ts'

describe('arithmetic follow-ups that point at earlier answers', () => {
  it('compares "the first one" with "that": the first and the last answer of the conversation', async () => {
    const [first, second, third] = await converse([
      'Which economy has the highest share of internationally coauthored papers in Table 8.3?',
      'and the lowest?',
      'how much higher is the first one than that?',
    ])
    expect(first?.answer).toMatch(/Switzerland .*49\.77%/)
    expect(second?.answer).toMatch(/India .*14\.33%/)
    // Not the table's first printed row: the first answer.
    expect(third?.answer).toMatch(/49\.77 − 14\.33 = 35\.44/)
    expect(third?.standaloneQuestion).toMatch(/between Switzerland and India/)
    // The same with the table questions' other words for a difference, and a ratio.
    const ask = async (q: string) =>
      (
        await converse([
          'Which economy has the highest share of internationally coauthored papers in Table 8.3?',
          'and the lowest?',
          q,
        ])
      ).at(-1)?.answer
    expect(await ask('by how many points does the first one beat it?')).toMatch(/= 35\.44/)
    expect(await ask('so how many times bigger is the first one?')).toMatch(
      /49\.77 ÷ 14\.33 ≈ 3\.47/,
    )
  })

  it('computes the difference to the neighbouring row ("the one ranked just below it")', async () => {
    const [, , last] = await converse([
      'Which economy is ranked 3rd in Table 8.3?',
      'How many papers does it have?',
      'How many fewer does the one ranked just below it have?',
    ])
    expect(last?.answer).toMatch(/11,922 − 9,771 = 2,151/)
    expect(last?.citations.length).toBe(2)
    // Without arithmetic, the neighbour's own figure is what is asked.
    const [, , plain] = await converse([
      'Which economy is ranked 3rd in Table 8.3?',
      'How many papers does it have?',
      'And the one ranked just below it?',
    ])
    expect(plain?.answer).toMatch(/Japan has 9,771 papers/)
    expect(plain?.answer).not.toMatch(/difference/)
  })
})
