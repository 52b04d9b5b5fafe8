import { describe, expect, it } from 'vitest'
import { assistant } from '../helpers/assistant.ts'

describe('suggested follow-ups (Answer.followUps)', () => {
  it('offers at most 3 questions after a table answer, each one answered by the answerer itself', async () => {
    const { answerer } = await assistant()
    for (const q of [
      "What is Spain's share of internationally coauthored papers?",
      'Which country has the highest centrality?',
      'How many papers does laser manufacturing have?',
    ]) {
      const a = await answerer.answer(q)
      const next = a.followUps ?? []
      expect(next.length, q).toBeGreaterThan(0)
      expect(next.length, q).toBeLessThanOrEqual(3)
      expect(new Set(next).size, q).toBe(next.length)
      for (const f of next) {
        expect(f.toLowerCase(), q).not.toBe(a.standaloneQuestion.toLowerCase())
        const b = await answerer.answer(f)
        expect(b.answerable, f).toBe(true)
        expect(b.citations.length, f).toBeGreaterThan(0)
      }
    }
  })

  it('names the same economy in the other table, so a reader can go from Table 8.3 to 8.4', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer("What is Spain's share of internationally coauthored papers?")
    expect(a.followUps).toContain("What is Spain's centrality in Table 8.4?")
  })

  it('suggests nothing it has not checked: a refusal has none', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('What is a good recipe for kimchi?')
    expect(a.answerable).toBe(false)
    expect(a.followUps).toBeUndefined()
  })
})

describe('suggested follow-ups after a passage', () => {
  it('offer the box and the section the passage stands in, each answered by the answerer', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What are Chinese companies doing with the Argentine government?',
    )
    expect(a.followUps).toContain('What is in Box 8.2?')
    for (const f of a.followUps ?? []) {
      const next = await answerer.answer(f)
      expect(next.answerable, f).toBe(true)
      expect(next.citations.length, f).toBeGreaterThan(0)
    }
  })
})
