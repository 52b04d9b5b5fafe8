import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { loadDevSet } from '../eval/dataset.ts'
import { distribution, quantile } from '../eval/stats.ts'
import { projectPath } from '../paths.ts'

export const HTTP_BENCH_REPORT = projectPath('eval', 'reports', 'bench-http.md')
/** The twin of the default server with `INSIGHTS=off`. */
const ASK_INSIGHTS_OFF = 'POST /api/ask, insights off'
/** Keep in step with the `start` script of package.json. */
const SERVER_HEAP_FLAG = '--max-old-space-size=384'

interface RunResult {
  name: string
  requests: number
  rps: number
  /** Every response's latency, ms. */
  times: number[]
  errors: number
  non2xx: number
}

/** One endpoint over all rounds: median req/s and ratio, pooled latencies, summed errors. */
interface EndpointSummary {
  name: string
  /** req/s of each round. */
  rps: number[]
  /** Each round's req/s over the same round's baseline req/s. */
  ratios: number[]
  p50: number
  p95: number
  p99: number
  failures: number
}

/**
 * Summarizes one endpoint's rounds against the baseline's rounds of the same run (round i of the
 * endpoint is compared with round i of the baseline, measured seconds apart on the same machine).
 */
export function summarize(
  name: string,
  rounds: readonly RunResult[],
  baseline: readonly RunResult[],
): EndpointSummary {
  const times = rounds.flatMap((r) => r.times)
  const d = distribution(times)
  return {
    name,
    rps: rounds.map((r) => r.rps),
    ratios: rounds.map((r, i) => r.rps / (baseline[i]?.rps ?? Number.NaN)),
    p50: d.median,
    p95: d.p95,
    p99: d.p99,
    failures: rounds.reduce((s, r) => s + r.errors + r.non2xx, 0),
  }
}

/**
 * Starts a child process and resolves with the URL it prints ("… at http://…") and how long
 * that took from the spawn (the process's whole start: Node, modules, data, model warm-up).
 */
function startChild(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now()
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 120_000)
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString()
      const m = /at (http:\/\/[^\s]+)/.exec(err)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[1] as string, readyMs: performance.now() - spawnedAt })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${err}`))
    })
  })
}

/** How many answers a server stored (read after its writes; the file is in WAL mode). */
function storedAnswers(file: string): string {
  try {
    const db = new Database(file, { readonly: true })
    const n = db.prepare('SELECT count(*) FROM answers').pluck().get()
    db.close()
    return String(n)
  } catch (err) {
    return `unreadable (${err instanceof Error ? err.message : String(err)})`
  }
}

const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** One autocannon run; latencies are taken from every response (autocannon reports no p95). */
async function load(
  name: string,
  url: string,
  seconds: number,
  connections: number,
  requests: autocannon.Request[],
): Promise<RunResult> {
  const times: number[] = []
  // Loaded here, not at the top: the server shares this bundle and should not load the load tester.
  const { default: run } = await import('autocannon')
  const instance = run({
    url,
    connections,
    duration: seconds,
    requests,
    timeout: 10,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>
  instance.on(
    'response',
    (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      times.push(responseTime),
  )
  const r = await instance
  return {
    name,
    requests: r.requests.total,
    rps: r.requests.total / seconds,
    times,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  }
}

/**
 * `bench-http [--seconds N] [--rounds R] [--soak-seconds N]`: starts the real server (with and
 * without its answer cache) and a bare Hono JSON server (the baseline) as separate processes. In
 * each of R rounds it loads the baseline and then every endpoint for N s at 32 connections with
 * autocannon (`/api/ask` and `/api/search` cycling the dev-set questions), then soaks `/api/ask`
 * at 64 connections and tracks the server's RSS. Writes `eval/reports/bench-http.md`.
 */
export async function runBenchHttpCommand(args: string[]): Promise<number> {
  const arg = (flag: string, d: number) => {
    const i = args.indexOf(flag)
    return i === -1 ? d : Number(args[i + 1] ?? d)
  }
  if (args.includes('--insights-only'))
    return runInsightsCost(arg('--pairs', 10), arg('--seconds', 3))
  const seconds = arg('--seconds', 10)
  const soakSeconds = arg('--soak-seconds', 60)
  const rounds = Math.max(1, arg('--rounds', 3))
  const questions = loadDevSet().map((q) => q.question)
  const env = { PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', LLM_BASE_URL: '' }
  const children: ChildProcess[] = []
  const start = async (args: string[], extra: Record<string, string> = {}) => {
    const s = await startChild(args, { ...env, ...extra })
    children.push(s.child)
    return s
  }
  const dbDir = mkdtempSync(join(tmpdir(), 'bench-insights-'))
  try {
    // The same heap cap as `npm start` (package.json): the live heap is ~100 MB, and without a cap
    // V8 lets a busy server's heap grow far beyond it before collecting.
    const server = [SERVER_HEAP_FLAG, projectPath('scripts', 'start.mjs')]
    // Insights on (the default) write to a database of their own for the run; a twin server
    // with INSIGHTS=off shows what recording every answer costs.
    const app = await start(server, { DATABASE_PATH: join(dbDir, 'on.db') })
    const quiet = await start(server, { INSIGHTS: 'off' })
    const uncached = await start(server, {
      ANSWER_CACHE_SIZE: '0',
      DATABASE_PATH: join(dbDir, 'uncached.db'),
    })
    const base = await start([projectPath('dist', 'cli.mjs'), 'bench-baseline'])
    const cycle = (make: (q: string) => autocannon.Request): autocannon.Request[] =>
      questions.map(make)
    const askRequests = cycle((q) => ({
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q }),
    }))
    const searchRequests = cycle((q) => ({
      method: 'GET',
      path: `/api/search?k=5&q=${encodeURIComponent(q)}`,
    }))
    // Warm both servers.
    await load('warm-up', app.url, 2, 8, askRequests)
    await load('warm-up', app.url, 1, 8, searchRequests)
    await load('warm-up', uncached.url, 2, 8, askRequests)
    await load('warm-up', quiet.url, 2, 8, askRequests)
    await load('warm-up', base.url, 1, 8, [{ method: 'GET', path: '/json' }])

    // Rounds interleave the baseline with the endpoints, so that a slow stretch of the shared
    // machine lowers both sides of a ratio instead of only one.
    const baseRuns: RunResult[] = []
    const runs = new Map<string, RunResult[]>()
    const targets: Array<[string, string, autocannon.Request[]]> = [
      ['GET /api/search', app.url, searchRequests],
      ['POST /api/ask', app.url, askRequests],
      ['GET /api/search, cache off', uncached.url, searchRequests],
      ['POST /api/ask, cache off', uncached.url, askRequests],
    ]
    const insightsPair: Array<[string, string, autocannon.Request[]]> = [
      ['POST /api/ask', app.url, askRequests],
      [ASK_INSIGHTS_OFF, quiet.url, askRequests],
    ]
    for (let round = 0; round < rounds; round++) {
      baseRuns.push(
        await load('baseline', base.url, seconds, 32, [{ method: 'GET', path: '/json' }]),
      )
      // Insights on and off back to back, in alternating order from round to round.
      const pair = round % 2 ? [...insightsPair].reverse() : insightsPair
      const ordered = [targets[0], ...pair, ...targets.slice(2)] as typeof targets
      for (const [name, url, requests] of ordered) {
        const r = await load(name, url, seconds, 32, requests)
        runs.set(name, [...(runs.get(name) ?? []), r])
      }
    }
    const baseline = summarize('bare Hono JSON route (baseline)', baseRuns, baseRuns)
    const [search, ask, searchCold, askCold] = targets.map(([name]) =>
      summarize(name, runs.get(name) ?? [], baseRuns),
    ) as [EndpointSummary, EndpointSummary, EndpointSummary, EndpointSummary]
    const askQuiet = summarize(ASK_INSIGHTS_OFF, runs.get(ASK_INSIGHTS_OFF) ?? [], baseRuns)
    // Each round's insights-on req/s over the same round's insights-off req/s.
    const insightsCost = summarize(
      'POST /api/ask (cached), insights on ÷ off',
      runs.get('POST /api/ask') ?? [],
      runs.get(ASK_INSIGHTS_OFF) ?? [],
    )
    uncached.child.kill('SIGTERM')
    quiet.child.kill('SIGTERM')

    // The heap grows to its working size under this load before it levels off; measure growth
    // after that, so that a leak (steady growth) is not confused with V8 sizing its heap.
    const pid = app.child.pid as number
    const rssBeforeWarmUp = rssMb(pid)
    await load('soak warm-up', app.url, Math.min(20, soakSeconds), 64, askRequests)
    const rssStart = rssMb(pid)
    const samples: number[] = [rssStart]
    const sampler = setInterval(() => samples.push(rssMb(pid)), 5000)
    const soak = await load('POST /api/ask soak', app.url, soakSeconds, 64, askRequests)
    clearInterval(sampler)
    const rssEnd = rssMb(pid)
    samples.push(rssEnd)

    const f = (x: number) => x.toFixed(2)
    const median = (xs: number[]) => quantile(xs, 0.5)
    const row = (e: EndpointSummary, target?: number) =>
      `| ${e.name} | ${Math.round(median(e.rps))} | ${f(median(e.ratios))} (${e.ratios.map(f).join(', ')}) | ${target === undefined ? '' : `≥ ${f(target)}`} | ${f(e.p50)} | ${f(e.p95)} | ${f(e.p99)} | ${e.failures} |`
    const soakFailures = soak.errors + soak.non2xx
    const soakTimes = distribution(soak.times)
    const growth = ((rssEnd - rssStart) / rssStart) * 100
    const report = [
      '# HTTP load benchmark',
      '',
      `One run of \`npm run bench:http\` on this machine (${process.version}; 2 cores shared by the server, the baseline and autocannon). ${rounds} rounds; each round loads the bare baseline and then every endpoint for ${seconds} s at 32 connections. Requests cycle the ${questions.length} dev-set questions. Rate limiting is off for the run (it is per client, and the load generator is one client).`,
      '',
      "req/s is the median over the rounds; the ratio is the median of each round's req/s over the same round's baseline (each round's ratio in brackets); latencies pool every response of every round.",
      '',
      '| endpoint | req/s | ratio to baseline (rounds) | ratio target | p50 ms | p95 ms | p99 ms | errors + non-2xx |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      row(baseline),
      row(search, 0.3),
      row(ask, 0.15),
      row(searchCold, 0.3),
      row(askCold, 0.15),
      row(askQuiet),
      '',
      '## What insights cost',
      '',
      `The default servers record every answer (insights on, a SQLite file of their own for the run, written in batches by a worker thread); a twin server runs with \`INSIGHTS=off\`. In each round the two are loaded back to back with the same cached \`POST /api/ask\` requests, in alternating order. The ratio is insights on over off in the same round; target ≥ 0.80.`,
      '',
      '| measure | insights on | insights off | on ÷ off (rounds) | target |',
      '|---|---:|---:|---:|---:|',
      `| req/s (median of rounds) | ${Math.round(median(ask.rps))} | ${Math.round(median(askQuiet.rps))} | ${f(median(insightsCost.ratios))} (${insightsCost.ratios.map(f).join(', ')}) | ≥ 0.80 |`,
      `| p50 / p99 ms | ${f(ask.p50)} / ${f(ask.p99)} | ${f(askQuiet.p50)} / ${f(askQuiet.p99)} | | |`,
      `| answers stored by the insights-on server in the whole run | ${storedAnswers(join(dbDir, 'on.db'))} | | | |`,
      '',
      'The default server keeps the last 1,000 answers and search results in memory (`ANSWER_CACHE_SIZE`): answers are a pure function of the request and the data, so a repeated question is served without recomputation. The "cache off" rows (`ANSWER_CACHE_SIZE=0`) measure the full pipeline on every request: retrieval, table engine, sentence scoring and abstention.',
      '',
      `Start: \`npm start\`'s script (\`node ${SERVER_HEAP_FLAG} scripts/start.mjs\`, dist/ up to date) printed its URL ${Math.round(app.readyMs)} ms and ${Math.round(uncached.readyMs)} ms after it was spawned (the two servers of this run; target ≤ 1,500 ms).`,
      '',
      `## Soak: ${soakSeconds} s of POST /api/ask at 64 connections`,
      '',
      '| measure | value |',
      '|---|---|',
      `| requests | ${soak.requests} (${Math.round(soak.rps)} req/s) |`,
      `| latency p50 / p95 / p99 | ${f(soakTimes.median)} / ${f(soakTimes.p95)} / ${f(soakTimes.p99)} ms |`,
      `| errors + non-2xx | ${soakFailures} |`,
      `| server RSS before the ${Math.min(20, soakSeconds)} s soak warm-up (same load, not measured) | ${rssBeforeWarmUp.toFixed(1)} MB |`,
      `| server RSS at start → end of the soak | ${rssStart.toFixed(1)} MB → ${rssEnd.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%) |`,
      `| RSS samples (every 5 s) | ${samples.map((s) => s.toFixed(0)).join(', ')} MB |`,
      '',
    ].join('\n')
    mkdirSync(dirname(HTTP_BENCH_REPORT), { recursive: true })
    writeFileSync(HTTP_BENCH_REPORT, report)
    console.log(report)
    return 0
  } finally {
    for (const c of children) c.kill('SIGTERM')
    rmSync(dbDir, { recursive: true, force: true })
  }
}

export const INSIGHTS_BENCH_REPORT = projectPath('eval', 'reports', 'bench-insights.md')

/**
 * `bench-http --insights-only [--pairs N] [--seconds S]`: what recording answers costs. Starts the
 * server twice (insights on, with a database of its own; and `INSIGHTS=off`) and loads them with
 * the same cached `POST /api/ask` requests in N back-to-back pairs of S seconds at 32 connections,
 * alternating which goes first. Short pairs keep each ratio's two sides seconds apart on a shared
 * machine; the median of the pairs' ratios is the figure. Writes `eval/reports/bench-insights.md`.
 */
async function runInsightsCost(pairs: number, seconds: number): Promise<number> {
  const questions = loadDevSet().map((q) => q.question)
  const env = { PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', LLM_BASE_URL: '' }
  const dbDir = mkdtempSync(join(tmpdir(), 'bench-insights-'))
  const file = join(dbDir, 'on.db')
  const children: ChildProcess[] = []
  try {
    const server = [SERVER_HEAP_FLAG, projectPath('scripts', 'start.mjs')]
    const on = await startChild(server, { ...env, DATABASE_PATH: file })
    children.push(on.child)
    const off = await startChild(server, { ...env, INSIGHTS: 'off' })
    children.push(off.child)
    const requests: autocannon.Request[] = questions.map((q) => ({
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q }),
    }))
    // Every dev-set answer is cached on both before anything is measured.
    await load('warm-up', on.url, 3, 8, requests)
    await load('warm-up', off.url, 3, 8, requests)
    const onRuns: RunResult[] = []
    const offRuns: RunResult[] = []
    for (let i = 0; i < pairs; i++) {
      const first = i % 2 === 0
      const a = await load('on', first ? on.url : off.url, seconds, 32, requests)
      const b = await load('off', first ? off.url : on.url, seconds, 32, requests)
      onRuns.push(first ? a : b)
      offRuns.push(first ? b : a)
    }
    const cost = summarize('insights on ÷ off', onRuns, offRuns)
    const offSummary = summarize('insights off', offRuns, offRuns)
    const f = (x: number) => x.toFixed(2)
    const median = (xs: number[]) => quantile(xs, 0.5)
    const sorted = [...cost.ratios].sort((x, y) => x - y)
    const report = [
      '# What insights cost: cached POST /api/ask, insights on vs off',
      '',
      `One run of \`npm run bench:http -- --insights-only --pairs ${pairs} --seconds ${seconds}\` (${process.version}; 2 cores shared by both servers and autocannon, and with other work on the machine). The same server twice: insights on (the default; a SQLite file of its own, written in batches by a worker thread) and \`INSIGHTS=off\`. ${pairs} pairs of ${seconds} s runs at 32 connections, back to back, alternating which goes first; requests cycle the ${questions.length} dev-set questions, all cached after a warm-up. The ratio of a pair is its insights-on req/s over its insights-off req/s.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| on ÷ off, median of the pairs (target ≥ 0.80) | **${f(median(cost.ratios))}** |`,
      `| on ÷ off, each pair | ${cost.ratios.map(f).join(', ')} |`,
      `| on ÷ off, lowest and highest | ${f(sorted[0] ?? Number.NaN)}, ${f(sorted.at(-1) ?? Number.NaN)} |`,
      `| req/s on, off (medians) | ${Math.round(median(cost.rps))}, ${Math.round(median(offSummary.rps))} |`,
      `| latency on: p50 / p95 / p99 ms | ${f(cost.p50)} / ${f(cost.p95)} / ${f(cost.p99)} |`,
      `| latency off: p50 / p95 / p99 ms | ${f(offSummary.p50)} / ${f(offSummary.p95)} / ${f(offSummary.p99)} |`,
      `| errors + non-2xx (on, off) | ${cost.failures}, ${offSummary.failures} |`,
      `| answers stored by the insights-on server (read at the end) | ${storedAnswers(file)} |`,
      '',
    ].join('\n')
    mkdirSync(dirname(INSIGHTS_BENCH_REPORT), { recursive: true })
    writeFileSync(INSIGHTS_BENCH_REPORT, report)
    console.log(report)
    return 0
  } finally {
    for (const c of children) c.kill('SIGTERM')
    rmSync(dbDir, { recursive: true, force: true })
  }
}
