import { describe, expect, it } from 'vitest'
import {
  DEFAULT_THRESHOLDS,
  decideAbstention,
  type SupportFeatures,
} from '../../src/answer/abstain.ts'
import { assistant } from '../helpers/assistant.ts'
import { converse } from '../helpers/converse.ts'

describe('arithmetic follow-ups that point at earlier answers', () => {
  it('compares "the first one" with "that": the first and the last answer of the conversation', async () => {
    const [first, second, third] = await converse([
      'Which economy has the highest share of internationally coauthored papers in Table 8.3?',
      'and the lowest?',
      'how much higher is the first one than that?',
    ])
    expect(first?.answer).toMatch(/Switzerland .*49\.77%/)
    expect(second?.answer).toMatch(/India .*14\.33%/)
    // Not the table's first printed row: the first answer.
    expect(third?.answer).toMatch(/49\.77 − 14\.33 = 35\.44/)
    expect(third?.standaloneQuestion).toMatch(/between Switzerland and India/)
    // The same with the table questions' other words for a difference, and a ratio.
    const ask = async (q: string) =>
      (
        await converse([
          'Which economy has the highest share of internationally coauthored papers in Table 8.3?',
          'and the lowest?',
          q,
        ])
      ).at(-1)?.answer
    expect(await ask('by how many points does the first one beat it?')).toMatch(/= 35\.44/)
    expect(await ask('so how many times bigger is the first one?')).toMatch(
      /49\.77 ÷ 14\.33 ≈ 3\.47/,
    )
  })

  it('computes the difference to the neighbouring row ("the one ranked just below it")', async () => {
    const [, , last] = await converse([
      'Which economy is ranked 3rd in Table 8.3?',
      'How many papers does it have?',
      'How many fewer does the one ranked just below it have?',
    ])
    expect(last?.answer).toMatch(/11,922 − 9,771 = 2,151/)
    expect(last?.citations.length).toBe(2)
    // Without arithmetic, the neighbour's own figure is what is asked.
    const [, , plain] = await converse([
      'Which economy is ranked 3rd in Table 8.3?',
      'How many papers does it have?',
      'And the one ranked just below it?',
    ])
    expect(plain?.answer).toMatch(/Japan has 9,771 papers/)
    expect(plain?.answer).not.toMatch(/difference/)
  })
})

describe('a question mostly in words the chapter never uses', () => {
  const weak: SupportFeatures = {
    lexical: 0.3,
    dense: 0.45,
    unknown: 0.5,
    unknownFocus: null,
    unknownNames: [],
    anchored: false,
  }

  it('needs a closer passage the more of it the chapter does not cover, unless it is anchored', () => {
    expect(decideAbstention({ ...weak, unknown: 0 }, DEFAULT_THRESHOLDS)).toBeNull()
    expect(decideAbstention(weak, DEFAULT_THRESHOLDS)).toMatch(/no passage is close enough/)
    expect(decideAbstention({ ...weak, dense: 0.6 }, DEFAULT_THRESHOLDS)).toBeNull()
    expect(decideAbstention({ ...weak, anchored: true }, DEFAULT_THRESHOLDS)).toBeNull()
  })

  it('refuses questions about other subjects that share an everyday word with some sentence', async () => {
    const { answerer } = await assistant()
    for (const q of [
      'How do vaccines work?',
      'Explain how photosynthesis works.',
      'What are the rules of chess?',
      'How do I fix a flat bicycle tyre?',
    ])
      expect({ q, answerable: (await answerer.answer(q)).answerable }).toEqual({
        q,
        answerable: false,
      })
    // A paraphrase the chapter's words hardly cover still finds its passage.
    const fake = await answerer.answer(
      'What fake media threat is flagged as a danger to stability?',
    )
    expect(fake.answerable).toBe(true)
    expect(fake.answer).toMatch(/deepfake/i)
  })
})

describe('a question that counts the things it asks for', () => {
  it('finds the sentence that lists that many, however many other lists it holds', async () => {
    const { answerer } = await assistant()
    const five = await answerer.answer(
      'Which five guiding ideas of development do the new productive forces line up with?',
    )
    for (const concept of ['innovation', 'coordination', 'green', 'openness', 'sharing'])
      expect(five.answer).toContain(concept)
    const three = await answerer.answer(
      'In short, what three traits characterize the new productive forces?',
    )
    expect(three.answer).toMatch(/high technology, high efficiency, and high quality/)
  })

  it('answers with the list the best sentence announces, when its count agrees', async () => {
    const { answerer } = await assistant()
    const four = await answerer.answer(
      'Name the four types of advancements of new quality productive forces.',
    )
    expect(four.answer).toMatch(/following four types of advancements/)
    expect(four.answer).toMatch(/- Advancement of laborers/)
    expect(four.answer).not.toMatch(/Factor dimension/)
  })
})

describe('a long message whose question asks a row for a figure without naming its column', () => {
  it('takes the column the sentences before it name', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      "I'm looking at the table of centrality scores for 2020 for a class. I'm Canadian, so I'm curious. What's Canada's score?",
    )
    expect(a.answer).toMatch(/Canada has a centrality of 3\.0/)
    // Without a column named before it, the question stays as asked.
    const plain = await answerer.answer("I love this chapter. What's Canada's score?")
    expect(plain.answer).not.toMatch(/centrality of 3\.0/)
  })
})

describe('a yes/no check of a table figure written after the word "table"', () => {
  it('reads "the 2020 table 12.5" as the claimed value, not as Table 12.5', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer("is Germany's centrality in the 2020 table 7.4?")
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/Germany has a centrality of 6\.4/)
  })
})

describe('a value only a figure shows', () => {
  it('is refused when asked as the top row or field of the plot, naming the figure', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'According to figure 8.2, which economy has the biggest technological advantage in wind power?',
    )
    expect(a.answerable).toBe(false)
    expect(a.answer).toMatch(/values plotted in Figure 8\.2/)
    // A name the caption and the prose citing the figure never give is only in the plot.
    const japan = await answerer.answer(
      'What technologies does Figure 8.2 show China specialising in?',
    )
    expect(japan.answerable).toBe(false)
    expect(japan.answer).toMatch(/values plotted in Figure 8\.2/)
    // What the figure is about is answered from its caption.
    const about = await answerer.answer('What does Figure 8.2 show?')
    expect(about.answerable).toBe(true)
    expect(about.answer).toMatch(/revealed technological advantage/)
  })
})

describe('an arithmetic follow-up whose ordinal points past the rows named', () => {
  it('is not compared with another row', async () => {
    const [, , third] = await converse([
      'Which economy has the highest share of internationally coauthored papers in Table 8.3?',
      'and the lowest?',
      'how much higher is the third one than that?',
    ])
    expect(third?.answer).not.toMatch(/49\.77 − 14\.33/)
  })
})
