import { describe, expect, it } from 'vitest'
import { listLengths } from '../../src/text/enumerations.ts'

describe('the lists a sentence enumerates', () => {
  it('closes a list at its "and" item, and lets the next one open after it', () => {
    expect(
      listLengths(
        'They are characterized by advancements of laborers, means of labor, objects of labor, and optimalization of their combinations, and are in alignment with the concepts of innovation, coordination, green, openness, and sharing.',
      ),
    ).toEqual([4, 5])
    expect(
      listLengths(
        'They are characterized by high technology, high efficiency, and high quality, which can be understood from the perspectives of factors, technology, and industry.',
      ),
    ).toEqual([3, 3])
  })

  it('does not count a clause before a list as one of its items, nor an abbreviation as its end', () => {
    expect(
      listLengths(
        'Currently, data has emerged as the fifth major production factor after land, labor force, capital, and technology, playing a crucial role.',
      ),
    ).toEqual([4])
    expect(listLengths('China, Japan, Rep. of Korea, and India show advantages.')).toEqual([4])
    expect(listLengths('Data, as a new factor, can be combined with others.')).toEqual([])
  })
})
