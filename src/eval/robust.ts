import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Answer, ChatTurn } from '../answer/types.ts'
import { projectPath } from '../paths.ts'
import { foldPunctuation } from '../text/normalize.ts'

/** The families of the robustness set (eval/robust/README.md). */
export const ROBUST_FAMILIES = [
  'paraphrase',
  'typo',
  'long-message',
  'keyword',
  'table',
  'yes-no',
  'multi-part',
  'dialog',
  'refusal',
] as const
export type RobustFamily = (typeof ROBUST_FAMILIES)[number]

/**
 * The splits: `tune` to `tune14` (more tuning sets, written later by other sessions, for
 * more signal on the families where tune and test disagreed) may be used to choose rules; `test`
 * never is.
 */
export const ROBUST_SPLITS = [
  'tune',
  'tune2',
  'tune3',
  'tune4',
  'tune5',
  'tune6',
  'tune7',
  'tune8',
  'tune9',
  'tune10',
  'tune11',
  'tune12',
  'tune13',
  'tune14',
  'test',
] as const
export type RobustSplit = (typeof ROBUST_SPLITS)[number]
/** The splits rules may be chosen on: every split but `test`. */
export const TUNE_SPLITS = ROBUST_SPLITS.filter(
  (s): s is Exclude<RobustSplit, 'test'> => s !== 'test',
)

const Span = z.object({ text: z.string().min(1), start: z.number().int(), end: z.number().int() })
const Evidence = Span.extend({ alt: z.array(Span).optional() })
const Expect = z.object({
  answerable: z.boolean(),
  facts: z.array(z.union([z.string(), z.array(z.string()).min(1)])).default([]),
  evidence: z.array(Evidence).default([]),
  verdict: z.enum(['yes', 'no', 'not-stated']).optional(),
})
const Item = z.union([
  z.object({
    id: z.string(),
    family: z.literal('dialog'),
    turns: z.array(z.object({ question: z.string().min(1), expect: Expect })).min(2),
  }),
  z.object({
    id: z.string(),
    family: z.enum(ROBUST_FAMILIES).exclude(['dialog']),
    question: z.string().min(1).max(2000),
    expect: Expect,
  }),
])
const RobustFile = z.object({
  description: z.string().optional(),
  split: z.enum(ROBUST_SPLITS),
  items: z.array(Item),
})

export type RobustExpect = z.infer<typeof Expect>
export type RobustItem = z.infer<typeof Item>

/** Path of a split's file. */
export const robustPath = (split: RobustSplit): string =>
  projectPath('eval', 'robust', `${split}.json`)

/**
 * Reads one split and checks every evidence span against the chapter's original text
 * (`raw.slice(start, end) === text`), so a wrong offset fails loudly instead of scoring zero.
 */
export function loadRobustSplit(
  split: RobustSplit,
  raw: string,
  path = robustPath(split),
): RobustItem[] {
  const data = RobustFile.parse(JSON.parse(readFileSync(path, 'utf8')))
  if (data.split !== split) throw new Error(`${path}: split is ${data.split}, expected ${split}`)
  const ids = new Set<string>()
  for (const item of data.items) {
    if (ids.has(item.id)) throw new Error(`${path}: duplicate id ${item.id}`)
    ids.add(item.id)
    const expects = item.family === 'dialog' ? item.turns.map((t) => t.expect) : [item.expect]
    for (const e of expects)
      for (const ev of e.evidence)
        for (const s of [ev, ...(ev.alt ?? [])])
          if (raw.slice(s.start, s.end) !== s.text)
            throw new Error(
              `${path}: ${item.id}: evidence [${s.start}, ${s.end}) is not ${JSON.stringify(s.text)}`,
            )
  }
  return data.items
}

/** An item's (first) question, folded for comparison across splits. */
const questionKey = (i: RobustItem): string =>
  (i.family === 'dialog' ? (i.turns[0]?.question ?? '') : i.question)
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .trim()

/**
 * Ids of `test` items whose question also stands in `tune` (the two writers were given the same
 * example queries in their brief): these are not held out, and the report scores `test` without
 * them as well.
 */
export function overlappingIds(
  test: readonly RobustItem[],
  ...tunes: ReadonlyArray<readonly RobustItem[]>
): Set<string> {
  const seen = new Set(tunes.flat().map(questionKey))
  return new Set(test.filter((i) => seen.has(questionKey(i))).map((i) => i.id))
}

/** Why one answer was judged wrong (empty when it is right). */
export function judgeAnswer(answer: Answer, expect: RobustExpect): string[] {
  const why: string[] = []
  if (answer.answerable !== expect.answerable)
    why.push(
      expect.answerable ? 'refused an answerable question' : 'answered a question it must refuse',
    )
  if (expect.verdict !== undefined && answer.verdict !== expect.verdict)
    why.push(`verdict ${answer.verdict ?? '(none)'}, expected ${expect.verdict}`)
  if (!expect.answerable || !answer.answerable) return why
  const text = foldPunctuation(answer.answer).toLowerCase()
  for (const f of expect.facts) {
    const alts = typeof f === 'string' ? [f] : f
    if (!alts.some((a) => text.includes(foldPunctuation(a).toLowerCase())))
      why.push(`missing fact ${JSON.stringify(alts.length === 1 ? alts[0] : alts)}`)
  }
  for (const ev of expect.evidence) {
    const spans = [ev, ...(ev.alt ?? [])]
    if (!answer.citations.some((c) => spans.some((s) => c.start < s.end && s.start < c.end)))
      why.push(`no citation of ${JSON.stringify(ev.text.slice(0, 40))}`)
  }
  return why
}

/** One item's outcome. */
export interface RobustResult {
  id: string
  family: RobustFamily
  correct: boolean
  /** Per turn (one for single questions): the question, the answer and why it was wrong. */
  turns: Array<{ question: string; answer: Answer; why: string[] }>
  /** Expected a refusal. */
  expectRefusal: boolean
}

/** Something that answers a question in a conversation (the answerer or the service). */
export type AnswerFn = (question: string, history: readonly ChatTurn[]) => Promise<Answer>

/** Runs every item; a dialog's turns get the real earlier turns (with the assistant's own answers) as history. */
export async function evaluateRobust(
  ask: AnswerFn,
  items: readonly RobustItem[],
): Promise<RobustResult[]> {
  const out: RobustResult[] = []
  for (const item of items) {
    const steps =
      item.family === 'dialog' ? item.turns : [{ question: item.question, expect: item.expect }]
    const history: ChatTurn[] = []
    const turns: RobustResult['turns'] = []
    for (const step of steps) {
      const answer = await ask(step.question, history)
      turns.push({ question: step.question, answer, why: judgeAnswer(answer, step.expect) })
      history.push(
        { role: 'user', content: step.question },
        { role: 'assistant', content: answer.answer },
      )
    }
    out.push({
      id: item.id,
      family: item.family,
      correct: turns.every((t) => t.why.length === 0),
      turns,
      expectRefusal: steps.some((s) => !s.expect.answerable),
    })
  }
  return out
}

/** Share correct per family, and overall. */
export interface RobustScores {
  overall: { correct: number; total: number; rate: number }
  families: Record<string, { correct: number; total: number; rate: number }>
  /** Over single questions: refusals that were expected, and expected refusals that were made. */
  refusal: { precision: number; recall: number }
}

/** Aggregates results (see {@link RobustScores}). */
export function scoreRobust(results: readonly RobustResult[]): RobustScores {
  const rate = (n: number, d: number) => (d === 0 ? 0 : n / d)
  const agg = (rs: readonly RobustResult[]) => {
    const correct = rs.filter((r) => r.correct).length
    return { correct, total: rs.length, rate: rate(correct, rs.length) }
  }
  const families: RobustScores['families'] = {}
  for (const f of ROBUST_FAMILIES) {
    const rs = results.filter((r) => r.family === f)
    if (rs.length > 0) families[f] = agg(rs)
  }
  const single = results.filter((r) => r.turns.length === 1)
  const refused = single.filter((r) => !r.turns[0]?.answer.answerable)
  const expected = single.filter((r) => r.expectRefusal)
  return {
    overall: agg(results),
    families,
    refusal: {
      precision: rate(refused.filter((r) => r.expectRefusal).length, refused.length),
      recall: rate(expected.filter((r) => !r.turns[0]?.answer.answerable).length, expected.length),
    },
  }
}

/** A markdown report of the splits: per family, overall, refusal precision/recall, and the failures of the tuning splits. */
export function robustReport(
  bySplit: Partial<Record<RobustSplit, readonly RobustResult[]>>,
  notHeldOut: ReadonlySet<string> = new Set(),
): string {
  const runs: Record<string, readonly RobustResult[]> = {}
  for (const s of ROBUST_SPLITS) if (bySplit[s]) runs[s] = bySplit[s] as readonly RobustResult[]
  if (bySplit.test && notHeldOut.size > 0)
    runs['test, held out'] = bySplit.test.filter((r) => !notHeldOut.has(r.id))
  const scores: Record<string, RobustScores> = {}
  for (const [s, rs] of Object.entries(runs)) scores[s] = scoreRobust(rs)
  const splits = Object.keys(runs)
  const pct = (x: { correct: number; total: number; rate: number } | undefined) =>
    x ? `${(x.rate * 100).toFixed(1)}% (${x.correct}/${x.total})` : '–'
  const lines = [
    '## Robustness set (eval/robust/)',
    '',
    `| family | ${splits.join(' | ')} |`,
    `|---|${splits.map(() => '---:').join('|')}|`,
    ...ROBUST_FAMILIES.map(
      (f) => `| ${f} | ${splits.map((s) => pct(scores[s]?.families[f])).join(' | ')} |`,
    ),
    `| **all** | ${splits.map((s) => `**${pct(scores[s]?.overall)}**`).join(' | ')} |`,
    `| refusal precision | ${splits.map((s) => `${((scores[s]?.refusal.precision ?? 0) * 100).toFixed(1)}%`).join(' | ')} |`,
    `| refusal recall | ${splits.map((s) => `${((scores[s]?.refusal.recall ?? 0) * 100).toFixed(1)}%`).join(' | ')} |`,
  ]
  for (const split of TUNE_SPLITS) {
    const failed = bySplit[split]?.filter((r) => !r.correct) ?? []
    if (failed.length === 0) continue
    lines.push('', `### Failures on ${split} (${failed.length})`, '')
    for (const r of failed)
      for (const t of r.turns.filter((x) => x.why.length > 0))
        lines.push(`- ${r.id}: ${JSON.stringify(t.question.slice(0, 160))} — ${t.why.join('; ')}`)
  }
  return lines.join('\n')
}
