import { LRUCache } from 'lru-cache'
import type { Chunk } from '../chunk/chunk.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import { expandGlossary } from '../text/glossary.ts'
import { normalizeText, wordTokens } from '../text/normalize.ts'
import { EntityCatalog } from './entities.ts'
import { notPlainReads, numberReading } from './numbers.ts'
import { analyzeQuestion, type Question } from './question.ts'
import { DEFAULT_SOFT_MATCH, SoftMatcher, type SoftTerms, type WordVectors } from './soft-match.ts'
import { Speller } from './spelling.ts'
import { wordNetSynonyms } from './synonyms.ts'
import { TableRegistry } from './tables.ts'
import { TermStats } from './terms.ts'
import { type ThesaurusEntry, thesaurusSynonyms } from './thesaurus.ts'
import { THESAURUS_ENTRIES } from './thesaurus-entries.ts'
import { Truecaser } from './truecase.ts'
import { WordFrequency } from './word-frequency.ts'

/**
 * Bytes of question readings remembered. One answer reads the same texts several times (each
 * turn as a question and as the previous turn, each part as asked and as a follow-up of the part
 * before it: about 40 % of a long conversation's readings), and each reading costs ≈ 1–5 ms.
 */
const READINGS_CACHE_BYTES = 4 * 1024 * 1024
/** Bytes counted per reading beyond its text (its entities, numbers, table operation, parts). */
const READING_OVERHEAD_BYTES = 2048

/**
 * A reading made read-only, so that the readers who share it cannot change it for one another
 * (its entities are the catalog's own and stay as they are; its parts, read on demand, are frozen
 * when read).
 */
function frozen(q: Question): Question {
  for (const n of q.numbers) Object.freeze(n)
  for (const c of q.corrections) Object.freeze(c)
  for (const x of [q.numbers, q.corrections, q.years, q.entities, q.moreParts])
    if (x) Object.freeze(x)
  if (q.target) Object.freeze(q.target)
  if (q.table) Object.freeze(q.table)
  return Object.freeze(q)
}

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
  /** Names typed in lower case, written as the chapter writes them (see `truecase.ts`). */
  readonly truecaser: Truecaser
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
    /** The chapter thesaurus soft matching credits (see `thesaurus.ts`); `[]` turns it off. */
    thesaurus: readonly ThesaurusEntry[] = THESAURUS_ENTRIES,
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
      ? new SoftMatcher(
          words,
          wordVectors,
          DEFAULT_SOFT_MATCH,
          wordNetSynonyms(wordNet, words),
          thesaurusSynonyms(thesaurus),
        )
      : null
    this.frequency = new WordFrequency(vocabulary)
    this.truecaser = new Truecaser(
      doc.blocks.map((b) => b.text),
      (w) => this.frequency.everyday(w),
    )
  }

  /** The close chapter terms of a text's terms (see {@link SoftMatcher}); `undefined` without word vectors. */
  softTerms(text: string): SoftTerms | undefined {
    return this.soft?.termsOf(expandGlossary(normalizeText(text)))
  }

  /**
   * Readings of questions and parts lately read, by kind and text: they are the same for the same
   * text, and shared read-only.
   */
  private readonly readings = new LRUCache<string, Question>({
    maxSize: READINGS_CACHE_BYTES,
    sizeCalculation: (q, key) =>
      2 * (key.length + q.core.length + q.text.length) + READING_OVERHEAD_BYTES,
  })

  /** Reads a question (see {@link analyzeQuestion}); the same text is read once. */
  question(text: string): Question {
    return this.remembered(`q${text}`, () => analyzeQuestion(text, this))
  }

  /** Reads one part of a question as a whole: it is not split into parts again. */
  part(text: string): Question {
    return this.remembered(`p${text}`, () => analyzeQuestion(text, this, 1))
  }

  /**
   * The reading remembered under `textKey`, or `read()`'s, remembered. A reading whose numbers
   * were read loosely (see `withNumberReading`) is remembered apart, unless its numbers were plain
   * (the fast path read them: both readings are the same), and a full reading serves a loose
   * one when its numbers were plain.
   */
  private remembered(textKey: string, read: () => Question): Question {
    const loose = numberReading() === 'loose'
    const full = this.readings.get(textKey)
    if (full && (!loose || this.plain.has(full))) return full
    const looseKey = `L${textKey}`
    const known = loose ? this.readings.get(looseKey) : undefined
    if (known) return known
    const before = notPlainReads()
    const q = frozen(read())
    const plain = notPlainReads() === before
    if (plain) this.plain.add(q)
    this.readings.set(loose && !plain ? looseKey : textKey, q)
    return q
  }

  /** Readings whose numbers the fast path read: the same read loosely or in full. */
  private readonly plain = new WeakSet<Question>()
}
