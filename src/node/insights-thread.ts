import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type {
  CitedCount,
  DayCounts,
  InsightItem,
  InsightsStore,
  ItemStatus,
  TimeRange,
  WriteBatch,
} from '../insights/types.ts'
import { projectPath } from '../paths.ts'
import type { StoreCall, StoreReply } from './insights-worker.ts'

/** The worker's heap cap: it holds one batch at a time and query results for the dashboard. */
const WORKER_HEAP_MB = 96

/** The worker as bundled by scripts/build.mjs, beside the server bundle. */
const BUNDLED_WORKER = new URL('./insights-worker.mjs', import.meta.url)

/**
 * The worker script to run. From the bundle (`dist/cli.mjs`) it is `dist/insights-worker.mjs`;
 * from the TypeScript sources (tests, tsx) the worker is bundled now with esbuild into `.tmp/`,
 * under a name made from its content, so concurrent processes agree on one file.
 */
async function workerScript(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) return BUNDLED_WORKER
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./insights-worker.ts', import.meta.url))],
    absWorkingDir: projectPath(),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
    write: false,
    logLevel: 'warning',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  const dir = projectPath('.tmp')
  const file = join(
    dir,
    `insights-worker.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`,
  )
  if (!existsSync(file) || readFileSync(file).length !== code.length) {
    mkdirSync(dir, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, code)
    renameSync(tmp, file)
  }
  return new URL(`file://${file}`)
}

/**
 * The SQLite insights store on its own thread: every call is posted to a worker that owns the
 * connection (./insights-worker.ts), so writing a batch costs the request thread only copying it.
 * A worker that dies fails the calls in flight (the caller logs them) and is started again on the
 * next call.
 *
 * @example
 * const store = new ThreadInsightsStore('data/insights.db')
 * await store.migrate()
 */
export class ThreadInsightsStore implements InsightsStore {
  readonly path: string
  private worker: Worker | null = null
  private starting: Promise<Worker> | null = null
  private seq = 0
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >()

  constructor(path: string) {
    this.path = path
  }

  migrate(): Promise<string[]> {
    return this.call('migrate', []) as Promise<string[]>
  }
  write(batch: WriteBatch): Promise<{ unknownFeedback: string[] }> {
    return this.call('write', [batch]) as Promise<{ unknownFeedback: string[] }>
  }
  hasAnswer(id: string, since: number): Promise<boolean> {
    return this.call('hasAnswer', [id, since]) as Promise<boolean>
  }
  days(range: TimeRange): Promise<DayCounts[]> {
    return this.call('days', [range]) as Promise<DayCounts[]>
  }
  topCited(range: TimeRange, limit: number): Promise<CitedCount[]> {
    return this.call('topCited', [range, limit]) as Promise<CitedCount[]>
  }
  items(range: TimeRange, status: ItemStatus, limit: number): Promise<InsightItem[]> {
    return this.call('items', [range, status, limit]) as Promise<InsightItem[]>
  }
  latencies(range: TimeRange): Promise<number[]> {
    return this.call('latencies', [range]) as Promise<number[]>
  }
  purge(before: number): Promise<number> {
    return this.call('purge', [before]) as Promise<number>
  }

  async close(): Promise<void> {
    const worker = this.worker ?? (this.starting ? await this.starting.catch(() => null) : null)
    if (!worker) return
    await this.call('close', []).catch(() => {})
    this.worker = null
    await worker.terminate()
  }

  private async call(method: StoreCall['method'], args: unknown[]): Promise<unknown> {
    const worker = await this.start()
    const seq = ++this.seq
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject })
      worker.postMessage({ seq, method, args } satisfies StoreCall)
    })
  }

  private start(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker)
    this.starting ??= workerScript()
      .then((script) => {
        const worker = new Worker(script, {
          workerData: { path: this.path },
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        })
        worker.unref()
        worker.on('message', (reply: StoreReply) => {
          const w = this.waiting.get(reply.seq)
          if (!w) return
          this.waiting.delete(reply.seq)
          if (reply.ok) w.resolve(reply.value)
          else w.reject(new Error(reply.error))
        })
        const fail = (err: Error) => {
          if (this.worker === worker) this.worker = null
          for (const w of this.waiting.values()) w.reject(err)
          this.waiting.clear()
        }
        worker.on('error', fail)
        worker.on('exit', (code) => fail(new Error(`insights worker exited (${code})`)))
        this.worker = worker
        return worker
      })
      .finally(() => {
        this.starting = null
      })
    return this.starting
  }
}
