/** The prompt templates of `prompts/`, passed in by the host (files on Node, bundled text on Workers). */
export interface PromptTemplates {
  system: string
  answer: string
  condense: string
}

/**
 * Fills `{{name}}` placeholders. Values are inserted as they are, once: a value that itself
 * contains `{{…}}` is not expanded again.
 *
 * @example
 * renderTemplate('Q: {{question}}', { question: 'Why?' }) // 'Q: Why?'
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m)
}

/** Neutralizes the delimiters of the templates inside user text, so it cannot close its block. */
export function fenceUserText(text: string): string {
  return text.replace(/<<<|>>>/g, (m) => (m === '<<<' ? '‹‹‹' : '›››'))
}
