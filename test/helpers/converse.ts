import type { Answer, ChatTurn } from '../../src/answer/types.ts'
import { assistant } from './assistant.ts'

/**
 * Asks the turns in order, each with the real earlier turns as history; returns every answer.
 *
 * @example
 * const [, second] = await converse(['Which field is ranked 7th in Table 8.2?', 'And the one after it?'])
 */
export async function converse(turns: readonly string[]): Promise<Answer[]> {
  const { answerer } = await assistant()
  const history: ChatTurn[] = []
  const out: Answer[] = []
  for (const q of turns) {
    const a = await answerer.answer(q, history)
    out.push(a)
    history.push({ role: 'user', content: q }, { role: 'assistant', content: a.answer })
  }
  return out
}

/** The last answer of a conversation (see {@link converse}). */
export async function lastAnswer(turns: readonly string[]): Promise<Answer> {
  return (await converse(turns)).at(-1) as Answer
}
