import type { MappedText, Span } from './types.ts'

/**
 * Decides whether a hyphen printed at a line end belongs to the word (`cross-\nborder`) rather
 * than to the line break (`trans-\nformation`). Receives the word pieces on both sides.
 */
export type CompoundTest = (left: string, right: string) => boolean

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r'
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c)

/**
 * Joins the original spans of one block into a single line of text, keeping for every output
 * character the original offset it came from.
 *
 * - Any run of whitespace (spaces, line breaks, the blank lines of a page end) becomes one space.
 * - A hyphen at the end of a line between two letters is a line-break hyphen and is dropped with
 *   the break (`trans-\nformation` → `transformation`) unless `isCompound` says the hyphen is
 *   part of the word.
 * - Separate spans (a paragraph resumed after a footnote) are joined the same way.
 *
 * @example
 * normalizeSpans('trans-\nformation  of', [{ start: 0, end: 20 }]).text // 'transformation of'
 */
export function normalizeSpans(
  raw: string,
  spans: readonly Span[],
  isCompound: CompoundTest = () => false,
): MappedText {
  const chars: string[] = []
  const offsets: number[] = []
  // Pending whitespace: offset of its first char, and whether it contained a line break.
  let pendingWs: { at: number; broke: boolean } | null = null

  const flushWs = (nextIndex: number): void => {
    if (pendingWs === null) return
    const ws = pendingWs
    pendingWs = null
    if (chars.length === 0) return // leading whitespace is dropped
    const last = chars.length - 1
    if (ws.broke && chars[last] === '-' && isLetter(chars[last - 1]) && isLetter(raw[nextIndex])) {
      const left = wordBefore(chars, last)
      const right = wordAt(raw, nextIndex)
      if (!isCompound(left, right)) {
        chars.pop()
        offsets.pop()
        return
      }
      return // a real compound: keep the hyphen, drop the break
    }
    chars.push(' ')
    offsets.push(ws.at)
  }

  spans.forEach((span, k) => {
    if (k > 0 && pendingWs === null) {
      const prevEnd = (spans[k - 1] as Span).end
      pendingWs = { at: isWs(raw[prevEnd]) ? prevEnd : span.start, broke: true }
    }
    for (let i = span.start; i < span.end; i++) {
      const c = raw[i] as string
      if (isWs(c)) {
        if (pendingWs === null) pendingWs = { at: i, broke: c === '\n' }
        else if (c === '\n') pendingWs.broke = true
        continue
      }
      flushWs(i)
      chars.push(c)
      offsets.push(i)
    }
  })
  return { text: chars.join(''), offsets }
}

function wordBefore(chars: string[], hyphenIndex: number): string {
  let i = hyphenIndex - 1
  let w = ''
  while (i >= 0 && isLetter(chars[i])) w = chars[i--] + w
  return w
}

function wordAt(raw: string, index: number): string {
  let i = index
  let w = ''
  while (i < raw.length && isLetter(raw[i])) w += raw[i++]
  return w
}

/** One edit of a mapped text, in its own coordinates: replace `[from, to)` with `replacement`. */
export interface TextEdit {
  from: number
  to: number
  replacement: string
}

/**
 * Applies non-overlapping edits to a mapped text. A replacement character takes the original
 * offset of the character at the same position in the replaced range (or the last one), so the
 * original span of any cleaned range stays computable; a pure insertion takes the offset of the
 * character it precedes.
 */
export function applyEdits(mapped: MappedText, edits: readonly TextEdit[]): MappedText {
  const sorted = [...edits].sort((a, b) => a.from - b.from)
  for (let k = 1; k < sorted.length; k++) {
    if ((sorted[k] as TextEdit).from < (sorted[k - 1] as TextEdit).to) {
      throw new Error(`overlapping edits at ${(sorted[k] as TextEdit).from}`)
    }
  }
  let text = ''
  const offsets: number[] = []
  let cursor = 0
  for (const e of sorted) {
    text += mapped.text.slice(cursor, e.from)
    offsets.push(...mapped.offsets.slice(cursor, e.from))
    const width = e.to - e.from
    for (let k = 0; k < e.replacement.length; k++) {
      const src = width === 0 ? e.from : e.from + Math.min(k, width - 1)
      offsets.push(mapped.offsets[src] ?? (mapped.offsets[mapped.offsets.length - 1] as number) + 1)
    }
    text += e.replacement
    cursor = e.to
  }
  text += mapped.text.slice(cursor)
  offsets.push(...mapped.offsets.slice(cursor))
  return { text, offsets }
}

/**
 * The original span `[start, end)` that the cleaned range `[from, to)` of a mapped text covers.
 *
 * @example
 * const m = normalizeSpans(raw, block.segments)
 * originalSpan(m, 0, 5) // { start: <offset of the first char>, end: <offset after the fifth> }
 */
export function originalSpan(mapped: MappedText, from: number, to: number): Span {
  if (from < 0 || to > mapped.text.length || from >= to) {
    throw new RangeError(`bad range [${from}, ${to}) of a ${mapped.text.length}-char text`)
  }
  let start = mapped.offsets[from] as number
  let end = (mapped.offsets[to - 1] as number) + 1
  // Replaced ranges can map several characters onto one original; widen to the covered extent.
  for (let i = from; i < to; i++) {
    const o = mapped.offsets[i] as number
    if (o < start) start = o
    if (o + 1 > end) end = o + 1
  }
  return { start, end }
}
