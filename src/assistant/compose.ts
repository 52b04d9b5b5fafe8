import { ChapterAnalysis } from '../analysis/chapter.ts'
import type { WordVectors } from '../analysis/soft-match.ts'
import type { ThesaurusEntry } from '../analysis/thesaurus.ts'
import { Answerer } from '../answer/answer.ts'
import { AnswerService, type LlmLayer } from '../answer/service.ts'
import type { Chunk } from '../chunk/chunk.ts'
import type { BibliographicRecord } from '../cite/format.ts'
import { CiteService } from '../cite/index.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import type { HybridRetriever } from '../retrieve/hybrid.ts'

/** What both hosts load their own way (files on Node, bundled modules on Workers). */
export interface AssistantParts {
  doc: ChapterDocument
  chunks: readonly Chunk[]
  retriever: HybridRetriever
  /** Sentence embeddings for the answerer and the claim checker (the index's model). */
  embed: (texts: string[]) => Promise<number[][]>
  /** The bibliographic record citations are formatted from. */
  record: BibliographicRecord
  /** The optional LLM layer; `null` answers extractively. */
  llm: LlmLayer | null
  /** Answers kept in memory (0 turns the cache off). */
  answerCacheSize: number
  /** The embedding model's whole-word vocabulary, most frequent first, for spelling correction of questions. */
  vocabulary: readonly string[]
  /** The embedding model's word vectors, for soft matching of question words (none: exact terms only). */
  wordVectors?: WordVectors | null
  /** WordNet's index files, for synonyms in soft matching (none: word vectors only). */
  wordNet?: readonly string[]
  /** The chapter thesaurus for soft matching (default: the built-in one; `[]`: none). */
  thesaurus?: readonly ThesaurusEntry[]
  /** The host's own answer service (Node bounds its cache in bytes); by default an `AnswerService`. */
  makeService?: (answerer: Answerer, llm: LlmLayer | null) => AnswerService
}

/** The answering and citing services a host serves. */
export interface AssistantServices {
  answerer: Answerer
  /** The answering approach hosts call: extractive, plus the LLM layer when configured. */
  service: AnswerService
  /** Citation lookup for writers. */
  citer: CiteService
}

/**
 * Builds the answerer, the answer service and the citation service from loaded parts. Pure (no
 * I/O): the one place where both hosts, Node (`src/node/assistant.ts`) and Workers
 * (`src/workers/assistant.ts`), assemble answering, so they answer the same way.
 *
 * @example
 * const { service } = composeAssistant({ doc, chunks, retriever, embed, record, llm: null, answerCacheSize: 1000, vocabulary })
 * const { answer } = await service.ask('Which economy has the highest share?')
 */
export function composeAssistant(parts: AssistantParts): AssistantServices {
  const { doc, chunks, retriever, embed } = parts
  const analysis = new ChapterAnalysis(
    doc,
    chunks,
    parts.vocabulary,
    parts.wordVectors ?? null,
    parts.wordNet ?? [],
    parts.thesaurus,
  )
  const shared = { stats: analysis.stats, catalog: analysis.catalog }
  const answerer = new Answerer({
    doc,
    chunks,
    analysis,
    search: (q, o) => retriever.search(q, o),
    embed,
  })
  const service =
    parts.makeService?.(answerer, parts.llm) ??
    new AnswerService(answerer, parts.llm, parts.answerCacheSize)
  const citer = new CiteService({
    doc,
    chunks,
    search: (q, o) => retriever.search(q, o),
    embed,
    record: parts.record,
    shared,
  })
  return { answerer, service, citer }
}
