import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ServerType, serve } from '@hono/node-server'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Answer, ChatTurn } from '../../src/answer/types.ts'
import { buildNodeApp } from '../../src/node/server.ts'
import { projectPath } from '../../src/paths.ts'
import { composeWorkerAssistant, loadWorkerData } from '../../src/workers/assistant.ts'
import {
  asModules,
  type BuildSources,
  openBuildSources,
  WORKER_DATA_DIR,
  workerDataFiles,
  writeWorkerData,
} from '../../src/workers/build/build-data.ts'
import { askDialog, parityDialogs } from '../../src/workers/build/questions.ts'
import { assistant } from '../helpers/assistant.ts'

// The Node host and the Workers host side by side, in one run: the deployable bundle
// (`wrangler deploy --dry-run`) served by workerd (Miniflare), the Node app by @hono/node-server,
// both over loopback HTTP. Writes test/artifacts/workers-host.md.

/** The free plan's limit on a Worker's gzipped size. */
const FREE_PLAN_GZIP_BYTES = 3 * 2 ** 20
const REPORT = projectPath('test', 'artifacts', 'workers-host.md')

const out = mkdtempSync(join(tmpdir(), 'chapter-worker-'))
let sources: BuildSources
let mf: Miniflare
let workerUrl: string
let server: ServerType
let nodeUrl: string
const report: string[] = ['# Workers host against Node host (one run)', '']
let bundle: { totalKiB: number; gzipKiB: number; log: string }
const startup: Record<string, number> = {}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length
    ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2
    : Number.NaN
}
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN
}

async function timedAsk(base: string, question: string, history: ChatTurn[]) {
  const t = performance.now()
  const r = await fetch(`${base}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': '192.0.2.1' },
    body: JSON.stringify({ question, history }),
  })
  const body = (await r.json()) as Answer
  return { status: r.status, body, ms: performance.now() - t }
}

beforeAll(async () => {
  sources = await openBuildSources()
  writeWorkerData(WORKER_DATA_DIR, workerDataFiles(sources))
  const log = execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out], {
    cwd: projectPath(),
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  })
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(log)
  bundle = { totalKiB: Number(m?.[1]), gzipKiB: Number(m?.[2]), log }

  const toml = readFileSync(projectPath('wrangler.toml'), 'utf8')
  const compatibilityDate = /compatibility_date = "([^"]+)"/.exec(toml)?.[1] ?? ''
  const t0 = performance.now()
  mf = new Miniflare({
    modules: true,
    modulesRoot: out,
    scriptPath: join(out, 'index.js'),
    modulesRules: [
      { type: 'Text', include: ['**/*.txt'] },
      { type: 'Data', include: ['**/*.bin'] },
    ],
    compatibilityDate,
    bindings: { LOG_LEVEL: 'silent' },
    cf: false,
    host: '127.0.0.1',
    port: 0,
  })
  workerUrl = (await mf.ready).toString().replace(/\/$/, '')
  startup.readyMs = performance.now() - t0
  let t = performance.now()
  expect((await fetch(`${workerUrl}/healthz`)).status).toBe(200)
  startup.firstRequestMs = performance.now() - t
  t = performance.now()
  await (await fetch(`${workerUrl}/healthz`)).text()
  startup.secondRequestMs = performance.now() - t

  const ctx = await assistant()
  const app = buildNodeApp(ctx, { rateLimitPerMinute: 0, corsOrigins: [] })
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const address = server.address()
  nodeUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}, 300_000)

afterAll(async () => {
  await mf?.dispose()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  rmSync(out, { recursive: true, force: true })
  mkdirSync(projectPath('test', 'artifacts'), { recursive: true })
  writeFileSync(REPORT, `${report.join('\n')}\n`)
  console.log(report.join('\n'))
})

describe('the Workers host', () => {
  it('bundles with `wrangler deploy --dry-run` within the free plan’s 3 MiB gzipped, and starts in workerd', () => {
    expect(bundle.log).toContain('--dry-run: exiting now.')
    expect(bundle.gzipKiB * 1024).toBeGreaterThan(0)
    expect(bundle.gzipKiB * 1024).toBeLessThanOrEqual(FREE_PLAN_GZIP_BYTES)
    report.push(
      `- bundle: ${(bundle.totalKiB / 1024).toFixed(2)} MiB, ${(bundle.gzipKiB / 1024).toFixed(2)} MiB gzipped (limit 3 MiB)`,
      `- workerd: ready (process start and module evaluation) in ${startup.readyMs?.toFixed(0)} ms; first request ${startup.firstRequestMs?.toFixed(0)} ms (builds the app), second ${startup.secondRequestMs?.toFixed(1)} ms`,
    )
  })

  it('answers every dev, dialog and robustness turn exactly as the Workers code does on Node, and as the Node host unless the dialog has a word without a row in the pruned table', async () => {
    // A word the full model has a row for but the deployed table dropped (punctuation and words no
    // GloVe row has are [UNK] on both hosts). The speller's word list is the full model's on both
    // hosts (tested in worker-data.test.ts), so only the embedding of such a word can differ.
    const kept = new Set(readFileSync(join(WORKER_DATA_DIR, 'vocab.txt'), 'utf8').split('\n'))
    const known = new Set(sources.table.words)
    const pieces = loadWorkerData(asModules(workerDataFiles(sources, 0))).embeddings
    // The deployed data, answered by the Workers code on Node: workerd must add no difference.
    const shipped = composeWorkerAssistant(loadWorkerData(asModules(workerDataFiles(sources))), {
      llm: null,
      answerCacheSize: 0,
    })
    const latency = { node: [] as number[], workerd: [] as number[] }
    const lines: string[] = []
    const unexplained: string[] = []
    const runtime: string[] = []
    let turns = 0
    let identical = 0
    for (const { set, dialogs } of parityDialogs()) {
      let differ = 0
      let count = 0
      for (const d of dialogs) {
        const ask = (base: string, key: 'node' | 'workerd') =>
          askDialog(async (q, h) => {
            const r = await timedAsk(base, q, h)
            expect(r.status).toBe(200)
            latency[key].push(r.ms)
            return r.body
          }, d.questions)
        const nodeAnswers = await ask(nodeUrl, 'node')
        const workerAnswers = await ask(workerUrl, 'workerd')
        const shippedAnswers = await askDialog(
          async (q, h) => (await shipped.service.ask(q, h)).answer,
          d.questions,
        )
        workerAnswers.forEach((a, i) => {
          const { id: _id, ...answer } = a as Answer & { id?: string }
          if (JSON.stringify(answer) !== JSON.stringify(shippedAnswers[i]))
            runtime.push(`${set} ${d.id} turn ${i + 1}`)
        })
        const texts = [...d.questions, ...nodeAnswers.map((a) => a.answer)]
        const outside = [...new Set(texts.flatMap((t) => pieces.pieces(t)))].filter(
          (w) => known.has(w) && !kept.has(w),
        )
        nodeAnswers.forEach((a, i) => {
          count++
          // Every response has its own id (for feedback): the answers are compared without it.
          const fields = (Object.keys(a) as Array<keyof Answer>).filter(
            (k) =>
              (k as string) !== 'id' &&
              JSON.stringify(a[k]) !== JSON.stringify(workerAnswers[i]?.[k]),
          )
          if (fields.length === 0) return
          differ++
          const line = `${set} ${d.id} turn ${i + 1}: ${fields.join(', ')} differ; words without a row in the Worker's table: ${outside.join(', ') || 'none'}`
          lines.push(line)
          if (outside.length === 0) unexplained.push(line)
        })
      }
      turns += count
      identical += count - differ
      report.push(
        `- parity ${set}: ${count - differ}/${count} turns identical (answer, citations, related)`,
      )
    }
    report.push('', ...lines.map((l) => `  - ${l}`), '')
    const ratio = median(latency.workerd) / median(latency.node)
    report.push(
      `- uncached /api/ask over loopback HTTP, ${latency.node.length} requests each: Node median ${median(latency.node).toFixed(1)} ms (p90 ${quantile(latency.node, 0.9).toFixed(1)}), workerd median ${median(latency.workerd).toFixed(1)} ms (p90 ${quantile(latency.workerd, 0.9).toFixed(1)}); workerd / Node = ${ratio.toFixed(2)}`,
    )
    report.push(
      `- parity, all sets: ${identical}/${turns} turns identical to the Node host; workerd against the Workers code on Node: ${turns - runtime.length}/${turns} identical`,
    )
    expect(turns).toBeGreaterThan(150)
    expect(runtime).toEqual([])
    expect(unexplained).toEqual([])
  }, 900_000)

  it('served from the isolate’s answer cache, a repeated ask costs the same order on both hosts', async () => {
    const question = 'What is the centrality of the Netherlands?'
    const latency = { node: [] as number[], workerd: [] as number[] }
    for (let i = 0; i < 40; i++) {
      latency.node.push((await timedAsk(nodeUrl, question, [])).ms)
      latency.workerd.push((await timedAsk(workerUrl, question, [])).ms)
    }
    const ratio = median(latency.workerd) / median(latency.node)
    report.push(
      `- cached /api/ask, 40 alternating requests: Node median ${median(latency.node).toFixed(2)} ms, workerd median ${median(latency.workerd).toFixed(2)} ms; workerd / Node = ${ratio.toFixed(2)}`,
    )
    expect(Number.isFinite(ratio)).toBe(true)
  })

  it('with the full vocabulary, the Workers code answers exactly as the Node host on every turn', async () => {
    const node = await assistant()
    const full = composeWorkerAssistant(
      loadWorkerData(asModules(workerDataFiles(sources, sources.table.words.length))),
      { llm: null, answerCacheSize: 0 },
    )
    let turns = 0
    const differ: string[] = []
    for (const { set, dialogs } of parityDialogs())
      for (const d of dialogs) {
        const a = await askDialog(
          async (q, h) => (await node.service.ask(q, h)).answer,
          d.questions,
        )
        const b = await askDialog(
          async (q, h) => (await full.service.ask(q, h)).answer,
          d.questions,
        )
        a.forEach((x, i) => {
          turns++
          if (JSON.stringify(x) !== JSON.stringify(b[i])) differ.push(`${set} ${d.id} ${i + 1}`)
        })
      }
    report.push(
      `- Workers code with the full vocabulary (on Node): ${turns - differ.length}/${turns} turns identical`,
    )
    expect(differ).toEqual([])
  }, 600_000)
})
