import { type ChildProcess, fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { setPriority } from 'node:os'
import { HTTPException } from 'hono/http-exception'
import { projectPath } from '../paths.ts'
import { FairQueue } from './fair-queue.ts'
import { currentClient, handingOff } from './request-client.ts'

/** The computations a request can start, run in the compute process. */
export type ComputeOp = 'ask' | 'cite' | 'search'

/** A message from the compute process. */
type Reply =
  | { ready: true }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }

interface Job {
  id: number
  op: ComputeOp
  args: unknown[]
  /** Past this time (ms since the epoch) the job is dropped if it has not started. */
  expires: number
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
}

export interface ComputePoolOptions {
  /** A job not started within this long is dropped; one running longer restarts the process (ms). */
  deadlineMs: number
  /** Jobs waiting at most; more get a 503 at once. */
  maxQueued?: number
  /** Jobs one client may have waiting at most; more get a 503 at once. */
  maxQueuedPerClient?: number
  /** Heap of the compute process, in MB. */
  heapMb?: number
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
}

/** Jobs waiting at most by default: four per client for 64 clients. */
const DEFAULT_MAX_QUEUED = 256
/**
 * Jobs one client may have waiting by default: more than a person's tabs ever send at once, and
 * far fewer than the queue holds, so that one client cannot fill it and turn the others away.
 */
const DEFAULT_MAX_QUEUED_PER_CLIENT = 16
/** The compute process's heap (the assistant's data and one computation at a time). */
const DEFAULT_HEAP_MB = 512
/** The compute process's niceness (0 is the server's; 19 the lowest priority). */
const COMPUTE_NICENESS = 10
/** Wait before restarting a compute process that died, in ms. */
const RESTART_DELAY_MS = 500

const overloaded = () => new HTTPException(503, { message: 'timeout' })

/** How to run the CLI's `compute` command: the bundle when it is built, the sources otherwise. */
function computeEntry(heapMb: number): { script: string; execArgv: string[] } {
  const bundle = projectPath('dist', 'cli.mjs')
  const heap = `--max-old-space-size=${heapMb}`
  return existsSync(bundle) && !import.meta.url.endsWith('.ts')
    ? { script: bundle, execArgv: [heap] }
    : { script: projectPath('src', 'cli', 'main.ts'), execArgv: [heap, '--import', 'tsx'] }
}

/**
 * Runs the requests' computations (answers, citation lookup, search) in a child process, one at a
 * time, so that the server's event loop only parses, routes and writes: `/healthz`, cached answers
 * and pages never wait behind an expensive question. Waiting jobs are taken from the clients in
 * turn (see ./fair-queue.ts; the client is the request's, ./request-client.ts), so one client's
 * burst delays another client's job by at most one job per waiting client. A job that waited past the deadline is
 * dropped unrun (its request has had its 503); one that runs past it restarts the process, so no
 * input can hold the computations longer than the deadline. A crash of the process fails its one
 * job with a 500 and the process is restarted.
 *
 * @example
 * const pool = new ComputePool({ deadlineMs: 15_000 })
 * await pool.start()
 * const result = await pool.run('ask', ['What is centrality?', []])
 */
export class ComputePool {
  private readonly options: Required<Omit<ComputePoolOptions, 'env' | 'log'>> &
    Pick<ComputePoolOptions, 'env' | 'log'>
  private child: ChildProcess | null = null
  private ready = false
  private readonly queue = new FairQueue<Job>()
  private running: (Job & { timer: NodeJS.Timeout }) | null = null
  private nextId = 1
  private closed = false
  private starting: Promise<void> | null = null
  /** Jobs run, dropped unrun, and process restarts so far. */
  readonly stats = { run: 0, dropped: 0, restarts: 0 }

  constructor(options: ComputePoolOptions) {
    this.options = {
      maxQueued: DEFAULT_MAX_QUEUED,
      maxQueuedPerClient: DEFAULT_MAX_QUEUED_PER_CLIENT,
      heapMb: DEFAULT_HEAP_MB,
      ...options,
    }
  }

  /** Starts the compute process; resolves once it has loaded the assistant's data. */
  start(): Promise<void> {
    this.starting ??= new Promise<void>((resolve, reject) => {
      const { script, execArgv } = computeEntry(this.options.heapMb)
      const child = fork(script, ['compute'], {
        cwd: projectPath(),
        execArgv,
        // The compute process keeps no answer cache: the server's is the one that counts.
        env: { ...(this.options.env ?? process.env), ANSWER_CACHE_SIZE: '0' },
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      })
      this.child = child
      // The event loop comes first: when the cores are busy, the computation waits, not /healthz.
      if (child.pid !== undefined) {
        try {
          setPriority(child.pid, COMPUTE_NICENESS)
        } catch {
          // Not allowed here (a container without the capability): same priority, still off the loop.
        }
      }
      child.on('message', (m: Reply) => {
        if ('ready' in m) {
          this.ready = true
          resolve()
          this.pump()
        } else this.settle(m)
      })
      child.once('exit', (code, signal) => {
        const wasReady = this.ready
        this.ready = false
        this.child = null
        this.starting = null
        if (!wasReady)
          reject(new Error(`the compute process exited (${signal ?? code}) while starting`))
        if (this.running) {
          clearTimeout(this.running.timer)
          this.running.reject(new Error(`the compute process stopped (${signal ?? code})`))
          this.running = null
        }
        if (this.closed || !wasReady) return
        this.stats.restarts++
        this.options.log?.(`compute process stopped (${signal ?? code}); restarting`)
        setTimeout(() => {
          if (!this.closed) this.start().catch((e) => this.options.log?.(String(e)))
        }, RESTART_DELAY_MS).unref()
      })
    })
    return this.starting
  }

  /**
   * Runs one computation in the compute process, queued as `client`'s (default: the client of the
   * request being handled).
   */
  run<T>(op: ComputeOp, args: unknown[], client: string = currentClient()): Promise<T> {
    if (this.closed) return Promise.reject(overloaded())
    if (
      this.queue.size >= this.options.maxQueued ||
      this.queue.sizeOf(client) >= this.options.maxQueuedPerClient
    )
      return Promise.reject(overloaded())
    // The request now waits here, off the event loop: its turn among heavy requests ends.
    handingOff()
    return new Promise<T>((resolve, reject) => {
      this.queue.push(client, {
        id: this.nextId++,
        op,
        args,
        expires: Date.now() + this.options.deadlineMs,
        resolve: resolve as (v: unknown) => void,
        reject,
      })
      this.pump()
    })
  }

  /** Jobs waiting now (not counting the running one). */
  queued(): number {
    return this.queue.size
  }

  /** Stops the compute process; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.drain()) job.reject(overloaded())
    const child = this.child
    if (!child) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }

  private pump(): void {
    if (!this.ready || this.running || !this.child) return
    let job = this.queue.shift()
    while (job && job.expires < Date.now()) {
      this.stats.dropped++
      job.reject(overloaded())
      job = this.queue.shift()
    }
    if (!job) return
    const child = this.child
    // A computation that outlives the deadline is stopped with its process.
    const timer = setTimeout(() => child.kill('SIGKILL'), this.options.deadlineMs)
    this.running = { ...job, timer }
    child.send({ id: job.id, op: job.op, args: job.args })
  }

  private settle(m: Exclude<Reply, { ready: true }>): void {
    const job = this.running
    if (!job || job.id !== m.id) return
    clearTimeout(job.timer)
    this.running = null
    this.stats.run++
    if (m.ok) job.resolve(m.result)
    else job.reject(new Error(m.error))
    this.pump()
  }
}
