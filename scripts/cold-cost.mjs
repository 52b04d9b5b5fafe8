// `node scripts/cold-cost.mjs`: the CPU a request costs when it is the first of its kind after the
// server starts (issue 14: "no request within the limits costs more than 50 ms of CPU, cold
// included"). For each input, a fresh server (`npm start`'s script, compute process on) is
// started on loopback; once it is ready and idle, the input is sent once (cold) and then again
// with a fresh nonce (warm). A request's cost is the CPU every thread of the server and of its
// compute process spent from the request to 100 ms after its response (V8's compiler threads
// finish then), less what the two processes spend idle in as long. (The second run is no
// steady-state cost: the ordinary requests have no nonce, so theirs is a cached answer, and
// caches keyed by the parts of a text the nonce does not reach serve the others; see
// `npm run worst-case -- --fresh`.)
//
//   node scripts/cold-cost.mjs --inputs FILE [--inputs FILE2 …] [--root DIR] [--rounds R]
//   --inputs FILE  the saved worst inputs of `npm run worst-case` (its --out file); several may
//                  be given. Ordinary requests (a plain question, a quote, a search) are added.
//   --root DIR     the server of another checkout (a before/after, same inputs)
//   --rounds R     fresh servers per input (default 1)
//   --only TEXT    inputs whose name contains TEXT
//
// Bounded: one server at a time, loopback only, one request in flight, each server stopped
// before the next starts.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const all = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []))
const root = all('--root')[0] ?? here
const rounds = Number(all('--rounds')[0] ?? 1)
const only = all('--only')[0]
const HOST = '127.0.0.1'
/** Time after a response in which its compiler threads' work is still counted, ms. */
const SETTLE_MS = 100
/** Time over which the idle processes' CPU is measured before each request, ms. */
const IDLE_MS = 300
/** The bound the issue sets on any request, CPU ms. */
const BOUND_MS = 50

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Ordinary first requests: what a site's first visitor sends. */
const ORDINARY = {
  'ordinary ask': {
    method: 'POST',
    path: '/api/ask',
    body: { question: 'Which country has the highest centrality?' },
  },
  'ordinary cite': {
    method: 'POST',
    path: '/api/cite',
    body: { text: 'Global value chains link producers in many countries.' },
  },
  'ordinary search': { method: 'GET', path: '/api/search?q=trade%20networks' },
}

/** The inputs: name → request. */
function loadInputs() {
  const inputs = { ...ORDINARY }
  for (const [f, file] of all('--inputs').entries()) {
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    for (const [name, m] of Object.entries(saved)) inputs[`${name} #${f + 1}`] = m.req
  }
  return Object.entries(inputs).filter(([name]) => !only || name.includes(only))
}

/** CPU ms every thread of `pid` has run (Linux schedstat, ns), 0 once it has exited. */
function threadsCpuMs(pid) {
  let ns = 0
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    return 0
  }
  return ns / 1e6
}

/** The child processes of `pid`. */
function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

/** CPU ms of the server's process and of its children (the compute process). */
const cpuOf = (pid) => ({
  server: threadsCpuMs(pid),
  compute: childrenOf(pid).reduce((s, c) => s + threadsCpuMs(c), 0),
})

/** Starts the server of `dir` on a free port; resolves when it is ready. */
function startServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=384', 'scripts/start.mjs'], {
      cwd: dir,
      env: { ...process.env, PORT: '0', HOST, LOG_LEVEL: 'silent', LLM_BASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`server not ready: ${stderr}`)), 180_000)
    child.stderr.on('data', (d) => {
      stderr += d
      const m = /ready in (\d+) ms at http:\/\/[^:]+:(\d+)/.exec(stderr)
      if (m) {
        clearTimeout(timer)
        resolve({ child, port: Number(m[2]), readyMs: Number(m[1]) })
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${signal ?? code}) before ready: ${stderr.slice(-2000)}`))
    })
  })
}

/** One request; resolves with its status once the whole body is read. */
function request(port, req) {
  return new Promise((resolve) => {
    const data = req.body === undefined ? undefined : JSON.stringify(req.body)
    const r = http.request(
      {
        host: HOST,
        port,
        path: req.path,
        method: req.method,
        headers: {
          ...(req.headers ?? {}),
          ...(data === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode))
      },
    )
    r.on('error', () => resolve(0))
    r.end(data)
  })
}

/** The nonce of a search's input (see costly-inputs.mjs). */
const NONCE = /\bn\d+x\d+\b/g
let fresh = 0
/** `req` with a new nonce in every text, so that no cache has seen it. */
const renewed = (req) => {
  const nonce = `n${++fresh}x${process.hrtime.bigint()}`
  return JSON.parse(
    JSON.stringify(req)
      .replace(NONCE, nonce)
      .replace(/"content":"(?!n\d+x)/g, `"content":"${nonce} `),
  )
}

/** The CPU of one request on the server `s`, its idle CPU taken off. */
async function cost(s, req) {
  const pid = s.child.pid
  const i0 = cpuOf(pid)
  await sleep(IDLE_MS)
  const i1 = cpuOf(pid)
  const t0 = performance.now()
  const c0 = cpuOf(pid)
  const status = await request(s.port, req)
  const wall = performance.now() - t0
  await sleep(SETTLE_MS)
  const elapsed = performance.now() - t0
  const c1 = cpuOf(pid)
  const spent = (k) => c1[k] - c0[k] - ((i1[k] - i0[k]) / IDLE_MS) * elapsed
  return { ms: spent('server') + spent('compute'), server: spent('server'), wall, status }
}

const stop = (s) =>
  new Promise((resolve) => {
    s.child.once('exit', resolve)
    s.child.kill('SIGTERM')
  })

const inputs = loadInputs()
const fmt = (x) => x.toFixed(1)
const rows = []
const colds = []
const ratios = []
const readyMs = []
for (const [name, req] of inputs) {
  const cold = []
  const warm = []
  for (let r = 0; r < rounds; r++) {
    const s = await startServer(root)
    readyMs.push(s.readyMs)
    // Whatever the start left running (compiling, collecting) settles first.
    await sleep(1000)
    const c = await cost(s, renewed(req))
    const w = await cost(s, renewed(req))
    await stop(s)
    cold.push(c.ms)
    warm.push(w.ms)
    colds.push(c.ms)
    ratios.push(c.ms / Math.max(w.ms, 1))
    console.error(
      `  ${name}: cold ${fmt(c.ms)} ms (server ${fmt(c.server)}; ${c.status}), then ${fmt(w.ms)} ms (server ${fmt(w.server)}; ${w.status})`,
    )
  }
  const worst = Math.max(...cold)
  rows.push(
    `| ${name} | ${cold.map(fmt).join(', ')}${worst > BOUND_MS ? ' (over)' : ''} | ${warm.map(fmt).join(', ')} |`,
  )
}
const sorted = [...colds].sort((a, b) => a - b)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(
  [
    `Cold cost, ${root}: CPU ms of the server and its compute process per request, the first after a fresh start, then the same input again (fresh nonce).`,
    '',
    '| input | cold | then |',
    '|---|---:|---:|',
    ...rows,
    '',
    `cold: median ${fmt(median(colds))}, max ${fmt(sorted.at(-1))} ms; over ${BOUND_MS} ms: ${colds.filter((x) => x > BOUND_MS).length} of ${colds.length}; cold/then median ${median(ratios).toFixed(2)}; ready in median ${median(readyMs)} ms`,
  ].join('\n'),
)
