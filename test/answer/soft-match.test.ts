import { describe, expect, it } from 'vitest'
import { SoftMatcher, softHit } from '../../src/analysis/soft-match.ts'
import { lexicalCoverage, queryTerms, TermStats } from '../../src/analysis/terms.ts'
import { chunkDocument } from '../../src/chunk/chunk.ts'
import { modelWordVectors, openAssistant } from '../../src/node/assistant.ts'
import { assistant } from '../helpers/assistant.ts'
import { doc as loadDoc } from '../helpers/corpus.ts'

const vectors = modelWordVectors('glove-sif-100d')

describe('soft matching over the model’s word vectors', () => {
  it('finds the chapter’s word for a synonym the chapter never uses, and never the word itself', () => {
    if (!vectors) throw new Error('the static model has word vectors')
    const soft = new SoftMatcher(['countries', 'country', 'companies', 'funds', 'the'], vectors)
    const nations = soft.neighboursOf('nations')
    expect(nations.get('countri')).toBeGreaterThan(0.6)
    expect(soft.neighboursOf('firms').get('compani')).toBeGreaterThan(0.6)
    expect(soft.neighboursOf('countries').has('countri')).toBe(false)
    // Unrelated words stay apart, and numbers have no vector.
    expect(soft.neighboursOf('banana').size).toBe(0)
    expect(soft.neighboursOf('2019').size).toBe(0)
  })

  it('gives a sentence part of the credit of a term it says in other words, never more than an exact match', () => {
    if (!vectors) throw new Error('the static model has word vectors')
    const doc = loadDoc()
    const chunks = chunkDocument(doc)
    const stats = new TermStats(chunks)
    const words = doc.blocks.flatMap((b) => b.text.toLowerCase().match(/[a-z]+/g) ?? [])
    const soft = new SoftMatcher(words, vectors)
    const question = 'Which nations signed the agreements?'
    const terms = queryTerms(question)
    const terms2soft = soft.termsOf(question)
    const sentence = 'China has signed agreements with 30 countries.'
    const exact = lexicalCoverage(terms, 'nations signed agreements', stats)
    const plain = lexicalCoverage(terms, sentence, stats)
    const withSoft = lexicalCoverage(terms, sentence, stats, terms2soft)
    expect(withSoft).toBeGreaterThan(plain)
    expect(withSoft).toBeLessThan(exact)
    expect(softHit(terms2soft, 'nation', stats.termsOf(sentence))).toBeGreaterThan(0.6)
  })
})

describe('answering in other words', () => {
  it('does not refuse for a word the chapter never uses when the passage says it in its own words', async () => {
    const { answerer } = await assistant()
    // "money" is not a word of the chapter; "funds"/"investment" sentences answer it.
    const a = await answerer.answer(
      'How much money was put into the cross-border power cable project in Laos?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/\$|billion|million|yuan/i)
  })

  it('still refuses when the thing asked about is named neither in the chapter’s words nor close ones', async () => {
    const { answerer } = await assistant()
    for (const q of [
      'What is the unemployment rate in Africa?',
      'What is the population of Laos?',
    ]) {
      const a = await answerer.answer(q)
      expect(a.answerable, q).toBe(false)
    }
  })

  it('is what lifts the match: with soft matching off (the ablation), the same passage matches less of the question', async () => {
    const plain = await openAssistant({
      build: false,
      embedding: { modelId: 'glove-sif-100d', allowRemote: false, loadTimeoutMs: 60_000 },
      softMatch: false,
    })
    const { answerer } = await assistant()
    const q = 'With how many nations has China signed two-way e-commerce memoranda?'
    const on = (await answerer.answerWithTrace(q)).trace.features?.lexical ?? 0
    const off = (await plain.answerer.answerWithTrace(q)).trace.features?.lexical ?? 0
    expect(on).toBeGreaterThan(off)
  })
})
