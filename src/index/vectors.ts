/** One dense hit: a chunk id and its cosine similarity to the query. */
export interface VectorHit {
  id: string
  score: number
}

/** Nearest chunks to a query vector, best first. */
export interface VectorSearch {
  search(query: readonly number[], k: number): VectorHit[]
}

/**
 * Exact cosine search over unit vectors held in one `Float32Array` (row-major, `ids.length ×
 * dimensions`): a dot product with every row, then the `k` best, ties broken by index order. At
 * this size (about 130 chunks × 100 dimensions) a query takes well under a millisecond, so it is
 * what the Workers host uses (hnswlib-node cannot run there), and the Node host scores HNSW's
 * candidates with {@link ExactCosineIndex.score} so both hosts give bit-identical scores.
 *
 * @example
 * const exact = new ExactCosineIndex(ids, vectors, 100)
 * const hits = exact.search(await embeddings.embedQuery('open innovation'), 40)
 */
export class ExactCosineIndex implements VectorSearch {
  readonly ids: readonly string[]
  readonly vectors: Float32Array
  readonly dimensions: number
  private readonly position: ReadonlyMap<string, number>

  constructor(ids: readonly string[], vectors: Float32Array, dimensions: number) {
    if (vectors.length !== ids.length * dimensions) {
      throw new Error(
        `${vectors.length} values for ${ids.length} vectors of ${dimensions} dimensions`,
      )
    }
    this.ids = ids
    this.vectors = vectors
    this.dimensions = dimensions
    this.position = new Map(ids.map((id, i) => [id, i]))
  }

  /** Cosine similarity of the query (a unit vector) with row `i`: their dot product. */
  scoreAt(query: readonly number[], i: number): number {
    const d = this.dimensions
    const base = i * d
    let dot = 0
    for (let k = 0; k < d; k++) dot += (query[k] as number) * (this.vectors[base + k] as number)
    return dot
  }

  /** Cosine similarity of the query with the chunk `id` (`NaN` for an unknown id). */
  score(query: readonly number[], id: string): number {
    const i = this.position.get(id)
    return i === undefined ? Number.NaN : this.scoreAt(query, i)
  }

  search(query: readonly number[], k: number): VectorHit[] {
    const scored = this.ids.map((id, i) => ({ id, score: this.scoreAt(query, i), i }))
    scored.sort((a, b) => b.score - a.score || a.i - b.i)
    return scored.slice(0, Math.max(0, k)).map(({ id, score }) => ({ id, score }))
  }
}
