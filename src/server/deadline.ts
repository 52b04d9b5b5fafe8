import { HTTPException } from 'hono/http-exception'
import pTimeout from 'p-timeout'
import type { AnswerService, AskResult } from '../answer/service.ts'
import type { ChatTurn } from '../answer/types.ts'

/** Runs a computation under the request deadline. */
export type Deadline = <T>(work: Promise<T>) => Promise<T>

/**
 * A deadline of `ms` for the work a request starts (retrieval, answering, citation lookup): past
 * it the request fails with a 503 `HTTPException`, which the app turns into a `timeout` problem.
 * Work served from memory needs none, so cached responses pay for no timer.
 *
 * @example
 * const within = deadline(15_000)
 * const hits = await within(search(q))
 */
export function deadline(ms: number): Deadline {
  return (work) =>
    pTimeout(work, { milliseconds: ms, message: new HTTPException(503, { message: 'timeout' }) })
}

/** The answer to a request: from the answer cache at once, or computed within the deadline. */
export function answerWithin(
  service: AnswerService,
  within: Deadline,
  question: string,
  history: readonly ChatTurn[],
): AskResult | Promise<AskResult> {
  return service.cached(question, history) ?? within(service.ask(question, history))
}
