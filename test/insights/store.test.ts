import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { Insights } from '../../src/insights/insights.ts'
import { MIGRATIONS_TABLE_SQL } from '../../src/insights/migrations.ts'
import { loadMigrations, SqliteInsightsStore } from '../../src/node/insights-sqlite.ts'
import { ThreadInsightsStore } from '../../src/node/insights-thread.ts'
import { answerRecord, daysAgo, tempDir } from './helpers.ts'

let cleanup: Array<() => void> = []
afterEach(() => {
  for (const f of cleanup) f()
  cleanup = []
})
function dbPath(name = 'insights.db') {
  const t = tempDir()
  cleanup.push(t.remove)
  return join(t.dir, 'nested', name)
}
const tables = (file: string) =>
  new Database(file, { readonly: true })
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all()

describe('migrations on a real SQLite file', () => {
  it('creates the file, its folder and every table from nothing, in WAL mode', async () => {
    const file = dbPath()
    expect(existsSync(file)).toBe(false)
    const store = new SqliteInsightsStore(file)
    expect(await store.migrate()).toEqual(['0001_answers.sql', '0002_answer_citations.sql'])
    expect(store.connection().pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.connection().pragma('synchronous', { simple: true })).toBe(2) // FULL
    await store.close()
    expect(tables(file)).toEqual([
      'answer_citations',
      'answers',
      'd1_migrations',
      'sqlite_sequence',
    ])
    // A second start applies nothing.
    const again = new SqliteInsightsStore(file)
    expect(await again.migrate()).toEqual([])
    await again.close()
  })

  it('upgrades a database of the previous version, keeping and backfilling its rows', async () => {
    const file = dbPath()
    // The state the previous version left: migration 0001 applied and recorded.
    mkdirSync(join(file, '..'), { recursive: true })
    const v1 = new Database(file)
    v1.exec(MIGRATIONS_TABLE_SQL)
    const first = loadMigrations()[0]
    if (!first) throw new Error('no migrations')
    v1.exec(first.sql)
    v1.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(first.name)
    const insert = v1.prepare(
      'INSERT INTO answers (id, at, question, standalone_question, route, answerable, answer, citations, latency_ms, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const cite = (id: string, section: string) => ({
      id,
      label: id,
      section,
      kind: 'paragraph',
      start: 0,
      end: 1,
    })
    const now = Date.now()
    insert.run(
      'a',
      now,
      'q1',
      'q1',
      'passage',
      1,
      'x',
      JSON.stringify([cite('I.1/p-1', 'I.1'), cite('II.4/t', 'II.4')]),
      2,
      'down',
    )
    insert.run(
      'b',
      now,
      'q2',
      'q2',
      'table',
      1,
      'y',
      JSON.stringify([cite('II.4/t', 'II.4')]),
      3,
      null,
    )
    insert.run('c', now, 'q3', 'q3', 'abstain', 0, 'z', '[]', 4, null)
    v1.close()
    expect(tables(file)).not.toContain('answer_citations')

    const v2 = new SqliteInsightsStore(file)
    expect(await v2.migrate()).toEqual(['0002_answer_citations.sql'])
    const range = { from: now - 1000, to: now + 1000 }
    expect(await v2.topCited(range, 10)).toEqual([
      { id: 'II.4/t', label: 'II.4/t', section: 'II.4', kind: 'paragraph', count: 2 },
      { id: 'I.1/p-1', label: 'I.1/p-1', section: 'I.1', kind: 'paragraph', count: 1 },
    ])
    const items = await v2.items(range, 'all', 10)
    expect(items.map((i) => [i.answerId, i.rating ?? null])).toEqual(
      expect.arrayContaining([
        ['a', 'down'],
        ['b', null],
        ['c', null],
      ]),
    )
    expect(
      v2.connection().prepare('SELECT name FROM d1_migrations ORDER BY id').pluck().all(),
    ).toEqual(['0001_answers.sql', '0002_answer_citations.sql'])
    await v2.close()
  })

  it('refuses a stray file name in the migrations', () => {
    expect(() =>
      new SqliteInsightsStore(dbPath(), { migrations: [{ name: 'x.sql', sql: '' }] }).connection(),
    ).toThrow(/not a migration file name/)
  })
})

describe('writes, feedback and retention', () => {
  it('stores answers and a rating changed twice (the last one wins)', async () => {
    const store = new SqliteInsightsStore(dbPath())
    const insights = new Insights({ store, purgeIntervalMs: 0 })
    await insights.start()
    insights.record(answerRecord('a1', { answerable: false, route: 'abstain', citations: [] }))
    insights.record(answerRecord('a2', { verdict: 'yes', route: 'yes-no' }))
    // Rated before the answer reached the database: it is written in the same transaction.
    expect(
      await insights.feedback({
        answerId: 'a2',
        rating: 'down',
        comment: 'wrong row',
        at: Date.now(),
      }),
    ).toBe('stored')
    expect(await insights.feedback({ answerId: 'a2', rating: 'up', at: Date.now() })).toBe('stored')
    expect(await insights.feedback({ answerId: 'nope', rating: 'up', at: Date.now() })).toBe(
      'unknown',
    )
    const range = { from: daysAgo(1), to: Date.now() + 1000 }
    const a2 = (await insights.items(range, 'all', 10)).find((i) => i.answerId === 'a2')
    expect(a2).toMatchObject({
      answerId: 'a2',
      rating: 'up',
      verdict: 'yes',
      route: 'yes-no',
      citations: ['II.4/table-8.3/row-3'],
    })
    expect(a2?.comment).toBeUndefined()
    expect((await store.items(range, 'unanswered', 10)).map((i) => i.answerId)).toEqual(['a1'])
    expect(await store.days(range)).toEqual([
      {
        date: new Date().toISOString().slice(0, 10),
        asked: 2,
        answered: 1,
        abstained: 1,
        up: 1,
        down: 0,
      },
    ])
    await insights.close()
  })

  it('purges answers older than RETENTION_DAYS and refuses feedback on them', async () => {
    const store = new SqliteInsightsStore(dbPath())
    await store.write({
      answers: [
        answerRecord('old', { at: daysAgo(31) }),
        answerRecord('edge', { at: daysAgo(29) }),
        answerRecord('new', { at: daysAgo(0) }),
      ],
      feedback: [],
    })
    const insights = new Insights({ store, retentionDays: 30, purgeIntervalMs: 0 })
    await insights.start() // purges once at start
    const range = { from: daysAgo(400), to: Date.now() + 1000 }
    expect((await store.items(range, 'all', 10)).map((i) => i.answerId).sort()).toEqual([
      'edge',
      'new',
    ])
    expect(await store.topCited(range, 10)).toMatchObject([{ count: 2 }])
    expect(await insights.feedback({ answerId: 'old', rating: 'down', at: Date.now() })).toBe(
      'unknown',
    )
    // An answer that is still in the file but past the retention period counts as expired too.
    await store.write({ answers: [answerRecord('stale', { at: daysAgo(45) })], feedback: [] })
    expect(await insights.feedback({ answerId: 'stale', rating: 'down', at: Date.now() })).toBe(
      'unknown',
    )
    expect(await insights.purge()).toBe(1)
    await insights.close()
  })
})

describe('a database that fails', () => {
  const quietLog = () => {
    const errors: Array<Record<string, unknown>> = []
    return {
      errors,
      logger: { error: (e: Record<string, unknown>) => errors.push(e), info: () => {} },
    }
  }

  it('where the file cannot be created: logged, nothing thrown, feedback unavailable', async () => {
    const t = tempDir()
    cleanup.push(t.remove)
    writeFileSync(join(t.dir, 'blocker'), 'a file where a folder should be')
    const { errors, logger } = quietLog()
    const insights = new Insights({
      store: new SqliteInsightsStore(join(t.dir, 'blocker', 'x.db')),
      logger,
      purgeIntervalMs: 0,
    })
    await insights.start()
    expect(errors[0]?.msg).toBe('insights database unavailable')
    insights.record(answerRecord('a'))
    expect(await insights.feedback({ answerId: 'a', rating: 'up', at: Date.now() })).toBe(
      'unavailable',
    )
    expect(errors.some((e) => e.msg === 'insights write failed')).toBe(true)
    expect(insights.healthy).toBe(false)
    await insights.close()
  })

  it('that is full: the error is logged, later writes still work once there is room', async () => {
    const file = dbPath()
    const store = new SqliteInsightsStore(file)
    const db = store.connection()
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages + 2}`)
    const { errors, logger } = quietLog()
    const insights = new Insights({ store, logger, purgeIntervalMs: 0 })
    await insights.start()
    const big = 'x'.repeat(20_000)
    for (let i = 0; i < 20; i++) insights.record(answerRecord(`f${i}`, { answer: big }))
    await insights.flush()
    expect(errors.map((e) => String(e.error))).toContainEqual(expect.stringMatching(/full/i))
    db.pragma('max_page_count = 1000000')
    await insights.flush() // the retry
    insights.record(answerRecord('after'))
    expect(await insights.feedback({ answerId: 'after', rating: 'up', at: Date.now() })).toBe(
      'stored',
    )
    await insights.close()
  })

  it('whose file is read-only: logged, and it works once it is writable again', async () => {
    const t = tempDir()
    cleanup.push(t.remove)
    const file = join(t.dir, 'ro.db')
    const s = new SqliteInsightsStore(file)
    await s.migrate()
    await s.close()
    chmodSync(file, 0o444)
    chmodSync(t.dir, 0o555)
    cleanup.unshift(() => chmodSync(t.dir, 0o755))
    const isRoot = process.getuid?.() === 0
    // Root ignores permission bits; the real server runs as another user in insights-crash.test.ts.
    const { errors, logger } = quietLog()
    const insights = new Insights({
      store: new SqliteInsightsStore(file),
      logger,
      purgeIntervalMs: 0,
    })
    await insights.start()
    insights.record(answerRecord('r'))
    const outcome = await insights.feedback({ answerId: 'r', rating: 'up', at: Date.now() })
    expect(outcome).toBe(isRoot ? 'stored' : 'unavailable')
    if (!isRoot) expect(errors.length).toBeGreaterThan(0)
    await insights.close()
  })
})

describe('concurrent writes', () => {
  it('two connections on one file writing at once lose nothing', async () => {
    const file = dbPath()
    const a = new Insights({
      store: new SqliteInsightsStore(file),
      purgeIntervalMs: 0,
      flushIntervalMs: 1,
      maxBatch: 7,
    })
    const b = new Insights({
      store: new SqliteInsightsStore(file),
      purgeIntervalMs: 0,
      flushIntervalMs: 1,
      maxBatch: 5,
    })
    await Promise.all([a.start(), b.start()])
    const N = 300
    for (let i = 0; i < N; i++) {
      a.record(answerRecord(`a${i}`))
      b.record(answerRecord(`b${i}`))
    }
    // Each rates the other's answers, concurrently.
    const outcomes = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        await Promise.all([a.flush(), b.flush()])
        return Promise.all([
          a.feedback({ answerId: `b${i}`, rating: 'up', at: Date.now() }),
          b.feedback({ answerId: `a${i}`, rating: 'down', at: Date.now() }),
        ])
      }),
    )
    expect(outcomes.flat().every((o) => o === 'stored')).toBe(true)
    await Promise.all([a.close(), b.close()])
    const db = new Database(file, { readonly: true })
    expect(
      db.prepare("SELECT count(*) FROM answers WHERE rating = 'up' AND id LIKE 'b%'").pluck().get(),
    ).toBe(N)
    expect(
      db
        .prepare("SELECT count(*) FROM answers WHERE rating = 'down' AND id LIKE 'a%'")
        .pluck()
        .get(),
    ).toBe(N)
    expect(db.prepare('SELECT count(*) FROM answer_citations').pluck().get()).toBe(2 * N)
    db.close()
  })
})

describe('the folder of a missing file', () => {
  it('is created on first use', async () => {
    const file = dbPath()
    mkdirSync(join(file, '..', '..'), { recursive: true })
    const store = new SqliteInsightsStore(file)
    await store.write({ answers: [answerRecord('x')], feedback: [] })
    expect(existsSync(file)).toBe(true)
    await store.close()
  })
})

describe('the store on its own thread (what the Node host uses)', () => {
  it('writes, rates and reads through the worker, and survives a worker that dies', async () => {
    const file = dbPath()
    const store = new ThreadInsightsStore(file)
    const insights = new Insights({ store, purgeIntervalMs: 0 })
    await insights.start()
    insights.record(answerRecord('t1'))
    expect(await insights.feedback({ answerId: 't1', rating: 'down', at: Date.now() })).toBe(
      'stored',
    )
    const range = { from: daysAgo(1), to: Date.now() + 1000 }
    expect(await insights.items(range, 'down', 5)).toMatchObject([
      { answerId: 't1', rating: 'down' },
    ])
    // A store error comes back as a rejected call, not a dead worker.
    await expect(store.topCited(range, -1.5)).rejects.toThrow(/datatype mismatch|mismatch/i)
    await store.close()
    // A later call starts a new worker.
    expect(await store.hasAnswer('t1', 0)).toBe(true)
    await insights.close()
  })
})
