import { describe, expect, it } from 'vitest'
import { splitParts } from '../../src/analysis/question.ts'
import { amountVerdict, proseVerdict } from '../../src/answer/yes-no.ts'
import { clausesOf } from '../../src/text/sentences.ts'
import { assistant } from '../helpers/assistant.ts'
import { lastAnswer } from '../helpers/converse.ts'

/** Cited text of an answer, for checks on which passage or row it quotes. */
const cited = (a: { citations: Array<{ quote: string }> }) =>
  a.citations.map((c) => c.quote).join(' ')

describe('which source answers: a share of the world is not a table row, a named group is the prose', () => {
  it('"a share of the world total" is the prose figure, and refused for an economy the prose does not give it for', async () => {
    const { answerer } = await assistant()
    const both = await answerer.answer(
      'Which percentage of all international research collaboration papers worldwide came from China and from the US?',
    )
    expect(both.answerable).toBe(true)
    expect(both.answer).toMatch(/37\.9/)
    expect(both.answer).toMatch(/21\.5/)
    const other = await answerer.answer(
      'What proportion of the global total of internationally collaborated papers came from France?',
    )
    expect(other.answerable).toBe(false)
    // A share of an economy's own papers is still Table 8.3's.
    const own = await answerer.answer('What share of France’s papers were co-written abroad?')
    expect(own.answerable).toBe(true)
    expect(cited(own)).toMatch(/France/)
  })

  it('"list all … in the second tier"-like groups the prose names come from the prose, the whole table only when asked', async () => {
    const { answerer } = await assistant()
    const group = await answerer.answer(
      'Name every country that the chapter places in the third tier by centrality.',
    )
    expect(group.answer).toMatch(/France, Italy, Spain, Australia/)
    expect(group.answer).not.toMatch(/lists 30 countries/)
    const whole = await answerer.answer('Name every nation with a centrality score.')
    expect(whole.answer).toMatch(/lists 30 countries/)
  })

  it('a question for no figure is not refused for a field a table lacks', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Which two organizations put out the publication on patents and clean energy?',
    )
    expect(a.answer).not.toMatch(/is not among them/)
    expect(a.answerable).toBe(true)
    const counted = await answerer.answer('How many papers on quantum sensing does Table 8.2 list?')
    expect(counted.answerable).toBe(false)
  })

  it('a common word beside an answer type ("the price tag") is no unknown thing', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What was the rough price tag of the Lao 500-kilowatt transmission line?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/\$149 million/)
  })

  it('"how far do they reach" asks for an extent, not a distance', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How far does the reach of Chinese network service nodes extend?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/160 countries/)
  })
})

describe('yes/no: "the chapter does not say" when the passage neither bears out nor denies', () => {
  it('an amount of another thing than the sentence counts', () => {
    const s = 'the project installed 1,195 solar home systems and 200 streetlights.'
    expect(amountVerdict('the project housed 5,000 families', s)).toBe('not-stated')
    expect(amountVerdict('the project installed 2,000 solar home systems', s)).toBe('no')
    expect(amountVerdict('the project installed 1,195 solar home systems', s)).toBeNull()
  })

  it('a name left out of an open list, but no when the list is closed', () => {
    const open = 'Over ten countries, including China, launched the initiative.'
    expect(proseVerdict('Brazil launched the initiative', open, ['Brazil'])).toBe('not-stated')
    const closed = 'China and Thailand launched the initiative.'
    expect(proseVerdict('Brazil launched the initiative', closed, ['Brazil'])).toBe('no')
    // "such as" before a list of topics is no open list of names.
    const topics = 'Japan and Canada agreed to work on areas such as quantum networks.'
    expect(proseVerdict('Japan and Brazil agreed', topics, ['Japan', 'Brazil'])).toBe('no')
  })

  it('the last counted item of a list is no clause of its own: a claim may pair names across it', () => {
    const s =
      'The plant installed 300 panels, 12 pumps, and 4 storage units in the towns of Alpha and Beta.'
    expect(clausesOf(s)).toHaveLength(1)
    expect(proseVerdict('the plant is in Alpha and Beta', s, ['Alpha', 'Beta'])).toBe('yes')
    // Two clauses with subjects of their own stay apart.
    expect(
      clausesOf('GAC and Bosch have collaborated, and Volkswagen and Xiaopeng have signed'),
    ).toHaveLength(2)
  })

  it('a year neither the passage nor the table covers', async () => {
    const { answerer } = await assistant()
    const table = await answerer.answer('Did Canada have a centrality above 3 in 2022?')
    expect(table.verdict).toBe('not-stated')
    const prose = await answerer.answer(
      'Were there more than 80,000 national-level high-tech enterprises in the Greater Bay Area in 2030?',
    )
    expect(prose.verdict).toBe('not-stated')
    // A year the passage gives otherwise is a no.
    const other = await answerer.answer(
      'Did China sign its cybersecurity memorandum with Thailand in 2020?',
    )
    expect(other.verdict).toBe('no')
  })
})

describe('follow-ups along a table', () => {
  it('"the third one" after the top row asks the same figure of the third row in printed order', async () => {
    const a = await lastAnswer([
      'Which field is first in Table 8.2?',
      'How many of its papers were internationally coauthored?',
      'And the third one?',
    ])
    expect(a.standaloneQuestion).toMatch(
      /Additive manufacturing|Smart sensors|CNC|Industrial robot/,
    )
    expect(a.answerable).toBe(true)
  })

  it('"the one ranked just below it" after a row’s figure gives that figure of the next row', async () => {
    const a = await lastAnswer([
      'Which economy is ranked third in Table 8.3?',
      'What share of its papers were internationally coauthored?',
      'And the one ranked just below it?',
    ])
    expect(a.standaloneQuestion).toMatch(/Japan/)
    expect(a.answer).toMatch(/22\.31/)
  })

  it('"and which is at the bottom?" after the top of a column flips the direction', async () => {
    const a = await lastAnswer([
      'Which field has the most papers in Table 8.2?',
      'And the bottom one?',
    ])
    expect(a.standaloneQuestion).toMatch(/lowest|fewest/)
    expect(a.answerable).toBe(true)
  })

  it('"and the <named thing> with <place>?" asks the last question of that thing, in a readable sentence', async () => {
    const a = await lastAnswer([
      'When was the Global AI Governance Initiative put forward by China?',
      'And the renewed cybersecurity MOU with Indonesia?',
    ])
    expect(a.standaloneQuestion).toBe(
      'When was the renewed cybersecurity MOU with Indonesia put forward by China?',
    )
    expect(a.answer).toMatch(/May 26, 2024/)
  })

  it('another column of the same row ("and what share is that?"), but a row of its own with "which … highest"', async () => {
    const a = await lastAnswer([
      'How many internationally coauthored papers did Canada have in Table 8.3?',
      'And what share is that?',
    ])
    expect(a.standaloneQuestion).toMatch(/Canada.*share/)
    const b = await lastAnswer([
      'How many papers did Canada have in Table 8.3?',
      'Which economy has the highest share?',
    ])
    expect(b.standaloneQuestion).not.toMatch(/Canada/)
  })
})

describe('two-part questions in other shapes', () => {
  it('one question word asked of two things, each with its own "of", is two parts; "between" keeps one', () => {
    expect(
      splitParts(
        'What was the investment of the Lao line and the capacity of the Colombian projects?',
        null,
      ),
    ).toEqual([
      'What was the investment of the Lao line?',
      'What was the capacity of the Colombian projects?',
    ])
    expect(
      splitParts('What is the gap between the share of Japan and the share of India?', null),
    ).toHaveLength(1)
  })

  it('an elliptic "how many" belongs to the part before it', async () => {
    expect(
      splitParts(
        'Which field has the fewest papers, how many, and what share of them were coauthored?',
        null,
      ),
    ).toEqual([
      'Which field has the fewest papers, how many?',
      'what share of them were coauthored?',
    ])
  })
})

describe('a table operation across two tables', () => {
  it('rows of one table that the other does not list, in either order of naming', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Name the fields or countries of Table 8.4 that are absent from Table 8.3.',
    )
    expect(a.answer).toMatch(/^\d+ of the 30 countries in Table 8\.4/)
    // Every listed row is cited, and none of them is in Table 8.3.
    const listed = a.answer.split('\n').filter((l) => l.startsWith('- '))
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.join(' ')).not.toMatch(/United States|China|Germany/)
    const b = await answerer.answer(
      'Which of the economies that Table 8.4 does not list are in Table 8.3?',
    )
    expect(b.answer).toMatch(/of the 20 economies in Table 8\.3/)
    expect(b.answer).toMatch(/Singapore/)
  })
})
