import { LRUCache } from 'lru-cache'
import type { Answerer } from '../answer/answer.ts'
import { AnswerService, type AskResult, type LlmLayer } from '../answer/service.ts'
import type { ChatTurn } from '../answer/types.ts'
import { handingOff } from './request-client.ts'

/** Bytes of answers (and their keys) kept in memory at most, by default. */
export const DEFAULT_ANSWER_CACHE_BYTES = 32 * 1024 * 1024

/** Bytes a cached result holds besides its answer's text: its trace and the entry itself. */
const ENTRY_OVERHEAD_BYTES = 4096

/**
 * The answer cache's key: the trimmed question and the history's roles and texts, nothing else
 * (the validated request has no other field that changes the answer).
 */
export const answerKey = (question: string, history: readonly ChatTurn[]): string =>
  JSON.stringify([question.trim(), history.map((t) => [t.role, t.content])])

/**
 * The answering service with an answer cache bounded in bytes, not entries: a request's history
 * can be 160 KB, so a thousand entries could hold hundreds of megabytes. Keys and answers are
 * counted as UTF-16 (what V8 stores at most); the trace shares the chunks' strings.
 */
export class BoundedAnswerService extends AnswerService {
  private readonly memo: LRUCache<string, AskResult> | null
  private readonly inflight = new Map<string, Promise<AskResult>>()
  private readonly offloaded: ((q: string, h: readonly ChatTurn[]) => Promise<AskResult>) | null

  /** `compute`, when given, computes answers instead of this process (see ./compute-pool.ts). */
  constructor(
    answerer: Answerer,
    llm: LlmLayer | null,
    maxEntries: number,
    maxBytes: number,
    compute?: (question: string, history: readonly ChatTurn[]) => Promise<AskResult>,
  ) {
    super(answerer, llm, 0)
    this.offloaded = compute ?? null
    this.memo =
      maxEntries > 0 && maxBytes > 0
        ? new LRUCache<string, AskResult>({
            max: maxEntries,
            maxSize: maxBytes,
            sizeCalculation: (r, key) =>
              key.length * 2 + JSON.stringify(r.answer).length * 2 + ENTRY_OVERHEAD_BYTES,
          })
        : null
  }

  override async ask(question: string, history: readonly ChatTurn[] = []): Promise<AskResult> {
    const key = answerKey(question, history)
    const hit = this.memo?.get(key)
    if (hit) return hit
    // The same question asked by many at once is computed once. (Waiting for another request's
    // computation is waiting for the compute process too: this request's turn on the loop ends.)
    const pending = this.inflight.get(key)
    if (pending) {
      handingOff()
      return pending
    }
    const computing = (
      this.offloaded ? this.offloaded(question, history) : super.ask(question, history)
    )
      .then((result) => {
        this.memo?.set(key, result)
        return result
      })
      .finally(() => this.inflight.delete(key))
    this.inflight.set(key, computing)
    return computing
  }

  override cached(question: string, history: readonly ChatTurn[] = []): AskResult | undefined {
    return this.memo?.get(answerKey(question, history))
  }

  /** Bytes the cache holds now (as counted). */
  cacheBytes(): number {
    return this.memo?.calculatedSize ?? 0
  }
}
