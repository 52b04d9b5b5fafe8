import { LRUCache } from 'lru-cache'
import type { Chunk } from '../chunk/chunk.ts'
import { expandGlossary } from '../text/glossary.ts'
import { normalizeText, searchTerms } from '../text/normalize.ts'
import { type SoftTerms, softHit } from './soft-match.ts'

/** Inverse document frequencies of search terms over the chunks (BM25's idf). */
export class TermStats {
  private readonly df = new Map<string, number>()
  private readonly idfs = new Map<string, number>()
  private readonly termMemo = new LRUCache<string, Set<string>>({ max: 20_000 })
  readonly docs: number
  /** The idf of a term no chunk contains. */
  private readonly unseenIdf: number

  constructor(chunks: readonly Chunk[]) {
    this.docs = chunks.length
    for (const c of chunks)
      for (const t of new Set(searchTerms(expandGlossary(c.text))))
        this.df.set(t, (this.df.get(t) ?? 0) + 1)
    const idf = (df: number) => Math.log(1 + (this.docs - df + 0.5) / (df + 0.5))
    for (const [t, df] of this.df) this.idfs.set(t, idf(df))
    this.unseenIdf = idf(0)
  }

  idf(term: string): number {
    return this.idfs.get(term) ?? this.unseenIdf
  }

  /** Whether the chapter uses the term anywhere. */
  known(term: string): boolean {
    return this.df.has(term)
  }

  /** The search terms of a text (memoized: the chapter's sentences come back on every query). */
  termsOf(text: string): Set<string> {
    let t = this.termMemo.get(text)
    if (!t) {
      t = new Set(searchTerms(expandGlossary(normalizeText(text))))
      this.termMemo.set(text, t)
    }
    return t
  }
}

/** Stems of the words that frame a question rather than say what it is about. */
const SCAFFOLD = new Set([
  'why',
  'when',
  'where',
  'how',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'give',
  'mention',
  'describ',
  'explain',
  'chapter',
  'text',
  'book',
  'passag',
  'section',
  'footnot',
  'note',
  'kind',
  'type',
  'exampl',
  'accord',
  'tell',
  'list',
  'name',
  // Fillers that say how, not what: "what exactly", "roughly how many".
  'exactli',
  'specif',
  'actual',
  'realli',
  'just',
  'precis',
  'roughli',
  'approxim',
  'doe',
  'did',
  'do',
  'ar',
  'is',
])

/** A numbered part of the chapter named in a question: "Box 8.2", "section II.3". */
const STRUCTURE_REF =
  /\b(?:box|figure|fig\.|section|footnote)\s+(?:\d+(?:\.\d+)?|[IVX]+(?:\.\d+)?)\b/gi

/** The query's search terms (stemmed, stop words and question scaffolding removed). */
export function queryTerms(question: string): string[] {
  // "according to Box 8.2" says where to look (the answerer scopes to it), not what is asked.
  const asked = normalizeText(question).replace(STRUCTURE_REF, ' ')
  return [...new Set(searchTerms(expandGlossary(asked)))].filter((t) => !SCAFFOLD.has(t))
}

/**
 * Share of the query's idf mass that `text` contains. With `soft`, a term the text lacks counts
 * in part when the text has a word close to it in meaning (its idf times the similarity).
 */
export function lexicalCoverage(
  terms: readonly string[],
  text: string,
  stats: TermStats,
  soft?: SoftTerms,
): number {
  if (terms.length === 0) return 0
  const have = stats.termsOf(text)
  let total = 0
  let hit = 0
  for (const t of terms) {
    const w = stats.idf(t)
    total += w
    if (have.has(t)) hit += w
    else if (soft) hit += w * softHit(soft, t, have)
  }
  return total === 0 ? 0 : hit / total
}
