import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readNumbersOf } from '../../src/analysis/numbers.ts'

// The fast path of `numbersIn` reads digits without compromise; it must read every text exactly
// as compromise does (values, offsets, percent, ordinal, year), or leave the text to compromise.

const chapter = readFileSync('corpus/chapter-08.txt', 'utf8')
const chapterWords = chapter.split(/\s+/).filter(Boolean)

/** Every question and history turn of the evaluation sets (not the held-out split). */
function evalTexts(): string[] {
  const out: string[] = []
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v)
    else if (Array.isArray(v)) for (const x of v) walk(x)
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x)
  }
  for (const f of [
    'eval/dev-set.json',
    'eval/dialogs.json',
    'eval/cite-set.json',
    'eval/robust/tune.json',
    'eval/robust/tune2.json',
    'eval/robust/tune3.json',
  ])
    walk(JSON.parse(readFileSync(f, 'utf8')))
  return out
}

/** Words next to which compromise's grammar reads numbers differently, or nearly so. */
const TRICKY = [
  'of',
  'out of',
  'of the',
  'point',
  'minus',
  'decimal',
  'and a half',
  'billions',
  'a few',
  'trillion-dollar',
  'percent',
  'per cent',
  '%',
  '-',
  '–',
  '?',
  ';',
  '$',
  'usd',
  'kg',
  'm',
  'k',
  'second',
  'third',
  'Table',
  'No.',
  'G20',
  'n12x345',
  'di-',
  'II.',
  'XVII',
  'I',
  'a',
  'IRENA',
  'Mary',
  'CHAPTER',
  'May',
  'pm',
  'seconds',
]

const numberWord = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 0, max: 120 }).map(String),
      fc.integer({ min: 1900, max: 2100 }).map(String),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')),
      fc
        .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }))
        .map(([a, b]) => `${a}.${b}`),
    ),
    fc.constantFrom(
      '',
      '',
      '',
      '%',
      '.',
      ',',
      '?',
      ';',
      ':',
      ')',
      '%,',
      '"',
      ',?',
      '.?',
      '?.',
      '..',
      '?,',
      '%.?',
      ':.',
    ),
    fc.constantFrom('', '', '', '', '(', '$', '-', '+', '['),
  )
  .map(([n, after, before]) => `${before}${n}${after}`)

const text = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: numberWord },
      { weight: 5, arbitrary: fc.constantFrom(...chapterWords) },
      { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
    ),
    { minLength: 1, maxLength: 60 },
  )
  .chain((words) => fc.constantFrom(' ', '  ', '\n').map((sep) => words.join(sep)))

describe('reading numbers without compromise', () => {
  it('reads generated texts of numbers, chapter words and tricky neighbours as compromise does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(readNumbersOf(t, true)).toEqual(readNumbersOf(t, false))
      }),
      { numRuns: 1500, seed: 14 },
    )
  })

  it('reads every evaluation question and turn as compromise does', () => {
    const texts = evalTexts()
    expect(texts.length).toBeGreaterThan(500)
    for (const t of texts) expect(readNumbersOf(t, true), t).toEqual(readNumbersOf(t, false))
  })

  it('leaves to compromise what its grammar joins: fractions, number words, signs', () => {
    expect(readNumbersOf('rank 5 of 7 here').map((n) => n.text)).toEqual(['5 of 7'])
    expect(readNumbersOf('billions 73 research').map((n) => n.value)).toEqual([0, 73])
    expect(readNumbersOf('see minus 5 go').map((n) => n.value)).toEqual([-5])
    expect(readNumbersOf('a 15 trillion-dollar market')[0]?.value).toBe(15e12)
    expect(readNumbersOf('section II. 5 firms')).toHaveLength(2)
  })

  it('reads plain numbers with their punctuation, percent and years', () => {
    const found = readNumbersOf('G20 grew 5.1% in 2023, then 1,250 firms joined? 9 of new')
    expect(found.map((n) => [n.text, n.value, n.percent, n.year])).toEqual([
      ['5.1%', 5.1, true, false],
      ['2023,', 2023, false, false],
      ['1,250', 1250, false, false],
      ['9', 9, false, false],
    ])
  })
})
