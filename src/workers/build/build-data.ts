import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chunkDocument } from '../../chunk/chunk.ts'
import { loadCorpus } from '../../corpus/index.ts'
import { modelDir, STATIC_MODEL_ID, TransformersEmbeddings } from '../../embed/index.ts'
import { modelVocabulary } from '../../embed/model-files.ts'
import { StaticEmbeddings, type StaticTable } from '../../embed/static-embeddings.ts'
import { readStaticTable } from '../../embed/static-model/read.ts'
import { SPECIAL_TOKENS } from '../../embed/static-model/tokenizer.ts'
import { replaceDir } from '../../fs/replace-dir.ts'
import { DEFAULT_INDEX_DIR, type LoadedIndex, loadIndex } from '../../index/index.ts'
import { BM25_FILE } from '../../index/manifest.ts'
import type { Migration } from '../../insights/types.ts'
import { loadBibliographicRecord } from '../../node/bibliography.ts'
import { loadMigrations } from '../../node/insights-sqlite.ts'
import { loadPromptFiles } from '../../node/prompts.ts'
import { loadAssets } from '../../node/server.ts'
import { projectPath } from '../../paths.ts'
import { expandGlossary, GLOSSARY } from '../../text/glossary.ts'
import {
  spellerFile,
  spellerVocabulary,
  WORKER_DATA_FILES,
  type WorkerDataFiles,
  type WorkerExtras,
  type WorkerMeta,
} from '../data-format.ts'

/** `dist/worker/`, where the Worker's bundled data is written. */
export const WORKER_DATA_DIR = projectPath('dist', 'worker')

/**
 * Words of the model kept besides the chapter's own, most frequent first. Chosen by measurement
 * (`npm run build:worker -- --measure`): 20,000 keeps every dev answer and citation identical to
 * the full model's and the bundle well under the free plan's 3 MiB (see README).
 */
export const DEFAULT_MOST_FREQUENT = 20_000

/** The committed model and index, opened as the Node host opens them. */
export interface BuildSources {
  table: StaticTable
  index: LoadedIndex
  corpus: ReturnType<typeof loadCorpus>
  chunks: ReturnType<typeof chunkDocument>
}

/** Opens the committed model, corpus and index (checked as the Node host checks them). */
export async function openBuildSources(
  indexDir: string = DEFAULT_INDEX_DIR,
): Promise<BuildSources> {
  const corpus = loadCorpus()
  const chunks = chunkDocument(corpus.doc)
  const embeddings = new TransformersEmbeddings({
    modelId: STATIC_MODEL_ID,
    allowRemote: false,
    loadTimeoutMs: 60_000,
  })
  const index = await loadIndex(indexDir, { corpusSha256: corpus.sha256, chunks, embeddings })
  return { table: readStaticTable(modelDir(STATIC_MODEL_ID)), index, corpus, chunks }
}

/**
 * Every word the chapter can put through the model: the original text, the chunks as embedded
 * (with the glossary's expansions) and the glossary itself. They are always kept, so every chunk
 * and every sentence of the chapter embeds exactly as with the full model.
 */
export function chapterWords(sources: BuildSources): Set<string> {
  const model = new StaticEmbeddings(sources.table, STATIC_MODEL_ID)
  const texts = [
    sources.corpus.raw,
    ...sources.chunks.flatMap((c) => [c.text, expandGlossary(c.embedText)]),
    ...GLOSSARY.flatMap((g) => [g.term, g.means]),
  ]
  return new Set(texts.flatMap((t) => model.pieces(t)))
}

/**
 * The rows kept: the special tokens, the `mostFrequent` most frequent words (the model's rows are
 * in frequency order) and every chapter word, in the model's order.
 */
export function prunedTable(
  table: StaticTable,
  keepWords: ReadonlySet<string>,
  mostFrequent: number,
): StaticTable {
  const specials = SPECIAL_TOKENS.length
  const keep: number[] = []
  table.words.forEach((w, i) => {
    if (i < specials + mostFrequent || keepWords.has(w)) keep.push(i)
  })
  const d = table.dimensions
  const q = new Int8Array(keep.length * d)
  const scales = new Float32Array(keep.length)
  keep.forEach((row, i) => {
    q.set(table.q.subarray(row * d, (row + 1) * d), i * d)
    scales[i] = table.scales[row] as number
  })
  return { words: keep.map((i) => table.words[i] as string), q, scales, dimensions: d }
}

/** The files of the Worker's data, by name, as bytes or text. */
export function workerDataFiles(
  sources: BuildSources,
  mostFrequent: number = DEFAULT_MOST_FREQUENT,
): Map<string, Uint8Array | string> {
  const table = prunedTable(sources.table, chapterWords(sources), mostFrequent)
  const rows = table.words.length
  const tableBytes = new Uint8Array(rows * 4 + table.q.length)
  tableBytes.set(new Uint8Array(table.scales.buffer, table.scales.byteOffset, rows * 4), 0)
  tableBytes.set(new Uint8Array(table.q.buffer, table.q.byteOffset, table.q.length), rows * 4)
  const { exact, manifest } = sources.index
  const meta: WorkerMeta = {
    formatVersion: 1,
    modelId: manifest.model.id,
    dimensions: exact.dimensions,
    vocabulary: { rows, fullRows: sources.table.words.length, mostFrequent },
    chunkIds: manifest.chunkIds,
    builtAt: manifest.builtAt,
    corpusSha256: manifest.corpus.sha256,
  }
  const extras: WorkerExtras = {
    record: loadBibliographicRecord(),
    prompts: loadPromptFiles(),
    assets: loadAssets(),
  }
  const vectors = exact.vectors
  const vocab = table.words.join('\n')
  // The Node host's speller list, whole: checked to come back word for word in the Worker.
  const spellerWords = modelVocabulary(modelDir(STATIC_MODEL_ID))
  const speller = spellerFile(spellerWords, table.words)
  const back = spellerVocabulary(vocab, speller)
  if (back.length !== spellerWords.length || back.some((w, i) => w !== spellerWords[i]))
    throw new Error('the speller list does not round-trip')
  return new Map<string, Uint8Array | string>([
    [WORKER_DATA_FILES.vocab, vocab],
    [WORKER_DATA_FILES.speller, speller],
    [WORKER_DATA_FILES.table, tableBytes],
    [
      WORKER_DATA_FILES.vectors,
      new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength),
    ],
    [WORKER_DATA_FILES.bm25, readFileSync(join(DEFAULT_INDEX_DIR, BM25_FILE), 'utf8')],
    [WORKER_DATA_FILES.meta, `${JSON.stringify(meta, null, 2)}\n`],
    [WORKER_DATA_FILES.chapter, sources.corpus.raw],
    [WORKER_DATA_FILES.document, JSON.stringify(sources.corpus.doc)],
    [WORKER_DATA_FILES.extras, JSON.stringify(extras)],
    [WORKER_DATA_FILES.migrations, JSON.stringify(loadMigrations())],
  ])
}

/** Bytes of the files, raw and gzipped (as the platform measures a bundle). */
export function dataSize(files: Map<string, Uint8Array | string>): { bytes: number; gzip: number } {
  let bytes = 0
  let gzip = 0
  for (const data of files.values()) {
    const b = typeof data === 'string' ? Buffer.from(data) : data
    bytes += b.length
    gzip += gzipSync(b, { level: 9 }).length
  }
  return { bytes, gzip }
}

/**
 * Writes the files into `dir` atomically (a reader sees the old folder or the new one), and not at
 * all when `dir` already holds exactly these files (the build is deterministic), so a build
 * running beside a reader of the same folder leaves it alone. Returns whether it wrote.
 */
export function writeWorkerData(dir: string, files: Map<string, Uint8Array | string>): boolean {
  const same = (name: string, data: Uint8Array | string) => {
    try {
      return Buffer.from(data).equals(readFileSync(join(dir, name)))
    } catch {
      return false
    }
  }
  if ([...files].every(([name, data]) => same(name, data))) return false
  const tmp = `${dir}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  for (const [name, data] of files) writeFileSync(join(tmp, name), data)
  replaceDir(tmp, dir)
  return true
}

/** The files as the Worker's module imports give them (for running the Worker's code on Node). */
export function asModules(files: Map<string, Uint8Array | string>): WorkerDataFiles {
  const text = (name: string) => {
    const v = files.get(name)
    if (typeof v !== 'string') throw new Error(`${name} is not text`)
    return v
  }
  const data = (name: string) => {
    const v = files.get(name)
    if (!(v instanceof Uint8Array)) throw new Error(`${name} is not binary`)
    return v.slice().buffer
  }
  return {
    vocab: text(WORKER_DATA_FILES.vocab),
    speller: text(WORKER_DATA_FILES.speller),
    table: data(WORKER_DATA_FILES.table),
    vectors: data(WORKER_DATA_FILES.vectors),
    bm25: text(WORKER_DATA_FILES.bm25),
    meta: JSON.parse(text(WORKER_DATA_FILES.meta)) as WorkerMeta,
    chapter: text(WORKER_DATA_FILES.chapter),
    document: text(WORKER_DATA_FILES.document),
    extras: JSON.parse(text(WORKER_DATA_FILES.extras)) as WorkerExtras,
    migrations: JSON.parse(text(WORKER_DATA_FILES.migrations)) as Migration[],
  }
}
