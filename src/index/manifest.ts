/** `index/manifest.json`: what an index was built from, checked every time it is loaded. */
export interface IndexManifest {
  formatVersion: 1
  corpus: { path: string; sha256: string }
  model: { id: string; filesHash: string | null; dimensions: number }
  chunker: { version: string }
  chunkCount: number
  chunkIds: string[]
  /** sha256 of each data file of the index, to detect a corrupt or partial copy. */
  files: Record<string, string>
  builtAt: string
}

export const MANIFEST_FILE = 'manifest.json'
export const BM25_FILE = 'bm25.json'
/** Files written by LangChain's `HNSWLib.save`. */
export const HNSW_FILES = ['hnswlib.index', 'args.json', 'docstore.json'] as const
