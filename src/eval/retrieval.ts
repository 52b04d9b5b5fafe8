import type { Embeddings } from '@langchain/core/embeddings'
import type { Chunk } from '../chunk/chunk.ts'
import type { HybridRetriever, RetrievalMode } from '../retrieve/hybrid.ts'
import { langchainBaseline } from './baseline.ts'
import type { DevQuestion } from './dataset.ts'
import { firstRelevantRank, type RetrievalScores, summarize } from './metrics.ts'

export const RETRIEVAL_SYSTEMS = ['bm25', 'dense', 'hybrid', 'langchain-baseline'] as const
export type RetrievalSystem = (typeof RETRIEVAL_SYSTEMS)[number]

/** Ranks are looked at up to this depth (MRR is cut here). */
export const EVAL_DEPTH = 10

export interface RetrievalEvalInputs {
  retriever: HybridRetriever
  chunks: readonly Chunk[]
  raw: string
  embeddings: Embeddings
  questions: readonly DevQuestion[]
  /** Run the LangChain baseline too (default true). */
  baseline?: boolean
}

export interface RetrievalEvalResult {
  questions: number
  systems: Partial<Record<RetrievalSystem, RetrievalScores>>
  byCategory: Record<string, Partial<Record<RetrievalSystem, RetrievalScores>>>
  /** Per question and system, the first relevant rank. */
  ranks: Array<{
    id: string
    question: string
    category: string
    ranks: Partial<Record<RetrievalSystem, number | null>>
  }>
}

/**
 * Runs every answerable dev question through BM25, dense and hybrid retrieval (and the LangChain
 * baseline) and scores the first rank at which a gold chunk appears. Baseline hits count when
 * their span overlaps a gold chunk's span.
 */
export async function evaluateRetrieval(inputs: RetrievalEvalInputs): Promise<RetrievalEvalResult> {
  const byId = new Map(inputs.chunks.map((c) => [c.id, c]))
  const answerable = inputs.questions.filter((q) => q.gold.length > 0)
  const baseline =
    inputs.baseline === false ? null : await langchainBaseline(inputs.raw, inputs.embeddings)
  const rows: RetrievalEvalResult['ranks'] = []
  for (const q of answerable) {
    const gold = new Set(q.gold)
    const ranks: Partial<Record<RetrievalSystem, number | null>> = {}
    for (const mode of ['bm25', 'dense', 'hybrid'] as RetrievalMode[]) {
      const hits = await inputs.retriever.search(q.question, { mode, k: EVAL_DEPTH })
      ranks[mode] = firstRelevantRank(
        hits.map((h) => h.id),
        (id) => gold.has(id),
      )
    }
    if (baseline) {
      const spans = await baseline.search(q.question, EVAL_DEPTH)
      const goldSpans = q.gold.map((g) => byId.get(g)).filter((c): c is Chunk => !!c)
      const i = spans.findIndex((s) => goldSpans.some((g) => s.start < g.end && g.start < s.end))
      ranks['langchain-baseline'] = i === -1 ? null : i + 1
    }
    rows.push({ id: q.id, question: q.question, category: q.category, ranks })
  }
  const systems: RetrievalEvalResult['systems'] = {}
  const byCategory: RetrievalEvalResult['byCategory'] = {}
  for (const s of RETRIEVAL_SYSTEMS) {
    if (!rows.some((r) => s in r.ranks)) continue
    systems[s] = summarize(rows.map((r) => r.ranks[s] ?? null))
    for (const cat of new Set(rows.map((r) => r.category))) {
      byCategory[cat] ??= {}
      ;(byCategory[cat] as Partial<Record<RetrievalSystem, RetrievalScores>>)[s] = summarize(
        rows.filter((r) => r.category === cat).map((r) => r.ranks[s] ?? null),
      )
    }
  }
  return { questions: answerable.length, systems, byCategory, ranks: rows }
}
