import { describe, expect, it } from 'vitest'
import { EntityCatalog } from '../../src/analysis/entities.ts'
import { assistant } from '../helpers/assistant.ts'
import { converse, lastAnswer } from '../helpers/converse.ts'

describe('capitals that stand for their governments', () => {
  it('reads a capital as its country only where it acts, not where it is a place or part of a name', async () => {
    const { corpus } = await assistant()
    const catalog = new EntityCatalog(corpus.doc)
    expect(catalog.readCapitals('When did Beijing and Bangkok sign their deal?').text).toBe(
      'When did China and Thailand sign their deal?',
    )
    // Lower case and accents as readers type them.
    expect(catalog.readCapitals('did washington and bogota agree?').text).toBe(
      'did United States and Colombia agree?',
    )
    // A place: after a preposition of place, or inside a longer name.
    for (const kept of [
      'Was the dialogue held in Beijing?',
      'What did the Beijing Declaration commit signatories to?',
      'Which universities joined, Seoul National University and the University of Tokyo?',
      'Are Beijing-based firms mentioned?',
    ])
      expect(catalog.readCapitals(kept)).toEqual({ text: kept, read: [] })
    // Only the countries the chapter names: Lima stays a word the chapter never uses.
    expect(catalog.readCapitals('Did Lima sign anything?').read).toEqual([])
  })

  it('answers a question that names governments by their capitals, and still refuses where the chapter is silent', async () => {
    const { answerer } = await assistant()
    const talks = await answerer.answer(
      'In what city did Washington and Beijing hold their first government-to-government talks on AI?',
    )
    expect(talks.answerable).toBe(true)
    expect(talks.answer).toMatch(/Geneva/)
    const mou = await answerer.answer(
      'When did Beijing and Bangkok sign their deal on online security?',
    )
    expect(mou.answer).toMatch(/July 5, 2022/)
    // A capital the chapter's countries do not have is still an unknown name.
    const lima = await answerer.answer(
      'When did Beijing and Lima sign their deal on online security?',
    )
    expect(lima.answerable).toBe(false)
  })
})

describe('a change asked about is answered by its size', () => {
  it('"by how much has the cost come down" is answered by the percentage fall, not refused for want of a sum of money', async () => {
    const { answerer } = await assistant()
    const fall = await answerer.answer(
      'By how much has the cost of each unit of solar electricity from projects around the globe come down over ten years?',
    )
    expect(fall.answerable).toBe(true)
    expect(fall.answer).toMatch(/80 percent/)
    // A cost itself still needs a sum of money.
    const cost = await answerer.answer('How much did the Mali solar village cost to build?')
    expect(cost.answerable).toBe(false)
  })
})

describe("readers' names for the companies the chapter names", () => {
  it('"VW" is Volkswagen when the date must be said of what the question names', async () => {
    const { answerer } = await assistant()
    const launch = await answerer.answer(
      'When are the first cars from that VW joint development deal supposed to come out?',
    )
    expect(launch.answerable).toBe(true)
    expect(launch.answer).toMatch(/2026/)
  })
})

describe('a field named by its head noun', () => {
  it('"bendable electronics" is Flexible electronics, and "more than one country" sets no range', async () => {
    const { answerer, corpus } = await assistant()
    const catalog = new EntityCatalog(corpus.doc)
    expect(catalog.find('papers on bendable electronics').map((m) => m.entity.name)).toEqual([
      'Flexible electronics',
    ])
    // An adjective alone is no field, nor a head noun another field shares ("manufacturing").
    expect(catalog.find('an electronic device').length).toBe(0)
    expect(
      catalog.find('which manufacturing').filter((m) => m.entity.type === 'field').length,
    ).toBe(0)
    const share = await answerer.answer(
      'What percentage of the research on bendable electronics had authors from more than one country?',
    )
    expect(share.answer).toMatch(/16\.02%/)
    // A number of the table's own values still sets a range.
    const range = await answerer.answer('Which economies have more than 40% of papers coauthored?')
    expect(range.answer).toMatch(/7 of 20 economies/)
  })
})

describe('what a table cannot say', () => {
  it('a yes/no check on a row the table does not list is not stated', async () => {
    const { answerer } = await assistant()
    const absent = await answerer.answer(
      'Does Saudi Arabia have more than 1,000 internationally coauthored advanced manufacturing papers?',
    )
    expect(absent.verdict).toBe('not-stated')
    const listed = await answerer.answer(
      'Does Switzerland have more than 1,000 internationally coauthored advanced manufacturing papers?',
    )
    expect(listed.verdict).toBe('yes')
  })

  it('a sum of money the passage does not give is not stated, not denied', async () => {
    const { answerer } = await assistant()
    const cost = await answerer.answer(
      'Did the China-Aid Mali Solar Demonstration Village cost more than $10 million?',
    )
    expect(cost.verdict).toBe('not-stated')
  })

  it('papers on a field the tables do not list are refused, wherever the field stands in the question', async () => {
    const { answerer } = await assistant()
    const quantum = await answerer.answer(
      'How many internationally coauthored papers on quantum computing were published between 2011 and 2020?',
    )
    expect(quantum.answerable).toBe(false)
    expect(quantum.answer).toMatch(/quantum computing is not among them/)
    const listed = await answerer.answer(
      'How many papers on additive manufacturing were published between 2011 and 2020?',
    )
    expect(listed.answer).toMatch(/22,070/)
    // The tables' own topic, shortened, is no field they leave out.
    const topic = await answerer.answer(
      'Which economy published the most papers on advanced manufacturing tech in 2011-2020?',
    )
    expect(topic.answer).toMatch(/China has the most papers: 49,793/)
  })

  it('"why" is never answered by a table row: the tables give figures, not reasons', async () => {
    const { answerer } = await assistant()
    const why = await answerer.answer(
      'Why does Switzerland have such a high share of internationally coauthored papers in advanced manufacturing?',
    )
    expect(why.answerable).toBe(false)
  })
})

describe('column words in the plural, and a neighbour after a long name', () => {
  it('"what shares of the global total" is the prose figure, as "what share" is', async () => {
    const { answerer } = await assistant()
    const shares = await answerer.answer(
      'What shares of the global total of internationally collaborated papers do the US and China account for?',
    )
    expect(shares.answer).toMatch(/37\.9 percent and 21\.5 percent/)
  })

  it('"just below Very-large-scale integration circuits" and "just below vlsi" find the next row', async () => {
    const { answerer } = await assistant()
    for (const name of ['Very-large-scale integration circuits', 'vlsi']) {
      const next = await answerer.answer(
        `Which field is just below ${name} by papers in Table 8.2?`,
      )
      expect(next.answer).toMatch(/is Smart sensors \(6,763 papers\)/)
    }
  })
})

describe('a list asked of a named section', () => {
  it('"List all the recommendations in Section III" and "What are the four things section III recommends" give its subsections', async () => {
    const { answerer } = await assistant()
    for (const q of [
      'List all the recommendations in Section III on promoting new quality productive forces through cooperation on open innovation.',
      'What are the four things section III recommends for promoting new quality productive forces through opening up?',
    ]) {
      const a = await answerer.answer(q)
      expect(a.answer).toMatch(/has 4 subsections/)
      expect(a.answer).toMatch(/Deepen intergovernmental cooperation/)
    }
    // A count the section does not have is no request for its parts.
    const three = await answerer.answer('What are the three things section III recommends?')
    expect(three.answer).not.toMatch(/has 4 subsections/)
  })
})

describe("a table's words as readers write them", () => {
  it('"research-network importance", "research topics" and "the biggest connector" name Table 8.4, Table 8.2 and centrality', async () => {
    const { answerer } = await assistant()
    const bottom = await answerer.answer(
      'Which nations sit at the very bottom of the 2020 research-network importance scores?',
    )
    expect(bottom.answer).toMatch(/Pakistan/)
    expect(bottom.answer).toMatch(/lowest centrality: 1\.0/)
    const topic = await answerer.answer(
      'Among the leading smart-manufacturing research topics, which one has the biggest proportion of studies written with foreign partners?',
    )
    expect(topic.answer).toMatch(/Wide bandgap semiconductor has the highest share/)
    const hub = await answerer.answer(
      'Which country comes out as the biggest connector in worldwide research partnerships in 2020?',
    )
    expect(hub.answer).toMatch(/United States has the highest centrality: 11\.5/)
  })
})

describe('arithmetic on the figures two answers asked for', () => {
  it('"the total of the two" adds the figure each question asked, not every figure of the quoted sentence', async () => {
    const asked = ['How many minor industrial categories does China have?', 'And medium ones?']
    const total = await lastAnswer([...asked, "What's the total of the two?"])
    expect(total.answer).toMatch(/666 \+ 207 = 873/)
    const gap = await lastAnswer([...asked, 'How many more minor ones than medium ones?'])
    expect(gap.answer).toMatch(/666 − 207 = 459/)
  })
})

describe('a ratio of two answers', () => {
  it('"how many times higher is the top score than theirs?" divides the figures of the last two table answers, citing their rows', async () => {
    const ratio = await lastAnswer([
      'Which country tops Table 8.4?',
      'And which come last?',
      'How many times higher is the top score than theirs?',
    ])
    expect(ratio.answer).toMatch(/11\.5 ÷ 1\.0 = 11\.5 times/)
    expect(ratio.citations.map((c) => c.quote).join(' ')).toMatch(/United States 11\.5/)
  })
})

describe('a yes/no check after a lead-in phrase', () => {
  it('"Among the top 20 economies, does Switzerland …?" is checked, and "top 20" claims no value', async () => {
    const { answerer } = await assistant()
    const top = await answerer.answer(
      'Among the top 20 economies, does Switzerland have the highest share of internationally coauthored advanced-manufacturing papers?',
    )
    expect(top.verdict).toBe('yes')
    const other = await answerer.answer(
      'Does the Netherlands have the highest share of internationally coauthored papers among the 20 economies in Table 8.3?',
    )
    expect(other.verdict).toBe('no')
    expect(other.answer).toMatch(/Switzerland/)
    // A wrong year in the lead-in is checked too.
    const since = await answerer.answer(
      'Since the State Council issued the new generation AI development plan in 2019, has AI had institutional support in China?',
    )
    expect(since.verdict).toBe('no')
    expect(since.answer).toMatch(/2017/)
  })
})

describe('counts in words compare with counts in words', () => {
  it('"for five consecutive years" against "for three consecutive years" is a no, and the same count a yes', async () => {
    const { answerer } = await assistant()
    const five = await answerer.answer(
      'Has the number of international patent families in low-carbon energy technology increased for five consecutive years?',
    )
    expect(five.verdict).toBe('no')
    const three = await answerer.answer(
      'Has the number of international patent families in low-carbon energy technology increased for three consecutive years?',
    )
    expect(three.verdict).toBe('yes')
  })
})

describe('what the tables count', () => {
  it('patents are no table figure: "top for internationally cooperative PCT patents" is the prose', async () => {
    const { answerer } = await assistant()
    const pct = await answerer.answer(
      'Which countries rank at the top for internationally cooperative PCT patents?',
    )
    expect(pct.answer).toMatch(/United States, China, Japan, United Kingdom, and Germany/)
    expect(pct.answer).not.toMatch(/Table 8\.3/)
  })

  it('the top of a ranking is its first place', async () => {
    const { answerer } = await assistant()
    const top = await answerer.answer('Which economy has the top ranking in Table 8.3?')
    expect(top.answer).toMatch(/is China \(ranked 1st\)/)
  })
})

describe('parts of one message', () => {
  it('a refused part names no row for the next: "how do you say patent in Spanish? … what share of the total was that?"', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      "Also, how do you say 'patent' in Spanish? The real question: in 2020, roughly how many PCT patent applications involved international cooperation, and what share of the total was that?",
    )
    expect(a.answer).toMatch(/14,800/)
    expect(a.answer).toMatch(/5\.3 percent/)
  })

  it('"What is Table 8.1 about?" cites the table for its caption', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('What is Table 8.1 about?')
    expect(a.citations.some((c) => /^Table 8\.?1 Achievements/.test(c.quote))).toBe(true)
  })
})

describe('two parts after a preposition, and a question for companies', () => {
  it('"In which fields …, and what is holding it back?" answers both parts', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'In which fields has global innovation cooperation made notable progress, and what is holding it back?',
    )
    expect(a.answer).toMatch(/quantum information/)
    expect(a.answer).toMatch(/cross-border data flows/)
    expect(a.answer).toMatch(/technology blockade/)
  })

  it('"Which companies …" prefers the sentence that names companies', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Which companies have partnered on new energy vehicles?')
    expect(a.answer).toMatch(/GAC New Energy and Bosch/)
  })
})

describe('"he" and "she" in a conversation', () => {
  it('"What did he say about China?" after "Who is Erik Solheim?" asks it of him, and "it" is never the person', async () => {
    const [, said, when] = await converse([
      'Who is Erik Solheim, according to the chapter?',
      'What did he say about China?',
      'When and where did he say it?',
    ])
    expect(said?.standaloneQuestion).toBe('What did Erik Solheim say about China?')
    expect(said?.answer).toMatch(/advancement for humanity/)
    // The chapter gives no date or place of the remark.
    expect(when?.answerable).toBe(false)
  })
})

describe('"is that the lowest?" after a figure', () => {
  it("checks the last row's figure against its table", async () => {
    const [, lowest] = await converse([
      'what percent of CNC machine tool papers had international coauthors?',
      'is that the lowest share in that table?',
    ])
    expect(lowest?.verdict).toBe('yes')
    const [, highest] = await converse(["What is Germany's centrality?", 'Is that the highest?'])
    expect(highest?.verdict).toBe('no')
    expect(highest?.answer).toMatch(/is United States', not Germany's: 11\.5/)
  })
})

describe('a sentence that goes on from the one picked', () => {
  it('"It injected new momentum …" is quoted after the sentence it goes on from', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('What did Erik Solheim say China gave new momentum to?')
    expect(a.answer).toMatch(
      /advancement for humanity\. It injected new momentum into achieving the UN SDGs/,
    )
  })
})

describe('long messages that point back', () => {
  it('"What value does Rep. of Korea have there?" reads "there" as the table the message named', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      "Hello, I'm a research administrator at a university in Seoul. We are preparing a briefing for our international office comparing Korea's position in global research networks with our peers. I saw there is a table with centrality values for 2020. What value does Rep. of Korea have there? Many thanks in advance.",
    )
    expect(a.answer).toMatch(/Rep\. of Korea has a centrality of 1\.6/)
  })

  it('"What does it say about that?" asks about the term the user quoted', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      "I teach economics at a secondary school in Lyon and I'm putting together slides for next week. My students keep asking me what people mean by 'hard technology' and I never have a crisp answer. I think the chapter mentions it somewhere near the beginning. What does it say about that?",
    )
    expect(a.answer).toMatch(/Hard technology refers to key core technologies/)
  })

  it('an earlier turn\'s "7th" stays an ordinal when the conversation is read cheaply', async () => {
    const [, , next] = await converse([
      'Which field is ranked 7th in Table 8.2?',
      'How many papers?',
      'And the one after it?',
    ])
    expect(next?.answer).toMatch(/is Smart sensors \(6,763 papers\)/)
  })
})
