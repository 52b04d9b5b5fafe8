import { describe, expect, it } from 'vitest'
import { targetOf } from '../../src/analysis/question.ts'
import {
  DEFAULT_THRESHOLDS,
  decideAbstention,
  type SupportFeatures,
} from '../../src/answer/abstain.ts'
import { missingEvidence } from '../../src/answer/evidence.ts'
import { amountVerdict, proseVerdict } from '../../src/answer/yes-no.ts'
import { assistant } from '../helpers/assistant.ts'
import { converse } from '../helpers/converse.ts'

const MALI =
  'The “China-Aid Mali Solar Demonstration Village,” constructed by Chinese companies, installed 1,195 off-grid solar home systems, 200 solar streetlight systems, 17 solar pump systems, and 2 centralized solar power supply systems in the villages of Koniobla and Karan.'

describe('a question anchored in the chapter by a topical word', () => {
  const weak: SupportFeatures = {
    lexical: 0.25,
    dense: 0.3,
    unknown: 0,
    unknownFocus: null,
    unknownNames: [],
    anchored: false,
  }

  it('passes a lower similarity floor than one that shares only everyday words', () => {
    expect(decideAbstention(weak, DEFAULT_THRESHOLDS)).toMatch(/no passage is close enough/)
    expect(decideAbstention({ ...weak, anchored: true }, DEFAULT_THRESHOLDS)).toBeNull()
    // Anchoring lowers the floor; it does not remove it.
    expect(
      decideAbstention({ ...weak, lexical: 0.05, dense: 0.1, anchored: true }, DEFAULT_THRESHOLDS),
    ).toMatch(/no passage is close enough/)
  })

  it('counts a rare word or a known name the evidence shares, never an everyday one', async () => {
    const { answerer } = await assistant()
    const anchored = async (q: string) =>
      (await answerer.answerWithTrace(q)).trace.features?.anchored
    expect(await anchored('Why is the sky blue?')).toBe(false)
    expect(await anchored('What time is it?')).toBe(false)
    expect(await anchored('What stands in the way of nations jointly developing inventions?')).toBe(
      true,
    )
  })
})

describe('a claimed count bound to what it counts', () => {
  it('is false when the sentence counts that thing with another number, whatever else has the number', () => {
    // 17 is in the sentence, but it counts pump systems; streetlight systems are 200.
    expect(amountVerdict('the village got 17 solar streetlight systems', MALI.toLowerCase())).toBe(
      'no',
    )
    expect(proseVerdict('the village got 17 solar streetlight systems', MALI, [])).toBe('no')
    expect(amountVerdict('the village got 200 solar streetlight systems', MALI.toLowerCase())).toBe(
      null,
    )
    // A comparator is read against the number of that thing.
    expect(
      amountVerdict('the village got more than 100 solar streetlight systems', MALI.toLowerCase()),
    ).toBe('yes')
    expect(
      amountVerdict('the village got more than 500 solar streetlight systems', MALI.toLowerCase()),
    ).toBe('no')
  })

  it('answers "no" to such a claim end to end', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Were 17 solar streetlight systems put up in the Mali village?')
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/200 solar streetlight systems/)
  })
})

describe('a date bound to the name asked about', () => {
  it('needs every word of a name of several words in the dated sentence', async () => {
    const { analysis, catalog } = (await assistant()).answerer
    const brf =
      'In October 2023, at the Third Belt and Road Forum for International Cooperation (BRF), over ten countries, including China, jointly initiated the Beijing Initiative on Belt and Road Digital Economy International Cooperation.'
    // "Digital" and "Road" are there, "Silk" is not: another initiative is dated.
    expect(
      missingEvidence(analysis.question('When did the Digital Silk Road start?'), brf, catalog),
    ).toBe('that date')
    const trilateral =
      'In January 2024, the University of Chicago (the United States), the University of Tokyo (Japan), and Seoul National University (Rep. of Korea) jointly signed a trilateral quantum partnership agreement.'
    // The name is in the sentence and one of its words in the dated clause.
    expect(
      missingEvidence(
        analysis.question('When did Seoul National University sign the quantum partnership?'),
        trilateral,
        catalog,
      ),
    ).toBeNull()
  })
})

describe('a large unit said in words', () => {
  it('compares "over one million" with a claimed "more than 10 million"', () => {
    const s = 'with both countries publishing over one million research collaboration papers each'
    expect(amountVerdict('they each published more than 10 million papers', s)).toBe('no')
    expect(amountVerdict('they each published more than half a million papers', s)).toBeNull()
  })
})

describe('a share asked as a fraction', () => {
  it('is the share column', async () => {
    const { analysis } = (await assistant()).answerer
    expect(
      analysis.tables
        .columnsNamedIn('what fraction of the papers were coauthored abroad')
        .map((c) => c.column),
    ).toContain('share')
  })
})

describe('follow-ups that name only a place in the order or another table', () => {
  it('asks the previous question for that place', async () => {
    const [first, second] = await converse([
      'Which field ranks 2nd in Table 8.2?',
      'what about the 5th?',
    ])
    expect(first?.answer).toMatch(/Laser manufacturing/)
    expect(second?.standaloneQuestion).toMatch(/\b5th\b/)
    expect(second?.standaloneQuestion).toMatch(/Table 8\.2/)
    expect(second?.answerable).toBe(true)
  })

  it('asks the same row of the other table, by a column that table has', async () => {
    const [, second] = await converse([
      "What is Japan's share of internationally coauthored papers in Table 8.3?",
      'And in Table 8.4?',
    ])
    // Table 8.4 has no share column: its centrality is what it gives for Japan.
    expect(second?.standaloneQuestion).toBe("What is Japan's centrality in Table 8.4?")
    expect(second?.answer).toMatch(/centrality of 2\.2/)
  })
})

describe('a subsection named by its place', () => {
  it('is that section', async () => {
    expect(targetOf('tell me about the second subsection of part ii')).toEqual({
      kind: 'section',
      id: 'II.2',
    })
    expect(targetOf('what is the 3rd section of part iii about?')).toEqual({
      kind: 'section',
      id: 'III.3',
    })
    const { answerer } = await assistant()
    const a = await answerer.answer('What does the third subsection of Part III say?')
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/Section III\.3/)
  })
})
