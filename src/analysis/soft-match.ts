import { LRUCache } from 'lru-cache'
import { searchTerm, wordTokens } from '../text/normalize.ts'
import { rowDots } from './row-dots.ts'
import type { Synonyms } from './synonyms.ts'

/**
 * Word vectors for soft matching: a word's vector (any length; only directions are compared), or
 * `undefined` for a word the model does not know. Hosts supply them from the embedding model's own
 * table (GloVe for the default static model); a model without a word table supplies none.
 */
export interface WordVectors {
  readonly dimensions: number
  vector(word: string): ArrayLike<number> | undefined
}

/**
 * For each search term of a question, the chapter's terms close to it in meaning, with their cosine
 * similarity: `nations → countri 0.80`, `lamp → light 0.73`. A term's own stem is not listed (an
 * exact match is scored as such).
 */
export type SoftTerms = ReadonlyMap<string, ReadonlyMap<string, number>>

/** Settings of {@link SoftMatcher}. */
export interface SoftMatchSettings {
  /**
   * The cosine similarity from which two words count as saying the same thing (their credit is
   * the similarity). GloVe pairs around it: nations/countries 0.80, lamps/lights 0.73,
   * employment/jobs 0.63, firms/enterprises 0.63, train/railway 0.61, price/cost 0.53,
   * money/investment 0.42. 0.5 scored best of 0.5, 0.55 and 0.6 on the tune splits.
   */
  minSimilarity: number
  /**
   * The looser similarity from which the thing a question asks about counts as named by a
   * sentence (`price` in a sentence on `cost`): enough to bind it, not to score it.
   */
  minBinding: number
  /** Chapter terms kept per question term (the closest ones). */
  maxNeighbours: number
  /**
   * The similarity credited to a chapter word that WordNet lists as a synonym of a question word
   * (see `synonyms.ts`), when the word vectors put them further apart.
   */
  synonymSimilarity: number
  /**
   * The similarity credited to a chapter word that the chapter thesaurus (`thesaurus.ts`) gives
   * for a question word, when the word vectors put them further apart. Of 0.5, 0.6 and 0.7, 0.6
   * scored best over the tune splits and the dev set (0.5 lost tune11 items, 0.7 tune6 and tune8
   * ones).
   */
  thesaurusSimilarity: number
}

/** Chosen on the robustness set's tune split (see `eval/reports/robust.md`). */
export const DEFAULT_SOFT_MATCH: SoftMatchSettings = {
  minSimilarity: 0.5,
  minBinding: 0.6,
  maxNeighbours: 12,
  synonymSimilarity: 0.6,
  thesaurusSimilarity: 0.6,
}

/**
 * Distinct search terms of one text that get soft neighbours, at most (the first that many, in
 * the text's order). Each word no memo holds is a scan of the chapter's word forms (≈ 0.15–0.25
 * ms), so a 2,000-character question of words never seen cost ≈ 40–60 ms in scans alone; the
 * longest text of the evaluation sets has 49 (a question with a paragraph of context).
 */
export const MAX_SOFT_TERMS = 64

/** Neighbour lists kept in memory, by surface word. */
const MEMO_SIZE = 5_000

/**
 * Soft matching of question words against the chapter's words, over word vectors: the chapter's
 * search terms (stems) are embedded once as the mean direction of their surface forms, and a
 * question word is matched to those within {@link SoftMatchSettings.minSimilarity}. Used so that
 * "nations", "jobs" or "street lamps" find the sentence that says "countries", "employment" or
 * "street lights", and so that such words are not taken for things the chapter never mentions.
 *
 * @example
 * const soft = new SoftMatcher(chapterWords, vectors)
 * soft.termsOf('Which nations …').get('nation') // Map { 'countri' => 0.80, … }
 */
export class SoftMatcher {
  readonly settings: SoftMatchSettings
  private readonly vectors: WordVectors
  private readonly stems: string[] = []
  /** Unit rows, one per entry of `stems`. */
  private readonly matrix: Float32Array
  private readonly memo = new LRUCache<string, ReadonlyMap<string, number>>({ max: MEMO_SIZE })

  /**
   * @param words the chapter's words (lower case, any order, repeats allowed)
   */
  private readonly synonyms: Synonyms
  private readonly thesaurus: Synonyms

  constructor(
    words: Iterable<string>,
    vectors: WordVectors,
    settings: SoftMatchSettings = DEFAULT_SOFT_MATCH,
    /** WordNet synonyms of question terms among the chapter's (none by default). */
    synonyms: Synonyms = new Map(),
    /** The chapter thesaurus's words for question terms (see `thesaurus.ts`; none by default). */
    thesaurus: Synonyms = new Map(),
  ) {
    this.vectors = vectors
    this.synonyms = synonyms
    this.thesaurus = thesaurus
    this.settings = settings
    const d = vectors.dimensions
    const rows: Float32Array[] = []
    const seen = new Set<string>()
    for (const w of words) {
      if (seen.has(w) || /^\d/.test(w)) continue
      seen.add(w)
      const stem = searchTerm(w)
      const v = stem === null ? undefined : vectors.vector(w)
      if (!stem || !v) continue
      // One row per surface form ("light", "lights", "lighting"): a stem is as close as its
      // closest form, since a mean of forms would be close to none of them.
      this.stems.push(stem)
      rows.push(normalized(v))
    }
    this.matrix = new Float32Array(rows.length * d)
    rows.forEach((r, i) => {
      this.matrix.set(r, i * d)
    })
  }

  /** The chapter terms close to one word of a question (by its stem), best first. */
  neighboursOf(word: string): ReadonlyMap<string, number> {
    const key = word.toLowerCase()
    const cached = this.memo.get(key)
    if (cached) return cached
    const stem = searchTerm(key)
    const v = stem === null || /^\d/.test(key) ? undefined : this.vectors.vector(key)
    const out = new Map<string, number>()
    if (v && stem) {
      const { maxNeighbours } = this.settings
      const floor = Math.min(this.settings.minSimilarity, this.settings.minBinding)
      const best = new Map<string, number>()
      // Every row's similarity, eight rows at a time (the same sums as one row at a time).
      const sims = rowDots(normalized(v), this.matrix)
      for (let r = 0; r < sims.length; r++) {
        const s = sims[r] as number
        if (s < floor) continue
        const t = this.stems[r] as string
        if (t !== stem && s > (best.get(t) ?? 0)) best.set(t, s)
      }
      const found = [...best].sort((a, b) => b[1] - a[1])
      for (const [t, s] of found.slice(0, maxNeighbours)) out.set(t, s)
    }
    for (const t of (stem && this.synonyms.get(stem)) || [])
      if (t !== stem && (out.get(t) ?? 0) < this.settings.synonymSimilarity)
        out.set(t, this.settings.synonymSimilarity)
    for (const t of (stem && this.thesaurus.get(stem)) || [])
      if (t !== stem && (out.get(t) ?? 0) < this.settings.thesaurusSimilarity)
        out.set(t, this.settings.thesaurusSimilarity)
    this.memo.set(key, out)
    return out
  }

  /**
   * Of some candidate words, the one closest in meaning to a word (cosine similarity from
   * `floor`), or `null`: "photovoltaic" picks "wind" out of "how much have China's wind product
   * exports added up to".
   */
  closest(word: string, candidates: readonly string[], floor: number): string | null {
    const v = this.vectors.vector(word.toLowerCase())
    if (!v) return null
    const u = normalized(v)
    let best: string | null = null
    let bestSim = floor
    for (const c of candidates) {
      const w = this.vectors.vector(c.toLowerCase())
      if (!w) continue
      const x = normalized(w)
      let sim = 0
      for (let k = 0; k < u.length; k++) sim += (u[k] as number) * (x[k] as number)
      if (sim >= bestSim) {
        best = c
        bestSim = sim
      }
    }
    return best
  }

  /**
   * {@link SoftTerms} of a text: each of its search terms with its close chapter terms; of a text
   * with more than {@link MAX_SOFT_TERMS} distinct terms, the first that many.
   */
  termsOf(text: string): SoftTerms {
    const out = new Map<string, Map<string, number>>()
    const taken = new Set<string>()
    for (const w of wordTokens(text)) {
      const stem = searchTerm(w)
      if (!stem) continue
      if (!taken.has(stem)) {
        if (taken.size >= MAX_SOFT_TERMS) continue
        taken.add(stem)
      }
      const near = this.neighboursOf(w)
      if (near.size === 0) continue
      const merged = out.get(stem) ?? new Map<string, number>()
      for (const [t, s] of near) if ((merged.get(t) ?? 0) < s) merged.set(t, s)
      out.set(stem, merged)
    }
    return out
  }
}

/**
 * The best similarity of a term's soft neighbours among a text's terms, from `floor` up (0 when
 * none is there).
 */
export function softHit(
  soft: SoftTerms | undefined,
  term: string,
  have: ReadonlySet<string>,
  floor: number = DEFAULT_SOFT_MATCH.minSimilarity,
): number {
  const near = soft?.get(term)
  if (!near) return 0
  let best = 0
  for (const [t, s] of near) if (s >= floor && s > best && have.has(t)) best = s
  return best
}

function normalized(v: ArrayLike<number>): Float32Array {
  let n = 0
  for (let k = 0; k < v.length; k++) n += (v[k] as number) ** 2
  const out = new Float32Array(v.length)
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0
  for (let k = 0; k < v.length; k++) out[k] = (v[k] as number) * inv
  return out
}
