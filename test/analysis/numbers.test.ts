import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compromiseReads, forgetReadNumbers, readNumbersOf } from '../../src/analysis/numbers.ts'
import { looseNumbers, plainNumbers } from '../../src/analysis/plain-numbers.ts'

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
    'eval/robust/tune4.json',
    'eval/robust/tune5.json',
    'eval/robust/tune6.json',
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
  '"n12x345',
  '(G20)',
  'G20?',
  '“H1N1”,',
  "'G7'",
  '[n1x2].',
  'G20.5',
  '"G20-5"',
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

/** Number words, alone, in compounds, in other cases and with punctuation around them. */
const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'seven',
  'ten',
  'twelve',
  'nineteen',
  'twenty',
  'ninety',
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
  'first',
  'second',
  'third',
  'fifth',
  'tenth',
  'fifteenth',
  'twentieth',
  'hundredth',
  'dozen',
  'zero',
  'billions',
  'hundreds',
  'twenty-first',
  'second-largest',
  'one-third',
  'ten-year',
  'no one',
  'the one',
  'one on one',
  'first lady',
  'capital one',
  '7 eleven',
  'half',
  'once',
  'twice',
]
const spelledNumber = fc
  .tuple(
    fc.constantFrom(...NUMBER_WORDS),
    fc.constantFrom('lower', 'lower', 'lower', 'Capital', 'UPPER'),
    fc.constantFrom('', '', '', ',', '.', '?', ';', ':', ')', '"', '...', "'s"),
    fc.constantFrom('', '', '', '', '(', '"', '-'),
  )
  .map(([w, form, after, before]) => {
    const cased =
      form === 'UPPER'
        ? w.toUpperCase()
        : form === 'Capital'
          ? `${w.charAt(0).toUpperCase()}${w.slice(1)}`
          : w
    return `${before}${cased}${after}`
  })

const text = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: numberWord },
      { weight: 2, arbitrary: spelledNumber },
      { weight: 5, arbitrary: fc.constantFrom(...chapterWords) },
      { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
    ),
    { minLength: 1, maxLength: 60 },
  )
  .chain((words) => fc.constantFrom(' ', '  ', '\n').map((sep) => words.join(sep)))

/** The chapter's sentences and the evaluation's texts: real grammar around the number words. */
const sentences = [
  ...chapter.split(/(?<=[.?!])\s+/).filter((x) => x.length > 20 && x.length < 400),
  ...evalTexts().filter((x) => x.length > 15 && x.length < 400),
]
/** Number words the fast path reads, and some it leaves to compromise, as a writer would put them. */
const SUBSTITUTES = [
  'one',
  'two',
  'seven',
  'ten',
  'twelve',
  'nineteen',
  'twenty',
  'ninety',
  'hundred',
  'thousand',
  'million',
  'billion',
  'first',
  'second',
  'third',
  'fifth',
  'tenth',
  'Ten',
  'First',
  'third,',
  'one,',
]
/** A real sentence with one to three of its words replaced by number words. */
const sentenceWithNumbers = fc
  .tuple(
    fc.constantFrom(...sentences),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SUBSTITUTES)), { minLength: 1, maxLength: 3 }),
  )
  .map(([sentence, swaps]) => {
    const w = sentence.split(' ')
    for (const [at, word] of swaps) w[at % w.length] = word
    return w.join(' ')
  })

describe('reading numbers without compromise', () => {
  it('reads number words in real sentences as compromise does (titles, verbs, articles, names)', () => {
    fc.assert(
      fc.property(sentenceWithNumbers, (t) => {
        expect(readNumbersOf(t, true)).toEqual(readNumbersOf(t, false))
      }),
      { numRuns: 2000, seed: 14 },
    )
  })

  it('leaves most sentences with a number word unread by compromise, so its cost no longer follows them', () => {
    const oneWord = fc
      .tuple(fc.constantFrom(...sentences), fc.nat(), fc.constantFrom(...SUBSTITUTES))
      .map(([sentence, at, word]) => {
        const w = sentence.split(' ')
        w[at % w.length] = word
        return w.join(' ')
      })
    const texts = [...new Set(fc.sample(oneWord, { numRuns: 300, seed: 21 }))]
    const before = compromiseReads()
    for (const t of texts) readNumbersOf(t, true)
    const fast = compromiseReads() - before
    // compromise's readings are cached by the text read: forgotten, so that the reference reads all.
    forgetReadNumbers()
    for (const t of texts) readNumbersOf(t, false)
    const reference = compromiseReads() - before - fast
    // Every text has a number word: the reference reads them all; the fast path most of them.
    expect(reference).toBe(texts.length)
    expect(fast / reference).toBeLessThan(0.45)
  })

  it('reads lone number words of ordinary questions without compromise', () => {
    const before = compromiseReads()
    const read = (t: string) => readNumbersOf(t).map((n) => [n.text, n.value, n.ordinal])
    expect(read('Which economy ranks third in Table 8.3?')).toEqual([['third', 3, true]])
    expect(read('What are the four recommendations of the chapter?')).toEqual([['four', 4, false]])
    expect(read('Ten economies lead, with 1,250 papers in 2023')).toEqual([
      ['Ten', 10, false],
      ['1,250', 1250, false],
      ['2023', 2023, false],
    ])
    // Codes in quotes or brackets hold no number ('… regarding "G20"', "(n1x2)").
    expect(read('And the others, regarding "G20" and (H1N1) in 2023?')).toEqual([
      ['2023?', 2023, false],
    ])
    expect(compromiseReads()).toBe(before)
    // Compounds and joined numbers are compromise's: "twenty-first", "ten billion", "a second".
    expect(read('the twenty-first century')).toEqual([['twenty-first', 21, true]])
    expect(read('over ten billion dollars')).toEqual([['ten billion', 1e10, false]])
    expect(compromiseReads()).toBe(before + 2)
  })

  it('reads generated texts of numbers, number words, chapter words and tricky neighbours as compromise does', () => {
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
      // A year, though the reader takes the comma after it into its text.
      ['2023,', 2023, false, true],
      ['1,250', 1250, false, false],
      ['9', 9, false, false],
    ])
  })
})

describe('what compromise reads of a long text', () => {
  it('reads a long text dense with numbers only near its first few number-like words', () => {
    // Compounds ("twenty-first") are left to compromise, which reads the text: the phrases kept
    // around each number merge in a dense text, and must not make it read the whole text.
    const dense = Array.from({ length: 120 }, (_, i) => `twenty-first ${i + 2}`).join(' ')
    expect(dense.length).toBeGreaterThan(1000)
    const found = readNumbersOf(dense)
    expect(found.length).toBeGreaterThan(0)
    // The words kept around them may hold a number more each; before, it read all 240.
    expect(found.length).toBeLessThanOrEqual(8)
    expect(Math.max(...found.map((n) => n.end))).toBeLessThan(120)
  })
})

describe('the loose reading (numbers read without compromise where its cost is not worth it)', () => {
  it('reads every text the fast path reads exactly as the fast path does', () => {
    fc.assert(
      fc.property(text, (t) => {
        const plain = plainNumbers(t)
        if (plain) expect(looseNumbers(t)).toEqual(plain)
      }),
      { numRuns: 1500, seed: 7 },
    )
  })

  it('reads the plain numbers and lone number words of a text compromise must parse, and never calls it', () => {
    const before = compromiseReads()
    const t = 'values exceeding 33.4 billion, the Third (2021) and "G20", second 5% twenty-first'
    expect(
      readNumbersOf(t, true, true).map((n) => [n.text, n.value, n.percent, n.ordinal, n.year]),
    ).toEqual([
      ['33.4', 33.4, false, false, false],
      ['billion,', 1e9, false, false, false],
      ['Third', 3, false, true, false],
      ['2021', 2021, false, false, true],
      ['second', 2, false, true, false],
      ['5%', 5, true, false, false],
    ])
    expect(compromiseReads()).toBe(before)
  })
})

describe('references to parts of the chapter', () => {
  it('are no numbers of the question, unless no part of this chapter has that id', () => {
    const values = (text: string, chapters?: readonly string[]) =>
      readNumbersOf(text, true, false, chapters).map((n) => n.value)
    expect(values('is the centrality in Table 8.4 12.5?', ['8'])).toEqual([12.5])
    // "the 2020 table 12.5": no Table 12.5 in chapter 8, so 12.5 is the value claimed.
    expect(values('is the US score in the 2020 table 12.5?', ['8'])).toEqual([2020, 12.5])
    // Without the chapter's numbers, every id is a part's.
    expect(values('is the US score in the 2020 table 12.5?')).toEqual([2020])
    expect(values('what does footnote 2 say about 2021?', ['8'])).toEqual([2021])
    // No chapter numbers known (a chapter without tables): every id is a part's, as before.
    expect(values('is the centrality in Table 8.4 12.5?', [])).toEqual([12.5])
  })
})
