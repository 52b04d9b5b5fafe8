import { describe, expect, it } from 'vitest'
import { MAX_PARTS } from '../../src/analysis/question.ts'
import { assistant } from '../helpers/assistant.ts'

// A message of many questions is answered part by part, each part a question of its own (its
// reading of the conversation, its search): its cost grew with the number of parts. The first
// MAX_PARTS are answered; the others are named, to be asked again.

const QUESTIONS = [
  'Which economy has the highest centrality in Table 8.3?',
  'What is Box 8.1 about?',
  'What does the chapter say about quantum computing?',
  'Which economy ranks third in Table 8.3?',
  'What is the Digital Silk Road?',
  'What are the new quality productive forces?',
]

describe('a message of many questions', () => {
  it('answers its first parts and names the others', async () => {
    const { answerer } = await assistant()
    const analysis = answerer.analysis
    const message = QUESTIONS.join(' ')
    const q = analysis.question(message)
    expect(q.parts).toHaveLength(MAX_PARTS)
    expect(q.moreParts).toEqual(QUESTIONS.slice(MAX_PARTS))
    const a = await answerer.answer(message)
    expect(a.answerable).toBe(true)
    expect(a.answer).toContain(`only the first ${MAX_PARTS} are answered`)
    for (const rest of QUESTIONS.slice(MAX_PARTS)) expect(a.answer).toContain(rest)
  })

  it('answers a message of up to MAX_PARTS questions whole, naming none', async () => {
    const { answerer } = await assistant()
    const analysis = answerer.analysis
    const message = QUESTIONS.slice(0, MAX_PARTS).join(' ')
    const q = analysis.question(message)
    expect(q.parts).toHaveLength(MAX_PARTS)
    expect(q.moreParts).toBeUndefined()
    expect((await answerer.answer(message)).answer).not.toContain('are answered here')
  })
})
