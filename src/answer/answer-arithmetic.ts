/** An amount stated in an answer: "$33.4 billion", "37.9 percent", "1,195". */
export interface StatedAmount {
  value: number
  /** What it counts in, for adding like with like: "$ billion", "percent", "" (a plain count). */
  unit: string
  /** As printed. */
  text: string
}

const AMOUNT =
  /(\$\s?)?(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d.]*\d)\s*(percent|per cent|%|billion|million|trillion|thousand)?/gi

/**
 * The amounts of an answer, in order, without years, table numbers ("Table 8.3"), ranks
 * ("4th") and citation markers.
 *
 * @example
 * statedAmounts('accounting for 37.9 percent and 21.5 percent [1]') // 37.9 percent, 21.5 percent
 */
export function statedAmounts(text: string): StatedAmount[] {
  const clean = text
    .replace(/\[\d+\]/g, ' ')
    .replace(/\b(?:table|figure|fig\.|box|footnote)\s*\d+(?:\.\d+)?/gi, ' ')
  const out: StatedAmount[] = []
  for (const m of clean.matchAll(AMOUNT)) {
    const [, dollar, whole = '', fraction = '', scale = ''] = m
    const after = clean.slice((m.index ?? 0) + m[0].length)
    if (/^(?:st|nd|rd|th)\b/i.test(after)) continue
    const value = Number(`${whole.replace(/,/g, '')}${fraction}`)
    const year =
      !dollar && !scale && !fraction && !whole.includes(',') && value >= 1900 && value <= 2100
    if (year || !Number.isFinite(value)) continue
    const s = scale.toLowerCase()
    const unit = `${dollar ? '$ ' : ''}${s === '%' || s === 'per cent' ? 'percent' : s}`.trim()
    out.push({ value, unit, text: m[0].trim() })
  }
  return out
}

/** What an arithmetic follow-up asks of the previous answers. */
export type AnswerArithmetic = 'sum' | 'difference'

const SUM =
  /\b(?:together|combined|in total|altogether|added up|all told|add (?:them|those|these|both|it all)(?: up| together)?|sum (?:of )?(?:them|those|these|both)|(?:the|a) total)\b/i
const DIFFERENCE =
  /\b(?:how (?:much|many) (?:more|higher|lower|less|fewer|bigger|larger|smaller)|difference|gap)\b/i

/** The operation a short follow-up asks for on the previous answers' figures, if any. */
export function arithmeticAsked(question: string): AnswerArithmetic | null {
  if (SUM.test(question)) return 'sum'
  if (DIFFERENCE.test(question)) return 'difference'
  return null
}

/** A figure computed from the previous answers, with how. */
export interface ComputedFromAnswers {
  op: AnswerArithmetic
  parts: StatedAmount[]
  value: number
  /** "37.9 percent + 21.5 percent = 59.4 percent". */
  shown: string
}

/**
 * Arithmetic on what the conversation already answered: "and together?" adds the figures of the
 * last answer (or of the last two answers, one each), "so how much more is that than wind?"
 * subtracts the earlier answer's figure from the last one's. Only like is added to like: the
 * amounts must share a unit ("percent", "$ billion").
 *
 * @param answers the assistant's answers so far, oldest first
 */
export function computeFromAnswers(
  op: AnswerArithmetic,
  answers: readonly string[],
): ComputedFromAnswers | null {
  const last = statedAmounts(answers.at(-1) ?? '')
  const before = statedAmounts(answers.at(-2) ?? '')
  // Amounts with a unit ("$33.4 billion", "37.9 percent") before bare counts ("200 countries").
  const candidates = [...last].sort((a, b) => Number(a.unit === '') - Number(b.unit === ''))
  let parts: StatedAmount[] = []
  for (const a of candidates) {
    const alike = (x: StatedAmount) => x.unit === a.unit && x.value !== a.value
    if (op === 'sum') {
      const group = last.filter((x) => x.unit === a.unit)
      const earlier = before.find(alike)
      parts = group.length >= 2 ? group : earlier ? [earlier, a] : []
    } else {
      const other = before.find(alike) ?? last.find(alike)
      parts = other ? [a, other] : []
    }
    if (parts.length >= 2) break
  }
  if (parts.length < 2) return null
  const decimals = Math.max(...parts.map((p) => (String(p.value).split('.')[1] ?? '').length))
  const round = (x: number) => Number(x.toFixed(decimals))
  const unitText = (x: number, u: string) =>
    u.startsWith('$')
      ? `$${x.toLocaleString('en-US')}${u.slice(1) ? ` ${u.slice(2)}` : ''}`
      : `${x.toLocaleString('en-US')}${u ? ` ${u}` : ''}`
  const unit = parts[0]?.unit ?? ''
  if (op === 'sum') {
    const value = round(parts.reduce((s, p) => s + p.value, 0))
    return {
      op,
      parts,
      value,
      shown: `${parts.map((p) => unitText(p.value, unit)).join(' + ')} = ${unitText(value, unit)}`,
    }
  }
  const [a, b] = parts as [StatedAmount, StatedAmount]
  const [hi, lo] = a.value >= b.value ? [a, b] : [b, a]
  const value = round(hi.value - lo.value)
  return {
    op,
    parts,
    value,
    shown: `${unitText(hi.value, unit)} − ${unitText(lo.value, unit)} = ${unitText(value, unit)}`,
  }
}
