import type { ChapterDocument, Span } from '../corpus/types.ts'

/** What a quote is checked against: the original file and what the parser knows about it. */
export interface VerificationContext {
  raw: string
  doc: ChapterDocument
}

/** Letters and digits only, lower-cased: layout, punctuation and case do not count. */
export const foldLetters = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/**
 * The original text of `[start, end)` as the chapter means it: recorded OCR repairs applied, and
 * printed matter that is not part of any quote left out (table headers, a footnote printed inside
 * the span, list bullets and footnote numbers).
 */
export function repairedOriginal(ctx: VerificationContext, start: number, end: number): string {
  const { raw, doc } = ctx
  const skip: Span[] = [
    ...doc.layoutNoise,
    ...doc.blocks.filter((b) => b.kind === 'footnote' && b.start > start && b.end < end),
    ...doc.blocks.flatMap((b) => (b.marker ? [b.marker] : [])),
  ]
  let out = ''
  for (let i = start; i < end; ) {
    const s = skip.find((x) => i >= x.start && i < x.end)
    if (s) {
      i = s.end
      continue
    }
    const repair = doc.repairs.find((r) => r.start === i && r.end > r.start && r.end <= end)
    if (repair) {
      out += repair.replacement
      i = repair.end
      continue
    }
    out += raw[i]
    i++
  }
  return out
}

/**
 * Checks that a quote is what the original file says at `[start, end)`: the repaired original
 * text (see {@link repairedOriginal}) must equal the quote up to whitespace, line-break hyphens,
 * punctuation and case.
 *
 * @example
 * verifyQuote(ctx, { start: 20927, end: 20953, quote: '13 Spain 3,676 1,675 45.57' }) // true
 */
export function verifyQuote(
  ctx: VerificationContext,
  c: { start: number; end: number; quote: string },
): boolean {
  if (
    !(
      Number.isInteger(c.start) &&
      Number.isInteger(c.end) &&
      c.start >= 0 &&
      c.end <= ctx.raw.length &&
      c.start < c.end
    )
  ) {
    return false
  }
  return foldLetters(repairedOriginal(ctx, c.start, c.end)) === foldLetters(c.quote)
}
