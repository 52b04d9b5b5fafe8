import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { SqliteInsightsStore } from '../../src/node/insights-sqlite.ts'
import { projectPath } from '../../src/paths.ts'
import { tempDir } from '../insights/helpers.ts'

/**
 * The real server (the bundle `npm start` runs) in its own process, on a real SQLite file:
 * killed with SIGKILL in the middle of a burst of feedback, and run against a read-only file.
 */
const NOBODY = 65534
let dir: ReturnType<typeof tempDir>
const children: ChildProcess[] = []

beforeAll(() => {
  const built = spawnSync(process.execPath, [projectPath('scripts', 'build.mjs')], {
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`)
  dir = tempDir('insights-crash-')
})
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  dir.remove()
})

function startServer(
  env: Record<string, string>,
  uid?: number,
): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, [projectPath('dist', 'cli.mjs'), 'serve'], {
    cwd: projectPath(),
    env: {
      ...process.env,
      PORT: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      LLM_BASE_URL: '',
      LOG_LEVEL: 'info',
      INSIGHTS: 'on',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid !== undefined ? { uid, gid: uid } : {}),
  })
  children.push(child)
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  return new Promise((resolve, reject) => {
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no ready line: ${err}`)), 90_000)
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString()
      const m = /at (http:\/\/\S+)/.exec(err)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: m[1], out: () => out })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${err}`))
    })
  })
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const QUESTIONS = [
  'What is the centrality of Japan?',
  'How many papers did Germany publish?',
  'What are the three dimensions?',
  'What is a good recipe for kimchi?',
]

async function askMany(url: string, n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, (_, j) =>
        post(`${url}/api/ask`, { question: QUESTIONS[(i + j) % QUESTIONS.length] }).then(
          (r) => r.json() as Promise<{ id: string }>,
        ),
      ),
    )
    ids.push(...batch.map((a) => a.id))
  }
  return ids
}

describe('kill -9 during a burst of feedback', () => {
  it('loses nothing that got a 202', async () => {
    const file = join(dir.dir, 'missing', 'insights.db')
    expect(existsSync(file)).toBe(false)
    const { child, url } = await startServer({ DATABASE_PATH: file, LOG_LEVEL: 'silent' })
    expect(existsSync(file)).toBe(true) // created on first start
    const TOTAL = 800
    const KILL_AFTER = 250
    const ids = await askMany(url, TOTAL)
    expect(new Set(ids).size).toBe(TOTAL)

    const acked: Array<{ id: string; rating: 'up' | 'down'; comment: string }> = []
    let failed = 0
    let next = 0
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++
        const f = {
          id: ids[i] as string,
          rating: i % 3 === 0 ? ('up' as const) : ('down' as const),
          comment: `burst ${i}`,
        }
        try {
          const r = await post(`${url}/api/feedback`, {
            answerId: f.id,
            rating: f.rating,
            comment: f.comment,
          })
          if (r.status === 202) acked.push(f)
          else failed++
        } catch {
          failed++
        }
        if (acked.length >= KILL_AFTER && child.exitCode === null && child.signalCode === null)
          child.kill('SIGKILL')
      }
    }
    await Promise.all(Array.from({ length: 24 }, worker))
    await new Promise<void>((resolve) =>
      child.signalCode ? resolve() : child.once('exit', () => resolve()),
    )
    expect(child.signalCode).toBe('SIGKILL')
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(failed).toBeGreaterThan(0) // the kill came in the middle of the burst

    const db = new Database(file)
    const get = db.prepare('SELECT rating, comment FROM answers WHERE id = ?')
    const lost = acked.filter((f) => {
      const row = get.get(f.id) as { rating: string; comment: string } | undefined
      return row?.rating !== f.rating || row.comment !== f.comment
    })
    db.close()
    console.info(
      `kill -9: ${acked.length} ratings acknowledged, ${failed} refused or cut off; lost: ${lost.length}`,
    )
    expect(lost).toEqual([])
  })
})

describe('a read-only database file', () => {
  it('the server still answers, refuses feedback with a 503 and logs the error', async () => {
    const roDir = join(dir.dir, 'ro')
    mkdirSync(roDir)
    const file = join(roDir, 'insights.db')
    const s = new SqliteInsightsStore(file)
    await s.migrate()
    await s.close()
    chmodSync(file, 0o444)
    chmodSync(roDir, 0o555)
    // Root ignores permission bits: run the server as an unprivileged user then.
    const asRoot = process.getuid?.() === 0
    if (asRoot) chownSync(dir.dir, NOBODY, NOBODY)
    // That user must be able to reach the checkout: a clone in a private folder (mktemp -d is
    // 0700) gets the search bit for others on its ancestors for the test, and back after.
    const opened: Array<[string, number]> = []
    if (asRoot)
      for (let d = projectPath(); d !== dirname(d); d = dirname(d)) {
        const mode = statSync(d).mode & 0o777
        if (!(mode & 0o001)) {
          opened.push([d, mode])
          chmodSync(d, mode | 0o001)
        }
      }
    onTestFinished(() => {
      for (const [d, mode] of opened) chmodSync(d, mode)
    })
    const { url, out } = await startServer({ DATABASE_PATH: file }, asRoot ? NOBODY : undefined)
    const r = await post(`${url}/api/ask`, { question: 'What is the centrality of Japan?' })
    expect(r.status).toBe(200)
    const { id, answer } = (await r.json()) as { id: string; answer: string }
    expect(answer).toContain('2.2')
    const f = await post(`${url}/api/feedback`, { answerId: id, rating: 'up' })
    expect(f.status).toBe(503)
    expect(((await f.json()) as { type: string }).type).toBe('/problems/storage-unavailable')
    expect(out()).toMatch(/"msg":"insights (database unavailable|write failed)"/)
    expect(out()).toMatch(/readonly|read-only|unable to open|permission/i)
    chmodSync(roDir, 0o755)
  })
})
