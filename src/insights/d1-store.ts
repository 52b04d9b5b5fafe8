import { ANSWER_COLUMNS, type AnswerRow, STATUS_WHERE, toItem, uniqueById } from './rows.ts'
import type {
  AnswerRecord,
  CitedCount,
  DayCounts,
  InsightItem,
  InsightsStore,
  ItemStatus,
  Migration,
  TimeRange,
  WriteBatch,
} from './types.ts'

/**
 * The part of Cloudflare's D1 binding this store uses (`D1Database` of `@cloudflare/workers-types`),
 * declared here so the core needs no Workers types.
 */
export interface D1Like {
  prepare(sql: string): D1StatementLike
  /** Runs the statements as one transaction (all or nothing). */
  batch(statements: D1StatementLike[]): Promise<Array<{ meta: { changes: number } }>>
}

/** A D1 prepared statement, as far as this store uses it. */
export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike
  run(): Promise<{ meta: { changes: number } }>
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>
  first<T = Record<string, unknown>>(): Promise<T | null>
}

const IN_RANGE = 'at >= ? AND at < ?'

/**
 * The insights store on Cloudflare D1: the same tables and SQL as the SQLite adapter
 * (`src/node/insights-sqlite.ts`), with a write batch as one D1 `batch` (a transaction).
 * Migrations are applied by `wrangler d1 migrations apply` from `src/insights/migrations/`;
 * `migrate()` checks that they were and names those missing.
 *
 * The Workers host opens it on the `DB` binding (`src/workers/insights.ts`); it is tested inside
 * workerd on Miniflare's D1 (`test/workers/insights.test.ts`) and on Node over a D1-shaped wrapper
 * of better-sqlite3.
 *
 * @example
 * const store = new D1InsightsStore(env.DB, migrations)
 * await store.migrate() // throws if `wrangler d1 migrations apply` has not run
 */
export class D1InsightsStore implements InsightsStore {
  constructor(
    private readonly db: D1Like,
    private readonly migrations: readonly Migration[],
  ) {}

  async migrate(): Promise<string[]> {
    const { results } = await this.db
      .prepare('SELECT name FROM d1_migrations')
      .all<{ name: string }>()
      .catch(() => ({ results: [] as Array<{ name: string }> }))
    const applied = new Set(results.map((r) => r.name))
    const missing = this.migrations.filter((m) => !applied.has(m.name)).map((m) => m.name)
    if (missing.length)
      throw new Error(
        `D1 migrations not applied: ${missing.join(', ')} (run wrangler d1 migrations apply)`,
      )
    return []
  }

  async write(batch: WriteBatch): Promise<{ unknownFeedback: string[] }> {
    const statements: D1StatementLike[] = []
    const insertAnswer = this.db.prepare(
      `INSERT OR IGNORE INTO answers (id, at, question, standalone_question, route, answerable, verdict, answer, citations, latency_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertCitation = this.db.prepare(
      'INSERT OR IGNORE INTO answer_citations (answer_id, at, citation_id, section, kind, label) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const rate = this.db.prepare(
      'UPDATE answers SET rating = ?, comment = ?, rated_at = ? WHERE id = ?',
    )
    for (const a of batch.answers) {
      statements.push(insertAnswer.bind(...answerValues(a)))
      for (const c of uniqueById(a.citations))
        statements.push(
          insertCitation.bind(a.id, Math.round(a.at), c.id, c.section, c.kind, c.label),
        )
    }
    const firstRating = statements.length
    for (const f of batch.feedback)
      statements.push(rate.bind(f.rating, f.comment ?? null, f.at, f.answerId))
    if (!statements.length) return { unknownFeedback: [] }
    const results = await this.db.batch(statements)
    const unknownFeedback = batch.feedback
      .filter((_, i) => (results[firstRating + i]?.meta.changes ?? 0) === 0)
      .map((f) => f.answerId)
    return { unknownFeedback }
  }

  async hasAnswer(id: string, since: number): Promise<boolean> {
    const row = await this.db
      .prepare('SELECT 1 AS found FROM answers WHERE id = ? AND at >= ?')
      .bind(id, since)
      .first()
    return row !== null
  }

  async days(range: TimeRange): Promise<DayCounts[]> {
    const { results } = await this.db
      .prepare(
        `SELECT date(at / 1000, 'unixepoch') AS date, count(*) AS asked, sum(answerable) AS answered,
                sum(1 - answerable) AS abstained, sum(rating IS 'up') AS up, sum(rating IS 'down') AS down
         FROM answers WHERE ${IN_RANGE} GROUP BY 1 ORDER BY 1`,
      )
      .bind(range.from, range.to)
      .all<DayCounts>()
    return results
  }

  async topCited(range: TimeRange, limit: number): Promise<CitedCount[]> {
    const { results } = await this.db
      .prepare(
        `SELECT citation_id AS id, max(label) AS label, max(section) AS section, max(kind) AS kind, count(*) AS count
         FROM answer_citations WHERE ${IN_RANGE} GROUP BY citation_id ORDER BY count DESC, id LIMIT ?`,
      )
      .bind(range.from, range.to, limit)
      .all<CitedCount>()
    return results
  }

  async items(range: TimeRange, status: ItemStatus, limit: number): Promise<InsightItem[]> {
    const { results } = await this.db
      .prepare(
        `SELECT ${ANSWER_COLUMNS}
         FROM answers WHERE ${IN_RANGE} ${STATUS_WHERE[status]} ORDER BY at DESC, id LIMIT ?`,
      )
      .bind(range.from, range.to, limit)
      .all<AnswerRow>()
    return results.map(toItem)
  }

  async latencies(range: TimeRange): Promise<number[]> {
    const { results } = await this.db
      .prepare(`SELECT latency_ms FROM answers WHERE ${IN_RANGE}`)
      .bind(range.from, range.to)
      .all<{ latency_ms: number }>()
    return results.map((r) => r.latency_ms)
  }

  async purge(before: number): Promise<number> {
    const [, answers] = await this.db.batch([
      this.db.prepare('DELETE FROM answer_citations WHERE at < ?').bind(before),
      this.db.prepare('DELETE FROM answers WHERE at < ?').bind(before),
    ])
    return answers?.meta.changes ?? 0
  }

  async close(): Promise<void> {}
}

const answerValues = (a: AnswerRecord) => [
  a.id,
  Math.round(a.at),
  a.question,
  a.standaloneQuestion,
  a.route,
  a.answerable ? 1 : 0,
  a.verdict ?? null,
  a.answer,
  JSON.stringify(a.citations),
  a.latencyMs,
]
