import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compromiseReads } from '../../src/analysis/numbers.ts'
import { NUMBERISH } from '../../src/analysis/plain-numbers.ts'
import type { ChatTurn } from '../../src/answer/types.ts'
import { assistant } from '../helpers/assistant.ts'
import { medianCpu } from '../helpers/cpu.ts'

// Issue 14, bounded CPU per request: the worst inputs `npm run worst-case` found are long
// conversations (turns of thousands of characters, a last message of several questions). One
// answer read the same texts again and again: each turn as a question and as the previous turn,
// each part as asked and as a follow-up of the part before it, the turns' subjects once per
// question resolved against them; and a code in quotes ('"G20"', a quoted message's nonce) sent
// every text that quoted it to compromise (≈ 1.5–5 ms a read). The counts below are what those
// fixes bound; the last test compares the worst conversation's CPU with an ordinary question's.

const chapterWords = readFileSync('corpus/chapter-08.txt', 'utf8')
  .split(/\s+/)
  // No number words: only the quoted code may look like a number.
  .filter((w) => /^[A-Za-z]+$/.test(w) && !NUMBERISH.test(w) && !/^[IVXLCDM]{2,}$/.test(w))

/** `n` chapter words from `from`, as a user pastes them. */
const words = (from: number, n: number) =>
  chapterWords.slice(from % (chapterWords.length - n), (from % (chapterWords.length - n)) + n)

/** A conversation like the search's worst: long turns that quote a code, and a 4-part last message. */
function longConversation(nonce: string): { question: string; history: ChatTurn[] } {
  const history: ChatTurn[] = []
  for (let i = 0; i < 6; i++)
    history.push({
      role: i % 2 ? 'assistant' : 'user',
      content: `${nonce} ${words(i * 911, 900).join(' ')}, regarding "${nonce} ${words(i * 37, 12).join(' ')}"?`,
    })
  const question = [
    'Which economy has the highest centrality in Table 8.3?',
    `What does the chapter say about "${nonce}" and quantum computing?`,
    'What is the Digital Silk Road?',
    'What are the new quality productive forces?',
  ].join(' ')
  return { question, history }
}

describe('a long conversation is read once per text', () => {
  it('reads a question or part once: the same text gives the same read-only reading', async () => {
    const { answerer } = await assistant()
    const analysis = answerer.analysis
    const text = 'Which economy ranks third in Table 8.3, and what is its centrality?'
    const q = analysis.question(text)
    expect(analysis.question(text)).toBe(q)
    expect(Object.isFrozen(q)).toBe(true)
    expect(Object.isFrozen(q.numbers)).toBe(true)
    expect(q.parts.length).toBe(2)
    // A part is the reading of the part read alone.
    expect(analysis.part(q.parts[0]?.raw ?? '')).toBe(q.parts[0])
  })

  it('sends no text to compromise for quoted codes, however long the conversation', async () => {
    const { answerer } = await assistant()
    for (let i = 0; i < 3; i++) {
      const { question, history } = longConversation(`n${i}x${Date.now()}`)
      const before = compromiseReads()
      const a = await answerer.answer(question, history)
      expect(a.answer.length).toBeGreaterThan(0)
      // Before: each text quoting the code was read by compromise (9 reads in one worst case).
      expect(compromiseReads() - before).toBe(0)
    }
  })

  it('costs a bounded multiple of an ordinary question', async () => {
    const { answerer } = await assistant()
    const ordinary = (i: number) =>
      answerer.answer(
        `Which economy has the highest centrality in Table 8.3? (n${i}x${Date.now()})`,
      )
    const long = (i: number) => {
      const { question, history } = longConversation(`n${i}x${Date.now()}`)
      return answerer.answer(question, history)
    }
    // Warm-up: the first runs compile the code they reach.
    for (let i = 0; i < 3; i++) {
      await ordinary(100 + i)
      await long(100 + i)
    }
    const base = Math.max(1, await medianCpu(7, ordinary))
    const worst = await medianCpu(7, long)
    // Four questions, each resolved against six turns of ~6,000 characters: ≈ 2.5 × an ordinary
    // question now, ≈ 4.5 × before these fixes; a conversation re-read per part and per turn
    // (before the turns were resolved once) cost tens of times more.
    expect(worst / base, `${worst.toFixed(1)} / ${base.toFixed(1)} ms`).toBeLessThan(12)
  })
})
