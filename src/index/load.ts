import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib'
import type MiniSearch from 'minisearch'
import { CHUNKER_VERSION, type Chunk } from '../chunk/chunk.ts'
import { sha256 } from '../corpus/load.ts'
import type { TransformersEmbeddings } from '../embed/transformers-embeddings.ts'
import { type Bm25Doc, loadBm25 } from './bm25.ts'
import { BM25_FILE, HNSW_FILES, type IndexManifest, MANIFEST_FILE } from './manifest.ts'
import { ExactCosineIndex, type VectorHit, type VectorSearch } from './vectors.ts'

/** The command that rebuilds the index; every load error names it. */
export const REBUILD_COMMAND = 'npm run index'

/** The index is missing, corrupt or built from something else; `message` says how to fix it. */
export class IndexUnavailableError extends Error {
  override name = 'IndexUnavailableError'
}

/** A loaded, verified index. */
export interface LoadedIndex {
  manifest: IndexManifest
  dense: HNSWLib
  /** Dense search: HNSW made exact at this size (see {@link HnswVectorSearch}). */
  vectorSearch: VectorSearch
  /** The stored unit vectors in chunk order, for exact search and the Workers data. */
  exact: ExactCosineIndex
  bm25: MiniSearch<Bm25Doc>
  /** The chunks, in index order, keyed by id too. */
  chunks: readonly Chunk[]
  byId: ReadonlyMap<string, Chunk>
}

/** What the index must match. */
export interface IndexExpectations {
  corpusSha256: string
  chunks: readonly Chunk[]
  embeddings: TransformersEmbeddings
}

/**
 * Loads `dir` and refuses it, with an error naming `npm run index`, when it is missing or partial,
 * a file's checksum differs from the manifest, or it was built from another corpus, chunker or
 * embedding model than the ones configured now.
 */
export async function loadIndex(dir: string, expect: IndexExpectations): Promise<LoadedIndex> {
  const fail = (why: string): never => {
    throw new IndexUnavailableError(
      `The search index in ${dir} ${why}. Rebuild it with \`${REBUILD_COMMAND}\`.`,
    )
  }
  const manifestPath = join(dir, MANIFEST_FILE)
  if (!existsSync(manifestPath)) fail('is missing (no manifest.json)')
  let manifest: IndexManifest
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as IndexManifest
  } catch {
    return fail('has an unreadable manifest.json')
  }
  if (manifest.formatVersion !== 1) fail(`has format ${String(manifest.formatVersion)}, expected 1`)
  for (const f of [...HNSW_FILES, BM25_FILE]) {
    const p = join(dir, f)
    if (!existsSync(p)) fail(`is incomplete (${f} is missing)`)
    if (sha256(readFileSync(p)) !== manifest.files?.[f])
      fail(`is corrupt (${f} does not match its checksum)`)
  }
  if (manifest.corpus.sha256 !== expect.corpusSha256) fail('was built from a different corpus file')
  if (manifest.chunker.version !== CHUNKER_VERSION) {
    fail(
      `was built by chunker version ${manifest.chunker.version}, this code is version ${CHUNKER_VERSION}`,
    )
  }
  const model = expect.embeddings
  if (manifest.model.id !== model.modelId) {
    fail(
      `was built with embedding model "${manifest.model.id}" but EMBEDDING_MODEL is "${model.modelId}"`,
    )
  }
  if (
    manifest.model.filesHash &&
    model.resolved.filesHash &&
    manifest.model.filesHash !== model.resolved.filesHash
  ) {
    fail(`was built with different files of model "${model.modelId}"`)
  }
  const ids = expect.chunks.map((c) => c.id)
  if (ids.length !== manifest.chunkIds.length || ids.some((id, i) => id !== manifest.chunkIds[i])) {
    fail('does not hold the chunks this code produces')
  }
  let dense: HNSWLib
  let bm25: MiniSearch<Bm25Doc>
  try {
    dense = await HNSWLib.load(dir, model)
    bm25 = loadBm25(readFileSync(join(dir, BM25_FILE), 'utf8'))
  } catch (err) {
    return fail(`could not be read (${err instanceof Error ? err.message : String(err)})`)
  }
  const exact = storedVectors(dense, manifest.chunkIds)
  return {
    manifest,
    dense,
    vectorSearch: new HnswVectorSearch(dense, exact),
    exact,
    bm25,
    chunks: expect.chunks,
    byId: new Map(expect.chunks.map((c) => [c.id, c])),
  }
}

/**
 * The unit vectors HNSW stores (cosine space normalizes on insert), in chunk order: label `i` is
 * chunk `i`, as `buildIndex` adds them.
 */
function storedVectors(dense: HNSWLib, ids: readonly string[]): ExactCosineIndex {
  const d = dense.index.getNumDimensions()
  const vectors = new Float32Array(ids.length * d)
  ids.forEach((id, i) => {
    const doc = dense.docstore.search(String(i))
    if (doc.metadata.id !== id)
      throw new Error(`HNSW label ${i} holds ${doc.metadata.id}, not ${id}`)
    vectors.set(dense.index.getPoint(i), i * d)
  })
  return new ExactCosineIndex(ids, vectors, d)
}

/**
 * Dense search over the HNSW graph, made exact at this size: the search list (`ef`) is as large as
 * the index, so the search visits every reachable node and returns the true nearest neighbours
 * (at hnswlib's default `ef` of 10, the top 40 differed from exact search on 40 of 142 dev
 * questions). HNSW picks the chunks; their scores are the exact dot products of
 * {@link ExactCosineIndex}, so Node and Workers rank and score identically.
 */
export class HnswVectorSearch implements VectorSearch {
  private readonly dense: HNSWLib
  private readonly exact: ExactCosineIndex

  constructor(dense: HNSWLib, exact: ExactCosineIndex) {
    this.dense = dense
    this.exact = exact
    dense.index.setEf(Math.max(dense.index.getCurrentCount(), 1))
  }

  search(query: readonly number[], k: number): VectorHit[] {
    const n = Math.min(k, this.dense.index.getCurrentCount())
    if (n <= 0) return []
    const { neighbors } = this.dense.index.searchKnn([...query], n)
    return neighbors
      .map((label) => ({ label, score: this.exact.scoreAt(query, label) }))
      .sort((a, b) => b.score - a.score || a.label - b.label)
      .map(({ label, score }) => ({ id: this.exact.ids[label] as string, score }))
  }
}
