import { describe, expect, it } from 'vitest'
import { splitParts } from '../../src/analysis/question.ts'
import { assistant } from '../helpers/assistant.ts'

describe('table operations in other words', () => {
  it('"share" as a verb names no column: ties on the column named after it', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Which countries share a centrality of 1.6?')
    expect(a.answer).toMatch(/Table 8\.4/)
    expect(a.answer).toMatch(/Korea/)
  })

  it('both neighbours of a row, with "above" meaning the better rank', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Which economies come right before and after Japan in Table 8.3?',
    )
    // Table 8.3 is ordered by papers: Germany (3rd) before Japan (4th), India (5th) after it.
    expect(a.answer).toMatch(/just above Japan \(9,771 papers\) by papers is Germany/)
    expect(a.answer).toMatch(/just below Japan \(9,771 papers\) by papers is India/)
  })

  it('an average over the top rows by one column of another column', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What is the average share of internationally coauthored papers of the two fields with the most papers in Table 8.2?',
    )
    // The two fields with the most papers, not the two with the highest share.
    expect(a.answer).toMatch(/Microelectromechanical systems technology 15\.87%/)
    expect(a.answer).toMatch(/Laser manufacturing 16\.90%/)
    expect(a.answer).toMatch(/\(15\.87 \+ 16\.90\) ÷ 2 ≈ 16\.3[89]/)
  })

  it('"how many times larger" asks for a ratio, not about a thing called "times"', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer("How many times larger is Germany's centrality than Canada's?")
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/6\.4 ÷ 3\.0 ≈ 2\.13/)
  })
})

describe('two-part questions', () => {
  it('keep a leading phrase that does not ask with the question after it', () => {
    expect(splitParts('In Table 8.3, which economy ranks fifth?', null)).toHaveLength(1)
    expect(
      splitParts('Do you know a good podcast on economics? Which factors came before data?', null),
    ).toHaveLength(2)
  })
})

describe('a ranking from a table with the prose that says it', () => {
  it('quotes the sentence naming the same rows after them', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How many jointly written papers did each of the two leading nations publish over the past decade?',
    )
    expect(a.answer).toMatch(/over one million research collaboration papers/)
    expect(a.citations.some((c) => c.kind === 'paragraph')).toBe(true)
  })
})
