import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CORPUS_PATH, CORPUS_SHA256 } from '../../src/corpus/index.ts'
import type {
  FigureBlock,
  FootnoteBlock,
  ParagraphBlock,
  TableBlock,
} from '../../src/corpus/types.ts'
import { doc, RAW } from '../helpers/corpus.ts'

const tables = () => doc().blocks.filter((b): b is TableBlock => b.kind === 'table')
const table = (id: string) => {
  const t = tables().find((x) => x.tableId === id)
  if (!t) throw new Error(`no table ${id}`)
  return t
}

describe('the corpus file', () => {
  it('is the byte-identical copy of the supplied chapter', () => {
    const sum = createHash('sha256').update(readFileSync(CORPUS_PATH)).digest('hex')
    expect(sum).toBe(CORPUS_SHA256)
    expect(RAW.match(/\n/g)).toHaveLength(487)
  })
})

describe('chapter and sections', () => {
  it('reads the chapter number and its title joined across lines', () => {
    expect(doc().chapter.number).toBe(8)
    expect(doc().chapter.title).toBe(
      'Development of New Quality Productive Forces and Global Cooperation on Open Innovation',
    )
  })

  it('builds the section tree with repaired, re-joined titles', () => {
    const titles = Object.fromEntries(doc().sections.map((s) => [s.id, s.title]))
    expect(Object.keys(titles)).toEqual([
      'intro',
      'I',
      'I.1',
      'I.2',
      'II',
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'III',
      'III.1',
      'III.2',
      'III.3',
      'III.4',
    ])
    expect(titles.I).toBe('Connotation and Characteristics of New Quality Productive Forces')
    expect(titles.II).toBe('Status Quo of and Trends in Global Cooperation on Open Innovation')
    expect(titles['II.2']).toBe(
      'New changes in innovation cooperation on next-generation of information technology',
    )
    // Printed as `II1.` and wrapped onto a second line.
    expect(titles.III).toBe(
      'Promoting Development of New Quality Productive Forces through Cooperation on Opening Up',
    )
    expect(
      doc()
        .blocks.find((b) => b.id === 'III/heading')
        ?.text.startsWith('III. '),
    ).toBe(true)
  })

  it('gives each section a span that starts at its heading and nests inside its parent', () => {
    for (const s of doc().sections) {
      if (s.parentId) {
        const p = doc().sections.find((x) => x.id === s.parentId)!
        expect(s.start).toBeGreaterThanOrEqual(p.start)
        expect(s.end).toBeLessThanOrEqual(p.end)
      }
      if (s.id !== 'intro')
        expect(RAW.slice(s.start, s.start + s.number.length)).toBe(
          s.id === 'III' ? 'II1' : s.number,
        )
    }
  })
})

describe('blocks', () => {
  const count = (kind: string) => doc().blocks.filter((b) => b.kind === kind).length

  it('has the exact counts of boxes, figures, footnotes, tables, rows, list items and dimensions', () => {
    expect(doc().boxes.map((b) => b.id)).toEqual(['8.1', '8.2', '8.3'])
    expect(count('figure')).toBe(2)
    expect(count('footnote')).toBe(3)
    expect(tables().map((t) => [t.tableId, t.rows.length])).toEqual([
      ['8.1', 7],
      ['8.2', 10],
      ['8.3', 20],
      ['8.4', 30],
    ])
    expect(count('list-item')).toBe(4)
    const leads = doc().blocks.filter(
      (b): b is ParagraphBlock => b.kind === 'paragraph' && !!b.lead,
    )
    expect(leads.map((b) => [b.sectionId, b.lead])).toEqual([
      ['I.2', 'Factor dimension'],
      ['I.2', 'Technology dimension'],
      ['I.2', 'Industry dimension'],
    ])
  })

  it('reads the four advancements as list items without their bullets', () => {
    const items = doc().blocks.filter((b) => b.kind === 'list-item')
    expect(items.map((b) => b.text.split('.')[0])).toEqual([
      'Advancement of laborers',
      'Advancement of means of labor',
      'Advancement of objects of labor',
      'Advancement of combinations of laborers, means of labor, and objects of labor',
    ])
    // Item 4 continues across a page end ("optimal combination" / "and advancement of data").
    expect(
      items[3]?.text.endsWith(
        'This exemplifies optimal combination and advancement of data, technology, and labor.',
      ),
    ).toBe(true)
  })

  it('joins paragraphs across page ends and undoes line-break hyphens', () => {
    const text = (id: string) => doc().blocks.find((b) => b.id === id)?.text ?? ''
    expect(text('intro/p-1')).toContain('profound transformation and upgrading of industries')
    expect(
      text('intro/p-1').endsWith('economic growth momentum of countries around the world.'),
    ).toBe(true)
    expect(text('I.1/p-6')).toContain('Therefore, it is essential')
    expect(
      text('I.1/p-6').endsWith('to foster overall development of new productive forces.'),
    ).toBe(true)
    expect(text('II.1/box-8.1/p-4')).toContain('500-kilowatt high-voltage transmission line')
    expect(text('III.4/p-1')).toContain('market-oriented investment funds')
  })

  it('keeps boxes with their titles and paragraphs, ending at the next heading', () => {
    const titles = doc().boxes.map((b) => b.title)
    expect(titles).toEqual([
      'China deepens international cooperation in clean energy',
      'China promoting international cooperation in information technology',
      'AI and openness',
    ])
    const paragraphs = doc().boxes.map((b) => b.blockIds.filter((id) => /\/p-\d+$/.test(id)).length)
    expect(paragraphs).toEqual([8, 3, 5])
    // Footnote 3 is printed inside Box 8.1 but is not box text.
    expect(doc().boxes[0]?.blockIds.some((id) => id.includes('footnote'))).toBe(false)
  })

  it('reads figure captions with their sources', () => {
    const figs = doc().blocks.filter((b): b is FigureBlock => b.kind === 'figure')
    expect(figs.map((f) => [f.figureId, f.caption, f.source, f.footnoteIds])).toEqual([
      ['8.1', 'Growth rate of IPFs in LCEs: 2000-2019 (base 100 in 2000)', 'IEA (2021).', [2]],
      [
        '8.2',
        'Main revealed technological advantage of global innovation centers: 2010-2019',
        'IEA (2021).',
        [3],
      ],
    ])
  })

  it('links each footnote to the mark that calls it', () => {
    const notes = doc().blocks.filter((b): b is FootnoteBlock => b.kind === 'footnote')
    expect(notes.map((n) => [n.footnoteNumber, n.id, n.calledFrom.blockId])).toEqual([
      [1, 'I.1/footnote-1', 'I.1/item-2'],
      [2, 'II.1/footnote-2', 'II.1/figure-8.1'],
      [3, 'II.1/footnote-3', 'II.1/figure-8.2'],
    ])
    // The marks are the OCR's `technologies'`, `(2021).2` and `(2021).3`.
    expect(RAW.slice(notes[0]!.calledFrom.offset - 12, notes[0]!.calledFrom.offset + 1)).toBe(
      "technologies'",
    )
    expect(RAW.slice(notes[1]!.calledFrom.offset - 7, notes[1]!.calledFrom.offset + 1)).toBe(
      '(2021).2',
    )
    expect(RAW.slice(notes[2]!.calledFrom.offset - 7, notes[2]!.calledFrom.offset + 1)).toBe(
      '(2021).3',
    )
    expect(notes[0]?.text.startsWith('Hard technology refers to key core technologies')).toBe(true)
    expect(notes[1]?.text.startsWith('IEA, “Patents and the Energy Transition')).toBe(true)
    // The citing text no longer carries the mark.
    expect(doc().blocks.find((b) => b.id === 'I.1/item-2')?.text).toContain(
      'New hard technologies and smart production tools',
    )
  })
})

describe('tables as typed data', () => {
  it('Table 8.1: seven titles, numbered, with stray quotes removed', () => {
    const t = table('8.1')
    expect(t.caption).toBe('Achievements of multilateral digital cooperations from BRF')
    expect(t.rows.map((r) => r.values.number)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(t.rows[0]?.values.title).toBe(
      'The Beijing Initiative on Belt and Road Digital Economy International Cooperation',
    )
    expect(t.rows[6]?.values.title).toBe(
      'The BRI Environmental Big Data Platform annual conference',
    )
  })

  it('Table 8.2: ten fields with the wrapped "Microelectromechanical systems technology"', () => {
    const t = table('8.2')
    expect(t.rows[0]?.values).toEqual({
      rank: 1,
      field: 'Microelectromechanical systems technology',
      papers: 64857,
      coauthored: 10292,
      share: 15.87,
    })
    expect(t.rows[0]?.segments).toHaveLength(2)
    expect(t.rows.map((r) => r.values.field)).toEqual([
      'Microelectromechanical systems technology',
      'Laser manufacturing',
      'Additive manufacturing',
      'CNC machine tools',
      'Flexible electronics',
      'Industrial robotics',
      'Very-large-scale integration circuits',
      'Smart sensors',
      'Wide bandgap semiconductor',
      'Digital twins',
    ])
    expect(t.rows[9]?.values).toEqual({
      rank: 10,
      field: 'Digital twins',
      papers: 1233,
      coauthored: 192,
      share: 15.57,
    })
    expect(t.rows[1]?.printed.share).toBe('16.90')
  })

  it('Table 8.3: twenty economies across the (Continued) page break, Italy repaired', () => {
    const t = table('8.3')
    expect(t.rows.map((r) => r.values.economy)).toEqual([
      'China',
      'United States',
      'Germany',
      'Japan',
      'India',
      'Rep. of Korea',
      'United Kingdom',
      'France',
      'Taiwan, China',
      'Italy',
      'Russia',
      'Canada',
      'Spain',
      'Australia',
      'Singapore',
      'Switzerland',
      'Iran',
      'Poland',
      'Netherlands',
      'Malaysia',
    ])
    expect(t.rows[9]?.values).toEqual({
      rank: 10,
      economy: 'Italy',
      papers: 5933,
      coauthored: 2096,
      share: 35.33,
    })
    expect(RAW.slice(t.rows[9]!.start, t.rows[9]!.end)).toBe('10 Ttaly 5,933 2,096 35.33')
    expect(t.rows[2]?.values).toEqual({
      rank: 3,
      economy: 'Germany',
      papers: 11922,
      coauthored: 3813,
      share: 31.98,
    })
  })

  it('Table 8.4: thirty countries read column by column, Netherlands 3.1', () => {
    const t = table('8.4')
    const names = t.rows.map((r) => r.values.country)
    expect(names.slice(0, 10)).toEqual([
      'United States',
      'United Kingdom',
      'Germany',
      'China',
      'France',
      'Italy',
      'Spain',
      'Australia',
      'Netherlands',
      'Canada',
    ])
    expect(names.slice(10, 12)).toEqual(['Switzerland', 'Sweden'])
    expect(names.slice(20)).toEqual([
      'Austria',
      'Rep. of Korea',
      'Portugal',
      'Finland',
      'Norway',
      'Czech Rep.',
      'Turkey',
      'Greece',
      'Pakistan',
      'South Africa',
    ])
    const nl = t.rows.find((r) => r.values.country === 'Netherlands')!
    expect(nl.values.centrality).toBe(3.1)
    expect(RAW.slice(nl.start, nl.end)).toBe('Netherlands 31')
    const values = t.rows.map((r) => r.values.centrality as number)
    expect(values).toEqual([...values].sort((a, b) => b - a))
  })

  it('keeps every row on its own original line(s)', () => {
    for (const t of tables()) {
      for (const r of t.rows) {
        for (const s of r.segments) expect(RAW.slice(s.start, s.end)).not.toContain('\n')
        expect(r.start).toBeGreaterThanOrEqual(t.start)
        expect(r.end).toBeLessThanOrEqual(t.end)
      }
    }
  })
})
