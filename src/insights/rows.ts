import type { CitedRef, InsightItem, ItemStatus } from './types.ts'

/** A row of the `answers` table as both adapters read it. */
export interface AnswerRow {
  id: string
  at: number
  question: string
  standalone_question: string
  route: string
  answerable: number
  verdict: string | null
  answer: string
  citations: string
  latency_ms: number
  rating: 'up' | 'down' | null
  comment: string | null
}

/** The columns of {@link AnswerRow}, for SELECT. */
export const ANSWER_COLUMNS =
  'id, at, question, standalone_question, route, answerable, verdict, answer, citations, latency_ms, rating, comment'

/** The extra WHERE clause of each item status. */
export const STATUS_WHERE: Record<ItemStatus, string> = {
  unanswered: 'AND answerable = 0',
  down: "AND rating = 'down'",
  all: '',
}

/** Citations without repeats (an answer may cite one row twice); the first of each id is kept. */
export function uniqueById(citations: readonly CitedRef[]): CitedRef[] {
  return [...new Map(citations.map((c) => [c.id, c])).values()]
}

/** An `answers` row as the admin API's item. */
export function toItem(r: AnswerRow): InsightItem {
  const cited = JSON.parse(r.citations) as CitedRef[]
  return {
    answerId: r.id,
    at: new Date(r.at).toISOString(),
    question: r.question,
    standaloneQuestion: r.standalone_question,
    answerable: r.answerable === 1,
    ...(r.verdict ? { verdict: r.verdict } : {}),
    route: r.route,
    ...(r.rating ? { rating: r.rating } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
    citations: cited.map((c) => c.id),
    answer: r.answer,
    cited,
    latencyMs: r.latency_ms,
  }
}
