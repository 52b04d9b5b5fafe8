import { describe, expect, it } from 'vitest'
import { dailyChartSvg, escapeXml, sectionStripSvg } from '../../src/insights/charts.ts'
import { groupQuestions } from '../../src/insights/cluster.ts'
import { csvField, itemsCsv } from '../../src/insights/csv.ts'
import { fillDays, latencySummary, parseDateRange } from '../../src/insights/report.ts'
import { newAnswerId, withAnswerId } from '../../src/server/answer-id.ts'

const NOW = Date.parse('2026-03-15T12:00:00Z')

describe('date ranges', () => {
  it('defaults to the last 30 days and includes both ends', () => {
    const r = parseDateRange(undefined, undefined, NOW)
    expect(r).toMatchObject({ from: '2026-02-14', to: '2026-03-15' })
    if ('error' in r) throw new Error(r.error)
    expect(r.range.to - r.range.from).toBe(30 * 86_400_000)
    expect(
      fillDays([], r.range)
        .map((d) => d.date)
        .at(-1),
    ).toBe('2026-03-15')
  })
  it('refuses bad, impossible, reversed and too long ranges', () => {
    for (const [f, t] of [
      ['2026-3-1', undefined],
      ['2026-02-30', undefined],
      ['2026-03-02', '2026-03-01'],
      ['2024-01-01', '2026-01-01'],
    ] as const)
      expect(parseDateRange(f, t, NOW)).toHaveProperty('error')
  })
})

describe('latency summary', () => {
  it('buckets on a log scale and takes nearest-rank percentiles', () => {
    const s = latencySummary([0.2, 0.4, 3, 3, 7000, ...Array(95).fill(1)])
    expect(s.count).toBe(100)
    expect(s.p50).toBe(1)
    expect(s.p99).toBe(3)
    expect(s.max).toBe(7000)
    expect(s.buckets[0]).toEqual({ le: 0.5, count: 2 })
    expect(s.buckets.at(-1)).toEqual({ le: null, count: 1 })
    expect(latencySummary([]).p50).toBeNull()
  })
})

describe('grouping unanswered questions', () => {
  it('puts rewordings together and keeps different questions apart', () => {
    const at = '2026-03-01T00:00:00.000Z'
    const groups = groupQuestions(
      [
        'What is a good recipe for kimchi?',
        'Recipe for kimchi?',
        'What is a good recipe for kimchi?',
        'Who won the 2022 World Cup?',
        'Who won the World Cup in 2022?',
        'What is the capital of Chad?',
      ].map((question, i) => ({ question, at: `${at.slice(0, 9)}${i}${at.slice(10)}` })),
    )
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['What is a good recipe for kimchi?', 3],
      ['Who won the 2022 World Cup?', 2],
      ['What is the capital of Chad?', 1],
    ])
    expect(groups[0]?.variants).toEqual(['Recipe for kimchi?'])
  })
})

describe('CSV', () => {
  it('quotes, doubles quotes and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a, "b"')).toBe('"a, ""b"""')
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField(-3)).toBe('-3')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(itemsCsv([]).split('\r\n')[0]).toMatch(/^answerId,at,question/)
  })
})

describe('charts', () => {
  it('escape text and carry exact figures in titles', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
    const svg = dailyChartSvg([
      { date: '2026-03-01', asked: 5, answered: 3, abstained: 2, up: 1, down: 1 },
    ])
    expect(svg).toContain(
      '<title>2026-03-01: 5 asked, 3 answered, 2 refused, 1 rated down, 1 rated up</title>',
    )
    expect(svg).not.toMatch(/style=/)
    const strip = sectionStripSvg(
      [
        { id: 'I', label: '§I', title: '<b>Intro</b>', start: 0, end: 50, count: 2 },
        { id: 'II', label: '§II', title: 'Two', start: 50, end: 100, count: 0 },
      ],
      100,
    )
    expect(strip).toContain('href="/read?hl=0-50"')
    expect(strip).toContain('&lt;b&gt;Intro&lt;/b&gt;')
    expect(strip).toContain('fill-opacity="1.00"')
  })
})

describe('answer ids on an encoded answer', () => {
  it('adds the id as the last member without re-encoding', () => {
    const enc = new TextEncoder().encode(JSON.stringify({ answer: 'Yes. [1]', id: 'old', n: 'é' }))
    const out = JSON.parse(new TextDecoder().decode(withAnswerId(enc, 'fresh-id')))
    expect(out).toEqual({ answer: 'Yes. [1]', id: 'fresh-id', n: 'é' })
  })
})

describe('answer ids', () => {
  it('are UUID version 7: unique, ordered by time, with the time in the first 48 bits', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => newAnswerId(1_700_000_000_000 + i))
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    for (const id of ids.slice(0, 50))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Number.parseInt(ids[0]?.replaceAll('-', '').slice(0, 12) ?? '', 16)).toBe(
      1_700_000_000_000,
    )
    const sameMs = Array.from({ length: 1000 }, () => newAnswerId(5))
    expect(new Set(sameMs).size).toBe(1000)
  })
})
