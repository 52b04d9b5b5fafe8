import { describe, expect, it } from 'vitest'
import { CHUNKER_VERSION, chunkDocument } from '../../src/chunk/chunk.ts'
import { splitSentences } from '../../src/text/sentences.ts'
import { doc, RAW } from '../helpers/corpus.ts'

const chunks = () => chunkDocument(doc())

describe('chunks', () => {
  it('has a version recorded by the index', () => {
    expect(CHUNKER_VERSION).toMatch(/^\d+$/)
  })

  it('covers every paragraph, list item, box paragraph, footnote, figure, table and row exactly once', () => {
    const ids = chunks().map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    const covered = new Set(chunks().map((c) => c.blockId))
    for (const b of doc().blocks)
      if (b.kind !== 'heading') expect(covered.has(b.id), b.id).toBe(true)
    expect(chunks().filter((c) => c.kind === 'table-row')).toHaveLength(67)
    expect(chunks().filter((c) => c.kind === 'table')).toHaveLength(4)
  })

  it('never crosses a section boundary', () => {
    for (const c of chunks()) {
      for (const s of doc().sections) {
        const inside = c.start >= s.start && c.end <= s.end
        const outside = c.end <= s.start || c.start >= s.end
        expect(inside || outside, `${c.id} crosses ${s.id}`).toBe(true)
      }
      // The innermost section around it is its own, except a footnote, which belongs to the
      // section that calls it wherever the page put it.
      const around = doc()
        .sections.filter((s) => c.start >= s.start && c.end <= s.end)
        .at(-1)
      if (c.kind !== 'footnote') expect(around?.id, c.id).toBe(c.section)
    }
  })

  it('cuts long paragraphs at sentence boundaries only', () => {
    for (const c of chunks().filter((x) => x.id.includes('/part-'))) {
      const block = doc().blocks.find((b) => b.id === c.blockId)!
      const bounds = new Set(splitSentences(block.text).flatMap((s) => [s.start, s.end]))
      const at = block.text.indexOf(c.text)
      expect(at, c.id).toBeGreaterThanOrEqual(0)
      expect(bounds.has(at) && bounds.has(at + c.text.length), c.id).toBe(true)
    }
  })

  it('carries the heading path and prepends it to the embedded text', () => {
    const c = chunks().find((x) => x.id === 'II.1/box-8.1/p-3')!
    expect(c.headingPath).toEqual([
      'Chapter 8: Development of New Quality Productive Forces and Global Cooperation on Open Innovation',
      'II. Status Quo of and Trends in Global Cooperation on Open Innovation',
      '1. Steady progress in cooperations on green and low-carbon innovation',
      'Box 8.1: China deepens international cooperation in clean energy',
    ])
    expect(c.embedText.startsWith(`${c.headingPath.join(' › ')}\n`)).toBe(true)
    expect(c.label).toBe('§II.1, Box 8.1, ¶3')
  })

  it('writes each table row as a self-contained sentence with caption and column names', () => {
    const spain = chunks().find((c) => c.id === 'II.4/table-8.3/row-13')!
    expect(spain.text).toBe(
      'Table 8.3 (International co-authorship in advanced manufacturing technologies of top 20 economies: 2011-2020): Spain ranks 13th with 3,676 papers, of which 1,675 internationally coauthored (45.57%).',
    )
    expect(spain.label).toBe('§II.4, Table 8.3 (Spain)')
    expect(RAW.slice(spain.start, spain.end)).toBe('13 Spain 3,676 1,675 45.57')
    const nl = chunks().find((c) => c.id === 'II.4/table-8.4/row-9')!
    expect(nl.text).toContain('Netherlands has a centrality of 3.1')
  })

  it('quotes prose exactly as the cleaned block text at its original span', () => {
    for (const c of chunks().filter((x) => !x.kind.startsWith('table'))) {
      const block = doc().blocks.find((b) => b.id === c.blockId)!
      expect(block.text).toContain(c.quote)
      expect(c.start).toBeGreaterThanOrEqual(block.start)
      expect(c.end).toBeLessThanOrEqual(block.end)
    }
  })
})
