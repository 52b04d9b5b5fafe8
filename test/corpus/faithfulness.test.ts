import { describe, expect, it } from 'vitest'
import { chunkDocument } from '../../src/chunk/chunk.ts'
import { parseChapter, validateDocument } from '../../src/corpus/index.ts'
import type { Block, Repair, Span, TableBlock } from '../../src/corpus/types.ts'
import { doc, RAW } from '../helpers/corpus.ts'

/** An independent layout normalization: join lines, drop line-break hyphens, collapse spaces. */
function layoutNormalize(segments: Span[]): string {
  return segments
    .map((s) => RAW.slice(s.start, s.end))
    .join(' ')
    .replace(/(\p{L})-[ \t]*\n\s*(\p{L})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Undo a block's repairs on its cleaned text, using the offsets to find each replacement. */
function unrepair(b: { text: string; offsets: number[]; repairs: Repair[] }): string {
  let out = b.text
  const sorted = [...b.repairs].sort((x, y) => y.start - x.start)
  for (const r of sorted) {
    // The replacement's characters map into [r.start, r.end); a deletion maps to nothing.
    let from = b.offsets.findIndex((o) => o >= r.start)
    if (from === -1) from = out.length
    let to = from
    while (
      to < b.offsets.length &&
      (b.offsets[to] as number) < Math.max(r.end, r.start + 1) &&
      to - from < r.replacement.length
    )
      to++
    expect(out.slice(from, to)).toBe(r.replacement)
    out = out.slice(0, from) + r.original + out.slice(to)
  }
  return out
}

const leafTexts = (): Block[] => doc().blocks

describe('offsets', () => {
  it('every block’s original span, normalized for layout, equals its cleaned text before repairs', () => {
    for (const b of leafTexts()) {
      expect(b.normalized, b.id).toBe(layoutNormalize(b.segments))
      expect(unrepair(b), b.id).toBe(b.normalized)
    }
  })

  it('every cleaned character maps to the same original character unless a repair or a line join made it', () => {
    for (const b of doc().blocks) {
      for (let i = 0; i < b.text.length; i++) {
        const o = b.offsets[i] as number
        const inRepair = b.repairs.some((r) => o >= r.start && o < Math.max(r.end, r.start + 1))
        if (inRepair) continue
        const c = b.text[i] as string
        if (c === ' ') expect(/\s/.test(RAW[o] as string), `${b.id}@${i}`).toBe(true)
        else expect(RAW[o], `${b.id}@${i}`).toBe(c)
      }
      const offs = b.offsets
      for (let i = 1; i < offs.length; i++) expect(offs[i]!).toBeGreaterThanOrEqual(offs[i - 1]!)
    }
  })
})

describe('coverage', () => {
  it('no text of the file is lost: every non-blank character is in a block, a marker or listed layout noise', () => {
    const owner = new Array<string | undefined>(RAW.length)
    const claim = (s: Span, who: string) => {
      for (let i = s.start; i < s.end; i++) {
        if (/\s/.test(RAW[i] as string)) continue
        expect(owner[i], `char ${i} claimed by ${owner[i]} and ${who}`).toBeUndefined()
        owner[i] = who
      }
    }
    for (const b of doc().blocks) {
      for (const s of b.segments) claim(s, b.id)
      if (b.marker) claim(b.marker, `${b.id}#marker`)
    }
    for (const n of doc().layoutNoise) claim(n, `noise:${n.text}`)
    const lost: string[] = []
    for (let i = 0; i < RAW.length; i++) {
      if (!/\s/.test(RAW[i] as string) && owner[i] === undefined) lost.push(`${i}:${RAW[i]}`)
    }
    expect(lost).toEqual([])
  })

  it('lists as layout noise only table headers and the (Continued) marker', () => {
    const texts = doc().layoutNoise.map((n) => n.text)
    expect(texts).toEqual([
      'Title',
      'Ofwhich',
      'Ranking  Field Numberof  Nymber of Share',
      'papers internationally (percent)',
      'coauthored papers',
      'Of which',
      'Ranking  Economy Number of Number of',
      'papers internationally Share (percent)',
      'coauthored papers',
      '(Continued)',
      'Of which',
      'Ranking  Economy Number of Number of',
      'papers internationally Share (percent)',
      'coauthored papers',
      'Countries Centrality Countries Centrality Countries Centrality',
    ])
  })
})

describe('repairs', () => {
  it('records every repair with its original span', () => {
    for (const r of doc().repairs) {
      expect(RAW.slice(r.start, r.end)).toBe(r.original)
      expect(r.reason.length).toBeGreaterThan(10)
    }
    const summary = doc().repairs.map((r) => `${r.original}→${r.replacement}`)
    expect(summary.filter((s) => s === 'Al→AI')).toHaveLength(20)
    for (const s of [
      'tor→for',
      'tactor→factor',
      'toster→foster',
      'eftectively→effectively',
      '1EA→IEA',
      'Ttaly→Italy',
      '81→8.1',
      'II1→III',
      '31→3.1',
    ]) {
      expect(summary, s).toContain(s)
    }
    expect(doc().repairs.filter((r) => r.rule === 'stray-quote')).toHaveLength(6)
    expect(
      doc()
        .repairs.filter((r) => r.rule === 'footnote-mark')
        .map((r) => r.original),
    ).toEqual(["'", '2', '3'])
  })

  it('changes no number except the recorded 3.1', () => {
    const withDigits = doc().repairs.filter((r) => /\d/.test(r.original + r.replacement))
    for (const r of withDigits) {
      switch (r.rule) {
        case 'footnote-mark':
          expect(r.replacement).toBe('')
          expect(r.original).toMatch(/^\d$/)
          break
        case 'ocr-letter': // a digit read for a letter: no digit is left
          expect(r.replacement).toMatch(/^[A-Z]+$/)
          break
        case 'label': // only a dot inserted: the same digits
          expect(r.replacement.replace('.', '')).toBe(r.original)
          break
        case 'decimal-point':
          expect([r.original, r.replacement]).toEqual(['31', '3.1'])
          break
        default:
          throw new Error(`repair ${r.rule} changes digits: ${r.original} → ${r.replacement}`)
      }
    }
    expect(withDigits.filter((r) => r.rule === 'decimal-point')).toHaveLength(1)
    // Every typed number equals the number printed on its row's line.
    for (const t of doc().blocks.filter((b): b is TableBlock => b.kind === 'table')) {
      for (const row of t.rows) {
        const printed =
          row.segments
            .map((s) => RAW.slice(s.start, s.end))
            .join(' ')
            .match(/(?<![\p{L}\d])\d[\d,.]*(?![\p{L}\d])/gu) ?? []
        const typed = t.columns.filter((c) => c.type !== 'text').map((c) => row.printed[c.key])
        if (row.values.country === 'Netherlands') {
          expect(printed).toEqual(['31'])
          expect(typed).toEqual(['3.1'])
        } else expect(typed, row.id).toEqual(printed)
      }
    }
  })
})

describe('cross-checks', () => {
  it('pass on the chapter', () => {
    expect(validateDocument(doc())).toEqual([])
  })

  it('fail on a wrong share, a skipped rank, and an unsorted centrality', () => {
    const broken = RAW.replace('64,857 10,292 15.87', '64,857 10,292 16.87')
      .replace('\n8 France 6,292', '\n9 France 6,292')
      .replace('Pakistan 1.0', 'Pakistan 1.9')
    const problems = validateDocument(parseChapter(broken))
    expect(problems.map((p) => [p.check, p.where])).toEqual([
      ['share', 'II.4/table-8.2/row-1'],
      ['rank-sequence', 'II.4/table-8.3/row-8'],
      ['descending', 'II.4/table-8.4/row-29'],
    ])
  })
})

describe('stability', () => {
  it('gives the same ids on every parse', () => {
    const a = parseChapter(RAW)
    const b = parseChapter(RAW)
    expect(a.blocks.map((x) => x.id)).toEqual(b.blocks.map((x) => x.id))
    expect(chunkDocument(a).map((c) => c.id)).toEqual(chunkDocument(b).map((c) => c.id))
    expect(new Set(a.blocks.map((x) => x.id)).size).toBe(a.blocks.length)
  })
})

describe('a paragraph interrupted by a footnote', () => {
  const mini = [
    'CHAPTER 3',
    '',
    'A Test',
    '',
    'I. First Part',
    '',
    "The first sentence mentions a claim' that continues on the next",
    '',
    '1 The footnote text, printed where the page ended.',
    ' page and ends here. A second sentence follows.',
    '',
    'A new paragraph starts.',
    '',
  ].join('\n')

  it('resumes the paragraph after the footnote and links the footnote', () => {
    const d = parseChapter(mini)
    const paras = d.blocks.filter((b) => b.kind === 'paragraph')
    expect(paras.map((p) => p.text)).toEqual([
      'The first sentence mentions a claim that continues on the next page and ends here. A second sentence follows.',
      'A new paragraph starts.',
    ])
    expect(paras[0]?.segments).toHaveLength(2)
    const note = d.blocks.find((b) => b.kind === 'footnote')
    expect(note?.text).toBe('The footnote text, printed where the page ended.')
    expect(note && 'calledFrom' in note ? note.calledFrom.blockId : '').toBe(paras[0]?.id)
  })
})
