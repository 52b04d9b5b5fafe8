import { foldPunctuation } from '../../text/normalize.ts'
import { splitSentences } from '../../text/sentences.ts'

/** A passage the model was given, numbered from 1. */
export interface NumberedPassage {
  n: number
  text: string
}

export interface CheckResult {
  ok: boolean
  problems: string[]
}

const fold = (s: string) => foldPunctuation(s).toLowerCase().replace(/\s+/g, ' ').trim()
/** Numbers without thousands separators, so "1,195" and "1195" compare equal. */
const plainNumbers = (s: string) => fold(s).replace(/(\d),(?=\d{3}\b)/g, '$1')
const containsNumber = (haystack: string, num: string) =>
  new RegExp(`(?<![\\d.])${num.replace(/,/g, '').replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(
    plainNumbers(haystack),
  )

/**
 * Checks a model's answer against the passages it was given, before anyone sees it:
 * - every sentence ends with one or more `[n]` markers, and every `n` is a passage it was given;
 * - every number in a sentence appears in a passage that sentence cites;
 * - every quoted span ("…" or “…”) appears in a passage that sentence cites.
 * Anything else (an uncited claim, a made-up number, a revealed prompt) fails the check.
 */
export function checkGroundedAnswer(
  answer: string,
  passages: readonly NumberedPassage[],
): CheckResult {
  const problems: string[] = []
  const byN = new Map(passages.map((p) => [p.n, p.text]))
  const text = answer.trim()
  if (text.length === 0) return { ok: false, problems: ['empty answer'] }
  const lines = text
    .split(/\n+/)
    .map((l) => l.replace(/^\s*[-*•]\s+/, '').trim())
    .filter(Boolean)
  for (const line of lines) {
    for (const s of splitSentences(line)) {
      const sentence = line.slice(s.start, s.end)
      const markers = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))
      if (markers.length === 0) {
        problems.push(`uncited sentence: ${sentence.slice(0, 80)}`)
        continue
      }
      const unknown = markers.filter((n) => !byN.has(n))
      if (unknown.length > 0) {
        problems.push(`marker [${unknown.join('], [')}] refers to no passage`)
        continue
      }
      const cited = markers.map((n) => byN.get(n) as string).join(' \n ')
      const body = sentence.replace(/\[\d+\]/g, ' ')
      for (const raw of body.match(/\d[\d,]*(?:\.\d+)?/g) ?? []) {
        const num = raw.replace(/,$/, '')
        if (!containsNumber(cited, num))
          problems.push(`number ${num} is not in the cited passage(s)`)
      }
      for (const q of body.matchAll(/[“"]([^”"]{3,})[”"]/g)) {
        if (!fold(cited).includes(fold(q[1] as string)))
          problems.push(`quote "${(q[1] as string).slice(0, 60)}" is not in the cited passage(s)`)
      }
    }
  }
  return { ok: problems.length === 0, problems }
}
