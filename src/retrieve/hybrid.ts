import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import { LRUCache } from 'lru-cache'
import type MiniSearch from 'minisearch'
import type { Chunk } from '../chunk/chunk.ts'
import { BM25_SEARCH_OPTIONS, type Bm25Doc } from '../index/bm25.ts'
import type { VectorSearch } from '../index/vectors.ts'
import { expandGlossary } from '../text/glossary.ts'
import { normalizeText, searchTerms } from '../text/normalize.ts'

/** Which ranking to return: each retriever alone, or their fusion. */
export type RetrievalMode = 'hybrid' | 'bm25' | 'dense'

/** Retrieval settings; all have defaults. */
export interface RetrievalOptions {
  /** Hits returned. */
  k: number
  /** Candidates taken from each retriever before fusion. */
  candidates: number
  /** The `k` of reciprocal rank fusion, `1 / (rrfK + rank)`. */
  rrfK: number
  weights: { bm25: number; dense: number }
  /**
   * Shift weight toward the dense ranking when BM25's best hit matches few of the query's terms
   * (the user did not use the chapter's words), and toward BM25 when it matches most of them.
   */
  adaptive: boolean
  mode: RetrievalMode
}

/**
 * Defaults chosen on the dev set (`npm run eval`): a small fusion constant lets a chunk ranked
 * first by one retriever beat chunks both rank in the middle; equal base weights, adapted per
 * query by BM25's term coverage.
 */
export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  k: 5,
  candidates: 40,
  rrfK: 5,
  weights: { bm25: 1, dense: 1 },
  adaptive: true,
  mode: 'hybrid',
}

/**
 * What retrieval reads: BM25, dense search and the chunks. The Node host's `LoadedIndex` (HNSW)
 * and the Workers host's bundled data (exact search) both provide it.
 */
export interface RetrievalIndex {
  bm25: MiniSearch<Bm25Doc>
  vectorSearch: VectorSearch
  /** The chunks, in index order, keyed by id too. */
  chunks: readonly Chunk[]
  byId: ReadonlyMap<string, Chunk>
}

/** Embeds a query: a LangChain `Embeddings` (transformers.js on Node, the static model on Workers). */
export type QueryEmbedder = Pick<EmbeddingsInterface, 'embedQuery'>

/** A hit shaped like the API's `Citation`, plus the text shown and each retriever's score. */
export interface SearchHit {
  n: number
  id: string
  label: string
  section: string
  sectionTitle: string
  kind: Chunk['kind']
  quote: string
  start: number
  end: number
  score: number
  text: string
  scores: { bm25?: number; dense?: number }
  ranks: { bm25?: number; dense?: number }
}

/**
 * Hybrid retrieval over the chapter index: BM25 (MiniSearch) and dense (HNSW) rankings fused by
 * weighted reciprocal rank fusion. The query gets the corpus normalization first, so `AI`/`Al`,
 * `Italy`/`Ttaly` and curly/straight quotes match. `asLangChainRetriever` (./langchain.ts) wraps
 * it as a LangChain `BaseRetriever`.
 *
 * @example
 * const retriever = new HybridRetriever(index, embeddings)
 * const hits = await retriever.search('Which economy has the highest share?', { k: 3 })
 */
export class HybridRetriever {
  private readonly index: RetrievalIndex
  private readonly embeddings: QueryEmbedder
  private readonly queryVectors: LRUCache<string, number[]> | null
  readonly defaults: RetrievalOptions

  constructor(
    index: RetrievalIndex,
    embeddings: QueryEmbedder,
    defaults: Partial<RetrievalOptions> = {},
    /** Query vectors kept in memory (a repeated question is not embedded again); 0 disables. */
    queryCacheSize = 2000,
  ) {
    this.queryVectors =
      queryCacheSize > 0 ? new LRUCache<string, number[]>({ max: queryCacheSize }) : null
    this.index = index
    this.embeddings = embeddings
    this.defaults = { ...DEFAULT_RETRIEVAL, ...defaults }
  }

  /** BM25 ranking: chunk ids with scores, best first. */
  bm25(query: string, limit: number): Array<{ id: string; score: number }> {
    return this.bm25WithCoverage(prepareQuery(query), limit).hits
  }

  /** BM25 ranking plus the share of the query's terms that its best hit contains. */
  private bm25WithCoverage(query: PreparedQuery, limit: number) {
    const results = this.index.bm25.search(query.normalized, BM25_SEARCH_OPTIONS)
    const terms = new Set(searchTerms(query.expanded))
    const top = results[0]
    const coverage = top && terms.size > 0 ? new Set(top.queryTerms).size / terms.size : 0
    return {
      hits: results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score })),
      coverage,
    }
  }

  /** Dense ranking: chunk ids with cosine similarity, best first. */
  async dense(query: string, limit: number): Promise<Array<{ id: string; score: number }>> {
    return this.denseFor(prepareQuery(query), limit)
  }

  private async denseFor(
    query: PreparedQuery,
    limit: number,
  ): Promise<Array<{ id: string; score: number }>> {
    const text = query.expanded
    let v = this.queryVectors?.get(text)
    if (!v) {
      v = await this.embeddings.embedQuery(text)
      this.queryVectors?.set(text, v)
    }
    const k = Math.min(limit, this.index.chunks.length)
    return this.index.vectorSearch.search(v, k)
  }

  /** The top hits for a query. */
  async search(query: string, options: Partial<RetrievalOptions> = {}): Promise<SearchHit[]> {
    const o = {
      ...this.defaults,
      ...options,
      weights: { ...this.defaults.weights, ...options.weights },
    }
    const prepared = prepareQuery(query)
    const lexical =
      o.mode === 'dense' ? { hits: [], coverage: 0 } : this.bm25WithCoverage(prepared, o.candidates)
    const bm25 = lexical.hits
    const dense = o.mode === 'bm25' ? [] : await this.denseFor(prepared, o.candidates)
    const weights = o.adaptive ? adaptWeights(o.weights, lexical.coverage) : o.weights
    const fused = new Map<
      string,
      { score: number; scores: SearchHit['scores']; ranks: SearchHit['ranks'] }
    >()
    const add = (
      list: Array<{ id: string; score: number }>,
      key: 'bm25' | 'dense',
      weight: number,
    ) => {
      list.forEach((r, i) => {
        const e = fused.get(r.id) ?? { score: 0, scores: {}, ranks: {} }
        e.score += weight / (o.rrfK + i + 1)
        e.scores[key] = r.score
        e.ranks[key] = i + 1
        fused.set(r.id, e)
      })
    }
    add(bm25, 'bm25', o.mode === 'hybrid' ? weights.bm25 : 1)
    add(dense, 'dense', o.mode === 'hybrid' ? weights.dense : 1)
    return [...fused]
      .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
      .slice(0, o.k)
      .map(([id, e], i) => toHit(this.index.byId.get(id) as Chunk, i + 1, e))
  }
}

/** A query in the corpus normalization, and that with the glossary's expansions added. */
interface PreparedQuery {
  normalized: string
  expanded: string
}

function prepareQuery(query: string): PreparedQuery {
  const normalized = normalizeText(query)
  return { normalized, expanded: expandGlossary(normalized) }
}

/**
 * Query-adaptive fusion weights: with BM25 term coverage `c` of its best hit, BM25 keeps
 * `0.5 + 0.5c` of its weight and dense `1 - 0.75c` of its own. A query in the chapter's words
 * (c ≈ 1) leans on BM25; one in other words (c ≈ 0) on the embeddings.
 */
export function adaptWeights(base: { bm25: number; dense: number }, coverage: number) {
  const c = Math.max(0, Math.min(1, coverage))
  return { bm25: base.bm25 * (0.5 + 0.5 * c), dense: base.dense * (1 - 0.75 * c) }
}

function toHit(
  c: Chunk,
  n: number,
  e: { score: number; scores: SearchHit['scores']; ranks: SearchHit['ranks'] },
): SearchHit {
  return {
    n,
    id: c.id,
    label: c.label,
    section: c.section,
    sectionTitle: c.sectionTitle,
    kind: c.kind,
    quote: c.quote,
    start: c.start,
    end: c.end,
    score: e.score,
    text: c.text,
    scores: e.scores,
    ranks: e.ranks,
  }
}
