import { describe, expect, it } from 'vitest'
import { coreQuestion } from '../../src/analysis/question.ts'
import { queryTerms } from '../../src/analysis/terms.ts'

const persona =
  'I am a graduate student in Lyon writing a seminar paper on international research networks and I keep going back and forth on this.'

describe('the question inside a long message', () => {
  it('reads a question that points back with the sentences before it, as a follow-up is read with the previous turn', () => {
    const core = coreQuestion(
      `${persona} The chapter's box on quantum information describes a partnership between three universities. When was it signed?`,
    )
    expect(core).toMatch(/^When was it signed, regarding "/)
    expect(core).toMatch(/three universities/)
  })

  it('reads a question with no subject of its own ("Since what year?") with the sentences before it, not with what someone thinks', () => {
    const year = coreQuestion(
      `${persona} The box on information technology says Chinese companies moved into Eastern Europe and Africa at some point. Since what year?`,
    )
    expect(year).toMatch(/^Since what year, regarding ".*The box on information technology/)
    const define = coreQuestion(
      `${persona} There is a footnote in the chapter about 'hard technology' that puzzles me. My colleague says it is just heavy machinery. How does the chapter define it?`,
    )
    expect(define).toMatch(/footnote in the chapter about 'hard technology'/)
    expect(define).not.toMatch(/heavy machinery/)
  })

  it('does not take "this chapter" or a pronoun with its own antecedent for a pointer back', () => {
    expect(
      coreQuestion(
        `${persona} According to this chapter, how many green energy projects are there in Africa?`,
      ),
    ).toBe('how many green energy projects are there in Africa?')
    expect(
      coreQuestion(`${persona} When did China and Indonesia renew their cybersecurity memorandum?`),
    ).toBe('When did China and Indonesia renew their cybersecurity memorandum?')
  })

  it('takes "Could you tell me?" to ask what the sentence before it reports', () => {
    const core = coreQuestion(
      `${persona} My supervisor asked which fields have the highest share of international papers. Could you tell me?`,
    )
    expect(core).toBe('which fields have the highest share of international papers?')
  })

  it('drops discourse markers so that two asks become two parts', () => {
    const core = coreQuestion(
      `${persona} By the way, do you know a good podcast on economics? Anyway, which production factors came before data?`,
    )
    expect(core).not.toMatch(/\b(?:by the way|anyway)\b/i)
    expect(core).toMatch(/which production factors came before data\?$/)
  })
})

describe('query terms', () => {
  it('leave out where to look ("according to Box 8.2") and fillers ("exactly")', () => {
    expect(queryTerms('What exactly are companies providing according to Box 8.2?')).toEqual(
      queryTerms('What are companies providing?'),
    )
  })
})

describe('what the user says of themselves', () => {
  it('names no economy asked about', async () => {
    const { assistant } = await import('../helpers/assistant.ts')
    const { answerer } = await assistant()
    const a = await answerer.answer(
      "I run a small hardware startup in Vietnam and I'm trying to follow the last part of the chapter about markets. It says China's huge domestic market gives a mature environment for new productive forces. What kinds of support along the whole chain does it list? I want to see whether any of it applies to us.",
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).not.toMatch(/Vietnam/)
  })
})
