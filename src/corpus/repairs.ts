import type { TextEdit } from './mapped-text.ts'
import type { MappedText, RepairRule } from './types.ts'

/** An edit found by a repair rule, with what a reviewer needs to accept it. */
export interface RuleEdit extends TextEdit {
  rule: RepairRule
  reason: string
}

/**
 * Reviewed word-level OCR misreadings. Each applies to whole words only and was checked against
 * the chapter: none of the misread forms is a real word of this text.
 */
export const REVIEWED_WORDS: ReadonlyArray<{
  from: string
  to: string
  rule: RepairRule
  reason: string
}> = [
  {
    from: 'Al',
    to: 'AI',
    rule: 'ocr-ai',
    reason: '`Al` is the OCR reading of `AI`; the chapter has no word `Al`',
  },
  {
    from: '1EA',
    to: 'IEA',
    rule: 'ocr-letter',
    reason: 'digit `1` read for the letter `I` of IEA (International Energy Agency)',
  },
  { from: 'tor', to: 'for', rule: 'ocr-word', reason: '`tor` is `for` with the f misread as t' },
  {
    from: 'tactor',
    to: 'factor',
    rule: 'ocr-word',
    reason: '`tactor` is `factor` (total factor productivity)',
  },
  {
    from: 'toster',
    to: 'foster',
    rule: 'ocr-word',
    reason: '`toster` is `foster` with the f misread as t',
  },
  { from: 'eftectively', to: 'effectively', rule: 'ocr-word', reason: '`ft` misread for `ff`' },
  {
    from: 'Ttaly',
    to: 'Italy',
    rule: 'ocr-word',
    reason: '`Ttaly` is `Italy` (Table 8.3 row 10; Italy appears in the prose and in Table 8.4)',
  },
]

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Finds the repairs of one block's normalized text: the reviewed words, chapter labels that lost
 * their dot (`Table 81` → `Table 8.1`), and stray `'` printed before a capital at a line start.
 *
 * `raw` is the original file; it tells where lines start, which the normalized text no longer
 * shows. `chapterNumber` limits label repairs to this chapter's own figures, tables and boxes.
 */
export function findRepairs(mapped: MappedText, raw: string, chapterNumber: number): RuleEdit[] {
  const edits: RuleEdit[] = []
  const { text } = mapped
  for (const w of REVIEWED_WORDS) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w.from)}(?![\\p{L}\\p{N}])`, 'gu')
    for (const m of text.matchAll(re)) {
      edits.push({
        from: m.index,
        to: m.index + w.from.length,
        replacement: w.to,
        rule: w.rule,
        reason: w.reason,
      })
    }
  }
  const label = new RegExp(`\\b(Table|Figure|Box) (${chapterNumber})(\\d)\\b`, 'g')
  for (const m of text.matchAll(label)) {
    const at = m.index + (m[1] as string).length + 1
    edits.push({
      from: at,
      to: at + String(chapterNumber).length + 1,
      replacement: `${m[2]}.${m[3]}`,
      rule: 'label',
      reason: `chapter ${chapterNumber} numbers its ${(m[1] as string).toLowerCase()}s ${chapterNumber}.N; the dot was lost`,
    })
  }
  for (const m of text.matchAll(/'(?=\p{Lu})/gu)) {
    const offset = mapped.offsets[m.index] as number
    const lineStart = raw.lastIndexOf('\n', offset - 1) + 1
    const before = raw.slice(lineStart, offset)
    if (!/^\s*(\d+\s+)?$/.test(before)) continue
    if (closesLater(text, m.index)) continue
    edits.push({
      from: m.index,
      to: m.index + 1,
      replacement: '',
      rule: 'stray-quote',
      reason: "a lone `'` at a line start before a capital, with no closing quote: print noise",
    })
  }
  return edits
}

/** Whether a `'` opened at `at` is closed before the sentence ends (then it is a real quote). */
function closesLater(text: string, at: number): boolean {
  const rest = text.slice(at + 1)
  const sentenceEnd = rest.search(/[.!?](\s|$)/)
  const scope = sentenceEnd === -1 ? rest : rest.slice(0, sentenceEnd + 1)
  return /\p{L}'(?!\p{L})/u.test(scope)
}
