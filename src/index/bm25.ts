import MiniSearch, { type Options } from 'minisearch'
import type { Chunk } from '../chunk/chunk.ts'
import { expandGlossary } from '../text/glossary.ts'
import { searchTerm, wordTokens } from '../text/normalize.ts'

/** What MiniSearch indexes for each chunk. */
export interface Bm25Doc {
  id: string
  text: string
  heading: string
}

/**
 * MiniSearch options shared by the build and the load (they must match): our own tokenizer
 * (the corpus normalization, number folding) and term processing (stop words, Porter stems).
 * Field boosts and fuzziness are query options, see {@link BM25_SEARCH_OPTIONS}.
 */
export const BM25_OPTIONS: Options<Bm25Doc> = {
  idField: 'id',
  fields: ['text', 'heading'],
  storeFields: [],
  tokenize: (text) => wordTokens(expandGlossary(text)),
  processTerm: (term) => searchTerm(term),
}

/** Query-time options: the passage matters more than its headings. */
export const BM25_SEARCH_OPTIONS = {
  boost: { text: 1, heading: 0.35 },
  combineWith: 'OR' as const,
}

/** A chunk as a BM25 document. */
export function toBm25Doc(c: Chunk): Bm25Doc {
  return { id: c.id, text: c.text, heading: c.headingPath.slice(1).join(' ') }
}

/** Builds the BM25 index over the chunks. */
export function buildBm25(chunks: readonly Chunk[]): MiniSearch<Bm25Doc> {
  const ms = new MiniSearch<Bm25Doc>(BM25_OPTIONS)
  ms.addAll(chunks.map(toBm25Doc))
  return ms
}

/** Restores a BM25 index saved with `JSON.stringify`. */
export function loadBm25(json: string): MiniSearch<Bm25Doc> {
  return MiniSearch.loadJSON<Bm25Doc>(json, BM25_OPTIONS)
}
