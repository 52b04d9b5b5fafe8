import { searchTerms } from '../text/normalize.ts'

/** Two questions belong together when they share at least this share of their terms (Jaccard). */
export const SIMILARITY_THRESHOLD = 0.5

/** Questions that ask the same thing in other words. */
export interface QuestionGroup {
  /** The most asked wording (the first seen on a tie). */
  question: string
  count: number
  /** Other wordings, most asked first (at most 5). */
  variants: string[]
  /** ISO time of the latest ask. */
  lastAt: string
}

const MAX_VARIANTS = 5

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return shared / (a.size + b.size - shared)
}

/**
 * Groups questions by similarity: each question's content terms (stop words dropped, stemmed, as
 * in search) are compared with each group's first question; it joins the most similar group at or
 * above {@link SIMILARITY_THRESHOLD}, or starts one. Groups come most asked first. Quadratic in the
 * number of groups, which is fine for the few thousand questions a dashboard lists.
 *
 * @example
 * groupQuestions([{ question: 'What is the GDP of Chad?', at }, { question: 'GDP of Chad?', at }])
 * // [{ question: 'What is the GDP of Chad?', count: 2, variants: ['GDP of Chad?'], lastAt }]
 */
export function groupQuestions(
  asked: ReadonlyArray<{ question: string; at: string }>,
): QuestionGroup[] {
  const groups: Array<{ terms: Set<string>; wordings: Map<string, number>; lastAt: string }> = []
  for (const { question, at } of asked) {
    const terms = new Set(searchTerms(question))
    let best: (typeof groups)[number] | undefined
    let bestScore = SIMILARITY_THRESHOLD
    for (const g of groups) {
      const score = jaccard(terms, g.terms)
      if (score >= bestScore) {
        best = g
        bestScore = score
      }
    }
    const wording = question.trim()
    if (!best) {
      groups.push({ terms, wordings: new Map([[wording, 1]]), lastAt: at })
      continue
    }
    best.wordings.set(wording, (best.wordings.get(wording) ?? 0) + 1)
    if (at > best.lastAt) best.lastAt = at
  }
  return groups
    .map((g) => {
      const wordings = [...g.wordings].sort((a, b) => b[1] - a[1])
      return {
        question: wordings[0]?.[0] ?? '',
        count: wordings.reduce((n, [, k]) => n + k, 0),
        variants: wordings.slice(1, 1 + MAX_VARIANTS).map(([w]) => w),
        lastAt: g.lastAt,
      }
    })
    .sort((a, b) => b.count - a.count || (a.lastAt < b.lastAt ? 1 : -1))
}
