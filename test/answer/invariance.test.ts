import { describe, expect, it } from 'vitest'
import {
  coreQuestion,
  possessivesRestored,
  withoutPleasantries,
} from '../../src/analysis/question.ts'
import { Truecaser } from '../../src/analysis/truecase.ts'
import { assistant } from '../helpers/assistant.ts'
import { converse } from '../helpers/converse.ts'

/**
 * What a user wraps around a question, which must not change its answer: greetings, thanks, a
 * lead-in naming the chapter, a sentence about themselves, a missing question mark, lower case,
 * possessives without their apostrophe, the table named first.
 */
const WRAPPINGS: Record<string, (q: string) => string> = {
  greeting: (q) => `Hi there! ${q}`,
  'quick question': (q) => `Quick question: ${q}`,
  thanks: (q) => `${q} Thanks a lot!`,
  'chapter lead-in': (q) => `According to the chapter, ${q.replace(/^./, (c) => c.toLowerCase())}`,
  'about the user': (q) => `I'm writing a report for my manager this week. ${q}`,
  'no question mark': (q) => q.replace(/\?$/, ''),
  'an aside after it': (q) =>
    `I've been reading this chapter for a course. ${q.replace(/\?$/, '')} - that's what I want to find out.`,
}

/** Questions of every kind, written for this test (not taken from an evaluation split). */
const QUESTIONS = [
  'Which economy in Table 8.3 has the lowest share of internationally coauthored papers?',
  'What is the centrality of Canada in Table 8.4?',
  'How many off-grid solar home systems did the Mali village install?',
  'Did China sign a cybersecurity memorandum with Thailand in 2022?',
  'When did the first China-US intergovernmental dialogue on AI take place?',
  'What does Box 8.3 say about deepfakes?',
]

const plain = (text: string) => text.replace(/\s*\[\d+\]/g, '').trim()

describe('answers do not depend on how a question is wrapped', () => {
  for (const [name, wrap] of Object.entries(WRAPPINGS))
    it(`keeps the answer under "${name}"`, async () => {
      const { answerer } = await assistant()
      for (const q of QUESTIONS) {
        const before = await answerer.answer(q)
        const after = await answerer.answer(wrap(q))
        expect({ q, answer: plain(after.answer), verdict: after.verdict }).toEqual({
          q,
          answer: plain(before.answer),
          verdict: before.verdict,
        })
      }
    })

  it('keeps the answer when the table is named first', async () => {
    const { answerer } = await assistant()
    const last = await answerer.answer(
      'Which field has the highest share of internationally coauthored papers in Table 8.2?',
    )
    const first = await answerer.answer(
      'In Table 8.2 which field has the highest share of internationally coauthored papers?',
    )
    expect(plain(first.answer)).toBe(plain(last.answer))
    // "Table 8.2" gives no count of rows: one field is asked for.
    expect(first.answer).toMatch(/Wide bandgap semiconductor has the highest share/)
  })
})

describe('follow-ups do not depend on how they are wrapped', () => {
  it('resolves a follow-up after thanks or an acknowledgement, and a name typed in lower case', async () => {
    const first = "What is Canada's centrality in Table 8.4?"
    const [, plainFollowUp] = await converse([first, 'And Spain?'])
    expect(plainFollowUp?.answer).toMatch(/Spain has a centrality of 4\.0/)
    for (const wrapped of [
      'Thanks! And Spain?',
      'Ok, and Spain?',
      'Great. And Spain?',
      'and spain',
    ])
      expect(plain((await converse([first, wrapped]))[1]?.answer ?? '')).toBe(
        plain(plainFollowUp?.answer ?? ''),
      )
    const [, us] = await converse([first, 'and the us?'])
    expect(us?.answer).toMatch(/United States has a centrality of 11\.5/)
  })
})

describe('reading what is asked', () => {
  it('reads "who\'s" as "who is"', async () => {
    const { answerer } = await assistant()
    const full = await answerer.answer('Who is the CEO of Bosch?')
    const short = await answerer.answer("Who's the CEO of Bosch?")
    expect(full.answerable).toBe(false)
    expect(short.answerable).toBe(false)
  })

  it('drops greetings, lead-ins and thanks, and keeps a message that is only pleasantries', () => {
    expect(
      withoutPleasantries('Hello! Quick question: which field has the most papers? Thanks!'),
    ).toBe('which field has the most papers?')
    expect(withoutPleasantries('Per the text, what is patient capital?')).toBe(
      'what is patient capital?',
    )
    // A source other than the chapter is part of the question.
    expect(withoutPleasantries('According to the 2023 report, which countries lead?')).toBe(
      'According to the 2023 report, which countries lead?',
    )
    expect(withoutPleasantries('Thank you!')).toBe('Thank you!')
  })

  it('reads a question after a sentence of context, and a command', () => {
    expect(coreQuestion("I'm a teacher. Which economy ranks first in Table 8.3?")).toBe(
      'Which economy ranks first in Table 8.3?',
    )
    expect(coreQuestion("I'm a teacher. List the fields of Table 8.2.")).toBe(
      'List the fields of Table 8.2.',
    )
    // A second question without its mark is still asked.
    expect(coreQuestion('Which field tops Table 8.2? Also, which economy tops Table 8.3')).toMatch(
      /which economy tops Table 8\.3$/,
    )
  })

  it('restores possessives typed without an apostrophe, for names the catalog knows', async () => {
    const { catalog } = (await assistant()).answerer
    expect(possessivesRestored('What is Swedens share? And South Africas?', catalog)).toBe(
      "What is Sweden's share? And South Africa's?",
    )
    expect(possessivesRestored('How many papers do the Netherlands have?', catalog)).toBe(
      'How many papers do the Netherlands have?',
    )
  })

  it('writes names typed in lower case as the chapter writes them, not everyday words', () => {
    const truecaser = new Truecaser(
      [
        'The dialogue was held in Geneva, and GAC New Energy worked with Bosch on the Internet.',
        'In January 2024, a university signed.',
      ],
      (w) => w === 'internet',
    )
    expect(truecaser.apply('was it held in geneva with gac and bosch in january?')).toBe(
      'was it held in Geneva with GAC and Bosch in January?',
    )
    // Everyday words, titles' words and words the chapter also writes in lower case stay.
    expect(truecaser.apply('the internet energy university')).toBe('the internet energy university')
  })
})

describe('a claim said before a question that asks whether it holds', () => {
  /** Claims of every kind, written for this test: true and false, prose and tables. */
  const CLAIMS: Array<{ claim: string; verdict: 'yes' | 'no' }> = [
    { claim: 'data is the fourth major production factor', verdict: 'no' },
    { claim: 'data is the fifth major production factor', verdict: 'yes' },
    { claim: 'Germany has a centrality of 6.4 in Table 8.4', verdict: 'yes' },
    { claim: 'the US has a centrality of 12.5 in Table 8.4', verdict: 'no' },
  ]
  const WAYS: Record<string, (claim: string) => string> = {
    'the claim, then "Is that true?"': (c) =>
      `${c.replace(/^./, (x) => x.toUpperCase())}. Is that true?`,
    'someone says it, then "Is he right?"': (c) => `My colleague says that ${c}. Is he right?`,
    'someone says it without "that", then "Can you confirm?"': (c) =>
      `My friend keeps telling me ${c}. Can you confirm?`,
    'a sentence about the user between': (c) =>
      `My uncle keeps bragging at dinner that ${c}. I'm reading this chapter for a seminar. Does the chapter back him up?`,
    'in one sentence with a tag': (c) => `My friend says ${c}, is that right?`,
  }

  it('checks the claim as "Is it true that …?" would', async () => {
    const { answerer } = await assistant()
    for (const { claim, verdict } of CLAIMS) {
      const direct = await answerer.answer(`Is it true that ${claim}?`)
      expect({ claim, verdict: direct.verdict }).toEqual({ claim, verdict })
      for (const [name, say] of Object.entries(WAYS)) {
        const checked = await answerer.answer(say(claim))
        expect({ claim, name, verdict: checked.verdict }).toEqual({ claim, name, verdict })
      }
    }
  })

  it('reads the claim out of the message, and leaves other messages alone', () => {
    expect(
      coreQuestion(
        "My uncle keeps bragging at dinner that China has every single industry there is. I'm reading this chapter for a seminar and would like to push back if he's wrong. Is there anything in it that backs up his claim?",
      ),
    ).toBe('Is it true that china has every single industry there is?')
    expect(coreQuestion('Around 5.3% of PCT patents involved cooperation. Is that true?')).toBe(
      'Is it true that around 5.3% of PCT patents involved cooperation?',
    )
    // A question that carries its own claim is that question, not a check of the sentence before.
    expect(
      coreQuestion(
        'China has invested heavily in electric vehicles. Does the chapter support the view that it leads in batteries?',
      ),
    ).not.toMatch(/Is it true that china has invested/)
    expect(
      coreQuestion(
        'Table 8.3 lists economies by their share. Is there anything that supports the claim that India is lowest?',
      ),
    ).not.toMatch(/Is it true that Table 8\.3 lists/)
    // What the user did is no claim; a hedge is not part of one.
    expect(coreQuestion('I read the whole chapter twice last week. Is that right?')).not.toMatch(
      /Is it true that/,
    )
    expect(coreQuestion('Which economy leads Table 8.3. Is that right?')).not.toMatch(
      /Is it true that/,
    )
    expect(
      coreQuestion(
        "My friend says China has every industrial category, but I'm not sure. Is that true?",
      ),
    ).toBe('Is it true that china has every industrial category?')
    // A sentence about the user is no claim, and a question before is not checked.
    expect(coreQuestion("I'm a student of economics. Is that true?")).not.toMatch(/Is it true that/)
    expect(coreQuestion('Which economy ranks first in Table 8.3? Is that right?')).not.toMatch(
      /Is it true that/,
    )
  })
})
