import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Answerer } from '../answer/answer.ts'
import type { Answer, ChatTurn } from '../answer/types.ts'
import type { Chunk } from '../chunk/chunk.ts'
import { projectPath } from '../paths.ts'
import { foldPunctuation } from '../text/normalize.ts'
import type { DevQuestion } from './dataset.ts'

export const DIALOGS_PATH = projectPath('eval', 'dialogs.json')

const Turn = z.object({
  question: z.string().min(1),
  standalone: z.array(z.string()).optional(),
  facts: z.array(z.string()),
  gold: z.array(z.string()),
  answerable: z.boolean().optional(),
})
const Dialogs = z.object({
  description: z.string(),
  dialogs: z.array(z.object({ id: z.string(), turns: z.array(Turn).min(2) })),
})
export type DialogTurn = z.infer<typeof Turn>
export type Dialog = z.infer<typeof Dialogs>['dialogs'][number]

export function loadDialogs(path: string = DIALOGS_PATH): Dialog[] {
  return Dialogs.parse(JSON.parse(readFileSync(path, 'utf8'))).dialogs
}

/** Whether every gold fact appears in the answer (case, quotes and dashes folded). */
export function hasFacts(answer: string, facts: readonly string[]): boolean {
  const a = foldPunctuation(answer).toLowerCase()
  return facts.every((f) => a.includes(foldPunctuation(f).toLowerCase()))
}

/** Whether a citation's span overlaps a gold chunk's span. */
export function citesGold(
  answer: Answer,
  gold: readonly string[],
  chunks: ReadonlyMap<string, Chunk>,
): boolean {
  const spans = gold.map((g) => chunks.get(g)).filter((c): c is Chunk => !!c)
  return answer.citations.some((c) => spans.some((g) => c.start < g.end && g.start < c.end))
}

export interface AnswerResult {
  id: string
  category: string
  question: string
  expectAnswerable: boolean
  answer: Answer
  factsOk: boolean
  citationOk: boolean
  route: string
}

export interface AnswerScores {
  answerable: number
  /** Answerable questions whose answer has all gold facts. */
  factAccuracy: number
  /** Answerable questions with a citation overlapping a gold span. */
  citationAccuracy: number
  /** Both, the target metric. */
  correct: number
  absent: number
  abstentionPrecision: number
  abstentionRecall: number
  /** Answerable questions the answerer refused. */
  falseAbstainRate: number
  /** Absent questions the answerer answered. */
  falseAnswerRate: number
}

/** Runs every dev question through the answerer and checks facts, citations and abstention. */
export async function evaluateAnswers(
  answerer: Answerer,
  questions: readonly DevQuestion[],
  chunks: readonly Chunk[],
): Promise<AnswerResult[]> {
  const byId = new Map(chunks.map((c) => [c.id, c]))
  const out: AnswerResult[] = []
  for (const q of questions) {
    const { answer, trace } = await answerer.answerWithTrace(q.question)
    const expectAnswerable = q.category !== 'absent'
    out.push({
      id: q.id,
      category: q.category,
      question: q.question,
      expectAnswerable,
      answer,
      factsOk: expectAnswerable && answer.answerable && hasFacts(answer.answer, q.facts),
      citationOk: expectAnswerable && answer.answerable && citesGold(answer, q.gold, byId),
      route: trace.route,
    })
  }
  return out
}

/** Aggregates answer results (see {@link AnswerScores}). */
export function scoreAnswers(results: readonly AnswerResult[]): AnswerScores {
  const answerable = results.filter((r) => r.expectAnswerable)
  const absent = results.filter((r) => !r.expectAnswerable)
  const abstained = results.filter((r) => !r.answer.answerable)
  const rate = (n: number, d: number) => (d === 0 ? 0 : n / d)
  return {
    answerable: answerable.length,
    factAccuracy: rate(answerable.filter((r) => r.factsOk).length, answerable.length),
    citationAccuracy: rate(answerable.filter((r) => r.citationOk).length, answerable.length),
    correct: rate(answerable.filter((r) => r.factsOk && r.citationOk).length, answerable.length),
    absent: absent.length,
    abstentionPrecision: rate(
      abstained.filter((r) => !r.expectAnswerable).length,
      abstained.length,
    ),
    abstentionRecall: rate(absent.filter((r) => !r.answer.answerable).length, absent.length),
    falseAbstainRate: rate(
      answerable.filter((r) => !r.answer.answerable).length,
      answerable.length,
    ),
    falseAnswerRate: rate(absent.filter((r) => r.answer.answerable).length, absent.length),
  }
}

export interface DialogTurnResult {
  dialog: string
  turn: number
  question: string
  standaloneQuestion: string
  standaloneOk: boolean
  factsOk: boolean
  citationOk: boolean
  answerableOk: boolean
}

/** Plays each dialog with the answerer's own earlier answers as history. */
export async function evaluateDialogs(
  answerer: Answerer,
  dialogs: readonly Dialog[],
  chunks: readonly Chunk[],
): Promise<DialogTurnResult[]> {
  const byId = new Map(chunks.map((c) => [c.id, c]))
  const out: DialogTurnResult[] = []
  for (const d of dialogs) {
    const history: ChatTurn[] = []
    for (const [i, t] of d.turns.entries()) {
      const a = await answerer.answer(t.question, history)
      const expectAnswerable = t.answerable ?? true
      out.push({
        dialog: d.id,
        turn: i + 1,
        question: t.question,
        standaloneQuestion: a.standaloneQuestion,
        standaloneOk: (t.standalone ?? []).every((s) =>
          a.standaloneQuestion.toLowerCase().includes(s.toLowerCase()),
        ),
        factsOk: hasFacts(a.answer, t.facts) && (!expectAnswerable || a.answerable),
        citationOk: expectAnswerable ? citesGold(a, t.gold, byId) : a.citations.length === 0,
        answerableOk: a.answerable === expectAnswerable,
      })
      history.push({ role: 'user', content: t.question }, { role: 'assistant', content: a.answer })
    }
  }
  return out
}

/** Scores per question category. */
export function scoreByCategory(results: readonly AnswerResult[]): Record<string, AnswerScores> {
  const out: Record<string, AnswerScores> = {}
  for (const cat of new Set(results.map((r) => r.category)))
    out[cat] = scoreAnswers(results.filter((r) => r.category === cat))
  return out
}

/** Results that are wrong: a refused or wrong answer, or an answer to an absent question. */
export function failuresOf(results: readonly AnswerResult[]): AnswerResult[] {
  return results.filter((r) =>
    r.expectAnswerable ? !(r.factsOk && r.citationOk) : r.answer.answerable,
  )
}
