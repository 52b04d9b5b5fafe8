import type { Question } from '../analysis/question.ts'

/** A question that asks for a total: "how many … altogether / in total / combined". */
const ASKS_TOTAL =
  /\b(?:altogether|in total|in all|all together|combined|total(?:led)?|sum|add(?:ed)? up|put together)\b/i
/** The thing counted: "how many systems", "how many solar home systems". */
const COUNTED =
  /\bhow many\s+((?:[a-z-]+\s+){0,3}?[a-z-]+?)(?=\s+(?:is|are|was|were|did|does|do|has|have|had|in|of|that|were|will|would|altogether|in total|combined)\b|\s*[?,]|$)/i

/** A total computed from counts a sentence lists. */
export interface ProseSum {
  /** The counts, as printed. */
  parts: string[]
  total: number
  /** The head noun counted ("systems"). */
  noun: string
}

/**
 * The total of the counts of one kind of thing that a sentence lists, when the question asks for
 * a total: "installed 1,195 off-grid solar home systems, 200 solar streetlight systems, 17 solar
 * pump systems, and 2 centralized solar power supply systems" gives 1,414 systems. The counts must
 * end in the noun the question counts, so "how many systems altogether" adds systems only.
 *
 * @example
 * proseSum(analysis.question('How many systems is that altogether?'), 'installed 1,195 … systems, 200 … systems …')
 * // { parts: ['1,195', '200'], total: 1395, noun: 'systems' }
 */
export function proseSum(q: Question, sentence: string): ProseSum | null {
  if (q.answerType !== 'number' || !ASKS_TOTAL.test(q.text)) return null
  const counted = COUNTED.exec(q.text)?.[1]
  const noun = counted?.split(/\s+/).at(-1)?.toLowerCase()
  if (!noun) return null
  const stem = noun.replace(/(?:es|s)$/, '')
  // "41 major categories, 207 medium categories, and 666 minor ones": "ones" counts the same noun.
  const each = new RegExp(
    `(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\d.,]\\d)\\s+(?:[\\p{L}-]+\\s+){0,5}?(${stem}(?:s|es)?|ones)\\b`,
    'giu',
  )
  const matches = [...sentence.matchAll(each)]
  if (!matches.some((m) => m[2]?.toLowerCase() !== 'ones')) return null
  const parts = matches.map((m) => m[1] as string)
  if (parts.length < 2) return null
  const total = parts.reduce((s, p) => s + Number(p.replace(/,/g, '')), 0)
  return { parts, total, noun }
}
