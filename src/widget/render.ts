import type { Answer, Citation } from './client.ts'

/** A piece of answer text: plain text, or a citation marker `[n]`. */
export type Segment = { text: string } | { marker: number }

/**
 * Splits answer text into text and `[n]` markers, so markers can become chips while everything
 * else stays text (never HTML).
 *
 * @example
 * segments('It is 45.57%. [1][2]') // [{ text: 'It is 45.57%. ' }, { marker: 1 }, { marker: 2 }]
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(/\[(\d{1,3})\]/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) })
    out.push({ marker: Number(m[1]) })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return out
}

/** The answer with its citations, as plain text for the clipboard. */
export function answerForClipboard(a: Answer): string {
  const list: Citation[] = a.answerable ? a.citations : (a.related ?? [])
  if (list.length === 0) return a.answer
  return `${a.answer}\n\n${a.answerable ? 'Citations' : 'Related passages'}:\n${list.map((c) => `[${c.n}] ${c.label}: “${c.quote}”`).join('\n')}`
}

/** The reader page link that highlights a citation's exact span. */
export function readerLink(endpoint: string, c: Citation): string {
  return `${endpoint}/read?hl=${c.start}-${c.end}#hl`
}
