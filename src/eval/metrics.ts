/** Retrieval metrics over ranked lists (pure). */

/** The 1-based rank of the first relevant item, or `null` if none was retrieved. */
export function firstRelevantRank(
  ranked: readonly string[],
  isRelevant: (id: string) => boolean,
): number | null {
  const i = ranked.findIndex(isRelevant)
  return i === -1 ? null : i + 1
}

export interface RetrievalScores {
  n: number
  recallAt1: number
  recallAt3: number
  recallAt5: number
  mrr: number
}

/**
 * Recall@1/3/5 (a relevant item within the top k) and mean reciprocal rank (MRR, cut at the list
 * length) from the first relevant rank of each question.
 *
 * @example
 * summarize([1, 3, null]) // { n: 3, recallAt1: 0.33, recallAt3: 0.67, recallAt5: 0.67, mrr: 0.44 }
 */
export function summarize(ranks: ReadonlyArray<number | null>): RetrievalScores {
  const n = ranks.length
  const within = (k: number) => (n === 0 ? 0 : ranks.filter((r) => r !== null && r <= k).length / n)
  const mrr = n === 0 ? 0 : ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0) / n
  return { n, recallAt1: within(1), recallAt3: within(3), recallAt5: within(5), mrr }
}
