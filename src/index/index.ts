/** The search index: LangChain HNSWLib (dense) + MiniSearch (BM25) + a manifest, built and loaded. */
import { fileURLToPath } from 'node:url'

export { buildIndex, type IndexInputs } from './build.ts'
export {
  type IndexExpectations,
  IndexUnavailableError,
  type LoadedIndex,
  loadIndex,
  REBUILD_COMMAND,
} from './load.ts'
export type { IndexManifest } from './manifest.ts'

/** `index/`, the committed index the assistant serves from (override with `INDEX_DIR`). */
export const DEFAULT_INDEX_DIR = fileURLToPath(new URL('../../index/', import.meta.url)).replace(
  /\/$/,
  '',
)
