import { describe, expect, it } from 'vitest'
import { assistant } from '../helpers/assistant.ts'

describe('refusing by evidence: on-topic passages that lack what was asked', () => {
  it('a value a figure plots: only its caption is in the text', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Which year has the highest growth index in Figure 8.1?')
    expect(a.answerable).toBe(false)
    expect(a.answer).toMatch(/values plotted in Figure 8\.1/)
    expect(a.related?.length ?? 0).toBeGreaterThan(0)
  })

  it('a figure for an economy listed beside a figure about others', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How many PCT patents with international cooperation did Germany apply for in 2020?',
    )
    expect(a.answerable).toBe(false)
  })

  it('names the chapter does not give', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What are the names of the two models that Volkswagen and Xiaopeng Motors will launch?',
    )
    expect(a.answerable).toBe(false)
  })

  it('an outcome the chapter does not state', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('By how much did the Mali solar village cut unemployment?')
    expect(a.answerable).toBe(false)
  })

  it('anything asked about an economy the chosen passages never name', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('What is the capital of Peru?')
    expect(a.answerable).toBe(false)
    expect(a.answer).toMatch(/what was asked about Peru/)
    expect(a.related?.length ?? 0).toBeGreaterThan(0)
  })

  it('a length or duration the passages never give, but not one they give in words', async () => {
    const { answerer } = await assistant()
    const railway = await answerer.answer('How long is the rail line between China and Laos?')
    expect(railway.answerable).toBe(false)
    expect(railway.answer).toMatch(/length or duration/)
    const years = await answerer.answer(
      "For how long has China's installed capacity for hydropower and wind been the largest?",
    )
    expect(years.answerable).toBe(true)
    expect(years.answer).toMatch(/several consecutive years/)
  })

  it('prize money, a budget, or a city the passages never give', async () => {
    const { answerer } = await assistant()
    for (const q of [
      'How much prize money was on offer at the 5th IKCEST Big Data Competition?',
      'What budget did the US and Germany set aside for their quantum cooperation?',
      'In which Indonesian city will the second data center be located?',
    ]) {
      const a = await answerer.answer(q)
      expect(a.answerable, q).toBe(false)
    }
  })

  it('a payment the chapter never states ("how much is … paying")', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How much are the Argentine authorities paying for the cloud-based core network?',
    )
    expect(a.answerable).toBe(false)
    expect(a.answer).toMatch(/amount of money/)
  })

  it('a "who" the chapter never names: a table label or the asked name itself is no answer', async () => {
    const { answerer } = await assistant()
    const winner = await answerer.answer(
      'Who won the 5th IKCEST Belt and Road International Big Data Competition?',
    )
    expect(winner.answerable).toBe(false)
    const models = await answerer.answer(
      'What are the names of the first two models from the Volkswagen–Xiaopeng tie-up?',
    )
    expect(models.answerable).toBe(false)
    // A "who" the passage does answer with a name the question lacks.
    const signed = await answerer.answer('Who signed the 2022 cybersecurity memorandum with China?')
    expect(signed.answerable).toBe(true)
    expect(signed.answer).toMatch(/Thailand/)
  })

  it('while the same passages still answer what they do give', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How many PCT patents applied for globally in 2020 involved international cooperation?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/14,800/)
  })
})

describe('not refusing for the wrong reasons', () => {
  it('a reader\'s abbreviation the chapter spells out ("EV") and a compass word ("West Africa") are no unknown names', async () => {
    const { answerer } = await assistant()
    const ev = await answerer.answer('Which EV makers did Bosch and Volkswagen work with?')
    expect(ev.answerable).toBe(true)
    expect(ev.answer).toMatch(/GAC New Energy/)
    const mali = await answerer.answer(
      'How many off-grid home solar systems did the Chinese-aided village in West Africa get?',
    )
    expect(mali.answerable).toBe(true)
    expect(mali.answer).toMatch(/1,195/)
  })

  it("a ranking the prose states in the question's words is quoted, not a table's ranking on another topic", async () => {
    const { answerer } = await assistant()
    const ten = await answerer.answer(
      'Name the ten countries leading the world in the number of papers written through international collaboration.',
    )
    expect(ten.answer).toMatch(/Australia, Italy, Spain, and the Netherlands/)
    const pct = await answerer.answer(
      'Which five countries lead in internationally co-applied PCT patents?',
    )
    expect(pct.answerable).toBe(true)
    expect(pct.answer).toMatch(/United States, China, Japan, United Kingdom/)
    // A field no table lists, asked in the tables' words, is still refused.
    const absent = await answerer.answer(
      'What is the share of internationally coauthored papers in biotechnology?',
    )
    expect(absent.answerable).toBe(false)
  })

  it('"what percentage of the global total … did the US account for" is the prose\'s figure, not a sum over one row', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What share of the global total of internationally collaborated papers did the US account for?',
    )
    expect(a.answer).toMatch(/37\.9 percent/)
  })

  it('"how many kinds of …" counts what the chapter calls categories, and the sentence that counts them is chosen', async () => {
    const { answerer } = await assistant()
    for (const q of [
      'Broadly speaking, how many kinds of industry does China have?',
      'How many top-level industry sectors does China have?',
    ]) {
      const a = await answerer.answer(q)
      expect(a.answerable, q).toBe(true)
      expect(a.answer, q).toMatch(/^Now, China boasts 41 major industrial categories/)
    }
  })

  it('"South American" is no mention of the United States', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Which South American government works with Chinese firms on cloud core networks and 5G?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/Argentine government/)
    expect(answerer.analysis.catalog.find('a North Korean team').map((m) => m.entity.name)).toEqual(
      [],
    )
  })

  it('a demonym of a place the chapter names is no unknown name ("Malian", "Laotian", "Thai")', async () => {
    const { unknownNamesIn } = await import('../../src/answer/abstain.ts')
    const { answerer } = await assistant()
    expect(
      unknownNamesIn(
        'Did the Malian village, the Laotian line and the Thai memorandum matter to Huawei?',
        answerer.analysis.stats,
        answerer.analysis.catalog,
      ),
    ).toEqual(['Huawei'])
  })

  it('a figure given after the paragraph named the economy is about it', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'How many households in Colombia will the new energy projects supply with electricity each year?',
    )
    expect(a.answerable).toBe(true)
    expect(a.answer).toMatch(/25,000/)
  })
})

describe('refusing by evidence: the count, the year, the money, the person', () => {
  it('a count must count the thing asked about, not a date or another thing', async () => {
    const { answerer } = await assistant()
    const homes = await answerer.answer(
      'How many households get electricity from the Lao 500-kilowatt transmission line?',
    )
    expect(homes.answerable).toBe(false)
    expect(homes.answer).toContain('the number of households')
    // "In January 2024, … signed …": a date counts nothing.
    const trained = await answerer.answer(
      'How many quantum scientists has the Chicago, Tokyo and Seoul partnership trained?',
    )
    expect(trained.answerable).toBe(false)
    // A close word counts: "nations" by "160 countries and regions"; "years running" by "three consecutive years".
    const nations = await answerer.answer(
      'How many nations and territories do the network nodes of Chinese firms reach?',
    )
    expect(nations.answerable).toBe(true)
    expect(nations.answer).toContain('160')
    const running = await answerer.answer(
      'For how many years running has the number of low-carbon energy patent families grown?',
    )
    expect(running.answerable).toBe(true)
    expect(running.answer).toContain('three consecutive years')
  })

  it('a year the passage does not give, when it gives another', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'What share of PCT patent applications worldwide involved international cooperation in 2019?',
    )
    expect(a.answerable).toBe(false)
    expect(a.answer).toContain('2019')
    const b = await answerer.answer(
      'What share of PCT patent applications worldwide involved international cooperation in 2020?',
    )
    expect(b.answerable).toBe(true)
    expect(b.answer).toContain('5.3 percent')
  })

  it('a budget asked as "what is the budget", and a person asked as "on whose behalf"', async () => {
    const { answerer } = await assistant()
    const budget = await answerer.answer(
      'What is the budget of the Chinese 5G and cloud work in Argentina?',
    )
    expect(budget.answerable).toBe(false)
    const signer = await answerer.answer(
      'Who signed the 2022 cybersecurity memorandum on behalf of Thailand?',
    )
    expect(signer.answerable).toBe(false)
  })
})

describe('refusing by evidence: dates said of something else, figures named by their caption', () => {
  it('a date must be said of what the question names, in the same clause', async () => {
    const { answerer } = await assistant()
    const gac = await answerer.answer('In which year did GAC New Energy begin its work with Bosch?')
    expect(gac.answerable).toBe(false)
    const vw = await answerer.answer('When will the first two Volkswagen–Xiaopeng models come out?')
    expect(vw.answerable).toBe(true)
    expect(vw.answer).toContain('2026')
    // "Rep. of Korea" is one name, not a sentence end; "South Korea" names it.
    const korea = await answerer.answer(
      'In what year did China and South Korea hold forums on quantum research methods?',
    )
    expect(korea.answerable).toBe(true)
    expect(korea.answer).toContain('2022')
  })

  it('a person asked by role: who led one side, who signed on its side', async () => {
    const { answerer } = await assistant()
    const led = await answerer.answer(
      'Who led the Chinese side at the first China-US intergovernmental dialogue on AI?',
    )
    expect(led.answerable).toBe(false)
  })

  it('a chart named by its caption: its values are refused, its caption and source footnote given', async () => {
    const { answerer } = await assistant()
    const values = await answerer.answer(
      'In which clean-energy field does Japan have its main technological advantage according to the chart of global innovation centers?',
    )
    expect(values.answerable).toBe(false)
    expect(values.answer).toContain('Figure 8.2')
    const years = await answerer.answer(
      'Which years does the chart on the revealed technological advantage of innovation centers cover?',
    )
    expect(years.answerable).toBe(true)
    expect(years.answer).toContain('2010-2019')
    expect(years.answer).toContain('figure E9')
    expect(years.citations.map((c) => c.kind)).toEqual(['figure', 'footnote'])
  })
})

describe('counting the thing asked about, in the place asked about', () => {
  it('a close word counts ("homes" for households), a scale or another place does not', async () => {
    const { answerer } = await assistant()
    const homes = await answerer.answer(
      'How many homes in Colombia will the Chinese-supported renewable plants power each year?',
    )
    expect(homes.answerable).toBe(true)
    expect(homes.answer).toContain('25,000 local households')
    const laos = await answerer.answer(
      'How many households get power from the 500 kV line in Laos?',
    )
    expect(laos.answerable).toBe(false)
    // "funded" is no question about money.
    const lamps = await answerer.answer(
      'How many solar street lamps went up in the village China funded in Mali?',
    )
    expect(lamps.answerable).toBe(true)
    expect(lamps.answer).toContain('200 solar streetlight systems')
  })
})
