import { describe, expect, it } from 'vitest'
import { EntityCatalog } from '../../src/analysis/entities.ts'
import { executeTableQuery, parseTableQuestion, tablesOf } from '../../src/answer/table-engine.ts'
import { doc, RAW } from '../helpers/corpus.ts'

const catalog = new EntityCatalog(doc())
const tables = tablesOf(doc())
const parse = (q: string) => parseTableQuestion(q, catalog, tables)
const run = (q: string) => {
  const tq = parse(q)
  if (!tq) throw new Error(`not a table question: ${q}`)
  return executeTableQuery(tq, tables, doc(), catalog)
}
const text = (q: string) =>
  run(q)
    .sentences.map((s) => s.text)
    .join(' ')
const cited = (q: string) => run(q).sentences.flatMap((s) => s.cites.map((c) => c.id))

describe('table engine: operations', () => {
  it('lookup (entity × column) with numbers exactly as printed, citing the row and naming the table', () => {
    expect(text("What is Spain's share of internationally coauthored papers?")).toBe(
      "In Table 8.3 (International co-authorship in advanced manufacturing technologies of top 20 economies: 2011-2020), Spain's share of internationally coauthored papers is 45.57% (1,675 of 3,676 papers).",
    )
    expect(cited("What is Spain's share of internationally coauthored papers?")).toEqual([
      'II.4/table-8.3/row-13',
    ])
    expect(text('How many papers on laser manufacturing were published?')).toContain(
      '27,707 papers',
    )
    expect(
      text('What is the share of papers on laser manufacturing written with foreign partners?'),
    ).toContain('16.90%')
  })

  it('cites each row with the offsets of its original line', () => {
    const c = run('What is the centrality of the Netherlands?').sentences[0]!.cites[0]!
    expect(RAW.slice(c.start, c.end)).toBe('Netherlands 31')
    expect(c).toMatchObject({
      kind: 'table-row',
      quote: 'Netherlands 3.1',
      label: '§II.4, Table 8.4 (Netherlands)',
    })
  })

  it('compares two or more entities and computes the difference', () => {
    const t = text('Which has more papers, France or Italy?')
    expect(t).toContain(
      'France has more papers: 6,292 papers against 5,933 papers for Italy, a difference of 359.',
    )
    expect(
      text('Compare the share of internationally coauthored papers of Germany, Japan and India'),
    ).toContain(
      'Of the 3, Germany has the highest share of internationally coauthored papers: 31.98%.',
    )
  })

  it('ranks: arg max, arg min, top-k and bottom-k, with ties kept', () => {
    expect(
      text('Which economy has the highest share of internationally coauthored papers?'),
    ).toContain('Switzerland has the highest share of internationally coauthored papers: 49.77%')
    expect(
      text('Which field has the lowest share of internationally coauthored papers?'),
    ).toContain(
      'CNC machine tools has the lowest share of internationally coauthored papers: 8.45%',
    )
    expect(text('What are the top 3 economies by number of papers?')).toContain(
      'China (49,793 papers), United States (29,336 papers), and Germany (11,922 papers)',
    )
    expect(text('Which three fields have the fewest papers?')).toContain(
      'Digital twins (1,233 papers), Wide bandgap semiconductor (2,111 papers), and Smart sensors (6,763 papers)',
    )
    // Table 8.4 has ties: the bottom two share 1.0, so "bottom 1" lists both.
    expect(text('Which country has the lowest centrality?')).toContain(
      'Pakistan (1.0) and South Africa (1.0)',
    )
  })

  it('filters by a threshold and counts', () => {
    expect(text('How many economies have a share above 45%?')).toContain(
      '5 of 20 economies have a share of internationally coauthored papers above 45%',
    )
    expect(text('Which fields have more than 20,000 papers?')).toContain(
      '3 of 10 fields have more than 20,000 papers',
    )
    expect(text('Which countries have a centrality below 1.3?')).toContain('4 of 30 countries')
    expect(text('How many countries are listed in Table 8.4?')).toBe(
      'Table 8.4 (Centrality of international scientific research cooperation center: 2020) lists 30 countries.',
    )
  })

  it('answers "which rank/position", with ties', () => {
    expect(text('What rank does India hold in advanced manufacturing papers?')).toContain(
      'India ranks 5th of 20 economies',
    )
    expect(text("What is Japan's position in the centrality table?")).toContain(
      'Japan has a centrality of 2.2, 13th of 30, tied with India',
    )
    expect(text('Where does Japan rank by share?')).toContain(
      'Japan is 15th of 20 by share of internationally coauthored papers (22.31%)',
    )
  })

  it('reads Table 8.1 items and lists', () => {
    expect(text('What is item 6 of Table 8.1?')).toBe(
      'Item 6 of Table 8.1 (Achievements of multilateral digital cooperations from BRF) is The 5th IKCEST “Belt and Road” International Big Data Competition.',
    )
    expect(
      run('What achievements of digital cooperation came out of the Belt and Road Forum?')
        .sentences,
    ).toHaveLength(8)
  })
})

describe('table engine: names', () => {
  it.each([
    ['What is the centrality of the US?', 'United States'],
    ['What is the centrality of the USA?', 'United States'],
    ['What is the centrality of America?', 'United States'],
    ['What is the centrality of Britain?', 'United Kingdom'],
    ['What is the centrality of the UK?', 'United Kingdom'],
    ['What is the centrality of South Korea?', 'Rep. of Korea'],
    ['What is the centrality of Korea?', 'Rep. of Korea'],
    ['What is the centrality of the Republic of Korea?', 'Rep. of Korea'],
    ['How many papers did Taiwan publish?', 'Taiwan, China'],
    ['What is Ttaly’s share of internationally coauthored papers?', 'Italy'],
    ['what is the centrality of the czech republic', 'Czech Rep.'],
  ])('%s → %s', (q, name) => {
    const tq = parse(q)
    expect(tq && 'entities' in tq ? tq.entities.map((e) => e.name) : []).toEqual([name])
  })

  it.each([
    ['How many publications did Germany have?', 'papers'],
    ['How many articles did Germany publish?', 'papers'],
    ['How many papers did Germany co-write with foreign partners?', 'coauthored'],
    ['What percentage of Germany’s papers were internationally coauthored?', 'share'],
    ['What proportion of Germany’s papers were internationally coauthored?', 'share'],
    ['What is the hub score of Germany?', 'centrality'],
    ["What is Germany's position in the research network?", 'centrality'],
  ])('%s → column %s', (q, column) => {
    const tq = parse(q)
    expect(tq?.op).toBe('lookup')
    expect(tq && tq.op === 'lookup' ? tq.columns[0] : null).toBe(column)
  })
})

describe('table engine: unknown entities are said to be absent, never answered from a near row', () => {
  it.each([
    ["What is Brazil's share of internationally coauthored papers?", 'Brazil', 'Table 8.3'],
    ['What is the centrality of Mexico?', 'Mexico', 'Table 8.4'],
    [
      'How many papers did Vietnam publish in advanced manufacturing technologies?',
      'Vietnam',
      'Table 8.3',
    ],
    ["What is Canada's rank in Table 8.2?", 'Canada', 'Table 8.2'],
    [
      'What is the share of internationally coauthored papers in biotechnology?',
      'biotechnology',
      'Table 8.2',
    ],
  ])('%s', (q, name, table) => {
    const a = run(q)
    expect(a.answerable).toBe(false)
    expect(a.sentences[0]?.text).toMatch(
      new RegExp(
        `^The chapter does not give .*${name}.*${table.replace('.', '\\.')}.* and ${name} is not among them\\.$`,
      ),
    )
    expect(a.sentences.every((s) => s.cites.length === 0)).toBe(true)
  })

  it('points to where an absent economy does appear', () => {
    const a = run("What is Brazil's share of internationally coauthored papers?")
    expect(a.sentences[1]?.text).toContain('Brazil has a centrality of 1.9')
    expect(a.related.map((c) => c.id)).toEqual(['II.4/table-8.3', 'II.4/table-8.4/row-16'])
  })

  it('leaves questions that are not about the tables to the passages', () => {
    expect(parse('What did the United States and Germany agree on in May 2024?')).toBeNull()
    expect(
      parse('What share of PCT patent applications involved international cooperation in 2020?'),
    ).toBeNull()
    expect(parse('Which countries form the third tier in terms of centrality?')).toBeNull()
  })
})
