import { projectPath } from '../paths.ts'

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
export const DEFAULT_INDEX_DIR = projectPath('index')
