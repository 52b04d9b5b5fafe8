import type { Line } from './lines.ts'
import type { CellValue, ColumnType, Span, TableColumn } from './types.ts'

/**
 * How a table's rows are printed:
 * - `titles`: `N Title` (Table 8.1);
 * - `ranked`: `rank name papers coauthored share` (Tables 8.2, 8.3), a long name may wrap;
 * - `pairs`: three side-by-side `name value` column pairs, read column by column (Table 8.4).
 */
export type TableLayout = 'titles' | 'ranked' | 'pairs'

/** A table as found in the lines, before its text is cleaned and its values typed. */
export interface TableLayoutScan {
  printedLabel: string
  captionLines: Line[]
  layout: TableLayout
  entityKey: string
  columns: TableColumn[]
  /** Each row's original segments, in reading order. */
  rows: Span[][]
  noise: Array<{ line: Line; reason: string }>
  /** The first line after the table. */
  nextIndex: number
}

export const TABLE_CAPTION = /^Table\s+(\d+\.?\d*)\s+(\S.*)$/
const YEAR_RANGE = /^\d{4}\s*[-–]\s*\d{4}$/
const RANKED_ROW = /^(\d+)\s+(.+?)\s+(\d{1,3}(?:,\d{3})*)\s+(\d{1,3}(?:,\d{3})*)\s+(\d+\.\d+)$/
const TITLE_ROW = /^(\d+)\s+(\S.*)$/
const PAIRS_ROW = /^(.+?)\s+(\d+(?:\.\d+)?)\s+(.+?)\s+(\d+(?:\.\d+)?)\s+(.+?)\s+(\d+(?:\.\d+)?)$/d
const HEADER_WORDS = /^(Of\s*which|Ranking\b|Title$|Countries\b|papers\b|coauthored\b)/i

const col = (key: string, label: string, type: ColumnType): TableColumn => ({ key, label, type })

function columnsFor(layout: TableLayout, entityKey: string): TableColumn[] {
  switch (layout) {
    case 'titles':
      return [col('number', 'No.', 'integer'), col('title', 'Title', 'text')]
    case 'pairs':
      return [col('country', 'Country', 'text'), col('centrality', 'Centrality', 'number')]
    case 'ranked':
      return [
        col('rank', 'Ranking', 'integer'),
        col(entityKey, entityKey === 'field' ? 'Field' : 'Economy', 'text'),
        col('papers', 'Number of papers', 'integer'),
        col('coauthored', 'Of which: number of internationally coauthored papers', 'integer'),
        col('share', 'Share (percent)', 'percent'),
      ]
  }
}

/**
 * Reads the layout of the table whose caption is `lines[at]`: caption continuation lines, header
 * lines (kept as layout noise), the `(Continued)` page break with its repeated header, and the
 * original span(s) of every row. Stops at the first line that is none of these.
 */
export function scanTable(lines: readonly Line[], at: number): TableLayoutScan {
  const first = lines[at] as Line
  const m = TABLE_CAPTION.exec(first.body)
  if (!m) throw new Error(`line ${at + 1} is not a table caption`)
  const captionLines = [first]
  let i = at + 1
  // Caption continuation: a line starting lower-case, a year range, or anything after a colon.
  for (;;) {
    const j = nextNonBlank(lines, i)
    const l = lines[j]
    if (!l || HEADER_WORDS.test(l.body)) break
    const captionSoFar = captionLines.map((c) => c.body).join(' ')
    if (/^\p{Ll}/u.test(l.body) || YEAR_RANGE.test(l.body) || /:$/.test(captionSoFar)) {
      if (l.body.length > 80) break
      captionLines.push(l)
      i = j + 1
    } else break
  }

  const noise: TableLayoutScan['noise'] = []
  const header: Line[] = []
  let layout: TableLayout | null = null
  let entityKey = 'title'
  // Header lines: everything up to the first line shaped like a row of the header's layout.
  for (;;) {
    const j = nextNonBlank(lines, i)
    const l = lines[j]
    if (!l) break
    if (layout && rowMatches(layout, l.body)) {
      i = j
      break
    }
    if (!HEADER_WORDS.test(l.body)) break
    header.push(l)
    noise.push({ line: l, reason: 'table header (columns are typed in the table model)' })
    const h = header.map((x) => x.body).join(' ')
    if (/Countries\s+Centrality/.test(h)) layout = 'pairs'
    else if (/Ranking/.test(h)) layout = 'ranked'
    else if (/^Title$/.test(l.body)) layout = 'titles'
    if (/\bField\b/.test(h)) entityKey = 'field'
    else if (/\bEconomy\b/.test(h)) entityKey = 'economy'
    i = j + 1
  }
  if (!layout) throw new Error(`table at line ${at + 1}: no recognizable header`)
  if (layout === 'pairs') entityKey = 'country'

  const rows: Span[][] = []
  const pairGrid: Span[][] = [] // [printed line][column pair]
  let prevWasRow = false
  let inRepeatedHeader = false
  for (; i < lines.length; i++) {
    const l = lines[i] as Line
    if (l.blank) {
      prevWasRow = false
      continue
    }
    if (rowMatches(layout, l.body)) {
      inRepeatedHeader = false
      if (layout === 'pairs') pairGrid.push(pairSpans(l))
      else rows.push([{ start: l.bodyStart, end: l.end }])
      prevWasRow = true
      continue
    }
    if (l.body === '(Continued)') {
      noise.push({ line: l, reason: 'page-break marker of a continued table' })
      inRepeatedHeader = true
      continue
    }
    if (inRepeatedHeader && HEADER_WORDS.test(l.body)) {
      noise.push({ line: l, reason: 'table header repeated after the page break' })
      continue
    }
    if (layout === 'ranked' && prevWasRow && /^\p{Ll}[\p{L} -]*$/u.test(l.body)) {
      ;(rows[rows.length - 1] as Span[]).push({ start: l.bodyStart, end: l.end })
      continue
    }
    break
  }
  if (layout === 'pairs') {
    const width = pairGrid[0]?.length ?? 0
    for (let c = 0; c < width; c++) for (const line of pairGrid) rows.push([line[c] as Span])
  }
  return {
    printedLabel: m[1] as string,
    captionLines,
    layout,
    entityKey,
    columns: columnsFor(layout, entityKey),
    rows,
    noise,
    nextIndex: i,
  }
}

function rowMatches(layout: TableLayout, body: string): boolean {
  if (layout === 'ranked') return RANKED_ROW.test(body)
  if (layout === 'pairs') return PAIRS_ROW.test(body)
  return TITLE_ROW.test(body) && !HEADER_WORDS.test(body)
}

function pairSpans(l: Line): Span[] {
  const m = PAIRS_ROW.exec(l.body)
  if (!m?.indices) throw new Error(`line ${l.index + 1}: not a row of column pairs`)
  const out: Span[] = []
  for (let k = 0; k < 3; k++) {
    const name = m.indices[1 + 2 * k] as [number, number]
    const value = m.indices[2 + 2 * k] as [number, number]
    out.push({ start: l.bodyStart + name[0], end: l.bodyStart + value[1] })
  }
  return out
}

function nextNonBlank(lines: readonly Line[], from: number): number {
  let j = from
  while (j < lines.length && (lines[j] as Line).blank) j++
  return j
}

/** Typed values of one row, read from its cleaned text. */
export interface ParsedRow {
  values: Record<string, CellValue>
  printed: Record<string, string>
}

const toInt = (s: string): number => Number(s.replace(/,/g, ''))

/**
 * Reads a row's typed values from its cleaned text. Numbers become numbers; the printed form is
 * kept so answers can quote them exactly (`64,857`, `15.87`).
 *
 * @example
 * parseRow('ranked', 'economy', '13 Spain 3,676 1,675 45.57').values
 * // { rank: 13, economy: 'Spain', papers: 3676, coauthored: 1675, share: 45.57 }
 */
export function parseRow(layout: TableLayout, entityKey: string, text: string): ParsedRow {
  if (layout === 'titles') {
    const m = TITLE_ROW.exec(text)
    if (!m) throw new Error(`not a title row: ${text}`)
    return {
      values: { number: Number(m[1]), title: m[2] as string },
      printed: { number: m[1] as string, title: m[2] as string },
    }
  }
  if (layout === 'pairs') {
    const m = /^(.+?)\s+(\d+(?:\.\d+)?)$/.exec(text)
    if (!m) throw new Error(`not a name/value pair: ${text}`)
    return {
      values: { country: m[1] as string, centrality: Number(m[2]) },
      printed: { country: m[1] as string, centrality: m[2] as string },
    }
  }
  // A wrapped name continues after the numbers: "1 Microelectromechanical systems 64,857 ... technology".
  const m =
    /^(\d+)\s+(.+?)\s+(\d{1,3}(?:,\d{3})*)\s+(\d{1,3}(?:,\d{3})*)\s+(\d+\.\d+)(?:\s+(.+))?$/.exec(
      text,
    )
  if (!m) throw new Error(`not a ranked row: ${text}`)
  const name = m[6] ? `${m[2]} ${m[6]}` : (m[2] as string)
  return {
    values: {
      rank: Number(m[1]),
      [entityKey]: name,
      papers: toInt(m[3] as string),
      coauthored: toInt(m[4] as string),
      share: Number(m[5]),
    },
    printed: {
      rank: m[1] as string,
      [entityKey]: name,
      papers: m[3] as string,
      coauthored: m[4] as string,
      share: m[5] as string,
    },
  }
}

/**
 * Finds values of a column printed in descending order that break the order only because their
 * decimal point was lost (`31` between `3.4` and `3.0` is `3.1`). Returns the indices and the
 * repaired values; a value that does not fit even divided by ten is left for validation to report.
 */
export function findLostDecimalPoints(
  values: readonly number[],
  printed: readonly string[],
): Array<{ index: number; value: number }> {
  const out: Array<{ index: number; value: number }> = []
  values.forEach((v, i) => {
    const prev = values[i - 1]
    const next = values[i + 1]
    const breaks = (prev !== undefined && v > prev) || (next !== undefined && v < next)
    if (!breaks || (printed[i] ?? '').includes('.')) return
    const fixed = v / 10
    const fitsPrev = prev === undefined || fixed <= prev
    const fitsNext = next === undefined || fixed >= next
    if (fitsPrev && fitsNext) out.push({ index: i, value: fixed })
  })
  return out
}
