import { describe, expect, it } from 'vitest'
import { verifyQuote } from '../../src/cite/verify.ts'
import { assistant } from '../helpers/assistant.ts'
import { citeService } from '../helpers/citer.ts'
import { RAW } from '../helpers/corpus.ts'

const located = async (text: string) => {
  const loc = (await citeService()).locate(text)
  if (!loc) throw new Error(`not located: ${text}`)
  return loc
}
const blockIds = (l: { blocks: Array<{ id: string }> }) => l.blocks.map((b) => b.id)

describe('locating a quotation despite', () => {
  it('straight vs curly quotes and apostrophes', async () => {
    const l = await located('"original innovation" in technology is the key driver')
    expect(l.match).toBe('exact')
    expect(l.chapterText).toBe('“original innovation” in technology is the key driver')
    expect((await located("China's wind and photovoltaic products have been exported")).match).toBe(
      'exact',
    )
  })

  it('dashes', async () => {
    expect((await located('the Guangdong–Hong Kong—Macao Greater Bay Area')).match).toBe('exact')
  })

  it('whitespace and line breaks', async () => {
    const l = await located(
      'New quality productive forces primarily rely on innovation\n   and are birthed\tfrom revolutionary technological breakthroughs',
    )
    expect(l.match).toBe('exact')
    expect(blockIds(l)).toEqual(['intro/p-1'])
  })

  it('the printed hyphenation', async () => {
    const l = await located('profound trans-formation and upgrading of industries')
    expect(l.match).toBe('exact')
    expect(RAW.slice(l.span.start, l.span.end)).toBe(
      'profound trans-\nformation and upgrading of industries',
    )
  })

  it('OCR misreadings in the quote or in the chapter', async () => {
    expect((await located('such as generative Al and big data centers')).match).toBe('exact')
    expect(
      (await located('to toster overall development of new productive forces')).chapterText,
    ).toBe('to foster overall development of new productive forces')
    const ai = await located('The AI legislation is still in the exploratory stage')
    expect(ai.match).toBe('exact')
    expect(RAW.slice(ai.span.start, ai.span.end)).toBe(
      'The\nAl legislation is still in the exploratory stage',
    )
  })

  it('case', async () => {
    expect(
      (await located('OPENNESS IS A DISTINCTIVE FEATURE OF CHINESE MODERNIZATION')).match,
    ).toBe('exact')
  })

  it('ellipses standing for omitted text (… and ...)', async () => {
    const a = await located(
      'China places great importance on … international centers for science and technology innovation',
    )
    expect(a).toMatchObject({ match: 'exact', elided: true })
    expect(a.chapterText).toBe(
      'China places great importance on “building international centers for science and technology innovation',
    )
    expect(
      (
        await located(
          'the United States and Europe demonstrate a technological advantage ... primary partners in most major bilateral collaborations',
        )
      ).match,
    ).toBe('exact')
  })

  it('a few changed words, with a word-level diff against the chapter', async () => {
    const l = await located('Openness is a key characteristic of Chinese modernization')
    expect(l.match).toBe('fuzzy')
    expect(l.similarity).toBeGreaterThanOrEqual(0.7)
    expect(l.diff).toEqual([
      { op: 'same', text: 'Openness is a' },
      { op: 'changed', quote: 'key characteristic', chapter: 'distinctive feature' },
      { op: 'same', text: 'of Chinese modernization' },
    ])
  })

  it('text that runs across a page break', async () => {
    const l = await located('enhance economic growth momentum of coun-\n\ntries around the world')
    expect(l.match).toBe('exact')
    expect(RAW.slice(l.span.start, l.span.end)).toContain('coun-\n\ntries')
  })

  it('text that runs across a footnote printed between its parts', async () => {
    const l = await located(
      'significant achievements have been made in the field of new energy collaboration. In Africa, under the framework of the FOCAC alone',
    )
    expect(l.match).toBe('exact')
    expect(blockIds(l)).toEqual(['II.1/box-8.1/p-2', 'II.1/box-8.1/p-3'])
    // The footnote printed in between is inside the original span but not part of the quote.
    expect(RAW.slice(l.span.start, l.span.end)).toContain(
      '3 IEA, “Patents and the Energy Transition',
    )
    const { corpus } = await assistant()
    expect(verifyQuote(corpus, { ...l.span, quote: l.chapterText })).toBe(true)
  })
})

describe('refusing what the chapter does not say', () => {
  it.each([
    'China invented the printing press for quantum computers in 1950.',
    'Germany has the highest centrality of international scientific research cooperation.',
    'New quality productive forces are defined by low technology, low efficiency and low quality.',
  ])('a fabricated quote is neither exact nor fuzzy: %s', async (text) => {
    const r = await (await citeService()).cite(text)
    expect(r.matches.every((m) => m.match === 'related')).toBe(true)
    expect(r.mode).toBe('claim')
  })

  it('a quote with a changed number is not a fuzzy match of the real one', async () => {
    const r = await (await citeService()).cite(
      'The village installed 2,000 off-grid solar home systems',
    )
    expect(r.matches.every((m) => m.match === 'related')).toBe(true)
    expect(r.verdict).toBe('unsupported')
    expect(r.matches[0]?.conflicts?.[0]).toContain('2000')
  })
})

describe('claim support', () => {
  it('returns the supporting sentence with a support score', async () => {
    const r = await (await citeService()).cite(
      'Developed economies lead cooperation on low-carbon energy technology.',
    )
    expect(r).toMatchObject({ mode: 'claim', verdict: 'supported' })
    expect(r.matches[0]).toMatchObject({ match: 'related', supports: true, section: 'II.1' })
    expect(r.matches[0]?.quote).toBe('Developed economies play a leading role in LCE cooperation.')
    expect(r.matches[0]?.similarity).toBeGreaterThan(0.5)
  })

  it('says so plainly when nothing supports the claim, even when a related passage exists', async () => {
    const citer = await citeService()
    const huawei = await citer.cite('Huawei built the second data center in Indonesia.')
    expect(huawei.verdict).toBe('unsupported')
    expect(huawei.matches[0]?.quote).toContain('second data center in Indonesia')
    expect(huawei.matches[0]?.supports).toBe(false)
    const japan = await citer.cite(
      'Japan has the highest centrality in international research cooperation.',
    )
    expect(japan.verdict).toBe('unsupported')
    expect(japan.matches[0]?.conflicts).toContain(
      'Table 8.4 gives the highest centrality to United States (11.5), not Japan (2.2)',
    )
  })
})
