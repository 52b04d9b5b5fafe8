import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { PromptTemplates } from '../answer/llm/prompts.ts'

/** `prompts/`: the LLM prompt templates, kept as files. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url))

/** Reads `prompts/system.md`, `answer.md` and `condense.md`. */
export function loadPromptFiles(dir: string = PROMPTS_DIR): PromptTemplates {
  const read = (name: string) => readFileSync(`${dir}${name}.md`, 'utf8').trim()
  return { system: read('system'), answer: read('answer'), condense: read('condense') }
}
