import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib'
import { Document } from '@langchain/core/documents'
import { CHUNKER_VERSION, type Chunk } from '../chunk/chunk.ts'
import { sha256 } from '../corpus/load.ts'
import type { TransformersEmbeddings } from '../embed/transformers-embeddings.ts'
import { replaceDir } from '../fs/replace-dir.ts'
import { expandGlossary } from '../text/glossary.ts'
import { buildBm25 } from './bm25.ts'
import { BM25_FILE, HNSW_FILES, type IndexManifest, MANIFEST_FILE } from './manifest.ts'

/** What the index is built from. */
export interface IndexInputs {
  chunks: readonly Chunk[]
  corpusSha256: string
  embeddings: TransformersEmbeddings
  /** Called after each batch of chunks is embedded. */
  onProgress?: (done: number, total: number) => void
}

const BATCH = 16

/**
 * Embeds every chunk, stores the vectors in LangChain's `HNSWLib` (cosine space) and a BM25 index
 * (MiniSearch) over the same chunks, and writes both with a manifest into `dir`, atomically: all
 * files go to a temporary sibling folder that then replaces `dir`.
 *
 * @example
 * await buildIndex('index', { chunks, corpusSha256, embeddings })
 */
export async function buildIndex(dir: string, inputs: IndexInputs): Promise<IndexManifest> {
  const { chunks, embeddings } = inputs
  const target = resolve(dir)
  const tmp = `${target}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  try {
    const vectors: number[][] = []
    for (let i = 0; i < chunks.length; i += BATCH) {
      vectors.push(
        ...(await embeddings.embedDocuments(
          chunks.slice(i, i + BATCH).map((c) => expandGlossary(c.embedText)),
        )),
      )
      inputs.onProgress?.(Math.min(i + BATCH, chunks.length), chunks.length)
    }
    const docs = chunks.map((c) => new Document({ pageContent: c.text, metadata: { id: c.id } }))
    const store = new HNSWLib(embeddings, {
      space: 'cosine',
      numDimensions: vectors[0]?.length ?? 0,
    })
    await store.addVectors(vectors, docs)
    await store.save(tmp)
    writeFileSync(join(tmp, BM25_FILE), JSON.stringify(buildBm25(chunks)))

    const files: Record<string, string> = {}
    for (const f of [...HNSW_FILES, BM25_FILE]) files[f] = sha256(readFileSync(join(tmp, f)))
    const manifest: IndexManifest = {
      formatVersion: 1,
      corpus: { path: 'corpus/chapter-08.txt', sha256: inputs.corpusSha256 },
      model: {
        id: embeddings.modelId,
        filesHash: embeddings.resolved.filesHash,
        dimensions: vectors[0]?.length ?? 0,
      },
      chunker: { version: CHUNKER_VERSION },
      chunkCount: chunks.length,
      chunkIds: chunks.map((c) => c.id),
      files,
      builtAt: new Date().toISOString(),
    }
    writeFileSync(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)

    replaceDir(tmp, target)
    return manifest
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true })
    throw err
  }
}
