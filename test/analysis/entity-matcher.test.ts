import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EntityCatalog } from '../../src/analysis/entities.ts'
import { namePattern, WordIndexedMatcher } from '../../src/analysis/entity-matcher.ts'
import { normalizeText } from '../../src/text/normalize.ts'
import { splitSentences } from '../../src/text/sentences.ts'
import { assistant } from '../helpers/assistant.ts'

// Issue 14: the entity finder ran one alternation of ≈ 650 names over every text, at every
// position (≈ 5–8 ms a request over a conversation's turns). The word-indexed matcher must find
// exactly what that alternation found (where, what, which name) on every text.

/** The alternation the catalog used before, for a matcher's names (the reference). */
function alternation(m: WordIndexedMatcher, fold: boolean): RegExp {
  const body = m.names.map(namePattern).join('|')
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:the )?(${body})(?:['’]s)?(?![\\p{L}\\p{N}])`,
    fold ? 'giu' : 'gu',
  )
}

const viaAlternation = (re: RegExp, t: string) =>
  [...t.matchAll(re)].map((m) => ({ index: m.index, text: m[0], name: m[1] as string }))
const viaIndex = (m: WordIndexedMatcher, t: string) => m.matchAll(t)

/** The catalog's two matchers (private: they are what is tested). */
const matchersOf = (catalog: EntityCatalog) =>
  (catalog as unknown as { matchers: Array<{ matcher: WordIndexedMatcher; fold: boolean }> })
    .matchers

/** Every string of the evaluation sets, robustness splits included (questions and turns). */
function evalTexts(): string[] {
  const out: string[] = []
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v)
    else if (Array.isArray(v)) for (const x of v) walk(x)
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x)
  }
  const files = [
    'eval/dev-set.json',
    'eval/dialogs.json',
    'eval/cite-set.json',
    ...readdirSync('eval/robust')
      .filter((f) => f.endsWith('.json'))
      .map((f) => `eval/robust/${f}`),
  ]
  for (const f of files) walk(JSON.parse(readFileSync(f, 'utf8')))
  return out
}

describe('the word-indexed entity matcher', () => {
  it('finds what the alternation finds in every chapter sentence and every eval text', async () => {
    const { answerer } = await assistant()
    const texts: string[] = []
    for (const b of answerer.analysis.doc.blocks)
      if ('text' in b)
        texts.push(b.text, ...splitSentences(b.text).map((r) => b.text.slice(r.start, r.end)))
    texts.push(...evalTexts())
    expect(texts.length).toBeGreaterThan(2000)
    let found = 0
    for (const { matcher, fold } of matchersOf(answerer.catalog)) {
      const re = alternation(matcher, fold)
      for (const raw of texts)
        for (const t of [raw, normalizeText(raw)]) {
          const want = viaAlternation(re, t)
          expect(viaIndex(matcher, t), t).toEqual(want)
          found += want.length
        }
    }
    // The texts name many entities: the comparison is not of empty lists.
    expect(found).toBeGreaterThan(1000)
  })

  it('finds what the alternation finds in generated texts of names, case, articles and noise', async () => {
    const { answerer } = await assistant()
    const matchers = matchersOf(answerer.catalog)
    const names = matchers.flatMap(({ matcher }) => [...matcher.names])
    const recase = (s: string, how: number) =>
      how === 0 ? s : how === 1 ? s.toUpperCase() : how === 2 ? s.toLowerCase() : s
    const piece = fc.oneof(
      fc
        .tuple(fc.constantFrom(...names), fc.integer({ min: 0, max: 3 }))
        .map(([n, h]) => recase(n, h)),
      fc.constantFrom(...names).map((n) => `the ${n}`),
      fc.constantFrom(
        'the ',
        'The ',
        "'s",
        '’s',
        '-',
        ' ',
        '  ',
        '.',
        ',',
        's',
        'x',
        '3',
        'South ',
        'North-',
        'ſ',
        'K',
        'İ',
        'ß',
        'é',
        '\u0301',
        '😀',
        '"',
        '(',
      ),
      fc.string({ maxLength: 4 }),
    )
    const text = fc.array(piece, { maxLength: 14 }).map((xs) => xs.join(''))
    fc.assert(
      fc.property(text, (t) => {
        for (const { matcher, fold } of matchers)
          expect(viaIndex(matcher, t)).toEqual(viaAlternation(alternation(matcher, fold), t))
      }),
      { numRuns: 3000, seed: 14 },
    )
  })

  it('tries names longest first, like the alternation', () => {
    const m = new WordIndexedMatcher(['Korea', 'South Korea', 'the States'], true)
    expect(viaIndex(m, 'Compare the South-Korea’s share with the States.')).toEqual([
      { index: 8, text: 'the South-Korea’s', name: 'South-Korea' },
      { index: 37, text: 'the States', name: 'the States' },
    ])
    const t = 'Compare the South-Korea’s share with the States.'
    expect(viaIndex(m, t)).toEqual(viaAlternation(alternation(m, true), t))
    expect(() => new WordIndexedMatcher(['(Keeling)'], true)).toThrow(/letter or digit/)
  })
})
