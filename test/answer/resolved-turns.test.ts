import { describe, expect, it, vi } from 'vitest'
import type { ChatTurn } from '../../src/answer/types.ts'
import { assistant } from '../helpers/assistant.ts'

// A chat sends its whole history with every message, and each part of a multi-part question
// reads it again: the standalone form of each earlier turn is remembered, by the turn and the
// turns before it, instead of being worked out again every time.

/** A conversation of three questions and answers, made distinct by `tag`. */
function conversation(tag: string): ChatTurn[] {
  return [
    { role: 'user', content: `Which economy has the most papers in Table 8.3, ${tag}?` },
    { role: 'assistant', content: 'China has the most papers (23,418) in Table 8.3.' },
    { role: 'user', content: 'And the second most?' },
    { role: 'assistant', content: 'The United States has the second most papers (11,935).' },
    { role: 'user', content: 'What is its centrality?' },
    { role: 'assistant', content: 'The centrality of the United States is 35.33.' },
  ]
}

describe('the standalone forms of earlier turns', () => {
  it('are the same when remembered', async () => {
    const { answerer } = await assistant()
    const history = conversation('please')
    const first = answerer.standalone('And the lowest?', history)
    expect(answerer.standalone('And the lowest?', history)).toBe(first)
    expect(answerer.standalone('And the lowest?', conversation('please'))).toBe(first)
  })

  it('are worked out once per conversation, not once per message', async () => {
    const { answerer } = await assistant()
    const worker = answerer as unknown as { resolveAfresh: (...args: unknown[]) => string }
    const spy = vi.spyOn(worker, 'resolveAfresh')
    const history = conversation('once')
    answerer.standalone('And its share?', history)
    // The three earlier questions and the new one.
    expect(spy).toHaveBeenCalledTimes(4)
    spy.mockClear()
    answerer.standalone('And the lowest one?', history)
    // The next message: its question only.
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
  })
})
