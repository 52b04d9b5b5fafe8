import { LRUCache } from 'lru-cache'
import { type Answerer, type AnswerTrace, hitToCited } from './answer.ts'
import type { Complete } from './llm/client.ts'
import { answerWithLlm, condenseWithLlm, type LlmOutcome } from './llm/llm-answerer.ts'
import type { PromptTemplates } from './llm/prompts.ts'
import type { Answer, ChatTurn, Citation } from './types.ts'

/** The optional LLM: a completion function and the prompt templates. */
export interface LlmLayer {
  complete: Complete
  prompts: PromptTemplates
}

export interface AskResult {
  answer: Answer
  trace: AnswerTrace
  llm?: LlmOutcome
}

const cacheKey = (question: string, history: readonly ChatTurn[]) =>
  JSON.stringify([question.trim(), history])

/**
 * `ask(question, history)`: the answering approach the hosts call. The extractive answerer always
 * runs; with an LLM configured, the model may rephrase the answer from the same passages, and its
 * output replaces the extractive one only if it passes the grounding check.
 */
export class AnswerService {
  readonly answerer: Answerer
  readonly llm: LlmLayer | null
  /** Answers are a pure function of (question, history) and the data: identical requests are served from memory. */
  private readonly cache: LRUCache<string, AskResult> | null

  constructor(answerer: Answerer, llm: LlmLayer | null = null, cacheSize = 1000) {
    this.answerer = answerer
    this.llm = llm
    this.cache = cacheSize > 0 ? new LRUCache({ max: cacheSize }) : null
  }

  async ask(question: string, history: readonly ChatTurn[] = []): Promise<AskResult> {
    const key = cacheKey(question, history)
    // Cached results are shared: nothing downstream mutates an answer.
    const cached = this.cache?.get(key)
    if (cached) return cached
    const result = await this.compute(question, history)
    this.cache?.set(key, result)
    return result
  }

  /**
   * The answer already computed for this request, if any, without doing any work: hosts serve it
   * at once, and put a deadline only on the requests that compute.
   */
  cached(question: string, history: readonly ChatTurn[] = []): AskResult | undefined {
    return this.cache?.get(cacheKey(question, history))
  }

  private async compute(question: string, history: readonly ChatTurn[]): Promise<AskResult> {
    let rewritten: string | undefined
    if (
      this.llm &&
      history.length > 0 &&
      this.answerer.standalone(question, history) === question.trim()
    ) {
      rewritten =
        (await condenseWithLlm(this.llm.complete, this.llm.prompts, question, history)) ?? undefined
    }
    const { answer, trace } = await this.answerer.answerWithTrace(question, history, rewritten)
    if (!this.llm) return { answer, trace }
    const passages: Citation[] = [...answer.citations]
    for (const h of trace.hits) {
      if (passages.length >= 6) break
      if (!passages.some((p) => p.id === h.id || (p.start < h.end && h.start < p.end)))
        passages.push({ ...hitToCited(h), n: passages.length + 1 })
    }
    const r = await answerWithLlm(this.llm.complete, this.llm.prompts, {
      question,
      history,
      extractive: answer,
      passages,
    })
    return { answer: r.answer, trace, llm: r.outcome }
  }
}
