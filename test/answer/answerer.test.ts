import { describe, expect, it } from 'vitest'
import type { Answer } from '../../src/answer/types.ts'
import { verifyQuote } from '../../src/cite/verify.ts'
import { assistant } from '../helpers/assistant.ts'

/** Every [n] in the text has a citation n, every citation is used, and n runs 1..k in order of first use. */
function expectMarkersMatch(a: Answer) {
  const used = [...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))
  const firstUse = [...new Set(used)]
  expect(firstUse).toEqual(a.citations.map((c) => c.n))
  expect(a.citations.map((c) => c.n)).toEqual(a.citations.map((_, i) => i + 1))
}

describe('passage answers', () => {
  it('quotes the sentence that answers, with its marker and a verified citation', async () => {
    const { answerer, corpus } = await assistant()
    const a = await answerer.answer(
      'How many national-level high-tech enterprises are there in the Greater Bay Area?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toBe(
      'There are over 75,000 national-level high-tech enterprises in the Guangdong-Hong Kong-Macao Greater Bay Area. [1]',
    )
    expect(a.citations[0]).toMatchObject({
      id: 'I.2/p-3/s-5',
      label: '§I.2, ¶3',
      section: 'I.2',
      kind: 'paragraph',
    })
    expect(verifyQuote(corpus, a.citations[0]!)).toBe(true)
    expectMarkersMatch(a)
  })

  it('uses the question’s cues: a date for "when", a number for "how many"', async () => {
    const { answerer } = await assistant()
    expect((await answerer.answer('When was the AI draft law made public?')).answer).toContain(
      'March 2024',
    )
    expect(
      (
        await answerer.answer(
          'When did China propose the China-Africa Initiative for Building a Community of Shared Future in Cyberspace?',
        )
      ).answer,
    ).toContain('August 24, 2021')
    expect(
      (await answerer.answer('How many green energy projects are there in Africa under FOCAC?'))
        .answer,
    ).toContain('more than 100 green energy projects')
  })

  it('reads a sentence with its neighbours ("The country has been deepening …")', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Which initiative is China deepening to promote global cooperation in information technology?',
    )
    expect(a.answer).toContain('Digital Silk Road')
  })

  it('returns lists as lists, each item cited', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'From which three perspectives can the characteristics of new quality productive forces be understood?',
    )
    const lines = a.answer.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines.slice(1)).toEqual([
      '- Factor dimension: Data as a driving force for new quality productive forces development. [2]',
      '- Technology dimension: Technological innovation as a core element. [3]',
      '- Industry dimension: A modernized industrial system as a vital carrier. [4]',
    ])
    expectMarkersMatch(a)
    const four = await answerer.answer('What are the four types of advancements?')
    expect(four.answer.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(4)
  })

  it('quotes a list a sentence gives itself, not the larger list it stands in', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'List all the areas covered by the research in the AI draft law made public in March 2024.',
    )
    expect(a.answer).toContain('general principles, development and promotion, rights protection')
    expect(a.answer).not.toContain('Second, AI has become')
    // Without "including": "installed A, B, C, and D" inside the paragraph on Africa.
    const mali = await answerer.answer(
      'List what the Mali solar village got: how many home systems, streetlights and pumps?',
    )
    expect(mali.answer).toContain(
      '1,195 off-grid solar home systems, 200 solar streetlight systems',
    )
    expect(mali.answer).not.toContain('In Asia')
  })

  it('prefers the sentence that names the kind of thing asked for, or a close word', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What obstacles are slowing down countries from working together on new ideas?',
    )
    expect(a.answer).toContain('restrictions on cross-border data flows')
  })

  it('summarises a part named by its topic with its first sentences, headed by its title', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('summarise the part on quantum')
    const lines = a.answer.split('\n')
    expect(lines[0]).toMatch(
      /^Section II\.3, "Considerable potential for open innovation in quantum information": \[1\]$/,
    )
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(a.answer).toContain('trilateral quantum partnership agreement')
  })

  it('answers the outline from the headings, each cited', async () => {
    const { answerer, corpus } = await assistant()
    const top = await answerer.answer('What are the main sections of the chapter?')
    expect(top.answer.split('\n')[0]).toBe('The chapter has 3 numbered sections:')
    expect(top.citations).toHaveLength(3)
    const sub = await answerer.answer('which subsections does part iii have')
    const lines = sub.answer.split('\n')
    expect(lines[0]).toMatch(/^Section III, ".*", has 4 subsections: \[1\]$/)
    expect(lines.slice(1).map((l) => l.replace(/ \[\d+\]$/, ''))).toEqual([
      '- III.1 Deepen intergovernmental cooperation',
      '- III.2 Unleash market vitality',
      '- III.3 Strengthen collaborative innovation mechanisms in science and technology',
      '- III.4 Level up patient capital',
    ])
    for (const c of sub.citations) expect(verifyQuote(corpus, c)).toBe(true)
    // "the four recommendations in part III": as many things as the section has subsections.
    const four = await answerer.answer(
      'List all four recommendations in part III on promoting the new productive forces through opening up',
    )
    expect(four.answer).toContain('- III.2 Unleash market vitality')
    // "outline" as a verb is no question about the outline.
    const verb = await answerer.answer('What does the Global AI Governance Initiative outline?')
    expect(verb.answer).not.toContain('numbered sections')
  })

  it('answers table questions from the table engine', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Which economy has the highest share of internationally coauthored papers?',
    )
    expect(a.answer).toContain(
      'Switzerland has the highest share of internationally coauthored papers: 49.77%. [1]',
    )
    expect(a.citations[0]?.id).toBe('II.4/table-8.3/row-16')
  })

  it('prefers the prose when it states the figures a table lookup would compute', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      "What share of the world's internationally collaborated papers do the United States and China account for?",
    )
    expect(a.answer).toContain('37.9 percent and 21.5 percent')
  })
})

describe('abstention', () => {
  it.each([
    'What is the population of Laos?',
    'What was China’s GDP in 2023?',
    'How many patents did Huawei file in 2020?',
    'What is a good recipe for kimchi?',
    'How many satellites has China launched for the Digital Silk Road?',
  ])('%s → the chapter does not cover it, with related passages', async (q) => {
    const { answerer } = await assistant()
    const a = await answerer.answer(q)
    expect(a.answerable).toBe(false)
    expect(a.citations).toEqual([])
    expect(a.answer).toMatch(/does not cover/)
    expect(a.related?.length).toBeGreaterThan(0)
  })

  it('says an absent table entity is absent', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('What is the centrality of Mexico?')
    expect(a.answerable).toBe(false)
    expect(a.answer).toContain('Mexico is not among them')
    expect(a.related?.[0]?.id).toBe('II.4/table-8.4')
  })

  it.each([
    ['Which economy has the highest number of unicorn startups?', 'unicorn startups'],
    ['Which countries have the most R&D personnel?', 'personnel'],
  ])('does not rank by a measure the chapter never gives: %s', async (q, missing) => {
    const { answerer } = await assistant()
    const { answer, trace } = await answerer.answerWithTrace(q)
    expect(answer.answerable).toBe(false)
    expect(trace.route).toBe('abstain')
    expect(trace.reason).toContain(missing)
  })

  it('still ranks by a measure the tables give', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Which economy has the highest centrality?')
    expect(a.answerable).toBe(true)
    expect(a.citations[0]?.id).toMatch(/table-8\.4/)
  })
})

describe('stability', () => {
  it('gives the same citation ids for the same question, alone or as a resolved follow-up', async () => {
    const { answerer } = await assistant()
    // After a Table 8.3 answer, the follow-up asks Table 8.3 (see the dialog tests).
    const asked = "What is Canada's share of internationally coauthored papers in Table 8.3?"
    const direct = await answerer.answer(asked)
    const again = await answerer.answer(asked)
    const followUp = await answerer.answer("And Canada's?", [
      { role: 'user', content: "What is Spain's share of internationally coauthored papers?" },
      { role: 'assistant', content: 'In Table 8.3, Spain’s share is 45.57%. [1]' },
    ])
    expect(followUp.standaloneQuestion).toBe(asked)
    expect(again).toEqual(direct)
    expect(followUp.citations).toEqual(direct.citations)
  })
})
