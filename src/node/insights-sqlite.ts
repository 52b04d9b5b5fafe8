import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS_TABLE_SQL, orderMigrations, pendingMigrations } from '../insights/migrations.ts'
import {
  ANSWER_COLUMNS,
  type AnswerRow,
  STATUS_WHERE,
  toItem,
  uniqueById,
} from '../insights/rows.ts'
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
} from '../insights/types.ts'
import { projectPath } from '../paths.ts'

/** Where the SQL migrations live (shared with `wrangler d1 migrations`, see wrangler.toml). */
export const MIGRATIONS_DIR = projectPath('src', 'insights', 'migrations')

/** SQLite's page cache, in KiB (its default is 2 MiB): the indexes' recent pages stay in memory. */
const CACHE_KIB = 16 * 1024
/** How long a writer waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5_000

/** The migrations in `dir` (every `.sql` file), ordered. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return orderMigrations(
    readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') })),
  )
}

export interface SqliteStoreOptions {
  /** The migrations to apply (default: all of `src/insights/migrations/`). */
  migrations?: readonly Migration[]
}

/**
 * The insights store on SQLite (better-sqlite3): WAL mode, `synchronous = FULL` (a committed
 * write survives a crash of the process and of the machine), a busy timeout for other processes
 * on the same file. The file and its folder are created on first use. Opening is lazy and retried
 * on every call until it succeeds, so a database that is missing, read-only or locked at start
 * fails calls (which the caller logs) instead of the server, and works once it is fixed.
 *
 * @example
 * const store = new SqliteInsightsStore('data/insights.db')
 * await store.migrate() // ['0001_answers.sql', '0002_answer_citations.sql'] on a new file
 */
export class SqliteInsightsStore implements InsightsStore {
  readonly path: string
  private readonly migrations: readonly Migration[]
  private db: Database.Database | null = null
  private applied: string[] = []
  private stmts: ReturnType<SqliteInsightsStore['prepare']> | null = null

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.path = path
    this.migrations = options.migrations ?? loadMigrations()
  }

  /** The open connection (opening and migrating it first); for tests and tools. */
  connection(): Database.Database {
    return this.open().db
  }

  async migrate(): Promise<string[]> {
    this.open()
    const applied = this.applied
    this.applied = []
    return applied
  }

  async write(batch: WriteBatch): Promise<{ unknownFeedback: string[] }> {
    const { db, s } = this.open()
    const unknownFeedback: string[] = []
    db.transaction(() => {
      for (const a of batch.answers) {
        const inserted = s.insertAnswer.run(answerParams(a)).changes > 0
        if (!inserted) continue
        for (const c of uniqueById(a.citations))
          s.insertCitation.run(a.id, a.at, c.id, c.section, c.kind, c.label)
      }
      for (const f of batch.feedback) {
        const changed = s.rate.run(f.rating, f.comment ?? null, f.at, f.answerId).changes
        if (changed === 0) unknownFeedback.push(f.answerId)
      }
    }).immediate()
    return { unknownFeedback }
  }

  async hasAnswer(id: string, since: number): Promise<boolean> {
    return this.open().s.has.get(id, since) !== undefined
  }

  async days(range: TimeRange): Promise<DayCounts[]> {
    return this.open().s.days.all(range.from, range.to) as DayCounts[]
  }

  async topCited(range: TimeRange, limit: number): Promise<CitedCount[]> {
    return this.open().s.topCited.all(range.from, range.to, limit) as CitedCount[]
  }

  async items(range: TimeRange, status: ItemStatus, limit: number): Promise<InsightItem[]> {
    const rows = this.open().s.items[status].all(range.from, range.to, limit) as AnswerRow[]
    return rows.map(toItem)
  }

  async latencies(range: TimeRange): Promise<number[]> {
    return this.open().s.latencies.pluck().all(range.from, range.to) as number[]
  }

  async purge(before: number): Promise<number> {
    const { db, s } = this.open()
    return db.transaction(() => {
      s.purgeCitations.run(before)
      return s.purgeAnswers.run(before).changes
    })()
  }

  async close(): Promise<void> {
    this.db?.close()
    this.db = null
    this.stmts = null
  }

  private open(): { db: Database.Database; s: ReturnType<SqliteInsightsStore['prepare']> } {
    if (this.db && this.stmts) return { db: this.db, s: this.stmts }
    mkdirSync(dirname(this.path), { recursive: true })
    const db = new Database(this.path, { fileMustExist: false })
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
      const mode = db.pragma('journal_mode = WAL', { simple: true })
      if (mode !== 'wal') throw new Error(`could not switch ${this.path} to WAL (${String(mode)})`)
      db.pragma('synchronous = FULL')
      db.pragma(`cache_size = -${CACHE_KIB}`)
      this.applied.push(...this.runMigrations(db))
      const s = this.prepare(db)
      this.db = db
      this.stmts = s
      return { db, s }
    } catch (err) {
      db.close()
      throw err
    }
  }

  private runMigrations(db: Database.Database): string[] {
    db.exec(MIGRATIONS_TABLE_SQL)
    // Read and apply under one write lock, so that two processes starting together do not both
    // apply the same migration.
    return db
      .transaction(() => {
        const done = new Set(db.prepare('SELECT name FROM d1_migrations').pluck().all() as string[])
        const todo = pendingMigrations(orderMigrations(this.migrations), done)
        const record = db.prepare('INSERT INTO d1_migrations (name) VALUES (?)')
        for (const m of todo) {
          db.exec(m.sql)
          record.run(m.name)
        }
        return todo.map((m) => m.name)
      })
      .immediate()
  }

  private prepare(db: Database.Database) {
    const inRange = 'at >= ? AND at < ?'
    const itemSql = (status: ItemStatus) =>
      db.prepare(
        `SELECT ${ANSWER_COLUMNS}
         FROM answers WHERE ${inRange} ${STATUS_WHERE[status]} ORDER BY at DESC, id LIMIT ?`,
      )
    return {
      insertAnswer: db.prepare(
        `INSERT OR IGNORE INTO answers (id, at, question, standalone_question, route, answerable, verdict, answer, citations, latency_ms)
         VALUES (@id, @at, @question, @standaloneQuestion, @route, @answerable, @verdict, @answer, @citations, @latencyMs)`,
      ),
      insertCitation: db.prepare(
        'INSERT OR IGNORE INTO answer_citations (answer_id, at, citation_id, section, kind, label) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      rate: db.prepare('UPDATE answers SET rating = ?, comment = ?, rated_at = ? WHERE id = ?'),
      has: db.prepare('SELECT 1 FROM answers WHERE id = ? AND at >= ?'),
      days: db.prepare(
        `SELECT date(at / 1000, 'unixepoch') AS date, count(*) AS asked, sum(answerable) AS answered,
                sum(1 - answerable) AS abstained, sum(rating IS 'up') AS up, sum(rating IS 'down') AS down
         FROM answers WHERE ${inRange} GROUP BY 1 ORDER BY 1`,
      ),
      topCited: db.prepare(
        `SELECT citation_id AS id, max(label) AS label, max(section) AS section, max(kind) AS kind, count(*) AS count
         FROM answer_citations WHERE ${inRange} GROUP BY citation_id ORDER BY count DESC, id LIMIT ?`,
      ),
      items: {
        unanswered: itemSql('unanswered'),
        down: itemSql('down'),
        all: itemSql('all'),
      },
      latencies: db.prepare(`SELECT latency_ms FROM answers WHERE ${inRange}`),
      purgeCitations: db.prepare('DELETE FROM answer_citations WHERE at < ?'),
      purgeAnswers: db.prepare('DELETE FROM answers WHERE at < ?'),
    }
  }
}

const answerParams = (a: AnswerRecord) => ({
  id: a.id,
  at: Math.round(a.at),
  question: a.question,
  standaloneQuestion: a.standaloneQuestion,
  route: a.route,
  answerable: a.answerable ? 1 : 0,
  verdict: a.verdict ?? null,
  answer: a.answer,
  citations: JSON.stringify(a.citations),
  latencyMs: a.latencyMs,
})
