import { createInterface } from 'node:readline/promises'
import type { Answer, ChatTurn } from '../answer/types.ts'
import { openAssistant } from '../node/assistant.ts'

/** An answer with its numbered citations, for a terminal. */
export function formatAnswer(a: Answer): string {
  const lines = [a.answer, '']
  const list = a.answerable ? a.citations : (a.related ?? [])
  if (list.length > 0) lines.push(a.answerable ? 'Citations:' : 'Related passages:')
  for (const c of list)
    lines.push(
      `  [${c.n}] ${c.label} (chars ${c.start}–${c.end})`,
      `      “${c.quote.length > 300 ? `${c.quote.slice(0, 300)}…` : c.quote}”`,
    )
  return lines.join('\n')
}

/**
 * `ask "question"` prints one answer with its citations; `ask` alone (or `--chat`) starts a short
 * interactive chat that keeps the conversation, so follow-ups like "And Canada?" work.
 */
export async function runAskCommand(args: string[]): Promise<number> {
  const ctx = await openAssistant({ build: true })
  const question = args
    .filter((a) => a !== '--chat')
    .join(' ')
    .trim()
  if (question && !args.includes('--chat')) {
    const { answer } = await ctx.service.ask(question)
    console.log(formatAnswer(answer))
    return 0
  }
  const rl = createInterface({ input: process.stdin, terminal: false })
  const history: ChatTurn[] = []
  console.log(
    'Ask about Chapter 8. Follow-ups keep the conversation. An empty line or "exit" quits.',
  )
  const turn = async (q: string) => {
    const { answer } = await ctx.service.ask(q, history)
    if (answer.standaloneQuestion !== q)
      console.log(`(understood as: ${answer.standaloneQuestion})`)
    console.log(formatAnswer(answer))
    history.push({ role: 'user', content: q }, { role: 'assistant', content: answer.answer })
  }
  if (question) await turn(question)
  process.stdout.write('\n> ')
  for await (const line of rl) {
    const q = line.trim()
    if (!q || q === 'exit' || q === 'quit') break
    await turn(q)
    process.stdout.write('\n> ')
  }
  rl.close()
  return 0
}
