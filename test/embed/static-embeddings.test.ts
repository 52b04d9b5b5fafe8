import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { modelDir, STATIC_MODEL_ID } from '../../src/embed/index.ts'
import { StaticEmbeddings } from '../../src/embed/static-embeddings.ts'
import { readStaticTable } from '../../src/embed/static-model/read.ts'
import { loadDevSet } from '../../src/eval/dataset.ts'
import { expandGlossary } from '../../src/text/glossary.ts'
import { normalizeText } from '../../src/text/normalize.ts'
import { assistant } from '../helpers/assistant.ts'

/** Indices where two vectors differ in any bit (`Object.is`, so -0 and NaN count too). */
const differences = (a: number[], b: number[]) =>
  a.length !== b.length ? [-1] : a.flatMap((x, i) => (Object.is(x, b[i]) ? [] : [i]))

describe('the static model in plain TypeScript', () => {
  const plain = new StaticEmbeddings(readStaticTable(modelDir(STATIC_MODEL_ID)), STATIC_MODEL_ID)

  it('gives bit-identical vectors to the transformers.js pipeline for every dev question and chunk', async () => {
    const ctx = await assistant()
    const questions = loadDevSet().flatMap((q) => [
      q.question,
      expandGlossary(normalizeText(q.question)),
    ])
    const chunks = ctx.chunks.flatMap((c) => [c.text, expandGlossary(c.embedText)])
    // Edge cases of the tokenizer: special tokens typed in, curly quotes, long words, empty text.
    const edges = ['', '   ', '[CLS] AI [SEP] “open” — innovation’s', 'x'.repeat(101), 'ＡＩ ﬁrm']
    const texts = [...questions, ...chunks, ...edges]
    const expected = await ctx.embeddings.embedDocuments(texts)
    const actual = await plain.embedDocuments(texts)
    const mismatched = texts.filter(
      (_, i) => differences(actual[i] ?? [], expected[i] ?? []).length,
    )
    expect(mismatched).toEqual([])
    expect(texts.length).toBeGreaterThan(500)
  })

  it('gives bit-identical vectors on generated texts: any Unicode, punctuation, numbers, special tokens, long words', async () => {
    // The Node host embeds with this class at request time (src/embed/static-twin.ts), so every
    // text a client can send must get the pipeline's vector.
    const ctx = await assistant()
    const words = ctx.chunks.slice(0, 40).flatMap((c) => c.text.split(/\s+/))
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom('[CLS]', '[SEP]', '[UNK]', '[PAD]', '[MASK]', '[cls]', '##ing', "n't", '…'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.stringMatching(/^[0-9.,%$€-]{1,10}$/),
      fc.constantFrom(
        'Ａ',
        'ﬁ',
        'é',
        'e\u0301',
        'ß',
        'İ',
        'ǅ',
        '中文',
        'العربية',
        '😀',
        '\u200b',
        '\t',
        '\u00a0',
      ),
      fc.nat(130).map((n) => 'a'.repeat(n)),
    )
    const texts = fc.sample(
      fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(' ')),
      { numRuns: 400, seed: 14 },
    )
    const expected = await ctx.embeddings.embedDocuments(texts)
    const actual = await plain.embedDocuments(texts)
    const mismatched = texts.filter(
      (_, i) => differences(actual[i] ?? [], expected[i] ?? []).length,
    )
    expect(mismatched).toEqual([])
  })

  it('truncates a text longer than 512 tokens as the pipeline does', async () => {
    const ctx = await assistant()
    const long = ctx.chunks.map((c) => c.text).join(' ')
    expect(plain.tokenize(long)).toHaveLength(512)
    const [expected] = await ctx.embeddings.embedDocuments([long])
    expect(differences(await plain.embedQuery(long), expected ?? [])).toEqual([])
  })

  it('maps unknown words to [UNK], whose zero row leaves the direction unchanged', async () => {
    const unk = plain.tokenize('[UNK]')[1]
    expect(plain.tokenize('open innovation qwzxqj').at(-2)).toBe(unk)
    const a = await plain.embedQuery('open innovation qwzxqj')
    const b = await plain.embedQuery('open innovation')
    expect(a.reduce((s, x, i) => s + x * (b[i] as number), 0)).toBeCloseTo(1, 6)
  })
})
