import type {
  AnswerRecord,
  FeedbackRecord,
  InsightItem,
  InsightsStore,
  ItemStatus,
  TimeRange,
} from './types.ts'

/** Where insights report their own failures (the app's JSON-lines logger fits). */
export interface InsightsLogger {
  error?: (entry: Record<string, unknown>) => void
  info?: (entry: Record<string, unknown>) => void
}

/** Settings of {@link Insights}; all but the store have defaults. */
export interface InsightsOptions {
  store: InsightsStore
  /** Answers older than this many days are purged, and feedback on them is refused. */
  retentionDays?: number
  logger?: InsightsLogger
  /** How long answers wait in memory before they are written together. */
  flushIntervalMs?: number
  /** Write at once when this many answers wait. */
  maxBatch?: number
  /** Answers kept in memory while the database fails; beyond it the oldest are dropped (logged). */
  maxPending?: number
  /** How often the retention purge runs. */
  purgeIntervalMs?: number
  now?: () => number
}

/** The defaults: small enough to lose little on a crash, large enough to batch under load. */
export const INSIGHTS_DEFAULTS = {
  retentionDays: 90,
  /** A quarter of a second: one transaction (one fsync) per 250 ms under load. */
  flushIntervalMs: 250,
  maxBatch: 500,
  maxPending: 20_000,
  /** Every six hours, besides once at start. */
  purgeIntervalMs: 6 * 3600_000,
} as const

const DAY_MS = 86_400_000
/** How many failed flushes an answer survives before it is dropped (a poisoned row must not block the rest forever). */
const MAX_ATTEMPTS = 3

/** The outcome of a rating: stored, no such answer (unknown or expired), or no database. */
export type FeedbackOutcome = 'stored' | 'unknown' | 'unavailable'

interface PendingFeedback {
  record: FeedbackRecord
  resolve: (outcome: FeedbackOutcome) => void
}

const noop = () => {}
type Timer = ReturnType<typeof setTimeout>
const unref = (t: Timer) => {
  ;(t as { unref?: () => void }).unref?.()
  return t
}

/**
 * Records answers and feedback without slowing or failing an answer.
 *
 * - `record(answer)` only appends to memory; a timer writes the waiting answers in one
 *   transaction (off the request path). A failing database is logged and the answer was sent
 *   anyway.
 * - `feedback(rating)` is acknowledged only once it is durable: it joins the next transaction
 *   (with every answer still waiting, so the answer it rates is stored with it), which runs on the
 *   next turn of the event loop; concurrent ratings share one commit (group commit).
 *
 * @example
 * const insights = new Insights({ store: await openSqliteInsightsStore('data/insights.db') })
 * await insights.start()
 * insights.record({ id, at: Date.now(), question, standaloneQuestion, route: 'table', answerable: true, answer, citations: [], latencyMs: 3 })
 * await insights.feedback({ answerId: id, rating: 'up', at: Date.now() }) // 'stored'
 */
export class Insights {
  readonly store: InsightsStore
  readonly retentionDays: number
  private readonly logger: InsightsLogger
  private readonly flushIntervalMs: number
  private readonly maxBatch: number
  private readonly maxPending: number
  private readonly purgeIntervalMs: number
  private readonly now: () => number
  private pending: Array<{ record: AnswerRecord; attempts: number }> = []
  /** Ids of the answers in `pending`, to accept feedback on an answer not yet written. */
  private readonly pendingIds = new Set<string>()
  private pendingFeedback: PendingFeedback[] = []
  private timer: Timer | null = null
  private immediate = false
  private flushing: Promise<void> | null = null
  private purgeTimer: Timer | null = null
  private available = true
  private closed = false
  private dropped = 0

  constructor(options: InsightsOptions) {
    this.store = options.store
    this.retentionDays = options.retentionDays ?? INSIGHTS_DEFAULTS.retentionDays
    this.logger = options.logger ?? {}
    this.flushIntervalMs = options.flushIntervalMs ?? INSIGHTS_DEFAULTS.flushIntervalMs
    this.maxBatch = options.maxBatch ?? INSIGHTS_DEFAULTS.maxBatch
    this.maxPending = options.maxPending ?? INSIGHTS_DEFAULTS.maxPending
    this.purgeIntervalMs = options.purgeIntervalMs ?? INSIGHTS_DEFAULTS.purgeIntervalMs
    this.now = options.now ?? Date.now
  }

  /** Runs the migrations and the first purge, then purges periodically. A failure is logged, not thrown. */
  async start(): Promise<void> {
    try {
      const applied = await this.store.migrate()
      if (applied.length) this.logger.info?.({ msg: 'insights migrations applied', applied })
      await this.purge()
    } catch (err) {
      this.fail('insights database unavailable', err)
    }
    if (this.purgeIntervalMs > 0)
      this.purgeTimer = unref(setInterval(() => void this.purge(), this.purgeIntervalMs))
  }

  /** The oldest time still kept. */
  cutoff(): number {
    return this.now() - this.retentionDays * DAY_MS
  }

  /** Deletes what is older than the retention period; returns how many answers went. */
  async purge(): Promise<number> {
    try {
      const removed = await this.store.purge(this.cutoff())
      if (removed) this.logger.info?.({ msg: 'insights purged', removed })
      return removed
    } catch (err) {
      this.fail('insights purge failed', err)
      return 0
    }
  }

  /** Queues an answer for the next write. Never throws, never waits. */
  record(record: AnswerRecord): void {
    if (this.closed) return
    if (this.pending.length >= this.maxPending) {
      const old = this.pending.shift()
      if (old) this.pendingIds.delete(old.record.id)
      this.dropped++
    }
    this.pending.push({ record, attempts: 0 })
    this.pendingIds.add(record.id)
    if (this.pending.length >= this.maxBatch) this.schedule(true)
    else this.schedule(false)
  }

  /**
   * Stores a rating durably: resolves `stored` after the transaction that holds it committed,
   * `unknown` when no answer has this id within the retention period, `unavailable` when the
   * database fails.
   */
  async feedback(record: FeedbackRecord): Promise<FeedbackOutcome> {
    if (this.closed) return 'unavailable'
    if (!this.pendingIds.has(record.answerId)) {
      let known: boolean
      try {
        known = await this.store.hasAnswer(record.answerId, this.cutoff())
      } catch (err) {
        this.fail('insights read failed', err)
        return 'unavailable'
      }
      // It may have been written meanwhile; then it is known in the store.
      if (!known && !this.pendingIds.has(record.answerId)) return 'unknown'
    }
    return new Promise<FeedbackOutcome>((resolve) => {
      this.pendingFeedback.push({ record, resolve })
      this.schedule(true)
    })
  }

  /** Writes everything waiting now (answers and feedback); resolves when it is written or failed. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing
    if (!this.pending.length && !this.pendingFeedback.length) return
    this.flushing = this.writeOnce().finally(() => {
      this.flushing = null
    })
    await this.flushing
  }

  /** Whether the last write or read succeeded. */
  get healthy(): boolean {
    return this.available
  }

  /** The answers listed by the admin API, after writing what waits. */
  async items(range: TimeRange, status: ItemStatus, limit: number): Promise<InsightItem[]> {
    await this.flush()
    return this.store.items(range, status, limit)
  }

  /** Flushes what waits, stops the timers and closes the store. */
  async close(): Promise<void> {
    if (this.closed) return
    if (this.timer) clearTimeout(this.timer)
    if (this.purgeTimer) clearInterval(this.purgeTimer)
    this.timer = null
    await this.flush()
    this.closed = true
    try {
      await this.store.close()
    } catch (err) {
      this.fail('insights close failed', err)
    }
  }

  private schedule(now: boolean): void {
    if (this.closed) return
    if (now) {
      if (this.immediate) return
      this.immediate = true
      if (this.timer) clearTimeout(this.timer)
      // The next turn of the event loop: ratings that arrive together share one commit.
      this.timer = setTimeout(() => this.tick(), 0)
      return
    }
    if (this.timer) return
    this.timer = unref(setTimeout(() => this.tick(), this.flushIntervalMs))
  }

  private tick(): void {
    this.timer = null
    this.immediate = false
    void this.flush().then(() => {
      // What arrived while writing waits for the next turn.
      if (this.pendingFeedback.length) this.schedule(true)
      else if (this.pending.length) this.schedule(false)
    })
  }

  private async writeOnce(): Promise<void> {
    const answers = this.pending.splice(0, this.pending.length)
    const feedback = this.pendingFeedback.splice(0, this.pendingFeedback.length)
    try {
      const { unknownFeedback } = await this.store.write({
        answers: answers.map((a) => a.record),
        feedback: feedback.map((f) => f.record),
      })
      for (const a of answers) this.pendingIds.delete(a.record.id)
      const unknown = new Set(unknownFeedback)
      for (const f of feedback) f.resolve(unknown.has(f.record.answerId) ? 'unknown' : 'stored')
      if (!this.available) this.logger.info?.({ msg: 'insights database available again' })
      this.available = true
      if (this.dropped) {
        this.logger.error?.({ msg: 'insights dropped answers', dropped: this.dropped })
        this.dropped = 0
      }
    } catch (err) {
      this.fail('insights write failed', err, answers.length, feedback.length)
      for (const f of feedback) f.resolve('unavailable')
      // Answers wait for the next try, a bounded number of times.
      const retry = answers.filter((a) => ++a.attempts < MAX_ATTEMPTS)
      for (const a of answers) if (a.attempts >= MAX_ATTEMPTS) this.pendingIds.delete(a.record.id)
      this.dropped += answers.length - retry.length
      this.pending.unshift(...retry)
    }
  }

  private fail(msg: string, err: unknown, answers?: number, feedback?: number): void {
    this.available = false
    ;(this.logger.error ?? noop)({
      msg,
      error: err instanceof Error ? err.message : String(err),
      ...(answers !== undefined ? { answers, feedback } : {}),
    })
  }
}
