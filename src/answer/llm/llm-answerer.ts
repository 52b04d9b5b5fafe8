import type { Answer, ChatTurn, Citation } from '../types.ts'
import { checkGroundedAnswer, type NumberedPassage } from './check.ts'
import type { ChatMessage, Complete } from './client.ts'
import { fenceUserText, type PromptTemplates, renderTemplate } from './prompts.ts'

/** How the LLM layer ended, for logs and tests. */
export interface LlmOutcome {
  used: 'llm' | 'extractive'
  reason?: string
}

/** The answers the LLM layer builds on: the extractive answer and the passages around it. */
export interface LlmInputs {
  question: string
  history: readonly ChatTurn[]
  extractive: Answer
  /** Passages to give the model: the extractive citations first, then other retrieved hits. */
  passages: Citation[]
}

/**
 * The optional LLM layer: asks an OpenAI-compatible model to phrase an answer from numbered
 * passages, then checks it (markers, numbers, quotes). The extractive answer is returned instead
 * when the chapter does not cover the question, or when the call fails, times out, or the output
 * does not pass the check.
 */
export async function answerWithLlm(
  complete: Complete,
  prompts: PromptTemplates,
  inputs: LlmInputs,
): Promise<{ answer: Answer; outcome: LlmOutcome }> {
  const { extractive } = inputs
  if (!extractive.answerable)
    return { answer: extractive, outcome: { used: 'extractive', reason: 'not in the chapter' } }
  const passages: NumberedPassage[] = inputs.passages.map((p, i) => ({
    n: i + 1,
    text: `${p.label}: ${p.quote}`,
  }))
  const messages: ChatMessage[] = [
    { role: 'system', content: prompts.system },
    {
      role: 'user',
      content: renderTemplate(prompts.answer, {
        passages: passages.map((p) => `[${p.n}] ${p.text}`).join('\n\n'),
        question: fenceUserText(extractive.standaloneQuestion),
      }),
    },
  ]
  let text: string
  try {
    text = (await complete(messages)).trim()
  } catch (err) {
    return {
      answer: extractive,
      outcome: {
        used: 'extractive',
        reason: `LLM call failed: ${err instanceof Error ? err.message : String(err)}`,
      },
    }
  }
  if (text === 'NOT_IN_CHAPTER')
    return {
      answer: extractive,
      outcome: { used: 'extractive', reason: 'the model found no answer' },
    }
  const check = checkGroundedAnswer(text, passages)
  if (!check.ok)
    return {
      answer: extractive,
      outcome: { used: 'extractive', reason: `check failed: ${check.problems.join('; ')}` },
    }
  // Renumber the markers in order of first use and keep only the cited passages.
  const order: number[] = []
  for (const m of text.matchAll(/\[(\d+)\]/g))
    if (!order.includes(Number(m[1]))) order.push(Number(m[1]))
  const citations = order.map((old, i) => ({ ...(inputs.passages[old - 1] as Citation), n: i + 1 }))
  const renumbered = text.replace(
    /\[(\d+)\]/g,
    (_m, n: string) => `[${order.indexOf(Number(n)) + 1}]`,
  )
  return {
    answer: {
      answer: renumbered,
      answerable: true,
      citations,
      standaloneQuestion: extractive.standaloneQuestion,
    },
    outcome: { used: 'llm' },
  }
}

/** Rewrites a follow-up with the model's help (condense prompt); `null` on any failure. */
export async function condenseWithLlm(
  complete: Complete,
  prompts: PromptTemplates,
  question: string,
  history: readonly ChatTurn[],
): Promise<string | null> {
  if (history.length === 0) return null
  const transcript = history
    .map((t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${fenceUserText(t.content)}`)
    .join('\n')
  try {
    const text = (
      await complete([
        { role: 'system', content: prompts.system },
        {
          role: 'user',
          content: renderTemplate(prompts.condense, {
            history: transcript,
            question: fenceUserText(question),
          }),
        },
      ])
    ).trim()
    return text.length > 0 && text.length <= 400 && !text.includes('\n') ? text : null
  } catch {
    return null
  }
}
