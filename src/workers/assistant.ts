import type { LlmLayer } from '../answer/service.ts'
import { type AssistantServices, composeAssistant } from '../assistant/compose.ts'
import { type Chunk, chunkDocument } from '../chunk/chunk.ts'
import { BibliographicRecord } from '../cite/format.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import { StaticEmbeddings } from '../embed/static-embeddings.ts'
import { loadBm25 } from '../index/bm25.ts'
import { ExactCosineIndex } from '../index/vectors.ts'
import { HybridRetriever, type RetrievalIndex } from '../retrieve/hybrid.ts'
import { spellerVocabulary, type WorkerDataFiles, type WorkerMeta } from './data-format.ts'

/** The chapter, its index and the embedding model, loaded from the bundled data. */
export interface WorkerData {
  meta: WorkerMeta
  raw: string
  doc: ChapterDocument
  chunks: readonly Chunk[]
  embeddings: StaticEmbeddings
  index: RetrievalIndex
  record: BibliographicRecord
  files: WorkerDataFiles
}

/**
 * Loads the Worker's data: reads the parsed chapter, chunks it, checks the chunks against the index's
 * ids (as the Node host's `loadIndex` does), and opens the static model and exact search. Pure
 * computation on the bundled modules; runs once per isolate.
 */
export function loadWorkerData(files: WorkerDataFiles): WorkerData {
  const { meta } = files
  if (meta.formatVersion !== 1)
    throw new Error(
      `Worker data format ${meta.formatVersion}, expected 1: run \`npm run build:worker\``,
    )
  const doc = JSON.parse(files.document) as ChapterDocument
  const chunks = chunkDocument(doc)
  const ids = chunks.map((c) => c.id)
  if (ids.length !== meta.chunkIds.length || ids.some((id, i) => id !== meta.chunkIds[i])) {
    throw new Error(
      'the Worker data does not hold the chunks this code produces: run `npm run build:worker`',
    )
  }
  const words = files.vocab.split('\n')
  const rows = words.length
  const d = meta.dimensions
  const scales = new Float32Array(files.table, 0, rows)
  const q = new Int8Array(files.table, rows * 4, rows * d)
  const embeddings = new StaticEmbeddings({ words, q, scales, dimensions: d }, meta.modelId)
  const index: RetrievalIndex = {
    bm25: loadBm25(files.bm25),
    vectorSearch: new ExactCosineIndex(ids, new Float32Array(files.vectors), d),
    chunks,
    byId: new Map(chunks.map((c) => [c.id, c])),
  }
  return {
    meta,
    raw: files.chapter,
    doc,
    chunks,
    embeddings,
    index,
    record: BibliographicRecord.parse(files.extras.record),
    files,
  }
}

/** Per-deployment settings of the answering side. */
export interface WorkerAnswering {
  llm: LlmLayer | null
  answerCacheSize: number
}

/** The retriever and the services, through the same factory as the Node host. */
export function composeWorkerAssistant(
  data: WorkerData,
  answering: WorkerAnswering,
): AssistantServices & { retriever: HybridRetriever } {
  const retriever = new HybridRetriever(data.index, data.embeddings)
  const services = composeAssistant({
    doc: data.doc,
    chunks: data.chunks,
    retriever,
    embed: (texts) => data.embeddings.embedDocuments(texts),
    record: data.record,
    llm: answering.llm,
    answerCacheSize: answering.answerCacheSize,
    // The full model's whole words, as on Node (the table is pruned, the speller's list is not).
    vocabulary: spellerVocabulary(data.files.vocab, data.files.speller),
    // Soft matching reads the pruned table: a question word without a row has no neighbours here.
    wordVectors: data.embeddings.wordVectors(),
  })
  return { ...services, retriever }
}
