// Phrasing and citing table rows: the sentences and citations table answers (the executor,
// yes/no checks, follow-ups) are built from. Numbers are always quoted as printed.
import type { ValueColumn } from '../analysis/tables.ts'
import { ordinal, sectionLabel } from '../chunk/chunk.ts'
import type { ChapterDocument, TableBlock, TableRow } from '../corpus/types.ts'
import type { Cited } from './types.ts'

/** How answers name each value column. */
const COLUMN_WORDS: Record<ValueColumn, string> = {
  papers: 'papers',
  coauthored: 'internationally coauthored papers',
  share: 'share of internationally coauthored papers',
  centrality: 'centrality',
}

const nameOf = (t: TableBlock, r: TableRow) => String(r.values[t.entityKey])
const cellValue = (r: TableRow, c: ValueColumn) => r.values[c] as number

/** The citation of one table row (its original line, as printed). */
export function rowCitation(table: TableBlock, row: TableRow, doc: ChapterDocument): Cited {
  const name = String(row.values[table.entityKey])
  return {
    id: row.id,
    label: `${sectionLabel(table.sectionId)}, Table ${table.tableId} (${name})`,
    section: table.sectionId,
    sectionTitle: doc.sections.find((s) => s.id === table.sectionId)?.title ?? '',
    kind: 'table-row',
    quote: row.text,
    start: row.start,
    end: row.end,
  }
}

/** The citation of a whole table (caption through last row). */
export function tableCitation(table: TableBlock, doc: ChapterDocument): Cited {
  const printedOrder = [...table.rows].sort((a, b) => a.start - b.start).map((r) => r.text)
  return {
    id: table.id,
    label: `${sectionLabel(table.sectionId)}, Table ${table.tableId}`,
    section: table.sectionId,
    sectionTitle: doc.sections.find((s) => s.id === table.sectionId)?.title ?? '',
    kind: 'table',
    quote: `${table.text} ${printedOrder.join(' ')}`,
    start: table.start,
    end: table.end,
  }
}

/** `Spain's`, `United States'`. */
export const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`)

/** "the most papers", "the highest share of internationally coauthored papers". */
export function superlative(c: ValueColumn, direction: 'max' | 'min'): string {
  if (c === 'papers' || c === 'coauthored')
    return `the ${direction === 'max' ? 'most' : 'fewest'} ${COLUMN_WORDS[c]}`
  return `the ${direction === 'max' ? 'highest' : 'lowest'} ${COLUMN_WORDS[c]}`
}

/** A printed value with its unit: "49.77%", "2.7", "2,381 papers". */
export const unit = (c: ValueColumn, v: string) =>
  c === 'share'
    ? `${v}%`
    : c === 'centrality'
      ? v
      : `${v} ${c === 'papers' ? 'papers' : 'internationally coauthored papers'}`

/** Competition rank of a row by a column (ties share the better rank): 1-based. */
export function rankBy(
  t: TableBlock,
  r: TableRow,
  c: ValueColumn,
): { rank: number; tiedWith: string[] } {
  const v = cellValue(r, c)
  const rank = 1 + t.rows.filter((x) => cellValue(x, c) > v).length
  const tiedWith = t.rows.filter((x) => x !== r && cellValue(x, c) === v).map((x) => nameOf(t, x))
  return { rank, tiedWith }
}

/** "In Table 8.3 (caption)" — every table answer says where its numbers come from. */
export const source = (t: TableBlock) => `Table ${t.tableId} (${t.caption})`

/** A full description of one row, every number as printed. */
export function describeRow(t: TableBlock, r: TableRow, withSource = true): string {
  const where = withSource ? `In ${source(t)}, ` : ''
  const p = r.printed
  const name = nameOf(t, r)
  if (t.tableId === '8.4' || t.columns.some((c) => c.key === 'centrality')) {
    const { rank, tiedWith } = rankBy(t, r, 'centrality')
    const tie = tiedWith.length > 0 ? `, tied with ${joinAnd(tiedWith)}` : ''
    return `${where}${name} has a centrality of ${p.centrality}, ${ordinal(rank)} of ${t.rows.length}${tie}.`
  }
  const noun = t.entityKey === 'field' ? 'fields' : 'economies'
  return `${where}${name} ranks ${ordinal(Number(p.rank))} of ${t.rows.length} ${noun} with ${p.papers} papers, of which ${p.coauthored} (${p.share}%) were internationally coauthored.`
}

/** One column of one row as a sentence. */
export function describeValue(t: TableBlock, r: TableRow, c: ValueColumn): string {
  const p = r.printed
  const name = nameOf(t, r)
  switch (c) {
    case 'share':
      return `In ${source(t)}, ${possessive(name)} share of internationally coauthored papers is ${p.share}% (${p.coauthored} of ${p.papers} papers).`
    case 'coauthored':
      return `In ${source(t)}, ${name} has ${p.coauthored} internationally coauthored papers, ${p.share}% of its ${p.papers} papers.`
    case 'papers':
      return `In ${source(t)}, ${name} has ${p.papers} papers (rank ${p.rank} of ${t.rows.length}), of which ${p.coauthored} were internationally coauthored.`
    case 'centrality':
      return describeRow(t, r)
  }
}

/** "A", "A and B", "A, B, and C". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  if (items.length === 2) return `${items[0]} and ${items[1]}`
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`
}
