import { describe, expect, it } from 'vitest'
import { loadDevSet } from '../../src/eval/dataset.ts'
import { ExactCosineIndex } from '../../src/index/vectors.ts'
import { expandGlossary } from '../../src/text/glossary.ts'
import { normalizeText } from '../../src/text/normalize.ts'
import { assistant } from '../helpers/assistant.ts'

/** The candidates the retriever takes from dense search (`DEFAULT_RETRIEVAL.candidates`). */
const CANDIDATES = 40

describe('dense search: HNSW made exact, and exact cosine', () => {
  it('HNSW returns the same top-k, in the same order and with the same scores, as exact search for every dev question', async () => {
    const ctx = await assistant()
    const questions = loadDevSet().map((q) => expandGlossary(normalizeText(q.question)))
    const vectors = await ctx.embeddings.embedDocuments(questions)
    let defaultEfDiffers = 0
    const hnswIndex = ctx.index.dense.index
    for (const v of vectors) {
      const exact = ctx.index.exact.search(v, CANDIDATES)
      expect(ctx.index.vectorSearch.search(v, CANDIDATES)).toEqual(exact)
      // hnswlib's default search list (ef = 10) is approximate: the test above can fail.
      hnswIndex.setEf(10)
      const approx = hnswIndex.searchKnn(v, CANDIDATES).neighbors.map((l) => ctx.index.exact.ids[l])
      hnswIndex.setEf(hnswIndex.getCurrentCount())
      if (approx.join() !== exact.map((h) => h.id).join()) defaultEfDiffers++
    }
    expect(vectors.length).toBe(questions.length)
    expect(defaultEfDiffers).toBeGreaterThan(0)
  })

  it('ranks by dot product, breaks ties by index order and checks its shape', () => {
    const exact = new ExactCosineIndex(['a', 'b', 'c'], new Float32Array([1, 0, 0, 1, 1, 0]), 2)
    expect(exact.search([1, 0], 3)).toEqual([
      { id: 'a', score: 1 },
      { id: 'c', score: 1 },
      { id: 'b', score: 0 },
    ])
    expect(exact.search([0, 1], 1)).toEqual([{ id: 'b', score: 1 }])
    expect(exact.score([0, 1], 'c')).toBe(0)
    expect(() => new ExactCosineIndex(['a'], new Float32Array(3), 2)).toThrow(/3 values/)
  })
})
