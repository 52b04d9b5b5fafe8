import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChatTurn } from '../../answer/types.ts'
import { projectPath } from '../../paths.ts'

/** One conversation to put to both hosts: its questions in order, each asked with the real earlier turns. */
export interface ParityDialog {
  id: string
  questions: string[]
  /** Gold chunk ids of the first question, when the set has them (for dense recall). */
  gold?: string[]
}

interface DevFile {
  questions: Array<{ id: string; question: string; gold: string[] }>
}
interface DialogFile {
  dialogs: Array<{ id: string; turns: Array<{ question: string }> }>
}
interface RobustFile {
  items: Array<{ id: string; question?: string; turns?: Array<{ question: string }> }>
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T

/**
 * The questions both hosts must answer identically: the dev set, the follow-up dialogs and, when
 * present, every split of the robustness set (`eval/robust/*.json`, or `dir` given).
 */
export function parityDialogs(robustDir: string = projectPath('eval', 'robust')): {
  set: string
  dialogs: ParityDialog[]
}[] {
  const dev = readJson<DevFile>(projectPath('eval', 'dev-set.json')).questions.map((q) => ({
    id: q.id,
    questions: [q.question],
    gold: q.gold,
  }))
  const dialogs = readJson<DialogFile>(projectPath('eval', 'dialogs.json')).dialogs.map((d) => ({
    id: d.id,
    questions: d.turns.map((t) => t.question),
  }))
  const sets = [
    { set: 'dev', dialogs: dev },
    { set: 'dialogs', dialogs },
  ]
  if (existsSync(robustDir)) {
    for (const f of readdirSync(robustDir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const items = readJson<RobustFile>(join(robustDir, f)).items
      sets.push({
        set: `robust/${f.replace(/\.json$/, '')}`,
        dialogs: items.map((i) => ({
          id: i.id,
          questions: i.turns ? i.turns.map((t) => t.question) : [i.question ?? ''],
        })),
      })
    }
  }
  return sets
}

/** Asks a dialog's questions in order, each with the earlier turns as history. */
export async function askDialog<A extends { answer: string }>(
  ask: (question: string, history: ChatTurn[]) => Promise<A>,
  questions: readonly string[],
): Promise<A[]> {
  const history: ChatTurn[] = []
  const answers: A[] = []
  for (const q of questions) {
    const a = await ask(q, [...history])
    answers.push(a)
    history.push({ role: 'user', content: q }, { role: 'assistant', content: a.answer })
  }
  return answers
}
