import { describe, expect, it } from 'vitest'
import type { ChapterAnalysis } from '../../src/analysis/chapter.ts'
import { coreQuestion, splitParts } from '../../src/analysis/question.ts'
import { lexicalCoverage, VARIANT_CREDIT } from '../../src/analysis/terms.ts'
import { thesaurusSynonyms } from '../../src/analysis/thesaurus.ts'
import { THESAURUS_ENTRIES } from '../../src/analysis/thesaurus-entries.ts'
import { boxDescribed } from '../../src/answer/chapter-parts.ts'
import { assistant } from '../helpers/assistant.ts'
import { converse } from '../helpers/converse.ts'

describe('the chapter thesaurus', () => {
  it("maps a reader's words to the chapter's, and drops words that stand for too many phrases", () => {
    const syn = thesaurusSynonyms([
      { chapter: 'e-commerce', variants: ['online shopping', 'internet retail'] },
      { chapter: 'patient capital', variants: ['long-term investment'] },
      { chapter: 'laborers', variants: ['people', 'workers'] },
      { chapter: 'scientists', variants: ['people'] },
      { chapter: 'entrepreneurs', variants: ['people'] },
      { chapter: 'residents', variants: ['people'] },
    ])
    expect([...(syn.get('shop') ?? [])]).toContain('commerc')
    expect([...(syn.get('invest') ?? [])]).toEqual(expect.arrayContaining(['patient', 'capit']))
    expect([...(syn.get('worker') ?? [])]).toEqual(['labor'])
    // "people" stands for four phrases: it says nothing particular.
    expect(syn.has('peopl')).toBe(false)
  })

  it('has entries whose chapter side the chapter really uses', async () => {
    const { corpus } = await assistant()
    const text = corpus.raw.replace(/\s+/g, ' ').toLowerCase()
    const missing = THESAURUS_ENTRIES.filter((e) => !text.includes(e.chapter.toLowerCase()))
    expect(missing.map((e) => e.chapter)).toEqual([])
    expect(THESAURUS_ENTRIES.length).toBeGreaterThan(300)
  })

  it("finds a passage asked in a reader's own words, and the thesaurus is what finds it", async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How many countries has China got two-way online retail cooperation memos with?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/30 countries/)
  })
})

describe('a nationality that describes a company', () => {
  it('"the German carmaker" is answered from the passage that names the company, not refused for want of Germany', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Which Chinese car brand signed a technical deal with the big German automaker?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/Xiaopeng/)
    // A country asked about as a country still needs a passage that names it.
    const peru = await answerer.answer('What did Chinese firms build in Peru?')
    expect(peru.answerable).toBe(false)
  })
})

describe('a plan is not an outcome', () => {
  it('a yes/no on what came of a plan, a draft or an intention is not stated; the plan itself is', async () => {
    const { answerer } = await assistant()
    const success = await answerer.answer(
      'Did the first Volkswagen-Xiaopeng models turn out to be a commercial success?',
    )
    expect(success.verdict).toBe('not-stated')
    expect(success.answerable).toBe(false)
    const enacted = await answerer.answer('Has the AI draft law been enacted yet?')
    expect(enacted.verdict).toBe('not-stated')
    const plan = await answerer.answer(
      'Are the first two Volkswagen and Xiaopeng models set to launch in 2026?',
    )
    expect(plan.verdict).toBe('yes')
  })
})

describe("a figure's caption gives no values", () => {
  it('a value asked of what only a figure plots is refused, naming the figure', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What level had the index of low-carbon patent families reached by 2010, with 2000 set at 100?',
    )
    expect(a.answerable).toBe(false)
    expect(a.answer).toMatch(/Figure 8\.1/)
  })
})

describe('long messages', () => {
  it('a request that names nothing ("Can you help us out?") asks what the sentence before it says', async () => {
    const message =
      'Our book club is reading the chapter on open innovation this month. Someone wanted to know in which city the first China-US government dialogue on AI met. Could you help us out?'
    expect(coreQuestion(message)).toMatch(/^in which city the first China-US government dialogue/)
    const { answerer } = await assistant()
    const a = await answerer.answer(message)
    expect(a.answer).toMatch(/Geneva/)
  })

  it('"that pathway", "that same comparison": a noun the message introduced earlier is read with its sentence', () => {
    const core = coreQuestion(
      'We are building a lab-to-market programme for our university. The chapter mentions a complete pathway that research should follow. What are the stages of that pathway?',
    )
    expect(core).toMatch(/regarding ".*complete pathway/)
    // A pronoun-free question about a thing the message never introduced keeps to itself.
    const plain = coreQuestion(
      'We are building a lab-to-market programme for our university and want to cite the chapter. What are the stages of that process according to the scientists + entrepreneurs model?',
    )
    expect(plain).not.toMatch(/regarding/)
  })
})

describe('a second part that gives only another value', () => {
  it('asks the first part again of that value', () => {
    expect(
      splitParts('Which economies have a centrality of 1.7, and which have 2.2?', null),
    ).toEqual([
      'Which economies have a centrality of 1.7?',
      'Which economies have a centrality of 2.2?',
    ])
    expect(
      splitParts(
        'Name the countries in Table 8.4 with a centrality of 1.7 and those with 1.0',
        null,
      ),
    ).toEqual([
      'Name the countries in Table 8.4 with a centrality of 1.7?',
      'Name the countries in Table 8.4 with a centrality of 1.0?',
    ])
  })

  it('lists every row that holds each value', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'List the economies with a centrality of 1.7, and those with 1.0.',
    )
    for (const name of ['Austria', 'Russia', 'Denmark', 'Saudi Arabia', 'Pakistan', 'South Africa'])
      expect(a.answer).toContain(name)
  })
})

describe('the sentence that carries the answer', () => {
  it("a table answer's rows are also quoted from the prose that ranks them, found by their names", async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Which economies are second, third and fourth for research cooperation centrality?',
    )
    expect(a.answer).toMatch(/rank second to fourth/)
  })

  it('a passage whose picked sentence only names the asked place goes on to the sentence that names others', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Per the 2023 report, which nations follow the United States as hubs of scientific research cooperation?',
    )
    expect(a.answer).toMatch(/United Kingdom, Germany, and China/)
  })

  it('a heading that is picked is read with the sentence after it', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Under the factor dimension, what role has data taken on?')
    expect(a.answer).toMatch(/fifth major production factor/)
  })

  it('a question for what hinders prefers the sentence that names several hindrances', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What stands in the way of global cooperation on open innovation, according to the chapter?',
    )
    expect(a.answer).toMatch(/technology blockade/)
  })
})

describe('follow-ups: what "it" means', () => {
  it('"And the X, when was it …?" asks of X; the next "it" is X too', async () => {
    const answers = await converse([
      'Which plan for artificial intelligence did the State Council of China issue?',
      'And the AI draft law, when was it made public?',
      'Whose research does it showcase?',
    ])
    expect(answers[1]?.standaloneQuestion).toMatch(/^When was the AI draft law made public\?$/)
    expect(answers[1]?.answer).toMatch(/March 2024/)
    expect(answers[2]?.answer).toMatch(/Chinese scholars/)
  })

  it('"it" after a "which/what" answer is the thing the answer named, never a name of its own question', async () => {
    const answers = await converse([
      'What is item 2 of Table 8.1?',
      'In what year did China put it forward?',
    ])
    expect(answers[1]?.standaloneQuestion).toMatch(/Global AI Governance Initiative/)
    expect(answers[1]?.answer).toMatch(/2023/)
  })

  it('"What about European countries?" puts the new proper adjective in the place of the old one', async () => {
    const answers = await converse([
      'Which Asian economies have big advantages in research scale?',
      'What about European countries?',
    ])
    expect(answers[1]?.standaloneQuestion).toMatch(/European/)
    expect(answers[1]?.standaloneQuestion).not.toMatch(/Asian/)
  })
})

describe('summaries keep what a paragraph reports', () => {
  it('a box summary gives, beside each opening, the first sentence with a figure or a name the opening lacks', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Give me an overview of Box 8.2')
    expect(a.answer).toMatch(/160 countries and regions/)
    expect(a.answer).toMatch(/Indonesia/)
    expect(a.answer).toMatch(/Argentin/)
  })
})

describe('parts, boxes and lists named in other words', () => {
  it('a box named by its topic ("the AI box") scopes the passage search to it', async () => {
    const { corpus } = await assistant()
    const { answerer } = await assistant()
    const analysis = (answerer as unknown as { analysis: ChapterAnalysis }).analysis
    expect(
      boxDescribed('Which four qualities does the AI box ascribe to it?', corpus.doc, analysis),
    ).toBe('8.3')
    expect(boxDescribed('What does Box 8.3 say?', corpus.doc, analysis)).toBeNull()
    const a = await answerer.answer(
      'Which four traits does the AI box ascribe to artificial intelligence?',
    )
    expect(a.answer).toMatch(/advancement, openness, collaboration, and sustainability/)
  })

  it('another form of a word counts ("characterized" for "characteristics")', async () => {
    const { answerer } = await assistant()
    const analysis = (answerer as unknown as { analysis: ChapterAnalysis }).analysis
    const terms = ['characterist']
    expect(
      lexicalCoverage(terms, 'AI is characterized by its openness.', analysis.stats),
    ).toBeCloseTo(VARIANT_CREDIT)
    // Not a word that only starts alike: "international" is not "internet".
    expect(lexicalCoverage(['internet'], 'international cooperation', analysis.stats)).toBe(0)
  })

  it('a later part that the table answers with the same row as an earlier part is answered by the prose', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      "What is the United States' share of internationally coauthored papers in Table 8.3, and what share of the world's internationally collaborated papers does the text give it?",
    )
    expect(a.answer).toMatch(/28\.36%/)
    expect(a.answer).toMatch(/37\.9 percent/)
  })
})

describe('yes/no: what the passage says instead', () => {
  it('"on its own" against "jointly", "passed" against "draft", a focus on another thing: no', async () => {
    const { answerer } = await assistant()
    const alone = await answerer.answer(
      'Was the report on patents and the energy transition released by the IEA alone?',
    )
    expect(alone.verdict).toBe('no')
    const passed = await answerer.answer('Was an AI law adopted by China in March 2024?')
    expect(passed.verdict).toBe('no')
    const focus = await answerer.answer(
      'Is the January 2024 trilateral quantum partnership focused on research funding?',
    )
    expect(focus.verdict).toBe('no')
    // The same claims as the chapter makes them: yes.
    const jointly = await answerer.answer(
      'Was the study on patents and the energy transition released jointly by the IEA and the European Patent Office?',
    )
    expect(jointly.verdict).toBe('yes')
    const talent = await answerer.answer(
      'Is the January 2024 trilateral quantum partnership focused on the cultivation of quantum talent?',
    )
    expect(talent.verdict).toBe('yes')
  })

  it('"Can you find that number for me?" asks what the sentence before it says', () => {
    expect(
      coreQuestion(
        "I'm writing a market note on Chinese AI. My boss thinks this chapter gives the number of AI companies in China. Can you find that number for me?",
      ),
    ).toMatch(/number of AI companies in China/)
  })
})

describe('two-part questions split where a question word follows a preposition or a dash', () => {
  it('splits ", and in how many …" and "… — which ones does it name, and …"', () => {
    expect(
      splitParts(
        'Since when has China been signing cyberspace deals, and in which countries were they signed?',
        null,
      ),
    ).toEqual([
      'Since when has China been signing cyberspace deals?',
      'in which countries were they signed?',
    ])
    expect(
      splitParts(
        'the text says some european countries collaborate a lot — which ones are named, and what share does Germany have in table 8.3?',
        null,
      ),
    ).toEqual([
      'the text says some european countries collaborate a lot — which ones are named?',
      'what share does Germany have in table 8.3?',
    ])
  })

  it('answers both parts, and quotes no sentence twice', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Since what year have Chinese firms been going into markets in Eastern Europe, Central Asia and Africa, and in how many countries and regions are their network nodes?',
    )
    expect(a.answer).toMatch(/2016/)
    expect(a.answer).toMatch(/160 countries/)
    const sentences = a.answer.split(/(?<=\])\s+/)
    expect(new Set(sentences).size).toBe(sentences.length)
  })
})

describe("a paragraph's short opening", () => {
  it('is read with the sentence after it when it is all that was picked', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('How is China working with Colombia on green energy?')
    expect(a.answer).toMatch(/vital area of bilateral cooperation/)
    expect(a.answer).toMatch(/six new energy generation projects/)
  })
})

describe('figures the chapter does not give', () => {
  it('a unit is only itself: "how many gigawatts" is not answered in megawatts', async () => {
    const { answerer } = await assistant()
    const gw = await answerer.answer(
      'How many gigawatts will the six Colombian projects be able to produce?',
    )
    expect(gw.answerable).toBe(false)
    const mw = await answerer.answer(
      'How many megawatts will the six Colombian projects be able to produce?',
    )
    expect(mw.answer).toMatch(/170 megawatts/)
  })

  it('a figure about a place the chapter never names is refused, however many other words match', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How many national-level high-tech enterprises are there in Dongguan?',
    )
    expect(a.answerable).toBe(false)
    // The same figure for the region the chapter names is given.
    const bay = await answerer.answer(
      'How many national-level high-tech enterprises are there in the Greater Bay Area?',
    )
    expect(bay.answer).toMatch(/75,000/)
  })
})

describe('a year before a comma', () => {
  it('is a year, not a claimed value: the verdict on "on top … in 2020, right?" names the real top', async () => {
    const { answerer } = await assistant()
    const analysis = (answerer as unknown as { analysis: ChapterAnalysis }).analysis
    expect(
      analysis.question('Was Germany third in 2020, right?').numbers.find((n) => n.value === 2020)
        ?.year,
    ).toBe(true)
    const a = await answerer.answer(
      'Germany is on top for research cooperation centrality in 2020, right?',
    )
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/United States/)
  })
})
