import { describe, expect, it } from 'vitest'
import { adaptWeights } from '../../src/retrieve/hybrid.ts'
import { asLangChainRetriever } from '../../src/retrieve/langchain.ts'
import { assistant } from '../helpers/assistant.ts'
import { RAW } from '../helpers/corpus.ts'

describe('hybrid retrieval', () => {
  it('returns hits shaped like API citations whose offsets cover their quote in the original file', async () => {
    const { retriever } = await assistant()
    const hits = await retriever.search(
      'How many off-grid solar home systems were installed in Mali?',
      { k: 5 },
    )
    expect(hits).toHaveLength(5)
    expect(hits.map((h) => h.n)).toEqual([1, 2, 3, 4, 5])
    const top = hits[0]!
    expect(top.id).toBe('II.1/box-8.1/p-3')
    expect(top).toMatchObject({ label: '§II.1, Box 8.1, ¶3', section: 'II.1', kind: 'box' })
    const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '')
    expect(letters(RAW.slice(top.start, top.end))).toBe(letters(top.quote))
    expect(top.scores.bm25).toBeGreaterThan(0)
    expect(top.scores.dense).toBeGreaterThan(0)
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score)
  })

  it('normalizes the question like the corpus: Al/AI, Ttaly/Italy, curly quotes', async () => {
    const { retriever } = await assistant()
    const ids = async (q: string) => (await retriever.search(q, { k: 3 })).map((h) => h.id)
    expect(await ids('What is Ttaly’s share of internationally coauthored papers?')).toEqual(
      await ids("What is Italy's share of internationally coauthored papers?"),
    )
    expect(await ids('When was the Al draft law made public?')).toEqual(
      await ids('When was the AI draft law made public?'),
    )
    expect((await ids('When was the AI draft law made public?'))[0]).toBe('III.4/box-8.3/p-3')
  })

  it('finds abbreviations and their long forms both ways', async () => {
    const { retriever } = await assistant()
    const top = async (q: string) => (await retriever.search(q, { k: 1 }))[0]?.id
    expect(
      await top('How many green energy projects under the Forum on China-Africa Cooperation?'),
    ).toBe('II.1/box-8.1/p-3')
    const usa = (await retriever.search('What is the centrality of the USA?', { k: 3 })).map(
      (h) => h.id,
    )
    expect(usa).toContain('II.4/table-8.4/row-1')
  })

  it('serves each single retriever and the fusion, with configurable weights', async () => {
    const { retriever } = await assistant()
    const q = 'Which resource ranks next after soil, workers, money and know-how as a key input?'
    const bm25 = await retriever.search(q, { mode: 'bm25', k: 5 })
    const dense = await retriever.search(q, { mode: 'dense', k: 5 })
    expect(bm25.every((h) => h.scores.dense === undefined)).toBe(true)
    expect(dense.every((h) => h.scores.bm25 === undefined)).toBe(true)
    // Reworded: BM25 misses, the embeddings find it, and the fusion keeps it.
    expect(dense[0]?.id).toBe('I.2/p-2')
    expect(bm25.map((h) => h.id)).not.toContain('I.2/p-2')
    expect((await retriever.search(q, { k: 3 })).map((h) => h.id)).toContain('I.2/p-2')
    const bm25Only = await retriever.search(q, {
      k: 5,
      adaptive: false,
      weights: { bm25: 1, dense: 0 },
    })
    expect(bm25Only.map((h) => h.id)).toEqual(bm25.map((h) => h.id))
  })

  it('adapts the fusion weights to how much of the question BM25 matched', () => {
    expect(adaptWeights({ bm25: 1, dense: 1 }, 1)).toEqual({ bm25: 1, dense: 0.25 })
    expect(adaptWeights({ bm25: 1, dense: 1 }, 0)).toEqual({ bm25: 0.5, dense: 1 })
    expect(adaptWeights({ bm25: 2, dense: 1 }, 0.5)).toEqual({ bm25: 1.5, dense: 0.625 })
  })

  it('is a LangChain retriever', async () => {
    const { retriever } = await assistant()
    const docs = await asLangChainRetriever(retriever).invoke(
      'Where was the first China-US intergovernmental dialogue on AI held?',
    )
    expect(docs[0]?.metadata.id).toBe('III.4/box-8.3/p-4')
    expect(docs[0]?.pageContent).toContain('Geneva')
  })
})
