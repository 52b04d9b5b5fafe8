import { LRUCache } from 'lru-cache'
import type { Chunk } from '../chunk/chunk.ts'
import { expandGlossary } from '../text/glossary.ts'
import { normalizeText, searchTerms } from '../text/normalize.ts'
import { DEFAULT_SOFT_MATCH, type SoftTerms, softHit } from './soft-match.ts'

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
  let roots: Set<string> | null = null
  for (const t of terms) {
    const w = stats.idf(t)
    total += w
    if (have.has(t)) {
      hit += w
      continue
    }
    // "characterized" for "characteristics": another form of the word (the same first letters).
    if (t.length >= VARIANT_ROOT_LETTERS) {
      roots ??= rootsOf(have)
      if (roots.has(t.slice(0, VARIANT_ROOT_LETTERS))) {
        hit += w * VARIANT_CREDIT
        continue
      }
    }
    if (!soft) continue
    const close = softHit(soft, t, have)
    if (close > 0) {
      hit += w * close
      continue
    }
    // "traits" is close to "characteristics", which the text says as "characterized".
    roots ??= rootsOf(have)
    let variant = 0
    for (const [near, sim] of soft.get(t) ?? [])
      if (
        sim >= DEFAULT_SOFT_MATCH.minSimilarity &&
        near.length >= VARIANT_ROOT_LETTERS &&
        roots.has(near.slice(0, VARIANT_ROOT_LETTERS))
      )
        variant = Math.max(variant, sim * VARIANT_CREDIT)
    hit += w * variant
  }
  return total === 0 ? 0 : hit / total
}

/** Roots of the term sets lately scored (a text's term set is itself remembered by `termsOf`). */
const rootsMemo = new WeakMap<ReadonlySet<string>, Set<string>>()

/** The first {@link VARIANT_ROOT_LETTERS} letters of a text's longer stems (remembered per term set). */
export function rootsOf(have: ReadonlySet<string>): Set<string> {
  const known = rootsMemo.get(have)
  if (known) return known
  const roots = new Set(
    [...have]
      .filter((x) => x.length >= VARIANT_ROOT_LETTERS)
      .map((x) => x.slice(0, VARIANT_ROOT_LETTERS)),
  )
  rootsMemo.set(have, roots)
  return roots
}

/**
 * Stems that share this many first letters are forms of one word ("characterist-ics",
 * "character-ized"; "internat-ional" is not "internet").
 */
export const VARIANT_ROOT_LETTERS = 7
/** The credit of another form of a word, against 1 for the same stem. */
export const VARIANT_CREDIT = 0.8
