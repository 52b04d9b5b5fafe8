import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { projectPath } from '../paths.ts'

/** `eval/dev-set.json`, the development question set. */
export const DEV_SET_PATH = projectPath('eval', 'dev-set.json')

export const QUESTION_CATEGORIES = [
  'lexical',
  'paraphrase',
  'reworded',
  'list',
  'table',
  'table-row',
  'box',
  'figure',
  'footnote',
  'absent',
] as const

const Question = z.object({
  id: z.string().regex(/^q\d{3}$/),
  question: z.string().min(3),
  category: z.enum(QUESTION_CATEGORIES),
  /** Chunk ids that hold the answer; any one of them counts. Empty for `absent`. */
  gold: z.array(z.string()),
  /** Strings an answer must contain (as printed in the chapter). */
  facts: z.array(z.string()),
})
export type DevQuestion = z.infer<typeof Question>

const DevSet = z.object({ description: z.string(), questions: z.array(Question).min(1) })

/**
 * Reads and checks the dev set: every answerable question has gold ids and facts, absent ones
 * have neither, and (given the chunk ids) every gold id exists.
 */
export function loadDevSet(
  chunkIds?: ReadonlySet<string>,
  path: string = DEV_SET_PATH,
): DevQuestion[] {
  const data = DevSet.parse(JSON.parse(readFileSync(path, 'utf8')))
  for (const q of data.questions) {
    const absent = q.category === 'absent'
    if (absent !== (q.gold.length === 0))
      throw new Error(`${q.id}: gold ids must be empty exactly for absent questions`)
    if (!absent && q.facts.length === 0)
      throw new Error(`${q.id}: an answerable question needs facts`)
    for (const g of q.gold)
      if (chunkIds && !chunkIds.has(g)) throw new Error(`${q.id}: unknown gold chunk ${g}`)
  }
  return data.questions
}
