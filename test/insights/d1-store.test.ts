import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { D1InsightsStore, type D1Like, type D1StatementLike } from '../../src/insights/d1-store.ts'
import { Insights } from '../../src/insights/insights.ts'
import { loadMigrations, SqliteInsightsStore } from '../../src/node/insights-sqlite.ts'
import { answerRecord, daysAgo, tempDir } from './helpers.ts'

/**
 * The D1 adapter over a D1-shaped wrapper of better-sqlite3 (D1 is SQLite): the same SQL, `batch`
 * as one transaction. Running it inside workerd with a local D1 binding is left to the Workers host.
 */
class ShimStatement implements D1StatementLike {
  constructor(
    private readonly db: Database.Database,
    private readonly sql: string,
    private readonly values: unknown[] = [],
  ) {}
  bind(...values: unknown[]): D1StatementLike {
    return new ShimStatement(this.db, this.sql, values)
  }
  runNow(): number {
    return this.db.prepare(this.sql).run(...this.values).changes
  }
  async run() {
    return { meta: { changes: this.runNow() } }
  }
  async all<T>() {
    return { results: this.db.prepare(this.sql).all(...this.values) as T[] }
  }
  async first<T>() {
    return (this.db.prepare(this.sql).get(...this.values) as T | undefined) ?? null
  }
}
class ShimD1 implements D1Like {
  constructor(readonly db: Database.Database) {}
  prepare(sql: string): D1StatementLike {
    return new ShimStatement(this.db, sql)
  }
  async batch(statements: D1StatementLike[]) {
    return this.db.transaction(() =>
      statements.map((s) => ({ meta: { changes: (s as ShimStatement).runNow() } })),
    )()
  }
}

const dir = tempDir('insights-d1-')
afterAll(() => dir.remove())
let n = 0
/** A file migrated as `wrangler d1 migrations apply` would (the same files, the same table). */
async function migratedFile(): Promise<string> {
  const file = join(dir.dir, `d1-${n++}.db`)
  const s = new SqliteInsightsStore(file)
  await s.migrate()
  await s.close()
  return file
}

describe('the D1 adapter', () => {
  it('names the migrations wrangler has not applied', async () => {
    const empty = new ShimD1(new Database(join(dir.dir, 'empty.db')))
    await expect(new D1InsightsStore(empty, loadMigrations()).migrate()).rejects.toThrow(
      /0001_answers\.sql, 0002_answer_citations\.sql \(run wrangler d1 migrations apply\)/,
    )
    const done = new ShimD1(new Database(await migratedFile()))
    expect(await new D1InsightsStore(done, loadMigrations()).migrate()).toEqual([])
  })

  it('gives the same answers as the SQLite adapter for the same writes', async () => {
    const sqlite = new SqliteInsightsStore(await migratedFile())
    const d1 = new D1InsightsStore(new ShimD1(new Database(await migratedFile())), loadMigrations())
    const now = Date.now()
    const batch = {
      answers: [
        answerRecord('x1', { at: daysAgo(2, now) }),
        answerRecord('x2', {
          at: daysAgo(1, now),
          answerable: false,
          route: 'abstain',
          citations: [],
        }),
        answerRecord('x3', { at: daysAgo(1, now), verdict: 'no', latencyMs: 7 }),
        answerRecord('old', { at: daysAgo(100, now) }),
      ],
      feedback: [
        { answerId: 'x2', rating: 'down' as const, comment: 'Nothing?', at: now },
        { answerId: 'ghost', rating: 'up' as const, at: now },
      ],
    }
    for (const store of [sqlite, d1])
      expect(await store.write(batch)).toEqual({ unknownFeedback: ['ghost'] })
    const range = { from: daysAgo(30, now), to: now + 1 }
    for (const read of [
      (s: SqliteInsightsStore | D1InsightsStore) => s.days(range),
      (s: SqliteInsightsStore | D1InsightsStore) => s.topCited(range, 10),
      (s: SqliteInsightsStore | D1InsightsStore) => s.items(range, 'all', 10),
      (s: SqliteInsightsStore | D1InsightsStore) => s.items(range, 'down', 10),
      (s: SqliteInsightsStore | D1InsightsStore) => s.latencies(range),
      (s: SqliteInsightsStore | D1InsightsStore) => s.hasAnswer('x3', daysAgo(30, now)),
      (s: SqliteInsightsStore | D1InsightsStore) => s.hasAnswer('old', daysAgo(30, now)),
    ])
      expect(await read(d1)).toEqual(await read(sqlite))
    expect(await d1.items(range, 'down', 10)).toMatchObject([
      { answerId: 'x2', comment: 'Nothing?' },
    ])
    expect(await d1.purge(daysAgo(30, now))).toBe(1)
    expect(await d1.hasAnswer('old', 0)).toBe(false)
    await sqlite.close()
  })

  it('works under Insights: batched answers, durable feedback', async () => {
    const d1 = new D1InsightsStore(new ShimD1(new Database(await migratedFile())), loadMigrations())
    const insights = new Insights({ store: d1, purgeIntervalMs: 0 })
    await insights.start()
    insights.record(answerRecord('w1'))
    expect(await insights.feedback({ answerId: 'w1', rating: 'up', at: Date.now() })).toBe('stored')
    expect(await insights.feedback({ answerId: 'w2', rating: 'up', at: Date.now() })).toBe(
      'unknown',
    )
    expect(await insights.items({ from: 0, to: Date.now() + 1 }, 'all', 5)).toMatchObject([
      { answerId: 'w1', rating: 'up' },
    ])
    await insights.close()
  })
})
