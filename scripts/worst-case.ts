// `npm run worst-case`: a guided search for each endpoint's costliest input within the API's
// limits, measured in process: the Node app (routing, validation, the computation, the response
// body) answers `app.request()` with no compute process and no caches, and the cost of a request
// is the CPU time the process spent on it (process.cpuUsage, user + system). Random recipes
// first, then mutations of the costliest so far (scripts/costly-inputs.mjs); the worst input of
// each endpoint is measured again (median of REPEAT runs) and reported, and all are saved so
// that a later run can replay them (before/after a change) or profile them:
//
//   npm run worst-case                        search (default 80 candidates per endpoint)
//   npm run worst-case -- --n 200 --seed 7    a longer search, another seed
//   npm run worst-case -- --replay FILE       measure the saved inputs of FILE only
//   node --cpu-prof --cpu-prof-dir=.tmp/prof --import tsx scripts/worst-case.ts --replay FILE
//                                             profile them
//   npm run worst-case -- --replay FILE --against DIR
//                                             the saved inputs on this checkout and on another
//                                             (DIR, e.g. a `git worktree` of an earlier commit) in
//                                             one process, requests alternating, so that the
//                                             machine's load weighs on both alike (with
//                                             --fresh each pair is a new draw of the recipe,
//                                             the same request on both; --pairs N, default 9)
//   --fresh       the worst inputs' reported cost (and --replay's) over texts never read before:
//                 each run draws the input's recipe with another seed (new words throughout, the
//                 same kind, sizes and turns), where by default only its nonce changes; the
//                 caches keyed by a text's parts (sentences, a question's parts, the turns) that
//                 the nonce does not reach then help no run, as they help no attacker who varies
//                 every word
//   --out FILE    where to save the worst inputs (default .tmp/worst-case.json)
//   --only NAME   one endpoint (a substring of its name)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { forgetReadNumbers } from '../src/analysis/numbers.ts'
import { openAssistant } from '../src/node/assistant.ts'
import { buildNodeApp } from '../src/node/server.ts'
import { rng, SEEDS, searchSpace } from './costly-inputs.mjs'

/** A request of the search. */
interface Req {
  method: string
  path: string
  headers?: Record<string, string>
  body?: unknown
}
type Genome = ReturnType<ReturnType<typeof searchSpace>['randomGenome']>
interface Measured {
  cpuMs: number
  /** Of `cpuMs`, the main thread's (the rest: V8's compiler and GC threads; NaN off Linux). */
  mainMs: number
  wallMs: number
  status: number
  req: Req
  genome: Genome | null
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
/** Candidates per endpoint; a third random, the rest mutations of the costliest so far. */
const N = Number(arg('--n') ?? 80)
const SEED = Number(arg('--seed') ?? 14)
const OUT = arg('--out') ?? '.tmp/worst-case.json'
const REPLAY = arg('--replay')
const ONLY = arg('--only')
const AGAINST = arg('--against')
const FRESH = process.argv.includes('--fresh')
/** Pairs of runs (one on each checkout) per input with `--against` (`--pairs N`). */
const PAIRS = Number(arg('--pairs') ?? 9)
/** Runs of each endpoint's worst input for its reported cost (the median). */
const REPEAT = 5
/** Requests per endpoint run before the search, not counted. */
const WARM_UP = 5
/** The bound the issue sets on any request, in CPU ms. */
const BOUND_MS = 50

// Every request computes: no answer cache anywhere.
process.env.ANSWER_CACHE_SIZE = '0'
process.env.LOG_LEVEL = 'silent'

type App = ReturnType<typeof buildNodeApp>

/** The Node app of a checkout's modules, with no limits, caches or compute process in the way. */
async function appOf(open: typeof openAssistant, build: typeof buildNodeApp): Promise<App> {
  const ctx = await open({ build: false, llm: null, log: () => {} })
  await ctx.embeddings.load()
  return build(ctx, {
    rateLimitPerMinute: 0,
    pageRateLimitPerMinute: 0,
    requestTimeoutMs: 120_000,
    clientKey: () => 'worst-case',
    corsOrigins: [],
  })
}

const app = await appOf(openAssistant, buildNodeApp)
/** The other checkout's app (`--against DIR`): its own modules, this checkout's data. */
const other: App | null = AGAINST
  ? await appOf(
      (
        (await import(resolve(AGAINST, 'src/node/assistant.ts'))) as {
          openAssistant: typeof openAssistant
        }
      ).openAssistant,
      (
        (await import(resolve(AGAINST, 'src/node/server.ts'))) as {
          buildNodeApp: typeof buildNodeApp
        }
      ).buildNodeApp,
    )
  : null

/**
 * Forgets the numbers read so far, in this checkout and the other (where it can), before each
 * measured request: those caches are keyed by the words near a text's numbers, which a nonce far
 * from them no longer changes, while an attacker can vary them. (Caches keyed by whole texts the
 * nonces defeat.)
 */
const otherForget: (() => void) | undefined = AGAINST
  ? (
      (await import(resolve(AGAINST, 'src/analysis/numbers.ts'))) as {
        forgetReadNumbers?: () => void
      }
    ).forgetReadNumbers
  : undefined
function forgetNumbers(): void {
  forgetReadNumbers()
  otherForget?.()
}

/**
 * CPU ms the main thread has run (Linux `schedstat`, nanoseconds), NaN elsewhere. The process's
 * CPU also counts V8's background threads: its optimizing compiler (≈ 10–30 ms a request while
 * a search's new inputs keep reaching code not yet optimized) and its garbage collector.
 */
function mainThreadMs(): number {
  try {
    return (
      Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
    )
  } catch {
    return Number.NaN
  }
}

type Cost = { cpuMs: number; mainMs: number; wallMs: number; status: number }

/** One request in process; its CPU and wall time, the whole body read. */
async function measure(req: Req, target: App = app): Promise<Cost> {
  const init: RequestInit = { method: req.method, headers: { ...req.headers } }
  if (req.body !== undefined) {
    init.body = JSON.stringify(req.body)
    ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
  }
  forgetNumbers()
  const t0 = performance.now()
  const m0 = mainThreadMs()
  const c0 = process.cpuUsage()
  const res = await target.request(`http://127.0.0.1${req.path}`, init)
  await res.arrayBuffer()
  const c = process.cpuUsage(c0)
  return {
    cpuMs: (c.user + c.system) / 1000,
    mainMs: mainThreadMs() - m0,
    wallMs: performance.now() - t0,
    status: res.status,
  }
}

/** The nonce of a search's input (`n12x345…`, see costly-inputs.mjs), which defeats caches. */
const NONCE = /\bn\d+x\d+\b/g
let fresh = 0
/** `req` with a new nonce, so that no cache (answers, analyses) has seen it. */
const renewed = (req: Req): Req => {
  const nonce = `n${++fresh}x${process.hrtime.bigint()}`
  // Every turn of a conversation gets it too: earlier turns' readings are cached as well.
  return JSON.parse(
    JSON.stringify(req)
      .replace(NONCE, nonce)
      .replace(/"content":"(?!n\d+x)/g, `"content":"${nonce} `),
  ) as Req
}

/** The recipes' requests, to draw a saved recipe again with another seed (`--fresh`). */
const redraw = searchSpace(rng(SEED + 2))

/**
 * The endpoint of a saved input's name: the name itself, or what comes before ` #` in a file
 * that gathers several inputs per endpoint (`"POST /api/ask #s21"`).
 */
const endpointOf = (name: string) => name.split(' #')[0] as keyof typeof redraw.endpoints

/**
 * The median cost of an input over REPEAT runs, each with a fresh nonce (no cache keyed by the
 * whole text helps), or with `--fresh` each drawn anew from its recipe (no text read before).
 */
async function settle(req: Req, name?: string, genome?: Genome | null): Promise<Cost> {
  const build = name ? redraw.endpoints[endpointOf(name)] : undefined
  const runs = []
  for (let i = 0; i < REPEAT; i++)
    runs.push(
      await measure(
        FRESH && genome && build
          ? (build({ ...genome, seed: genome.seed + 7919 * (i + 1) }, `n${++fresh}x${i}`) as Req)
          : renewed(req),
      ),
    )
  runs.sort((a, b) => a.cpuMs - b.cpuMs)
  return runs[Math.floor(REPEAT / 2)] as (typeof runs)[number]
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN
}

/** The guided search over one endpoint; its costliest input and the cost distribution. */
async function search(name: string, space: ReturnType<typeof searchSpace>, rand: () => number) {
  const build = space.endpoints[name as keyof typeof space.endpoints]
  const costs: number[] = []
  let best: Measured | null = null
  // An input's cost is the cheaper of two runs: a collection or a descheduling that hit one run
  // says nothing about the input.
  const tryOne = async (req: Req, genome: Genome | null) => {
    const a = await measure(renewed(req))
    const b = await measure(renewed(req))
    const m = a.cpuMs <= b.cpuMs ? a : b
    costs.push(m.cpuMs)
    if (!best || m.cpuMs > best.cpuMs) best = { ...m, req, genome }
  }
  for (const req of (SEEDS as Record<string, Req[]>)[name] ?? []) await tryOne(req, null)
  for (let i = 0; i < N; i++) {
    const current = best as Measured | null
    const g = i < N / 3 || !current?.genome ? space.randomGenome() : space.mutate(current.genome)
    await tryOne(build(g, `n${i}x${Math.floor(rand() * 1e9)}`) as Req, g)
  }
  const worst = best as unknown as Measured
  return { worst, costs }
}

const describe = (m: Measured) =>
  m.genome
    ? `${m.genome.kind}, ${m.req.body ? JSON.stringify(m.req.body).length : m.req.path.length} chars, ${m.genome.turns} turns`
    : 'seed'

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a')

async function main() {
  const rows: string[] = []
  const saved: Record<string, Measured> = {}
  // Warm-up: the first requests compile the code they run; they are not the inputs' cost.
  const warm = searchSpace(rng(SEED + 1))
  for (const build of Object.values(warm.endpoints))
    for (let i = 0; i < WARM_UP; i++) await measure(build(warm.randomGenome(), `w${i}x0`) as Req)
  if (REPLAY && other) {
    const inputs = JSON.parse(readFileSync(REPLAY, 'utf8')) as Record<string, Measured>
    const names = Object.keys(inputs).filter((name) => !ONLY || name.includes(ONLY))
    const reqOf = (name: string) => (inputs[name] as Measured).req
    /**
     * Run `i`'s request of an input, the same for both checkouts: with `--fresh` drawn anew from
     * its recipe (new to both, as each checkout has its own caches), else with a new nonce.
     */
    const pairReq = (name: string, i: number): Req => {
      const { genome } = inputs[name] as Measured
      const build = redraw.endpoints[endpointOf(name)]
      return FRESH && genome && build
        ? (build({ ...genome, seed: genome.seed + 7919 * (i + 1) }, `n${++fresh}x${i}`) as Req)
        : renewed(reqOf(name))
    }
    for (const name of names)
      for (let i = 0; i < 2; i++) {
        await measure(renewed(reqOf(name)), other)
        await measure(renewed(reqOf(name)))
      }
    rows.push(
      `Paired replay${FRESH ? ' (--fresh: each pair a new draw of the recipe)' : ''}: ${AGAINST} (before) and this checkout (after) in one process, ${PAIRS} pairs per input, CPU ms per request (median).`,
      '',
      `| input | before: median, max, over ${BOUND_MS} ms | after: median, max, over ${BOUND_MS} ms | median after/before |`,
      '|---|---:|---:|---:|',
    )
    const median = (xs: number[]) => quantile(xs, 0.5)
    /** A distribution of CPU ms as "median, max, how many over the bound of how many". */
    const dist = (xs: number[]) =>
      `${fmt(median(xs))}, ${fmt(Math.max(...xs))}, ${xs.filter((x) => x > BOUND_MS).length} of ${xs.length}`
    const allBefore: number[] = []
    const allAfter: number[] = []
    for (const name of names) {
      const before: number[] = []
      const after: number[] = []
      const ratio: number[] = []
      for (let i = 0; i < PAIRS; i++) {
        // Each checkout goes first in half of the pairs.
        const first = i % 2 === 0 ? other : app
        const req = pairReq(name, i)
        const a = (await measure(FRESH ? req : renewed(req), first)).cpuMs
        const b = (await measure(FRESH ? req : renewed(req), first === app ? other : app)).cpuMs
        const [o, t] = first === app ? [b, a] : [a, b]
        before.push(o)
        after.push(t)
        ratio.push(t / o)
      }
      allBefore.push(...before)
      allAfter.push(...after)
      rows.push(`| ${name} | ${dist(before)} | ${dist(after)} | ${median(ratio).toFixed(2)} |`)
      console.error(`  ${name}: ${fmt(median(before))} → ${fmt(median(after))} ms`)
    }
    rows.push(`| all | ${dist(allBefore)} | ${dist(allAfter)} | |`)
  } else if (REPLAY) {
    const inputs = JSON.parse(readFileSync(REPLAY, 'utf8')) as Record<string, Measured>
    rows.push(
      '| endpoint | CPU (median of 5) ms | of which main thread | wall ms | status | was (ms) |',
      '|---|---:|---:|---:|---|---:|',
    )
    for (const [name, m] of Object.entries(inputs)) {
      if (ONLY && !name.includes(ONLY)) continue
      const now = await settle(m.req, name, m.genome)
      saved[name] = { ...m, ...now }
      rows.push(
        `| ${name} | ${fmt(now.cpuMs)} | ${fmt(now.mainMs)} | ${fmt(now.wallMs)} | ${now.status} | ${fmt(m.cpuMs)} |`,
      )
      console.error(`  ${name}: ${fmt(now.cpuMs)} ms (was ${fmt(m.cpuMs)})`)
    }
  } else {
    const rand = rng(SEED)
    const space = searchSpace(rand)
    rows.push(
      `Worst-case search: ${N} candidates per endpoint, seed ${SEED}; CPU ms per request in process (median of ${REPEAT} runs for the worst).`,
      '',
      '| endpoint | worst CPU ms | of which main thread | wall ms | status | p50 | p90 | max in search | input |',
      '|---|---:|---:|---:|---|---:|---:|---:|---|',
    )
    for (const name of Object.keys(space.endpoints)) {
      if (ONLY && !name.includes(ONLY)) continue
      const { worst, costs } = await search(name, space, rand)
      const now = await settle(worst.req, name, worst.genome)
      saved[name] = { ...worst, ...now }
      const over = now.cpuMs > BOUND_MS ? ' (over the bound)' : ''
      rows.push(
        `| ${name} | ${fmt(now.cpuMs)}${over} | ${fmt(now.mainMs)} | ${fmt(now.wallMs)} | ${now.status} | ${fmt(quantile(costs, 0.5))} | ${fmt(quantile(costs, 0.9))} | ${fmt(Math.max(...costs))} | ${describe(worst)} |`,
      )
      console.error(`  ${name}: worst ${fmt(now.cpuMs)} ms after ${costs.length} tries`)
    }
  }
  console.log(rows.join('\n'))
  if (other) return
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, `${JSON.stringify(saved, null, 1)}\n`)
  console.error(`inputs saved to ${OUT}`)
}

await main()
process.exit(0)
