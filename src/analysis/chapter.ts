import type { Chunk } from '../chunk/chunk.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import { expandGlossary } from '../text/glossary.ts'
import { normalizeText, wordTokens } from '../text/normalize.ts'
import { EntityCatalog } from './entities.ts'
import { analyzeQuestion, type Question } from './question.ts'
import { DEFAULT_SOFT_MATCH, SoftMatcher, type SoftTerms, type WordVectors } from './soft-match.ts'
import { Speller } from './spelling.ts'
import { wordNetSynonyms } from './synonyms.ts'
import { TableRegistry } from './tables.ts'
import { TermStats } from './terms.ts'
import { WordFrequency } from './word-frequency.ts'

/**
 * The chapter side of question analysis, built once per chapter and shared by answering and
 * citation lookup: term statistics, the entity catalog, the table registry and the speller.
 *
 * @example
 * const analysis = new ChapterAnalysis(doc, chunks, vocabulary)
 * analysis.question('whch economy ranks third in table 8.3').table // { op: 'kth', table: '8.3', … }
 */
export class ChapterAnalysis {
  readonly doc: ChapterDocument
  readonly chunks: readonly Chunk[]
  readonly stats: TermStats
  readonly catalog: EntityCatalog
  readonly tables: TableRegistry
  readonly speller: Speller
  /** Soft matching over the model's word vectors; `null` when the host has none. */
  readonly soft: SoftMatcher | null
  /** How common English words are (from the model's vocabulary). */
  readonly frequency: WordFrequency

  /**
   * @param vocabulary the embedding model's vocabulary, most frequent first, for spelling
   *   correction (optional: without it only the chapter's words are known)
   * @param wordVectors the model's word vectors, for soft matching (optional: without them only
   *   exact terms and the glossary match)
   */
  constructor(
    doc: ChapterDocument,
    chunks: readonly Chunk[],
    vocabulary: readonly string[] = [],
    wordVectors: WordVectors | null = null,
    /**
     * WordNet's index files (`index.noun`, `index.verb`, …), whose synonyms of the chapter's words
     * soft matching credits (see `synonyms.ts`); none by default.
     */
    wordNet: readonly string[] = [],
  ) {
    this.doc = doc
    this.chunks = chunks
    this.stats = new TermStats(chunks)
    this.catalog = new EntityCatalog(doc)
    this.tables = new TableRegistry(doc)
    const words = new Set<string>()
    for (const b of doc.blocks) for (const w of wordTokens(b.text)) words.add(w)
    for (const e of this.catalog.entities) for (const w of wordTokens(e.name)) words.add(w)
    this.speller = new Speller(words, vocabulary)
    this.soft = wordVectors
      ? new SoftMatcher(words, wordVectors, DEFAULT_SOFT_MATCH, wordNetSynonyms(wordNet, words))
      : null
    this.frequency = new WordFrequency(vocabulary)
  }

  /** The close chapter terms of a text's terms (see {@link SoftMatcher}); `undefined` without word vectors. */
  softTerms(text: string): SoftTerms | undefined {
    return this.soft?.termsOf(expandGlossary(normalizeText(text)))
  }

  /** Reads a question (see {@link analyzeQuestion}). */
  question(text: string): Question {
    return analyzeQuestion(text, this)
  }

  /** Reads one part of a question as a whole: it is not split into parts again. */
  part(text: string): Question {
    return analyzeQuestion(text, this, 1)
  }
}
