import { describe, expect, it } from 'vitest'
import { SoftMatcher } from '../../src/analysis/soft-match.ts'
import { wordNetSynonyms } from '../../src/analysis/synonyms.ts'

/** Lines in WordNet's index format: lemma, pos, synset count, pointers, sense counts, offsets (most frequent first). */
const INDEX = [
  '  1 This software and database is being provided … (licence header lines start with spaces)',
  'nation n 2 1 @ 2 1 00000001 00000009',
  'country n 3 1 @ 3 1 00000001 00000002 00000003',
  'land n 4 1 @ 4 1 00000004 00000005 00000006 00000002',
  'project n 2 1 @ 2 1 00000007 00000008',
  'labor n 3 1 @ 3 1 00000010 00000011 00000008',
  'line_of_work n 1 1 @ 1 1 00000001',
].join('\n')

describe('WordNet synonyms of the chapter words', () => {
  it('pairs words that share one of their first senses, keyed by the other word’s search term', () => {
    const syn = wordNetSynonyms([INDEX], ['countries', 'labor'], 2)
    // nation and country share their first sense.
    expect([...(syn.get('nation') ?? [])]).toEqual(['countri'])
    // land shares country's second sense only as its own fourth sense: beyond 2 senses.
    expect(syn.get('land')).toBeUndefined()
    // project and labor share a rare sense of labor's: not synonyms.
    expect(syn.get('project')).toBeUndefined()
    // Multi-word lemmas are left out.
    expect([...syn.keys()].some((k) => k.includes('_'))).toBe(false)
    // With more senses, the rarer pairs come in.
    expect([...(wordNetSynonyms([INDEX], ['countries'], 4).get('land') ?? [])]).toEqual(['countri'])
  })

  it('credits a synonym in soft matching when the word vectors put the words apart', () => {
    const vectors = {
      dimensions: 2,
      vector: (w: string) =>
        ({ nation: [1, 0], nations: [1, 0], countries: [0, 1], country: [0, 1] })[w],
    }
    const plain = new SoftMatcher(['countries'], vectors)
    expect(plain.neighboursOf('nations').get('countri')).toBeUndefined()
    const withSynonyms = new SoftMatcher(
      ['countries'],
      vectors,
      undefined,
      wordNetSynonyms([INDEX], ['countries']),
    )
    expect(withSynonyms.neighboursOf('nations').get('countri')).toBe(0.6)
  })
})
