/** One printed line of the original file. */
export interface Line {
  /** 0-based line number. */
  index: number
  /** Offset of the first character and of the line end (the newline is not included). */
  start: number
  end: number
  /** The line as printed. */
  text: string
  /** Trimmed text. */
  body: string
  /** Offset of the first non-blank character. */
  bodyStart: number
  /** A leading space: in this OCR, the mark of a new page. */
  indented: boolean
  blank: boolean
}

/**
 * Splits the file into lines with their offsets.
 *
 * @example
 * splitLines('a\n b\n')[1] // { index: 1, start: 2, end: 4, body: 'b', indented: true, ... }
 */
export function splitLines(raw: string): Line[] {
  const out: Line[] = []
  let start = 0
  let index = 0
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start)
    if (end === -1) end = raw.length
    const text = raw.slice(start, end)
    const lead = text.length - text.trimStart().length
    out.push({
      index,
      start,
      end,
      text,
      body: text.trim(),
      bodyStart: start + lead,
      indented: lead > 0 && text.trim().length > 0,
      blank: text.trim().length === 0,
    })
    index++
    start = end + 1
    if (end === raw.length) break
  }
  return out
}
