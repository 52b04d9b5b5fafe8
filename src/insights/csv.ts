import type { InsightItem } from './types.ts'

/** The columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'answerId',
  'at',
  'question',
  'standaloneQuestion',
  'route',
  'answerable',
  'verdict',
  'rating',
  'comment',
  'citations',
  'latencyMs',
] as const

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text that a
 * spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, tab or carriage return)
 * gets a leading apostrophe (OWASP "CSV injection"): questions are typed by anyone.
 */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** The items as CSV with a header line, CRLF line ends (RFC 4180). */
export function itemsCsv(items: readonly InsightItem[]): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const i of items) {
    lines.push(
      [
        i.answerId,
        i.at,
        i.question,
        i.standaloneQuestion,
        i.route,
        i.answerable,
        i.verdict,
        i.rating,
        i.comment,
        i.citations.join(' '),
        Math.round(i.latencyMs * 100) / 100,
      ]
        .map(csvField)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
