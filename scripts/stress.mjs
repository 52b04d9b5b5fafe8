// `npm run stress`: replays every finding of the hardening review (issue 14) against the real
// server on loopback and prints one table: attack, server alive, cheap-request p99 during the
// attack, RSS peak, errors. Before the attacks it searches for each endpoint's worst-case input
// (a guided search over the limits) and reports its cost; the attacks include four of each at once.
//
// Bounded: every attack stops after its time or count, traffic goes to 127.0.0.0/8 only, the
// server is a child process that is stopped at the end. Attackers use other loopback source
// addresses (127.0.0.2…) than the cheap probe (127.0.0.1, 127.0.2.x), as separate clients would.
//
// Usage: node scripts/stress.mjs [--root DIR] [--quick] [--out FILE] [--only TEXT] [--inputs FILE]
//   --root DIR     run the server of another checkout (to measure a before/after)
//   --quick        shorter attacks and search (for a smoke run)
//   --only TEXT    run only the attacks whose name contains TEXT (e.g. F2), after the baseline
//   --inputs FILE  the worst inputs of `npm run worst-case` (its --out file) instead of a search
//                  here, so that two servers are attacked with the same requests
//   --profile DIR  write the server's CPU profile (its event loop) to DIR (node --cpu-prof)
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { dirname, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { rng, SEEDS, searchSpace } from './costly-inputs.mjs'

const here = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name) => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
const root = arg('--root') ?? here
const quick = process.argv.includes('--quick')
const out = arg('--out')
const only = arg('--only')
const inputsFile = arg('--inputs')
const profileDir = arg('--profile')
/** Seconds each attack runs at most. */
const ATTACK_S = quick ? 3 : 8
/** Candidates tried per endpoint by the worst-case search. */
const SEARCH_N = quick ? 10 : 36
/** The whole run stops after this long, whatever is left. */
const HARD_STOP_MS = 15 * 60_000
const HOST = '127.0.0.1'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const hardStop = setTimeout(() => {
  console.error('stress: hard time limit reached; stopping')
  server?.child.kill('SIGKILL')
  process.exit(2)
}, HARD_STOP_MS)
hardStop.unref()

// ---------------------------------------------------------------------------------------------
// The server under test

let server
/** Starts `npm start`'s script of `dir` on a free port; resolves with its URL, port and child. */
function startServer(dir, env = {}) {
  return new Promise((resolve, reject) => {
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=384', ...profile, 'scripts/start.mjs'],
      {
        cwd: dir,
        env: { ...process.env, PORT: '0', HOST, LOG_LEVEL: 'silent', LLM_BASE_URL: '', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`server not ready: ${stderr}`)), 180_000)
    child.stderr.on('data', (d) => {
      stderr += d
      const m = /ready in \d+ ms at http:\/\/[^:]+:(\d+)/.exec(stderr)
      if (m) {
        clearTimeout(timer)
        resolve({ child, port: Number(m[1]), stderr: () => stderr })
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${signal ?? code}) before ready: ${stderr.slice(-2000)}`))
    })
  })
}

/** CPU seconds a process has used (user + system; Linux /proc, 100 ticks a second), or NaN. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

/** How many file descriptors a process has open (Linux /proc), or NaN. */
function openFds(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`).length
  } catch {
    return Number.NaN
  }
}

/** The server's resident memory in MB (Linux /proc), or NaN once it has exited. */
function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

// ---------------------------------------------------------------------------------------------
// Requests from a chosen loopback source address

const agents = new Map()
const agentFor = (localAddress) => {
  let a = agents.get(localAddress)
  if (!a) {
    a = new http.Agent({ keepAlive: true, localAddress, maxSockets: 8 })
    agents.set(localAddress, a)
  }
  return a
}

/** One request; resolves with status, body and ms (status 0 for a network error). */
function request(
  port,
  path,
  { method = 'GET', body, headers = {}, from = HOST, timeoutMs = 60_000 } = {},
) {
  return new Promise((resolve) => {
    const t0 = performance.now()
    const data =
      body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    const req = http.request(
      {
        host: HOST,
        port,
        path,
        method,
        agent: agentFor(from),
        headers: data === undefined ? headers : { 'content-type': 'application/json', ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - t0,
          }),
        )
        res.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - t0 }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) =>
      resolve({ status: 0, body: String(e.message), ms: performance.now() - t0 }),
    )
    req.end(data)
  })
}

const percentile = (xs, p) => {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

// ---------------------------------------------------------------------------------------------
// Inputs of the worst-case search (shared with scripts/worst-case.ts)

const rand = rng(14)
const { endpoints: ALL_ENDPOINTS, randomGenome, mutate } = searchSpace(rand)
/** The endpoints whose worst case is searched here (pages have their own attack, F1). */
const ENDPOINTS = Object.fromEntries(
  Object.entries(ALL_ENDPOINTS).filter(([name]) => !name.startsWith('GET /read')),
)

/** Source addresses per block, used in turn: each is a client with its own rate-limit bucket. */
const ADDRESSES_PER_BLOCK = 200
const counters = new Map()
/** The next loopback source address of a block (127.<block>.0.1 … 127.<block>.0.200). */
const nextAddress = (block) => {
  const n = ((counters.get(block) ?? 0) + 1) % ADDRESSES_PER_BLOCK
  counters.set(block, n)
  return `127.${block}.0.${1 + n}`
}

/**
 * Guided search for an endpoint's most expensive input: random recipes, then mutations of the
 * worst so far. Cost = the response time of a lone request on an idle server (one core, so the
 * time is the request's CPU). Returns the worst request and its cost.
 */
async function worstCase(port, name) {
  const build = ENDPOINTS[name]
  let best = null
  let n = 0
  const tryOne = async (req, genome) => {
    const r = await request(port, req.path, {
      method: req.method,
      body: req.body,
      headers: req.headers ?? {},
      from: nextAddress(3),
    })
    n++
    if (!best || r.ms > best.ms) best = { ms: r.ms, status: r.status, genome, req }
  }
  for (const req of SEEDS[name] ?? []) await tryOne(req, null)
  for (let i = 0; i < SEARCH_N; i++) {
    const g = i < SEARCH_N / 3 || !best?.genome ? randomGenome() : mutate(best.genome)
    await tryOne(build(g, `n${i}x${Math.floor(rand() * 1e9)}`), g)
  }
  return { ...best, tried: n }
}

// ---------------------------------------------------------------------------------------------
// The cheap probe: /healthz and a cached ask, from 127.0.0.1 and rotating 127.2.x.y sources

const CACHED_QUESTION = { question: 'What is the centrality of the Netherlands?' }

/** Runs the probe until `stop()`; returns its latencies and errors. */
async function probe(port, stop) {
  const ms = []
  let errors = 0
  let i = 0
  while (!stop()) {
    const r =
      i++ % 2 === 0
        ? await request(port, '/healthz', { timeoutMs: 30_000 })
        : await request(port, '/api/ask', {
            method: 'POST',
            body: CACHED_QUESTION,
            from: nextAddress(2),
            timeoutMs: 30_000,
          })
    if (r.status === 200) ms.push(r.ms)
    else errors++
    await sleep(20)
  }
  return { ms, errors }
}

/** Runs `attack` while probing and sampling RSS; one table row. */
async function replay(name, attack) {
  const pid = server.child.pid
  let peak = rssMb(pid)
  const sampler = setInterval(() => {
    const v = rssMb(pid)
    if (v > peak) peak = v
  }, 100)
  let done = false
  // This process's own event-loop delay: the probe runs here too, so a busy attacker loop adds
  // to the probe's latencies (reported, to tell the server's delay from this one's).
  const ownDelay = monitorEventLoopDelay({ resolution: 5 })
  ownDelay.enable()
  const cpu0 = cpuSeconds(pid)
  const t0 = Date.now()
  const probing = probe(server.port, () => done)
  let note = ''
  let attackErrors = 0
  try {
    const r = (await attack()) ?? {}
    note = r.note ?? ''
    attackErrors = r.errors ?? 0
  } catch (e) {
    note = `attack failed: ${e.message}`
  }
  done = true
  ownDelay.disable()
  const cpu = cpuSeconds(pid) - cpu0
  const wall = (Date.now() - t0) / 1000
  const p = await probing
  clearInterval(sampler)
  const health = await request(server.port, '/healthz', { timeoutMs: 10_000 })
  const alive = server.child.exitCode === null && health.status === 200
  const row = {
    attack: name,
    alive: alive ? 'yes' : 'NO',
    p99: percentile(p.ms, 99),
    rss: peak,
    errors: p.errors + attackErrors,
    note: `${note}${note ? '; ' : ''}event-loop process CPU ${cpu.toFixed(1)} s in ${wall.toFixed(1)} s; the attacking process's own loop delay p99 ${(ownDelay.percentile(99) / 1e6).toFixed(0)} ms`,
  }
  console.error(
    `  ${name}: alive ${row.alive}, p99 ${row.p99?.toFixed(1)} ms, RSS ${peak.toFixed(0)} MB, errors ${row.errors} ${note}`,
  )
  if (!alive) {
    console.error('  the server died; starting a new one for the next attack')
    server.child.kill('SIGKILL')
    server = await startServer(root)
  }
  return row
}

// ---------------------------------------------------------------------------------------------
// The attacks (one per finding)

const until = (s) => {
  const end = Date.now() + s * 1000
  return () => Date.now() >= end
}

/** F1: three connections pipeline 1,500 distinct reader pages each and never read. */
async function pipelinedPages() {
  const sockets = []
  for (let c = 0; c < 3; c++) {
    let r = ''
    for (let j = 0; j < 1500; j++) {
      const s = c * 1500 + j
      r += `GET /read?hl=${s}-${s + 5} HTTP/1.1\r\nHost: x\r\n\r\n`
    }
    const k = net.connect(
      { port: server.port, host: HOST, localAddress: `127.0.1.${c + 1}` },
      () => {
        k.pause()
        k.write(r)
      },
    )
    k.on('error', () => {})
    sockets.push(k)
  }
  await sleep(ATTACK_S * 1000)
  const cut = sockets.filter((s) => s.destroyed).length
  for (const s of sockets) s.destroy()
  return { note: `${cut}/3 connections cut by the server` }
}

/** F2/F3: four worst-case requests of every endpoint at once, again and again. */
async function worstCases(worst) {
  const stop = until(ATTACK_S)
  let sent = 0
  let errors = 0
  let slowest = 0
  const lanes = []
  for (const [name, w] of Object.entries(worst)) {
    for (let i = 0; i < 4; i++) {
      lanes.push(
        (async () => {
          while (!stop()) {
            const r = await request(server.port, w.req.path, {
              method: w.req.method,
              body: w.req.body,
              headers: w.req.headers ?? {},
              from: nextAddress(4),
              timeoutMs: 60_000,
            })
            sent++
            slowest = Math.max(slowest, r.ms)
            // A 503 after the deadline is the bound working; a 5xx otherwise or a reset is not.
            if (r.status === 0 || (r.status >= 500 && r.status !== 503)) errors++
          }
        })(),
      )
    }
    void name
  }
  await Promise.all(lanes)
  return {
    errors,
    note: `${sent} heavy requests (${lanes.length} at once), slowest ${slowest.toFixed(0)} ms`,
  }
}

/**
 * F3 fairness: one client (one source address) keeps 16 worst-case asks in flight while another
 * client asks fresh (uncached, cheap) questions one after the other. The compute queue takes the
 * clients in turn, so the fresh asks wait for at most one of the burst's jobs, not for all 16.
 */
async function oneClientsBurst(worst) {
  const stop = until(ATTACK_S)
  const heavy = worst['POST /api/ask'].req
  let refused = 0
  let errors = 0
  let sent = 0
  const lanes = Array.from({ length: 16 }, async (_, lane) => {
    while (!stop()) {
      const body = JSON.parse(
        JSON.stringify(heavy.body).replace(/\bn\d+x\d+\b/, `b${lane}x${sent++}`),
      )
      const r = await request(server.port, heavy.path, {
        method: 'POST',
        body,
        from: '127.5.0.1',
        timeoutMs: 60_000,
      })
      if (r.status === 503 || r.status === 429) refused++
      else if (r.status !== 200) errors++
      if (r.status === 429) await sleep(200)
    }
  })
  const fresh = []
  const other = (async () => {
    for (let i = 0; !stop(); i++) {
      const r = await request(server.port, '/api/ask', {
        method: 'POST',
        body: { question: `What is the centrality of Japan? (${i}-${Date.now()})` },
        from: '127.6.0.1',
        timeoutMs: 60_000,
      })
      if (r.status === 200) fresh.push(r.ms)
      else errors++
      await sleep(100)
    }
  })()
  await Promise.all([...lanes, other])
  return {
    errors,
    note: `${sent} burst asks from one client (${refused} refused: its queue share or rate limit); another client's fresh asks: p50 ${fmt(percentile(fresh, 50))} ms, p99 ${fmt(percentile(fresh, 99))} ms (n=${fresh.length})`,
  }
}

/** F4: thousands of idle connections from one client, then from a few. */
async function connectionFlood() {
  const sockets = []
  const N = quick ? 1500 : 4000
  let refused = 0
  await Promise.all(
    Array.from(
      { length: N },
      (_, i) =>
        new Promise((resolve) => {
          const s = net.connect({
            port: server.port,
            host: HOST,
            localAddress: `127.0.5.${1 + (i % 4)}`,
          })
          s.on('error', () => {
            refused++
            resolve()
          })
          s.on('close', () => resolve())
          s.on('connect', () => {
            sockets.push(s)
            setTimeout(resolve, 50)
          })
        }),
    ),
  )
  await sleep(ATTACK_S * 1000)
  // What the server holds: its open file descriptors (client-side, a connection the kernel has
  // not handed to the server yet still looks open).
  const fds = openFds(server.child.pid)
  for (const s of sockets) s.destroy()
  return {
    note: `${N} opened from 4 addresses (${refused} errored); the server held ${fds} file descriptors`,
  }
}

/** F7: X-Forwarded-For spoofing does not escape the rate limit. */
async function spoofedForwardedFor() {
  const from = '127.0.6.1'
  let limited = 0
  let first429 = -1
  for (let i = 0; i < 200; i++) {
    const r = await request(server.port, '/api/tables/8.1', {
      headers: { 'x-forwarded-for': `198.51.100.${i % 250}` },
      from,
    })
    if (r.status === 429) {
      limited++
      if (first429 === -1) first429 = i
    }
  }
  return {
    errors: limited === 0 ? 1 : 0,
    note: limited
      ? `429 from request ${first429 + 1} on, whatever X-Forwarded-For says`
      : 'NEVER rate-limited',
  }
}

/** F7: pages are rate-limited too. */
async function pageFlood() {
  let limited = 0
  for (let i = 0; i < 700; i++) {
    const r = await request(server.port, `/read?hl=${i}-${i + 3}`, { from: '127.0.6.2' })
    if (r.status === 429) limited++
  }
  return { errors: limited === 0 ? 1 : 0, note: `${limited}/700 distinct pages refused with 429` }
}

/** F8: asks with long histories from many clients: the caches must stay bounded in bytes. */
async function longHistories() {
  const stop = until(ATTACK_S * 2)
  const long = 'Open innovation and global cooperation matter for new quality productive forces. '
  let sent = 0
  let errors = 0
  const lanes = Array.from({ length: 4 }, (_, lane) =>
    (async () => {
      while (!stop() && sent < 3000) {
        const i = sent++
        const hist = Array.from({ length: 20 }, (_, t) => ({
          role: t % 2 ? 'assistant' : 'user',
          content: `${i}-${lane}-${t} ${long.repeat(40)}`.slice(0, 3000),
        }))
        const r = await request(server.port, '/api/ask', {
          method: 'POST',
          body: { question: 'And Canada?', history: hist },
          from: nextAddress(7),
        })
        if (r.status !== 200) errors++
      }
    })(),
  )
  await Promise.all(lanes)
  return { errors, note: `${sent} distinct asks with 20 × 3,000-char histories` }
}

/** F9, F10, F11: requests that must be refused, each checked. */
async function refusals() {
  const checks = [
    [
      'DNS rebinding',
      () =>
        request(server.port, '/api/tables', {
          headers: { host: 'evil.example:8787', origin: 'http://evil.example:8787' },
          from: '127.0.6.3',
        }),
      403,
    ],
    [
      '/v1 NUL',
      () =>
        request(server.port, '/v1/chat/completions', {
          method: 'POST',
          body: { messages: [{ role: 'user', content: 'What\u0000 is it?' }] },
          from: '127.0.6.3',
        }),
      400,
    ],
    [
      '/v1 n=2',
      () =>
        request(server.port, '/v1/chat/completions', {
          method: 'POST',
          body: { n: 2, messages: [{ role: 'user', content: 'What is it?' }] },
          from: '127.0.6.3',
        }),
      400,
    ],
    [
      'json-patch',
      () =>
        request(server.port, '/api/ask', {
          method: 'POST',
          body: '{"question":"x"}',
          headers: { 'content-type': 'application/json-patch+json' },
          from: '127.0.6.3',
        }),
      415,
    ],
    [
      '100-continue',
      () =>
        new Promise((resolve) => {
          const s = net.connect({ port: server.port, host: HOST }, () =>
            s.write(
              'POST /api/ask HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100000000\r\nexpect: 100-continue\r\n\r\n',
            ),
          )
          let reply = ''
          s.on('data', (d) => {
            reply += d
            if (reply.includes('\r\n\r\n')) {
              s.destroy()
              resolve({ status: Number(reply.split(' ')[1]) })
            }
          })
          s.on('error', () => resolve({ status: 0 }))
          setTimeout(() => {
            s.destroy()
            resolve({ status: 0 })
          }, 5000)
        }),
      413,
    ],
  ]
  const failed = []
  for (const [name, run, want] of checks) {
    const r = await run()
    if (r.status !== want) failed.push(`${name}: ${r.status} (want ${want})`)
  }
  return {
    errors: failed.length,
    note: failed.length
      ? failed.join('; ')
      : `${checks.length} refusals as expected (403, 400, 400, 415, 413)`,
  }
}

/** F6: SIGTERM under keep-alive load: nothing reset, the process exits by itself. */
async function sigtermUnderLoad() {
  const target = await startServer(root)
  const request_ =
    'GET /api/search?q=centrality%20of%20the%20Netherlands HTTP/1.1\r\nHost: x\r\n\r\n'
  let stop = false
  const loop = () =>
    new Promise((resolve) => {
      const s = net.connect({ port: target.port, host: HOST })
      // Bytes, not characters: Content-Length counts bytes.
      let buf = Buffer.alloc(0)
      let ok = 0
      let waiting = false
      const send = () => {
        if (stop) return s.destroy()
        waiting = true
        s.write(request_)
      }
      s.on('connect', send)
      s.on('data', (d) => {
        buf = Buffer.concat([buf, d])
        for (;;) {
          const head = buf.indexOf('\r\n\r\n')
          if (head === -1) return
          const headers = buf.subarray(0, head).toString()
          const len = Number(/content-length: *(\d+)/i.exec(headers)?.[1] ?? 0)
          if (buf.length < head + 4 + len) return
          const closing = /connection: *close/i.test(headers)
          buf = buf.subarray(head + 4 + len)
          ok++
          waiting = false
          if (closing) {
            s.destroy()
            return resolve({ ok, reset: false })
          }
          send()
        }
      })
      s.on('error', () => {})
      s.on('close', () => resolve({ ok, reset: waiting }))
    })
  const loops = Array.from({ length: 32 }, loop)
  await sleep(1500)
  const t0 = Date.now()
  target.child.kill('SIGTERM')
  const code = await new Promise((resolve) => {
    const t = setTimeout(() => {
      target.child.kill('SIGKILL')
      resolve('killed after 30 s')
    }, 30_000)
    target.child.once('exit', (c, s) => {
      clearTimeout(t)
      resolve(s ?? c)
    })
  })
  stop = true
  const results = await Promise.all(loops)
  const resets = results.filter((r) => r.reset).length
  return {
    errors: resets + (code === 0 ? 0 : 1),
    note: `32 keep-alive clients: ${resets} reset, exit ${code} after ${Date.now() - t0} ms, ${results.reduce((s, r) => s + r.ok, 0)} responses`,
  }
}

// ---------------------------------------------------------------------------------------------

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a')

async function main() {
  console.error(`stress: server of ${root}`)
  server = await startServer(root)
  const warm = await request(server.port, '/api/ask', { method: 'POST', body: CACHED_QUESTION })
  if (warm.status !== 200) throw new Error(`warm-up ask failed: ${warm.status} ${warm.body}`)
  const idleRss = rssMb(server.child.pid)

  console.error(
    `worst-case search (${SEARCH_N} candidates per endpoint, lone requests on an idle server)…`,
  )
  const worst = {}
  const saved = inputsFile ? JSON.parse(readFileSync(inputsFile, 'utf8')) : {}
  for (const name of Object.keys(ENDPOINTS)) {
    if (saved[name]) {
      const w = saved[name]
      const r = await request(server.port, w.req.path, {
        method: w.req.method,
        body: w.req.body,
        headers: w.req.headers ?? {},
        from: nextAddress(3),
      })
      worst[name] = { ms: r.ms, status: r.status, genome: w.genome ?? null, req: w.req, tried: 1 }
    } else worst[name] = await worstCase(server.port, name)
    const w = worst[name]
    console.error(
      `  ${name}: worst ${w.ms.toFixed(0)} ms (status ${w.status}) after ${w.tried} tries`,
    )
  }

  console.error('attacks…')
  const rows = []
  const wanted = (name) => !only || name.includes(only)
  const run = async (name, attack) => {
    if (wanted(name)) rows.push(await replay(name, attack))
  }
  rows.push(await replay('none (baseline probe)', async () => void (await sleep(ATTACK_S * 500))))
  const idle = rows[0]
  await run('F1 pipelined /read pages, never read', pipelinedPages)
  await run('F2/F3 4 × worst case of every endpoint', () => worstCases(worst))
  await run("F3 one client's burst vs another's fresh asks", () => oneClientsBurst(worst))
  await run('F4 idle connection flood', connectionFlood)
  await run('F7 spoofed X-Forwarded-For', spoofedForwardedFor)
  await run('F7 page flood', pageFlood)
  await run('F8 long histories (cache growth)', longHistories)
  await run('F9–F11 refusals', refusals)
  if (wanted('F6 SIGTERM under keep-alive load')) {
    const f6 = await sigtermUnderLoad()
    rows.push({
      attack: 'F6 SIGTERM under keep-alive load',
      alive: 'exits',
      p99: Number.NaN,
      rss: Number.NaN,
      errors: f6.errors,
      note: f6.note,
    })
  }
  server.child.kill('SIGTERM')
  // Its drain ends it (and writes its profile, with --profile); bounded.
  if (server.child.exitCode === null)
    await Promise.race([new Promise((r) => server.child.once('exit', r)), sleep(15_000)])

  const lines = [
    `Server: ${root === here ? 'this checkout' : root}; idle RSS ${fmt(idleRss, 0)} MB; cheap probe = /healthz and a cached /api/ask, p99 without attack ${fmt(idle.p99)} ms.`,
    '',
    '| endpoint | worst-case response time (lone request) | input |',
    '|---|---:|---|',
    ...Object.entries(worst).map(([n, w]) => {
      const body = w.req.body ? JSON.stringify(w.req.body) : w.req.path
      return `| ${n} | ${fmt(w.ms, 0)} ms (${w.status}) | ${w.genome ? `${w.genome.kind}, ${body.length} chars` : 'seed: "of the and" × 363'} |`
    }),
    '',
    '| attack | server alive | cheap-request p99 (ms) | RSS peak (MB) | errors | notes |',
    '|---|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.attack} | ${r.alive} | ${fmt(r.p99)} | ${fmt(r.rss, 0)} | ${r.errors} | ${r.note} |`,
    ),
  ]
  console.log(lines.join('\n'))
  if (out) writeFileSync(out, `${lines.join('\n')}\n`)
  for (const a of agents.values()) a.destroy()
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    server?.child.kill('SIGKILL')
    process.exit(1)
  },
)
