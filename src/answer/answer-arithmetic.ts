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
export type AnswerArithmetic = 'sum' | 'difference' | 'ratio'

const SUM =
  /\b(?:together|combined|in total|altogether|added up|all told|add (?:them|those|these|both|it all)(?: up| together)?|sum (?:of )?(?:them|those|these|both)|(?:the|a) total)\b/i
const DIFFERENCE =
  /\b(?:how (?:much|many) (?:more|higher|lower|less|fewer|bigger|larger|smaller)|difference|gap|how far (?:ahead|behind|apart))\b/i
/** "How many times higher is the top score than theirs?", "what multiple", "tenfold?". */
const RATIO = /\b(?:how many times|what multiple|ratio|[a-z]+-?fold)\b/i

/** The operation a short follow-up asks for on the previous answers' figures, if any. */
export function arithmeticAsked(question: string): AnswerArithmetic | null {
  if (RATIO.test(question)) return 'ratio'
  if (SUM.test(question)) return 'sum'
  if (DIFFERENCE.test(question)) return 'difference'
  return null
}

/** A follow-up that asks for more than two figures: "all three levels", "all of them". */
const MORE_THAN_TWO =
  /\b(?:all|the)\s+(?:three|four|five|six|seven|eight|nine|ten|\d+)\b|\ball of them\b/i

/** Decimals a ratio is shown with ("11.5 times", "1.84 times"). */
const RATIO_DECIMALS = 2

/** Words of a question that name no figure of its own: question words and fillers. */
const ASKING_WORDS =
  /^(?:how|many|much|what|which|and|the|of|in|on|does|do|did|is|are|was|were|has|have|had|there|it|its|that|those|these|ones?|about|for|a|an)$/

/**
 * The one amount of an answer said beside a word its question asks about ("666 minor ones" for
 * "How many minor industrial categories …?"), when the answer states several and exactly one is.
 */
function askedAmount(answer: string, question: string): StatedAmount | null {
  const amounts = statedAmounts(answer)
  if (amounts.length < 2 || !question) return null
  const words = new Set(
    question
      .toLowerCase()
      .match(/[a-z]+/g)
      ?.filter((w) => w.length > 2 && !ASKING_WORDS.test(w)) ?? [],
  )
  const clean = answer.replace(/\[\d+\]/g, ' ')
  // The word right after an amount says what it counts ("666 minor ones"): it weighs most.
  const scores = amounts.map((a) => {
    const at = clean.indexOf(a.text)
    const next = clean.slice(at + a.text.length, at + a.text.length + 24).toLowerCase()
    const [w1, w2] = next.match(/[a-z]+/g) ?? []
    return (w1 && words.has(w1) ? 2 : 0) + (w2 && words.has(w2) ? 1 : 0)
  })
  const best = Math.max(...scores)
  const at = scores.indexOf(best)
  return best > 0 && scores.lastIndexOf(best) === at ? (amounts[at] as StatedAmount) : null
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
  /** The questions the answers answered, in the same order: each picks its answer's figure. */
  questions: readonly string[] = [],
  /** The follow-up that asks for the computation. */
  followUp = '',
): ComputedFromAnswers | null {
  const last = statedAmounts(answers.at(-1) ?? '')
  const before = statedAmounts(answers.at(-2) ?? '')
  // Amounts with a unit ("$33.4 billion", "37.9 percent") before bare counts ("200 countries").
  const candidates = [...last].sort((a, b) => Number(a.unit === '') - Number(b.unit === ''))
  let parts: StatedAmount[] = []
  // "How many minor categories?", "And medium ones?", "The total of the two?": each answer quotes
  // the same sentence; its figure is the one said beside the words its question asked.
  const asked = [
    askedAmount(answers.at(-2) ?? '', questions.at(-2) ?? ''),
    askedAmount(answers.at(-1) ?? '', questions.at(-1) ?? ''),
  ]
  const [first, second] = asked
  // "… across all three levels" asks for more figures than the two answers' own.
  if (
    !MORE_THAN_TWO.test(followUp) &&
    first &&
    second &&
    first !== second &&
    first.unit === second.unit &&
    first.value !== second.value
  )
    parts = op === 'sum' ? [first, second] : [second, first]
  for (const a of parts.length > 0 ? [] : candidates) {
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
  if (op === 'ratio') {
    if (lo.value === 0) return null
    const value = Number((hi.value / lo.value).toFixed(RATIO_DECIMALS))
    return {
      op,
      parts,
      value,
      shown: `${hi.text} ÷ ${lo.text} = ${value.toLocaleString('en-US')} times`,
    }
  }
  const value = round(hi.value - lo.value)
  return {
    op,
    parts,
    value,
    shown: `${unitText(hi.value, unit)} − ${unitText(lo.value, unit)} = ${unitText(value, unit)}`,
  }
}
