import type { ChatTurn } from './types.ts'

/**
 * Turns of the conversation a question is resolved against, at most (three exchanges): a
 * follow-up refers to the last few turns, and every turn read costs (question analysis of each
 * earlier question), so a 20-turn history must not cost seven times a 3-turn one.
 */
export const MAX_HISTORY_TURNS = 6

/**
 * Characters of the conversation a question is resolved against, at most (the turns kept, newest
 * first, until the next would pass it; the newest is always kept, and a turn is at most 8,000
 * characters by the API's limits). Resolving reads every kept turn as a question and finds who
 * and what it names, at a cost that follows its characters: six turns of 5,000 characters cost
 * ≈ 15–25 ms a request. A real conversation is far within it (the evaluation's longest history
 * is ≈ 1,200 characters; an answer of this assistant is a few sentences), so only a conversation
 * of long turns loses its older turns, as one of many turns loses those before the last
 * {@link MAX_HISTORY_TURNS}.
 */
export const MAX_HISTORY_CHARS = 8_000

/**
 * The turns of a conversation a question is resolved against: the last {@link MAX_HISTORY_TURNS},
 * and of those the newest whose characters add up to at most {@link MAX_HISTORY_CHARS} (at
 * least the newest turn). What is left out depends only on the turns' lengths: the same
 * conversation always keeps the same turns.
 *
 * @example
 * recentTurns([a, b, c, d, e, f, g, h]) // [c, d, e, f, g, h] (short turns)
 */
export function recentTurns(history: readonly ChatTurn[]): readonly ChatTurn[] {
  const last = history.length > MAX_HISTORY_TURNS ? history.slice(-MAX_HISTORY_TURNS) : history
  let chars = 0
  let from = last.length
  while (from > 0) {
    chars += (last[from - 1] as ChatTurn).content.length
    if (chars > MAX_HISTORY_CHARS && from < last.length) break
    from--
  }
  return from === 0 ? last : last.slice(from)
}
