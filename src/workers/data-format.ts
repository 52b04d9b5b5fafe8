import type { PromptTemplates } from '../answer/llm/prompts.ts'
import type { Migration } from '../insights/types.ts'
import type { StaticAssets } from '../server/types.ts'

/**
 * The files `npm run build:worker` writes into `dist/worker/` and the Worker bundles as modules
 * (`.txt` as Text, `.bin` as Data, `.json` as JSON): read synchronously at startup, no file system.
 */
export const WORKER_DATA_FILES = {
  /** The pruned vocabulary, one word a line, in row order (special tokens first). */
  vocab: 'vocab.txt',
  /**
   * The speller's word list: every whole word of the full model (as the Node host's speller reads
   * it), most frequent first, with the words `vocab` already holds left as empty lines (they fill
   * them in order, see {@link spellerVocabulary}).
   */
  speller: 'speller.txt',
  /** The pruned table: float32 row scales, then int8 rows (little-endian). */
  table: 'table.bin',
  /** The chunks' unit vectors as HNSW stores them, float32, in chunk order. */
  vectors: 'vectors.bin',
  /** MiniSearch's BM25 index as `npm run index` saved it (JSON, bundled as text for `loadJSON`). */
  bm25: 'bm25.minisearch.txt',
  /** {@link WorkerMeta}. */
  meta: 'meta.json',
  /** The chapter, byte for byte (every offset points into it). */
  chapter: 'chapter.txt',
  /**
   * The parsed chapter (`parseChapter`'s output as JSON, which round-trips it exactly): parsing
   * was most of the Worker's startup, `JSON.parse` is a fraction of it.
   */
  document: 'document.txt',
  /** {@link WorkerExtras}: the bibliographic record, the prompt templates, the front-end files. */
  extras: 'extras.json',
  /**
   * The insights migrations (`src/insights/migrations/`, as `{ name, sql }` in order): the D1 store
   * checks at start that `wrangler d1 migrations apply` applied each of them.
   */
  migrations: 'migrations.json',
} as const

/** What the data was built from, for `/healthz` and the startup checks. */
export interface WorkerMeta {
  formatVersion: 1
  modelId: string
  dimensions: number
  /** Rows of the pruned table (special tokens included) and of the full model. */
  vocabulary: { rows: number; fullRows: number; mostFrequent: number }
  chunkIds: string[]
  /** The index's build time and corpus checksum (from `index/manifest.json`). */
  builtAt: string
  corpusSha256: string
}

/** Small inputs the Node host reads from files. */
export interface WorkerExtras {
  /** `corpus/chapter-08.meta.json`, checked when parsed. */
  record: unknown
  prompts: PromptTemplates
  assets: StaticAssets
}

/** The bundled files, as the Worker's module imports give them. */
export interface WorkerDataFiles {
  vocab: string
  speller: string
  table: ArrayBuffer
  vectors: ArrayBuffer
  bm25: string
  meta: WorkerMeta
  chapter: string
  document: string
  extras: WorkerExtras
  migrations: Migration[]
}

/** The speller's words: the model's whole words (lower-case letters only). */
const WHOLE_WORD = /^[a-z]+$/

/**
 * The full model's whole-word vocabulary, most frequent first, from the pruned vocabulary and the
 * speller file (see {@link WORKER_DATA_FILES}): the same list the Node host's speller reads from
 * the model's tokenizer, so that both hosts correct a misspelled question the same way.
 *
 * @example
 * spellerVocabulary('the\nof', '\nzyx\n') // ['the', 'zyx', 'of']
 */
export function spellerVocabulary(vocab: string, speller: string): string[] {
  const kept = vocab.split('\n').filter((w) => WHOLE_WORD.test(w))
  let next = 0
  const words = speller.split('\n').map((w) => (w === '' ? (kept[next++] ?? '') : w))
  if (next !== kept.length || words.some((w) => !WHOLE_WORD.test(w)))
    throw new Error('the speller list does not fit the vocabulary: run `npm run build:worker`')
  return words
}

/**
 * The speller file for `words` (the full whole-word vocabulary, most frequent first) beside the
 * pruned vocabulary `vocab`: each whole word of `vocab` becomes an empty line.
 */
export function spellerFile(words: readonly string[], vocab: readonly string[]): string {
  const kept = new Set(vocab.filter((w) => WHOLE_WORD.test(w)))
  return words.map((w) => (kept.has(w) ? '' : w)).join('\n')
}
