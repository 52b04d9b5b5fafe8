import { describe, expect, it } from 'vitest'
import { loadDevSet } from '../../src/eval/dataset.ts'
import { evaluateRetrieval } from '../../src/eval/retrieval.ts'
import { assistant } from '../helpers/assistant.ts'

describe('the dev question set', () => {
  it('has ≥ 80 questions covering every section, box, table and footnote, with reworded, table-row and absent ones', async () => {
    const { chunks, corpus } = await assistant()
    const qs = loadDevSet(new Set(chunks.map((c) => c.id)))
    expect(qs.length).toBeGreaterThanOrEqual(80)
    const gold = qs.flatMap((q) => q.gold).map((id) => chunks.find((c) => c.id === id)!)
    for (const s of corpus.doc.sections) {
      if (corpus.doc.blocks.some((b) => b.sectionId === s.id && b.kind !== 'heading')) {
        expect(
          gold.some((c) => c.section === s.id),
          `section ${s.id}`,
        ).toBe(true)
      }
    }
    for (const b of corpus.doc.boxes)
      expect(
        gold.some((c) => c.boxId === b.id),
        `box ${b.id}`,
      ).toBe(true)
    for (const t of ['8.1', '8.2', '8.3', '8.4'])
      expect(
        gold.some((c) => c.tableId === t),
        `table ${t}`,
      ).toBe(true)
    for (const n of [1, 2, 3])
      expect(
        gold.some((c) => c.footnoteNumber === n),
        `footnote ${n}`,
      ).toBe(true)
    const count = (cat: string) => qs.filter((q) => q.category === cat).length
    expect(count('reworded')).toBeGreaterThanOrEqual(10)
    expect(count('table-row')).toBeGreaterThanOrEqual(10)
    expect(count('absent')).toBeGreaterThanOrEqual(10)
  })
})

describe('retrieval quality gate (dev set)', () => {
  it('hybrid recall@5 ≥ 0.95, MRR ≥ 0.85, and hybrid ≥ each single retriever at recall@5', async () => {
    const { retriever, chunks, corpus, embeddings } = await assistant()
    const questions = loadDevSet()
    const r = await evaluateRetrieval({
      retriever,
      chunks,
      raw: corpus.raw,
      embeddings,
      questions,
      baseline: true,
    })
    const { hybrid, bm25, dense } = r.systems
    expect(hybrid!.recallAt5).toBeGreaterThanOrEqual(0.95)
    expect(hybrid!.mrr).toBeGreaterThanOrEqual(0.85)
    expect(hybrid!.recallAt5).toBeGreaterThanOrEqual(bm25!.recallAt5)
    expect(hybrid!.recallAt5).toBeGreaterThanOrEqual(dense!.recallAt5)
    // Structure buys precision: the fusion beats the default LangChain recipe at rank 1.
    expect(hybrid!.recallAt1).toBeGreaterThan(r.systems['langchain-baseline']!.recallAt1)
  })
})
