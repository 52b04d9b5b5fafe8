import nlp from 'compromise'

/** A number a question mentions, read by `compromise` (digits, number words, ordinals). */
export interface NumberMention {
  value: number
  /** "third", "3rd", "sixth": a position, not an amount. */
  ordinal: boolean
  /** Written with `%`, "percent" or "per cent". */
  percent: boolean
  /** A plausible year (1900–2100, no separators, not a percentage or ordinal). */
  year: boolean
  /** Offsets into the text given. */
  start: number
  end: number
  text: string
}

const ORDINAL_TEXT =
  /^(?:\d+(?:st|nd|rd|th)|[a-z-]*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth|hundredth))\W*$/i

/** Digits, number words or ordinals: a text without any holds no number for compromise to read. */
const NUMBERISH =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth|hundredth)\b/i

interface NlpNumberJson {
  text: string
  offset?: { start: number; length: number }
  number?: { num: number; suffix?: string }
}

/**
 * The numbers of a text, in order, with where they are. Table, figure, box, section and footnote
 * references ("Table 8.3", "footnote 2", "section II.3") are not numbers of the question.
 *
 * @example
 * numbersIn('the third-highest share, between 30% and 40%')
 * // [{ value: 3, ordinal: true, … }, { value: 30, percent: true, … }, { value: 40, percent: true, … }]
 */
export function numbersIn(text: string): NumberMention[] {
  const masked = text.replace(
    /\b(tables?|figures?|figs?\.?|box(?:es)?|footnotes?|notes?|sections?|item|no\.|number|#)\s*((?:\d+\.)*\d+|[ivx]+\.\d+)/gi,
    (m) => ' '.repeat(m.length),
  )
  // compromise costs ~1.5 ms a text: most questions have no number at all, and skip it.
  if (!NUMBERISH.test(masked)) return []
  const doc = nlp(masked)
  const out: NumberMention[] = []
  for (const n of doc.numbers().json({ offset: true }) as NlpNumberJson[]) {
    const value = n.number?.num
    if (value === undefined || !Number.isFinite(value) || !n.offset) continue
    const start = n.offset.start
    const raw = text.slice(start, start + n.offset.length)
    const tail = text.slice(start + n.offset.length, start + n.offset.length + 12).toLowerCase()
    const percent =
      n.number?.suffix === '%' || raw.includes('%') || /^\s*(%|percent|per cent|pct)/.test(tail)
    const ordinal = ORDINAL_TEXT.test(raw.trim())
    out.push({
      value,
      ordinal,
      percent,
      year:
        !percent &&
        !ordinal &&
        Number.isInteger(value) &&
        value >= 1900 &&
        value <= 2100 &&
        !/,/.test(raw),
      start,
      end: start + n.offset.length,
      text: raw.trim(),
    })
  }
  return out
}
