import type { ChapterAnalysis } from '../analysis/chapter.ts'
import type { ColumnSpec } from '../analysis/tables.ts'
import type { ChapterDocument, TableRow } from '../corpus/types.ts'
import { executeTable } from './table-executor.ts'
import { possessive } from './table-text.ts'

/** At most this many suggestions per answer (API.md v1.1). */
export const MAX_FOLLOW_UPS = 3

/** "number of papers", "share of internationally coauthored papers", "centrality". */
const phrase = (c: ColumnSpec) => (c.kind === 'count' ? `number of ${c.name}` : c.name)

/**
 * Questions the chapter can answer next about the rows a table answer used: the same row in the
 * other table that lists it, its other columns, and its neighbour by the column asked about. Each
 * suggestion is read by the analysis layer and run through the table executor, and is kept only
 * if it is answered (never a suggestion the assistant would refuse).
 *
 * @example
 * suggestFollowUps([{ table: '8.3', row: spain }], 'share', analysis, doc)
 * // ["What is Spain's centrality?", "How many papers does Spain have in Table 8.3?", "Which economy is just below Spain by share of internationally coauthored papers in Table 8.3?"]
 */
export function suggestFollowUps(
  rows: ReadonlyArray<{ table: string; row: TableRow }>,
  askedColumn: string | null,
  asked: string,
  analysis: ChapterAnalysis,
  doc: ChapterDocument,
): string[] {
  const first = rows[0]
  if (!first) return []
  const t = analysis.tables.get(first.table)
  if (!t || t.columns.length === 0) return []
  const name = analysis.tables.nameOf(t, first.row)
  const candidates: string[] = []
  // The same row in the other table that lists it.
  for (const other of analysis.tables.tables)
    if (
      other.id !== t.id &&
      other.columns.length > 0 &&
      other.block.rows.some((r) => analysis.tables.nameOf(other, r) === name)
    ) {
      const c = other.columns.find((x) => x.key === other.defaultColumn)
      if (c) candidates.push(`What is ${possessive(name)} ${phrase(c)} in Table ${other.id}?`)
    }
  // Its other columns.
  for (const c of t.columns)
    if (c.key !== askedColumn && c.kind !== 'rank' && candidates.length < MAX_FOLLOW_UPS + 2)
      candidates.push(`What is ${possessive(name)} ${phrase(c)} in Table ${t.id}?`)
  // Its neighbour by the column asked about.
  const col = t.columns.find((c) => c.key === (askedColumn ?? t.defaultColumn))
  if (col)
    candidates.push(
      `Which ${t.entityNoun.one} is just below ${name} by ${col.name} in Table ${t.id}?`,
    )
  const out: string[] = []
  const seen = asked.trim().toLowerCase()
  for (const c of candidates) {
    if (out.length >= MAX_FOLLOW_UPS) break
    if (c.toLowerCase() === seen || out.includes(c)) continue
    const q = analysis.question(c)
    if (q.table && executeTable(q.table, analysis.tables, doc).answerable) out.push(c)
  }
  return out
}
