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
