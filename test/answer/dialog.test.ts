import { describe, expect, it } from 'vitest'
import { assistant } from '../helpers/assistant.ts'
import { converse } from '../helpers/converse.ts'

describe('follow-ups resolved from the conversation', () => {
  it('"which table lists it" finds the table row, and "that table" is the table the last answer named', async () => {
    const [, where, next] = await converse([
      'What did China propose in the Beijing Initiative on Belt and Road Digital Economy International Cooperation?',
      'Which table lists that initiative?',
      'What comes right after it in that table?',
    ])
    expect(where?.answer).toMatch(/^Table 8\.1 lists it/)
    expect(next?.standaloneQuestion).toMatch(/Table 8\.1/)
    expect(next?.answer).toMatch(/Global AI Governance Initiative/)
  })

  it("\"the third one's value\" is the previous answer's third item, in the previous answer's column", async () => {
    const [top, third] = await converse([
      'Which three economies have the highest share of internationally coauthored papers in Table 8.3?',
      "What's the third one's value?",
    ])
    expect(top?.answerable).toBe(true)
    expect(third?.standaloneQuestion).toMatch(/share of internationally coauthored papers/)
    expect(third?.answer).toMatch(/%/)
  })

  it('"how much higher is X\'s" compares X with the entity of the previous answer', async () => {
    const [, , diff] = await converse([
      "What is Germany's centrality in Table 8.4?",
      'And Canada?',
      "So how much higher is Germany's?",
    ])
    expect(diff?.answer).toMatch(/3\.4\b/)
  })

  it('a demonym qualifying a thing ("Chinese companies") is not what "it" means; the topic continues in the quoted passage', async () => {
    const [, cont] = await converse([
      'What are Chinese companies doing with the Argentine government?',
      'What is it meant to enhance?',
    ])
    expect(cont?.standaloneQuestion).not.toMatch(/China/)
    expect(cont?.answer).toMatch(/cybersecurity/)
  })

  it('"how many … altogether" adds up the counts the sentence lists, showing the sum', async () => {
    const [a] = await converse([
      'How many solar systems did the China-Aid Mali Solar Demonstration Village install altogether?',
    ])
    expect(a?.answer).toMatch(/1,195 \+ 200 \+ 17 \+ 2 = 1,414 systems/)
    expect(a?.citations.length).toBeGreaterThan(0)
  })

  it('"and together?" adds the last two rows; "the first of them" reaches back to the last list; "those two" compares them', async () => {
    const [, , together] = await converse([
      "What is France's number of internationally coauthored papers in Table 8.3?",
      'What about Italy?',
      'And together?',
    ])
    expect(together?.standaloneQuestion).toMatch(/combined .* of France and Italy/)
    expect(together?.answer).toMatch(/=/)
    const [, , first, diff] = await converse([
      'Which three countries have the highest centrality in Table 8.4?',
      'What is the centrality of the last of them?',
      'And the first of them?',
      'What is the difference between those two?',
    ])
    expect(first?.standaloneQuestion).toMatch(/United States/)
    expect(diff?.answer).toMatch(/11\.5 − 6\.4 = 5\.1|5\.1/)
  })

  it('"what is that as a percentage?" is the last row in the table’s percentage column', async () => {
    const [, , pct] = await converse([
      'Which field has the most papers in Table 8.2?',
      'How many of those were internationally coauthored?',
      'What is that as a percentage?',
    ])
    expect(pct?.answer).toMatch(/15\.87%/)
  })

  it('"And where?" is read with the last question, and "it" is then the named thing it asked about', async () => {
    const [, where, who] = await converse([
      'What did the China-Aid Mali Solar Demonstration Village install?',
      'And where?',
      'Who built it?',
    ])
    expect(where?.answerable).toBe(true)
    expect(where?.answer).toMatch(/Koniobla and Karan/)
    expect(who?.standaloneQuestion).toMatch(/Mali Solar Demonstration Village/)
  })

  it('"And medium ones?", "And minor?" put the new modifier on the thing the last question counted', async () => {
    const [, medium, minor] = await converse([
      'How many major industrial categories does China have?',
      'And medium ones?',
      'And minor?',
    ])
    expect(medium?.standaloneQuestion).toBe(
      'How many medium industrial categories does China have?',
    )
    expect(minor?.standaloneQuestion).toBe('How many minor industrial categories does China have?')
    expect(minor?.answer).toMatch(/666 minor/)
  })
})

describe('follow-ups that keep the table, the order and the place', () => {
  it('"ranked right after it" follows the table\'s own order, whatever column was asked last', async () => {
    const [, , next] = await converse([
      'Which field has the most papers in Table 8.2?',
      'What share of its papers were coauthored internationally?',
      'And which field is ranked right after it?',
    ])
    expect(next?.standaloneQuestion).toMatch(/by papers in Table 8\.2/)
    expect(next?.answer).toContain('Laser manufacturing')
  })

  it('a column follow-up stays in the table the last answer quoted', async () => {
    const [, share] = await converse([
      'How many internationally coauthored papers does the United States have in Table 8.3?',
      'Is its share higher than China’s?',
    ])
    expect(share?.standaloneQuestion).toMatch(/in Table 8\.3\?$/)
    expect(share?.verdict).toBe('yes')
    expect(share?.answer).toContain('28.36')
  })

  it('"and the runner-up?" is the next place of the last ranking, and "the gap between the two" their difference', async () => {
    const [, second, gap] = await converse([
      'Which economy wrote the most advanced-manufacturing papers in 2011-2020?',
      'And the runner-up?',
      "What's the gap between the two?",
    ])
    expect(second?.answer).toMatch(/United States/)
    expect(second?.answer).toMatch(/29,336/)
    expect(gap?.answer).toMatch(/20,457/)
  })

  it('"how far ahead is it of the UK?" compares in the table the last answer used', async () => {
    const [, ahead] = await converse([
      'Which country tops Table 8.4?',
      'How far ahead is it of the UK?',
    ])
    expect(ahead?.answer).toMatch(/4\.1/)
    expect(ahead?.answer).toMatch(/11\.5 − 7\.4/)
  })

  it('"… and 666 minor ones": "ones" counts the same thing in a total', async () => {
    const [, , total] = await converse([
      'How many major industrial categories does China have?',
      'And medium ones?',
      'Adding the minor ones too, how many categories is that in total?',
    ])
    expect(total?.answer).toMatch(/914/)
  })

  it('"they" plan and do: a region named in the last answer is not "they"', async () => {
    const [, , argentina] = await converse([
      'What is box 8.2 about?',
      'Where do they intend to open a second data center?',
      'And what are they doing in Argentina?',
    ])
    expect(argentina?.standaloneQuestion).not.toMatch(/Eastern Europe/)
    expect(argentina?.answerable).toBe(true)
    expect(argentina?.answer).toMatch(/Argentin/)
  })

  it('"what are the other four?" is the rest of the list the last answer quoted', async () => {
    const [, others] = await converse([
      'Which production factor is called the fifth major one?',
      'What are the other four?',
    ])
    expect(others?.answer).toMatch(/land, labor force, capital,\s+and technology/)
  })

  it('"the … co-authorship table" names a table by its topic: "ranked 20th" is its printed rank', async () => {
    const [first, papers] = await converse([
      'Which economy comes 20th in the international co-authorship table?',
      'How many papers did it publish?',
    ])
    expect(first?.answer).toMatch(/Malaysia/)
    expect(papers?.answer).toMatch(/1,904/)
  })

  it('"the Argentine government" names Argentina', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('What are Chinese companies doing in Argentina?')
    expect(a.answerable).toBe(true)
    expect(a.answer).toContain('Argentine government')
  })
})

describe('follow-ups on a list of titles and on figures just given', () => {
  it('"the one right after it" after an item of Table 8.1 is the next item', async () => {
    const [, fourth, next] = await converse([
      'List the titles in Table 8.1.',
      "What's the fourth one?",
      'And the one right after it?',
    ])
    expect(fourth?.answer).toMatch(/^Item 4 of Table 8\.1/)
    expect(next?.standaloneQuestion).toBe('What is item 5 of Table 8.1?')
    expect(next?.answer).toContain('Ministerial Conference on Science and Technology Innovation')
  })

  it('"add them up" and "the total" sum the figures the last answers gave', async () => {
    const [, , total] = await converse([
      'How many medium industrial categories does China have?',
      'And minor ones?',
      "What's the total across all three levels then?",
    ])
    expect(total?.answer).toMatch(/^Together: 41 \+ 207 \+ 666 = 914\./)
    expect(total?.citations[0]?.quote).toContain('41 major industrial categories')
  })
})

describe('follow-ups that must be refused stay refused', () => {
  it('a year the table does not cover, asked as an ellipsis or kept from the follow-up', async () => {
    const [, , japan] = await converse([
      "What's Japan's centrality in Table 8.4?",
      'And India?',
      'What about Japan in 2019?',
    ])
    expect(japan?.standaloneQuestion).toMatch(/2019/)
    expect(japan?.answerable).toBe(false)
    const [, , later] = await converse([
      'How many PCT patents involved international cooperation in 2020?',
      'What share of all PCT applications is that?',
      'And in 2021?',
    ])
    expect(later?.standaloneQuestion).toMatch(/2021\?$/)
    expect(later?.answerable).toBe(false)
  })

  it('who led the delegations, and what the cars will cost, are not given', async () => {
    const [, , led] = await converse([
      'Where was the first China-US intergovernmental dialogue on AI held?',
      'When was that?',
      'Who led the two delegations?',
    ])
    expect(led?.answerable).toBe(false)
    const [, , cost] = await converse([
      'Which carmakers signed the technical cooperation agreement for a joint platform and software?',
      'When do the first models launch?',
      'What will they cost?',
    ])
    expect(cost?.answerable).toBe(false)
  })
})

describe('"what about X, <a question of its own>"', () => {
  it('asks that question of X', async () => {
    const [, , africa] = await converse([
      'When did China sign the cybersecurity MOU with Thailand?',
      'And the one with Indonesia?',
      'What about the China-Africa initiative, when was that proposed?',
    ])
    expect(africa?.standaloneQuestion).toBe('When was the China-Africa initiative proposed?')
    expect(africa?.answer).toContain('August 24, 2021')
  })
})
