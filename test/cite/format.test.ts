import { describe, expect, it } from 'vitest'
import { BibliographicRecord, formatCitation } from '../../src/cite/format.ts'
import { loadBibliographicRecord } from '../../src/node/server.ts'
import { citeService } from '../helpers/citer.ts'

const unknown = loadBibliographicRecord()
const known = BibliographicRecord.parse({
  chapter: {
    number: 8,
    title: 'Development of New Quality Productive Forces and Global Cooperation on Open Innovation',
    authors: [{ family: 'Li', given: 'Wei Ming' }],
  },
  book: {
    title: 'A Book of Chapters',
    editors: [{ family: 'Smith', given: 'Anna' }],
    edition: null,
    publisher: 'Some Press',
    place: 'Beijing',
    year: 2025,
    pages: '101–120',
    doi: null,
    url: null,
    isbn: null,
  },
})
const pin = { section: 'II.4', element: 'Table 8.3', paragraph: null }

describe('formatted citations', () => {
  it('keep unknown fields visibly blank and never invent them', () => {
    for (const style of ['apa', 'mla', 'chicago'] as const) {
      const c = formatCitation(unknown, style, pin)
      expect(c, style).toContain('[Book title]')
      expect(c, style).not.toMatch(/\b(19|20)\d{2}\b/)
    }
    const bib = formatCitation(unknown, 'bibtex', pin)
    expect(bib).toContain(
      '% Unknown, not guessed: author, booktitle, editor, publisher, address, year, pages',
    )
    expect(bib).not.toContain('booktitle =')
  })

  it('APA 7 with a pinpoint', () => {
    expect(formatCitation(known, 'apa', pin)).toBe(
      'Li, W. M. (2025). Development of new quality productive forces and global cooperation on open innovation. In A. Smith (Ed.), A Book of Chapters (pp. 101–120). Some Press.\nIn-text: (Li, 2025, Section II.4, Table 8.3)',
    )
  })

  it('MLA 9 with a pinpoint', () => {
    expect(formatCitation(known, 'mla', { section: 'I.2', element: null, paragraph: 3 })).toBe(
      'Li, Wei Ming. “Development of New Quality Productive Forces and Global Cooperation on Open Innovation.” A Book of Chapters, edited by Anna Smith, Some Press, 2025, pp. 101–120.\nIn-text: (Li, sec. I.2, par. 3)',
    )
  })

  it('Chicago 17, note and bibliography', () => {
    expect(
      formatCitation(known, 'chicago', { section: 'II.1', element: 'Box 8.1', paragraph: 2 }),
    ).toBe(
      'Note: 1. Wei Ming Li, “Development of New Quality Productive Forces and Global Cooperation on Open Innovation,” in A Book of Chapters, ed. Anna Smith (Beijing: Some Press, 2025), §II.1, Box 8.1, ¶2.\nBibliography: Li, Wei Ming. “Development of New Quality Productive Forces and Global Cooperation on Open Innovation.” In A Book of Chapters, edited by Anna Smith, 101–120. Beijing: Some Press, 2025.',
    )
  })

  it('BibTeX', () => {
    expect(formatCitation(known, 'bibtex', pin)).toBe(
      '% Unknown, not guessed: none\n'.replace('% Unknown, not guessed: none\n', '') +
        '@incollection{chapter8,\n  author = {Li, Wei Ming},\n  title = {{Development of New Quality Productive Forces and Global Cooperation on Open Innovation}},\n  chapter = {8},\n  booktitle = {A Book of Chapters},\n  editor = {Smith, Anna},\n  publisher = {Some Press},\n  address = {Beijing},\n  year = {2025},\n  pages = {101--120},\n  note = {Section II.4, Table 8.3}\n}',
    )
  })

  it('the endpoint service pinpoints the located passage', async () => {
    const r = await (await citeService()).cite(
      'Laborers are the human elements in relations of production.',
      'mla',
    )
    expect(r.citation).toContain('In-text: ([Author], sec. I.1, par. 2)')
  })
})
