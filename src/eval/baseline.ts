import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory'
import type { Embeddings } from '@langchain/core/embeddings'
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters'
import type { Span } from '../corpus/types.ts'

/** A retriever that returns original spans, best first. */
export interface SpanRetriever {
  search(query: string, k: number): Promise<Span[]>
}

/**
 * The default LangChain recipe, as a baseline: `RecursiveCharacterTextSplitter` (1000 characters,
 * 200 overlap) over the raw OCR text, the same embeddings, an in-memory vector store. It shows
 * what structure-aware chunking, OCR repair and hybrid retrieval buy.
 */
export async function langchainBaseline(
  raw: string,
  embeddings: Embeddings,
): Promise<SpanRetriever> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 })
  const docs = await splitter.createDocuments([raw])
  const lineStarts = [0]
  for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lineStarts.push(i + 1)
  docs.forEach((d, i) => {
    const loc = (d.metadata as { loc?: { lines?: { from: number; to: number } } }).loc?.lines
    const from = loc?.from ?? 1
    const to = loc?.to ?? from
    const start = lineStarts[from - 1] ?? 0
    const end = (lineStarts[to] ?? raw.length + 1) - 1
    d.metadata = { i, start, end }
  })
  const store = await MemoryVectorStore.fromDocuments(docs, embeddings)
  return {
    async search(query, k) {
      const found = await store.similaritySearch(query, k)
      return found.map((d) => ({
        start: d.metadata.start as number,
        end: d.metadata.end as number,
      }))
    },
  }
}
