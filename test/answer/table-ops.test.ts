import { describe, expect, it } from 'vitest'
import { splitParts } from '../../src/analysis/question.ts'
import { assistant } from '../helpers/assistant.ts'

describe('table operations in other words', () => {
  it('"what is Table 8.4 about?", "which years does Table 8.3 cover?": what it lists, its columns and years, citing the table', async () => {
    const { answerer } = await assistant()
    const about = await answerer.answer('What is Table 8.4 about?')
    expect(about.answer).toMatch(/lists 30 countries with their centrality; it covers 2020/)
    expect(about.citations[0]?.kind).toBe('table')
    const years = await answerer.answer('Which years does Table 8.3 cover?')
    expect(years.answer).toMatch(/lists 20 economies .* it covers 2011–2020/)
    // A question about its rows is still a table operation.
    const row = await answerer.answer("What is Germany's centrality in Table 8.4?")
    expect(row.answer).toMatch(/6\.4/)
  })

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

  it('read a later part as a follow-up of the part before: its table, its rows, its topic', async () => {
    const { answerer } = await assistant()
    // The table the first part names is the second part's.
    const table = await answerer.answer(
      'In Table 8.2, which field has the most papers, and which has the highest share of internationally coauthored papers?',
    )
    expect(table.answer).toContain('Microelectromechanical systems technology')
    expect(table.answer).toContain('Wide bandgap semiconductor')
    expect(table.citations.every((c) => c.kind === 'table-row')).toBe(true)
    // "the two": the rows the first part gave.
    const two = await answerer.answer(
      'What are the centrality scores of Japan and Canada, and which of the two has more internationally coauthored papers in Table 8.3?',
    )
    expect(two.answer).toMatch(/Japan[^.]*2\.2/)
    expect(two.answer).toMatch(/Canada[^.]*3\.0/)
    expect(two.answer).toContain('Table 8.3')
    // "the third tier" of the research-cooperation centrality the first part asked about.
    const tier = await answerer.answer(
      'Per the 2023 report, which countries rank second to fourth in research cooperation centrality, and who forms the third tier?',
    )
    expect(tier.answer).toContain('United Kingdom (7.4)')
    expect(tier.answer).toMatch(/France, Italy, Spain, Australia/)
    // The table the first part's answer came from, when the part names none.
    const field = await answerer.answer(
      'In advanced manufacturing, which field had the most papers, and which had the highest share written with foreign partners?',
    )
    expect(field.answer).toContain('Wide bandgap semiconductor')
    // A centrality column is the table's, however the prose near it gives other figures.
    const china = await answerer.answer(
      'For China: how many of its advanced-manufacturing papers had foreign co-authors, and what was its score in the 2020 research network?',
    )
    expect(china.answer).toContain('7,406')
    expect(china.answer).toContain('5.1')
    // A part that asks a column of no row asks it of the row the part before named.
    const additive = await answerer.answer(
      'How many papers were there on additive manufacturing, and what share were internationally coauthored?',
    )
    expect(additive.answer).toContain('22,070 papers')
    expect(additive.answer).toContain('17.20%')
    // "the table on co-authorship …" names the table, not a column: the rank is the printed one.
    const malaysia = await answerer.answer(
      'Where does Malaysia rank in the table on co-authorship in advanced manufacturing technologies?',
    )
    expect(malaysia.answer).toMatch(/Malaysia ranks 20th of 20 economies by papers/)
    // "For China: …, and …": a lead-in does not keep the parts together.
    expect(
      splitParts(
        'For China: how many of its papers had foreign co-authors, and what was its centrality?',
        'China',
      ),
    ).toEqual([
      'For China: how many of its papers had foreign co-authors?',
      "what was China's centrality?",
    ])
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
