import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager'
import { Document } from '@langchain/core/documents'
import { BaseRetriever } from '@langchain/core/retrievers'
import type { HybridRetriever, RetrievalOptions } from './hybrid.ts'

/** The hybrid retriever as a LangChain retriever (kept apart so the server does not load LangChain's callbacks at start). */
export class ChapterRetriever extends BaseRetriever {
  lc_namespace = ['chapter_assistant', 'retrievers']
  private readonly hybrid: HybridRetriever
  private readonly options: Partial<RetrievalOptions>

  constructor(hybrid: HybridRetriever, options: Partial<RetrievalOptions> = {}) {
    super()
    this.hybrid = hybrid
    this.options = options
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document[]> {
    const hits = await this.hybrid.search(query, this.options)
    return hits.map((h) => new Document({ pageContent: h.text, metadata: { ...h } }))
  }
}

/**
 * Wraps the hybrid retriever for LangChain chains.
 *
 * @example
 * const docs = await asLangChainRetriever(retriever).invoke('Where was the first China-US AI dialogue held?')
 */
export const asLangChainRetriever = (
  hybrid: HybridRetriever,
  options: Partial<RetrievalOptions> = {},
) => new ChapterRetriever(hybrid, options)
