import { describe, expect, it } from 'vitest'
import { MAX_HISTORY_CHARS, MAX_HISTORY_TURNS, recentTurns } from '../../src/answer/recent-turns.ts'
import type { ChatTurn } from '../../src/answer/types.ts'
import { assistant } from '../helpers/assistant.ts'
import { medianCpu } from '../helpers/cpu.ts'

// Issue 14, bounded CPU per request. The costliest inputs of `npm run worst-case` were
// conversations of long turns of names and figures ("word salad"): resolving a follow-up reads
// every kept turn as a question and finds who and what it names, at a cost that follows its
// characters (six turns of 5,000 characters: ≈ 15–25 ms). A question is now resolved against
// at most MAX_HISTORY_CHARS characters of the conversation, the newest turns.

const turn = (role: ChatTurn['role'], content: string): ChatTurn => ({ role, content })

/** Words of the kind the search's costliest turns were made of: names, figures, chapter words. */
const SALAD = [
  'Germany',
  'close',
  'Australia',
  'the',
  'Taiwan',
  'share',
  'United Kingdom',
  'papers',
  'Korea',
  'cooperation',
  'Wide bandgap semiconductor',
  'Netherlands',
  'centrality',
  'Japan',
  'Erik',
  'Industrial robotics',
  'France',
  'India',
]

/** A turn of about `chars` characters of such words, varied by `seed` so no cache has read it. */
function saladTurn(seed: number, chars: number): string {
  const words: string[] = [`n${seed}x0`]
  let n = 0
  for (let i = 0; n < chars; i++) {
    const w =
      i % 7 === 3
        ? `${(seed * 31 + i * 17) % 9000}.${i % 10}?`
        : SALAD[(seed + i * 5) % SALAD.length]
    words.push(w as string)
    n += (w as string).length + 1
  }
  return words.join(' ')
}

describe('the characters of a conversation resolved against', () => {
  it('keeps the newest turns within the budget, at least the newest, by length alone', () => {
    const short = Array.from({ length: 8 }, (_, i) =>
      turn(i % 2 ? 'assistant' : 'user', `turn ${i}`),
    )
    // Short turns: only the count bounds them.
    expect(recentTurns(short)).toEqual(short.slice(-MAX_HISTORY_TURNS))
    const long = (i: number) => turn(i % 2 ? 'assistant' : 'user', 'x'.repeat(3_000 + i))
    const history = [0, 1, 2, 3, 4, 5].map(long)
    // 3,005 + 3,004 = 6,009 fit; with 3,003 more they would not.
    expect(recentTurns(history)).toEqual(history.slice(-2))
    const huge = [turn('user', 'x'.repeat(8_000)), turn('assistant', 'y'.repeat(MAX_HISTORY_CHARS))]
    expect(recentTurns(huge)).toEqual(huge.slice(-1))
    expect(recentTurns([])).toEqual([])
  })

  it('resolves against the turns within the budget, never those before them', async () => {
    const { answerer } = await assistant()
    const erik = [
      turn('user', 'Who is Erik Solheim?'),
      turn(
        'assistant',
        'Erik Solheim, the former Executive Director of UNEP, praised the Belt and Road.',
      ),
    ]
    // Within the budget "he" is the person the conversation named.
    expect(answerer.standalone('What did he say about China?', erik)).toContain('Erik Solheim')
    // Behind 8,000 characters of newer turns that name nobody, that turn is out of reach.
    const filler = [
      turn('user', `Tell me about patents. ${'cooperation '.repeat(600)}`),
      turn('assistant', 'x '.repeat(400)),
    ]
    const far = [...erik, ...filler]
    expect(far.reduce((n, t) => n + t.content.length, 0)).toBeGreaterThan(MAX_HISTORY_CHARS)
    expect(answerer.standalone('What did he say about China?', far)).not.toContain('Erik Solheim')
    // The same with the turns out of reach left out: what is skipped is skipped whole.
    expect(answerer.standalone('What did he say about China?', far)).toBe(
      answerer.standalone('What did he say about China?', recentTurns(far)),
    )
  })

  it('costs six turns of 5,000 characters no more than six within the budget', async () => {
    const { answerer } = await assistant()
    // Six turns, the newest an answer, as a chat sends them; fresh words in every run.
    const ask = (chars: number) => async (i: number) => {
      const history = Array.from({ length: 6 }, (_, t) =>
        turn(t % 2 ? 'assistant' : 'user', saladTurn(i * 100 + t + chars * 10, chars)),
      )
      return answerer.standalone(`And Canada n${i}x${chars}?`, history)
    }
    // Warm-up: the first runs compile the code they run.
    for (let i = 0; i < 3; i++) {
      await ask(1_300)(900 + i)
      await ask(5_000)(900 + i)
    }
    // 6 × 1,300 characters are all read; of 6 × 5,000 only the newest turn is.
    const within = await medianCpu(7, ask(1_300))
    const long = await medianCpu(7, ask(5_000))
    // Before the budget ≈ 3 (every turn read: 30,000 characters against 7,800).
    expect(long / within).toBeLessThan(1.8)
  })
})
