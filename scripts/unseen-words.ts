// The cost of a question of words no memo holds (issue 14): a 1,900-character question of
// English words the model's vocabulary knows and the chapter never uses (each a soft-matching scan
// of the chapter's word forms), alone and after three 7,900-character turns of such words; CPU ms
// per request in process (the Node app, no answer cache), new words every run.
//
//   node --import tsx scripts/unseen-words.ts
//   cp scripts/unseen-words.ts DIR/scripts/ && (cd DIR && node --import tsx scripts/unseen-words.ts)
//                                             the same on another checkout (DIR)
import { readFileSync } from 'node:fs'
import { forgetReadNumbers } from '../src/analysis/numbers.ts'
import { openAssistant } from '../src/node/assistant.ts'
import { buildNodeApp } from '../src/node/server.ts'

process.env.ANSWER_CACHE_SIZE = '0'
process.env.LOG_LEVEL = 'silent'
/** Runs measured, after as many unmeasured (the first compile the code they reach). */
const RUNS = 6
/** Where the words are drawn from in the vocabulary (past its most common words). */
const FIRST_WORD = 2_000

const ctx = await openAssistant({ build: false, llm: null, log: () => {} })
await ctx.embeddings.load()
const app = buildNodeApp(ctx, {
  rateLimitPerMinute: 0,
  pageRateLimitPerMinute: 0,
  requestTimeoutMs: 120_000,
  clientKey: () => 'unseen-words',
  corsOrigins: [],
})
const tokenizer = JSON.parse(readFileSync('models/glove-sif-100d/tokenizer.json', 'utf8')) as {
  model: { vocab: Record<string, number> }
}
const chapter = new Set(readFileSync('corpus/chapter-08.txt', 'utf8').toLowerCase().split(/\W+/))
const vocabulary = Object.keys(tokenizer.model.vocab).filter(
  (w) => /^[a-z]{4,}$/.test(w) && !chapter.has(w),
)
let at = FIRST_WORD
/** About `chars` characters of words not used before in this run. */
const words = (chars: number) => {
  const out: string[] = []
  let length = 0
  while (length < chars) {
    const w = vocabulary[at++ % vocabulary.length] as string
    out.push(w)
    length += w.length + 1
  }
  return out.join(' ')
}
/** CPU ms of one `/api/ask`. */
async function ask(body: unknown): Promise<number> {
  forgetReadNumbers()
  const c0 = process.cpuUsage()
  const res = await app.request('http://127.0.0.1/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  await res.arrayBuffer()
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / 1000
}
const alone = () => ask({ question: `${words(1_900)}?` })
const withHistory = () =>
  ask({
    question: `${words(1_900)}?`,
    history: [
      { role: 'user', content: words(7_900) },
      { role: 'assistant', content: words(7_900) },
      { role: 'user', content: words(7_900) },
    ],
  })
for (let i = 0; i < RUNS; i++) {
  await alone()
  await withHistory()
}
const a: number[] = []
const h: number[] = []
for (let i = 0; i < RUNS; i++) {
  a.push(await alone())
  h.push(await withHistory())
}
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ')
console.log(`question alone: ${fmt(a)} ms\nafter three long turns: ${fmt(h)} ms`)
process.exit(0)
