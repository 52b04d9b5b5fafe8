import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { endOf } from '../../src/answer/conversation.ts'

// Reading who a conversation is about tested the whole text before each entity mention, so a long
// turn full of names cost its length times its names. Only the end before a mention is read now.

/** The two tests `subjectsOf` makes of the text before a mention. */
const QUOTED = /["“][\w-]*-?$/
const AFTER_ARTICLE = /\b(?:the|a|an)\s+$/i

describe('the text before an entity mention', () => {
  it('answers both tests on its end exactly as on the whole text', () => {
    const piece = fc.constantFrom(
      'the',
      'a',
      'an',
      'bathe',
      'than',
      ' ',
      '  ',
      '\n',
      '-',
      '"',
      '“',
      'x',
      'China',
      '2023',
      '_',
      '.',
      'é',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('')
        expect(QUOTED.test(endOf(text))).toBe(QUOTED.test(text))
        expect(AFTER_ARTICLE.test(endOf(text))).toBe(AFTER_ARTICLE.test(text))
      }),
      { numRuns: 3000, seed: 14 },
    )
  })

  it('is short whatever the text before it', () => {
    const long = 'Japan and Germany, '.repeat(400)
    expect(endOf(`${long}the `).length).toBeLessThan(16)
    expect(endOf(`${long}“Belt-and-`).length).toBeLessThan(16)
  })
})
