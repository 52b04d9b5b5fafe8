import { z } from 'zod'

/** A person's name as printed: family name and given names. */
const Person = z.object({ family: z.string().min(1), given: z.string().default('') })
export type Person = z.infer<typeof Person>

/** `corpus/chapter-08.meta.json`: what is known about the chapter's publication. `null` = unknown. */
export const BibliographicRecord = z.object({
  description: z.string().optional(),
  chapter: z.object({
    number: z.number().int(),
    title: z.string().min(1),
    authors: z.array(Person),
  }),
  book: z.object({
    title: z.string().nullable(),
    editors: z.array(Person),
    edition: z.string().nullable(),
    publisher: z.string().nullable(),
    place: z.string().nullable(),
    year: z.union([z.number().int(), z.string()]).nullable(),
    pages: z.string().nullable(),
    doi: z.string().nullable(),
    url: z.string().nullable(),
    isbn: z.string().nullable(),
  }),
})
export type BibliographicRecord = z.infer<typeof BibliographicRecord>

export type CitationStyle = 'apa' | 'mla' | 'chicago' | 'bibtex'
export const CITATION_STYLES: CitationStyle[] = ['apa', 'mla', 'chicago', 'bibtex']

/** Where in the chapter: section, box/table/figure, paragraph within the section. */
export interface Pinpoint {
  section: string | null
  /** e.g. "Box 8.1", "Table 8.3", "Figure 8.2", "footnote 1". */
  element: string | null
  paragraph: number | null
}

/** A visible blank for an unknown field: the writer sees exactly what to fill in. */
const blank = (what: string) => `[${what}]`

const initials = (given: string) =>
  given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((g) => `${g[0]?.toUpperCase()}.`)
    .join(' ')

function apaNames(people: Person[]): string | null {
  if (people.length === 0) return null
  const names = people.map((p) => (p.given ? `${p.family}, ${initials(p.given)}` : p.family))
  return names.length === 1
    ? (names[0] as string)
    : `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`
}

function plainNames(people: Person[], familyFirst: boolean): string | null {
  if (people.length === 0) return null
  const names = people.map((p, i) =>
    p.given
      ? familyFirst && i === 0
        ? `${p.family}, ${p.given}`
        : `${p.given} ${p.family}`
      : p.family,
  )
  return names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`
}

/** APA wants sentence case for a chapter title. */
const sentenceCase = (title: string) => title.charAt(0) + title.slice(1).toLowerCase()

/** "Section II.4, Table 8.3, para. 2" in each style's words. */
function pinpointText(p: Pinpoint, style: CitationStyle): string {
  const parts: string[] = []
  if (p.section)
    parts.push(
      style === 'mla'
        ? `sec. ${p.section}`
        : style === 'chicago'
          ? `§${p.section}`
          : `Section ${p.section}`,
    )
  if (p.element) parts.push(p.element)
  if (p.paragraph)
    parts.push(
      style === 'mla'
        ? `par. ${p.paragraph}`
        : style === 'chicago'
          ? `¶${p.paragraph}`
          : `para. ${p.paragraph}`,
    )
  return parts.join(', ')
}

/**
 * Formats the chapter's citation in APA 7, MLA 9, Chicago 17 (note and bibliography) or BibTeX,
 * with a pinpoint. Unknown fields are visible blanks in brackets (left out of BibTeX, with a
 * comment naming them); nothing is invented.
 *
 * @example
 * formatCitation(record, 'apa', { section: 'II.4', element: 'Table 8.3', paragraph: null })
 */
export function formatCitation(
  record: BibliographicRecord,
  style: CitationStyle,
  pinpoint: Pinpoint | null,
): string {
  const { chapter, book } = record
  const pin = pinpoint ? pinpointText(pinpoint, style) : ''
  const year = book.year === null ? null : String(book.year)
  switch (style) {
    case 'apa': {
      const authors = apaNames(chapter.authors) ?? blank('Author(s)')
      const editors =
        book.editors.length > 0
          ? `${book.editors.map((e) => `${initials(e.given)} ${e.family}`.trim()).join(', ')} (Ed${book.editors.length > 1 ? 's' : ''}.)`
          : `${blank('Editor(s)')} (Eds.)`
      const ref = `${authors} (${year ?? blank('n.d.')}). ${sentenceCase(chapter.title)}. In ${editors}, ${book.title ?? blank('Book title')} (pp. ${book.pages ?? blank('pages')}). ${book.publisher ?? blank('Publisher')}.${book.doi ? ` https://doi.org/${book.doi}` : book.url ? ` ${book.url}` : ''}`
      const inText = `(${chapter.authors[0]?.family ?? blank('Author')}, ${year ?? 'n.d.'}${pin ? `, ${pin}` : ''})`
      return `${ref}\nIn-text: ${inText}`
    }
    case 'mla': {
      const authors = plainNames(chapter.authors, true) ?? blank('Author(s)')
      const editors = plainNames(book.editors, false)
      const ref = `${authors}. “${chapter.title}.” ${book.title ?? blank('Book title')}, edited by ${editors ?? blank('editor(s)')}, ${book.publisher ?? blank('publisher')}, ${year ?? blank('year')}, pp. ${book.pages ?? blank('pages')}.`
      return `${ref}\nIn-text: (${chapter.authors[0]?.family ?? blank('Author')}${pin ? `, ${pin}` : ''})`
    }
    case 'chicago': {
      const noteAuthors = plainNames(chapter.authors, false) ?? blank('Author(s)')
      const bibAuthors = plainNames(chapter.authors, true) ?? blank('Author(s)')
      const editors = plainNames(book.editors, false) ?? blank('editor(s)')
      const pub = `${book.place ?? blank('Place')}: ${book.publisher ?? blank('Publisher')}, ${year ?? blank('year')}`
      const note = `1. ${noteAuthors}, “${chapter.title},” in ${book.title ?? blank('Book title')}, ed. ${editors} (${pub})${pin ? `, ${pin}` : ''}.`
      const bib = `${bibAuthors}. “${chapter.title}.” In ${book.title ?? blank('Book title')}, edited by ${editors}, ${book.pages ?? blank('pages')}. ${pub}.`
      return `Note: ${note}\nBibliography: ${bib}`
    }
    case 'bibtex': {
      const fields: Array<[string, string | null]> = [
        [
          'author',
          chapter.authors.length
            ? chapter.authors
                .map((a) => (a.given ? `${a.family}, ${a.given}` : a.family))
                .join(' and ')
            : null,
        ],
        ['title', `{${chapter.title}}`],
        ['chapter', String(chapter.number)],
        ['booktitle', book.title],
        [
          'editor',
          book.editors.length
            ? book.editors
                .map((e) => (e.given ? `${e.family}, ${e.given}` : e.family))
                .join(' and ')
            : null,
        ],
        ['publisher', book.publisher],
        ['address', book.place],
        ['year', year],
        ['pages', book.pages?.replace(/[–-]/, '--') ?? null],
        ['doi', book.doi],
        ['isbn', book.isbn],
        ['note', pin ? pin.replace(/§/g, '\\S') : null],
      ]
      const known = fields.filter(([, v]) => v !== null)
      const unknown = fields
        .filter(([k, v]) => v === null && k !== 'note' && k !== 'doi' && k !== 'isbn')
        .map(([k]) => k)
      const body = known.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')
      const comment = unknown.length
        ? `% Unknown, not guessed: ${unknown.join(', ')} (fill in corpus/chapter-08.meta.json)\n`
        : ''
      return `${comment}@incollection{chapter${chapter.number},\n${body}\n}`
    }
  }
}
