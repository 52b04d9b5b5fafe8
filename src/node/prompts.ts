import { readFileSync } from 'node:fs'
import type { PromptTemplates } from '../answer/llm/prompts.ts'
import { projectPath } from '../paths.ts'

/** `prompts/`: the LLM prompt templates, kept as files. */
export const PROMPTS_DIR = `${projectPath('prompts')}/`

/** Reads `prompts/system.md`, `answer.md` and `condense.md`. */
export function loadPromptFiles(dir: string = PROMPTS_DIR): PromptTemplates {
  const read = (name: string) => readFileSync(`${dir}${name}.md`, 'utf8').trim()
  return { system: read('system'), answer: read('answer'), condense: read('condense') }
}
