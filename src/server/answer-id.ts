import type { AskResult } from '../answer/service.ts'
import type { Insights } from '../insights/insights.ts'
import type { AnswerRecord } from '../insights/types.ts'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * A new answer id: a UUID version 7 (RFC 9562), the time in milliseconds followed by 74 random
 * bits (Web Crypto, in Node and Workers alike). Every response gets its own, a cached answer too,
 * so feedback always refers to one response. Ids that grow with time are appended at the end of
 * the database's indexes; random ones (version 4) scatter every insert over the whole index, which
 * made writes slower as the table grew.
 *
 * @example
 * newAnswerId() // '019ace3f-8c1a-7b2e-9f4d-3a5c6e7f8091'
 */
export function newAnswerId(now: number = Date.now()): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  let t = now
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256
    t = Math.floor(t / 256)
  }
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70 // version 7
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80 // variant 10
  const h = Array.from(b, (x) => HEX[x] as string).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const utf8 = new TextEncoder()

/**
 * The encoded JSON of an answer with `"id"` added as its last member, without encoding the answer
 * again: the answer cache hands out the same encoded body for a repeated question, and only the
 * id differs per response. (As the last member it wins over any `id` the object already had.)
 *
 * @example
 * new TextDecoder().decode(withAnswerId(utf8.encode('{"answer":"Yes."}'), 'a1')) // '{"answer":"Yes.","id":"a1"}'
 */
export function withAnswerId(
  encodedAnswer: Uint8Array<ArrayBuffer>,
  id: string,
): Uint8Array<ArrayBuffer> {
  // An id is generated here (a UUID), so it needs no JSON escaping.
  const tail = utf8.encode(`,"id":"${id}"}`)
  const body = new Uint8Array(encodedAnswer.length - 1 + tail.length)
  body.set(encodedAnswer.subarray(0, encodedAnswer.length - 1), 0)
  body.set(tail, encodedAnswer.length - 1)
  return body
}

/**
 * Gives a response's answer its id and, when insights are on, queues what is kept about it (see
 * README "Privacy"): the question, the standalone question, the route, answerable, the verdict,
 * the answer and its citations, the latency. Queuing costs no I/O; the write happens later.
 *
 * @param startedAt `performance.now()` when the request arrived.
 */
export function answerSent(
  insights: Insights | undefined,
  question: string,
  result: AskResult,
  startedAt: number,
): string {
  const id = newAnswerId()
  if (insights) insights.record(answerRecord(id, question, result, startedAt))
  return id
}

/** What insights keep about one answer. */
export function answerRecord(
  id: string,
  question: string,
  { answer, trace }: AskResult,
  startedAt: number,
): AnswerRecord {
  // `verdict` is on answers of yes/no questions (API.md); older answerers do not set it.
  const verdict = (answer as { verdict?: string }).verdict
  return {
    id,
    at: Date.now(),
    question,
    standaloneQuestion: answer.standaloneQuestion,
    route: String(trace.route),
    answerable: answer.answerable,
    ...(verdict ? { verdict } : {}),
    answer: answer.answer,
    citations: answer.citations.map((c) => ({
      id: c.id,
      label: c.label,
      section: c.section,
      kind: c.kind,
      start: c.start,
      end: c.end,
    })),
    latencyMs: Math.max(0, performance.now() - startedAt),
  }
}
