import { describe, expect, it } from 'vitest'
import { contradictsPremise, proseVerdict } from '../../src/answer/yes-no.ts'
import { assistant } from '../helpers/assistant.ts'

describe('yes/no against the prose', () => {
  const pair =
    'For example, GAC New Energy and Bosch have collaborated, and Volkswagen and Xiaopeng Motors have signed an agreement.'

  it('says no when the claim pairs names that the sentence pairs with others', () => {
    expect(
      proseVerdict('Volkswagen teamed up with GAC New Energy', pair, [
        'Volkswagen',
        'GAC New Energy',
      ]),
    ).toBe('no')
    expect(
      proseVerdict('Volkswagen teamed up with Xiaopeng', pair, ['Volkswagen', 'Xiaopeng']),
    ).toBe('yes')
    expect(
      proseVerdict('Bosch worked with GAC New Energy', pair, ['Bosch', 'GAC New Energy']),
    ).toBe('yes')
  })

  it('says no when the claim states the opposite change', () => {
    const rise = 'The number of patent families has increased for three consecutive years.'
    expect(proseVerdict('the number of patent families has been falling', rise, [])).toBe('no')
    expect(proseVerdict('the number of patent families has grown', rise, [])).toBe('yes')
  })

  it('finds the premise of a "why" question contradicted only by a contrary event or change', () => {
    const signed = 'On July 5, 2022, China signed a memorandum of understanding with Thailand.'
    expect(contradictsPremise('China and Thailand cancelled their memorandum', signed)).toBe(true)
    expect(contradictsPremise('China and Thailand signed a memorandum', signed)).toBe(false)
    expect(contradictsPremise('countries should improve several factors at once', signed)).toBe(
      false,
    )
  })

  it('answers a false "why" premise from the prose with "No." and the cited fact', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Why did China and Thailand scrap their cybersecurity memorandum in 2022?',
    )
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/^No\. .*signed a memorandum/)
    expect(a.citations.length).toBeGreaterThan(0)
  })
})

describe('yes/no in other shapes and other words', () => {
  it('a statement with a tag ("…, right?") is a check of that statement', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Data is counted as the fourth factor of production, right?')
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/^No\. .*fifth major production factor/)
  })

  it('a demonym in the claim ("Chinese") is said by the name in the passage ("China’s")', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Have Chinese wind and solar products been sold to more than 200 countries and regions?',
    )
    expect(a.verdict).toBe('yes')
  })

  it('"does the chapter describe X as Y" checks "X is Y", and an opposite adjective ("short" for "long") is no', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Does the chapter portray building new quality productive forces as a short phase?',
    )
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/is a long phase/)
    expect(proseVerdict('the phase is long', 'It is a long phase.', [])).toBe('yes')
  })

  it('a check after a lead-in ("By 2023, had …") keeps the lead-in in its claim; "In what year did …" is no check', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'By 2023, had China signed bilateral e-commerce memoranda with 50 countries?',
    )
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/30 countries/)
    const year = await answerer.answer('In what year did GAC New Energy start working with Bosch?')
    expect(year.verdict).toBeUndefined()
  })

  it('"all ten" against "seven" of the ten is no', () => {
    const s =
      'Among the ten most collaborative fields, the United States and Europe demonstrate a technological advantage in seven areas.'
    expect(
      proseVerdict(
        'the United States and Europe lead in all ten of the most collaborative fields',
        s,
        [],
      ),
    ).toBe('no')
    expect(
      proseVerdict('the United States and Europe lead in seven of the ten fields', s, []),
    ).toBe('yes')
  })

  it('a sum of money in a "why" premise is checked against the sums of money only', () => {
    const line =
      'The Lao 500-kilowatt high-voltage transmission line project, with a total investment of nearly $149 million, …'
    expect(contradictsPremise('the Laos 500 kV line cost more than $500 million', line)).toBe(true)
    expect(contradictsPremise('the Laos 500 kV line cost more than $100 million', line)).toBe(false)
  })

  it('a "why" premise that swaps one of two economies is false, whichever one', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Why did Japan and South Korea organise a series of forums on quantum subfields in 2022?',
    )
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/says this of China, not Japan/)
  })
})

describe('yes/no against the tables, in other words', () => {
  it('checks a claimed position ("come third") by the column', async () => {
    const { answerer } = await assistant()
    const yes = await answerer.answer(
      'Does the United Kingdom come second in the centrality table?',
    )
    expect(yes.verdict).toBe('yes')
    const no = await answerer.answer('Does Canada come fifth by centrality in Table 8.4?')
    expect(no.verdict).toBe('no')
    expect(no.answer).toMatch(/Fifth by centrality .* is .*, not Canada/)
  })

  it('"ranked above" is checked by the printed order and answered with both ranks', async () => {
    const { answerer } = await assistant()
    const no = await answerer.answer('Is the Netherlands ranked above France in Table 8.3?')
    expect(no.verdict).toBe('no')
    expect(no.answer).toMatch(/Netherlands ranks 19th of 20/)
    expect(no.answer).toMatch(/France ranks 8th of 20/)
    const yes = await answerer.answer('Is France ranked above the Netherlands in Table 8.3?')
    expect(yes.verdict).toBe('yes')
  })

  it('reads "Are there more X than Y?" as a comparison to check', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Are there more papers on additive manufacturing than on laser manufacturing in Table 8.2?',
    )
    expect(a.verdict).toBe('no')
  })

  it('takes "go up" and "pull out" for a change and an event a premise can get wrong', () => {
    expect(
      contradictsPremise('the cost went up', 'the average cost has decreased by over 60 percent'),
    ).toBe(true)
    expect(
      contradictsPremise(
        'Chinese companies pulled out of Eastern Europe',
        'Chinese companies have gradually entered markets in Eastern Europe',
      ),
    ).toBe(true)
  })
})

describe('yes/no claims the chapter does not bear out', () => {
  it('a claim naming a country the chapter never mentions is not stated', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Did China sign a cybersecurity memorandum with Vietnam?')
    expect(a.verdict).toBe('not-stated')
    expect(a.answerable).toBe(false)
  })

  it('a claim with another position than the sentence gives is false', () => {
    const s =
      'Currently, data has emerged as the fifth major production factor after land, labor force, capital, and technology.'
    expect(proseVerdict('data is the fourth major production factor', s, [])).toBe('no')
    expect(proseVerdict('data is the fifth major production factor', s, [])).toBe('yes')
  })
})

describe('yes/no: what the chapter says', () => {
  it('looks up a question within "does the chapter say …" and says yes only when it is answered', async () => {
    const { answerer } = await assistant()
    const penalties = await answerer.answer(
      'Does the chapter tell us what penalties the AI draft law sets?',
    )
    expect(penalties.verdict).toBe('not-stated')
    expect(penalties.answerable).toBe(false)
    const engineers = await answerer.answer(
      'Does the chapter give the number of qualified engineers in China?',
    )
    expect(engineers.verdict).toBe('not-stated')
    const date = await answerer.answer('Does the text say when the AI draft law was made public?')
    expect(date.verdict).toBe('yes')
    expect(date.answer).toMatch(/^Yes\. .*March 2024/s)
  })

  it('reads "does it say that …" as the claim itself', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer('Does the chapter say that AI should be politicized?')
    expect(a.verdict).toBe('no')
    expect(a.answer).toContain('should not be politicized')
  })

  it('does not confirm a claim resting on a rare word the passage never says', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Did the collaboration of GAC New Energy and Bosch result in a new battery?',
    )
    expect(a.verdict).toBe('not-stated')
    // An everyday word the chapter lacks is no reason: the claim is checked against the passage.
    const b = await answerer.answer('Did GAC New Energy and Bosch collaborate?')
    expect(b.verdict).toBe('yes')
  })
})

describe('a "why" premise with the wrong economy', () => {
  it('answers "No." with the sentence that says it of another economy', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Why did China sign a memorandum on cybersecurity cooperation with Vietnam in 2022?',
    )
    expect(a.verdict).toBe('no')
    expect(a.answer).toMatch(/^No\. The chapter says this of Thailand, not Vietnam:/)
    expect(a.citations[0]?.quote).toContain('with Thailand')
    // The right economy is no false premise.
    const right = await answerer.answer(
      'Why did China sign a memorandum on cybersecurity cooperation with Thailand in 2022?',
    )
    expect(right.verdict).not.toBe('no')
  })
})

describe('yes/no: positions, groups and lists', () => {
  it('reads "number one" as a position and names the real first', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Why is China number one in international research cooperation centrality?',
    )
    expect(a.verdict).toBe('no')
    expect(a.answer).toContain('United States')
  })

  it('reads "the third tier" as the group the prose names, not a position in the table', async () => {
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Is Canada in the third tier of research cooperation centrality?',
    )
    expect(a.verdict).toBe('yes')
    expect(a.answer).toContain('constitute the third tier')
  })

  it('takes the last item of a list for no clause of its own', async () => {
    const { clausesOf } = await import('../../src/text/sentences.ts')
    expect(
      clausesOf(
        'Chinese companies have entered markets in Eastern Europe, Central Asia, and Africa. Currently, they cover five continents.',
      ),
    ).toEqual([
      'Chinese companies have entered markets in Eastern Europe, Central Asia, and Africa.',
      'Currently, they cover five continents.',
    ])
    const { answerer } = await assistant()
    const a = await answerer.answer(
      'Did Chinese companies start entering Eastern Europe, Central Asia and Africa in 2016?',
    )
    expect(a.verdict).toBe('yes')
  })
})
