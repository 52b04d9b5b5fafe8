import type { Migration } from './types.ts'

/**
 * The table in which applied migrations are recorded: the one `wrangler d1 migrations apply`
 * uses, with the same columns, so that a database migrated by either tool is current for both.
 */
export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS d1_migrations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`

/** Migration files are `NNNN_words.sql` (wrangler's naming); they apply in that order. */
const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/

/**
 * Orders migrations by name and checks their names, so a stray file is an error at start rather
 * than a migration applied out of order.
 *
 * @example
 * orderMigrations([{ name: '0002_b.sql', sql }, { name: '0001_a.sql', sql }]).map((m) => m.name) // ['0001_a.sql', '0002_b.sql']
 */
export function orderMigrations(migrations: readonly Migration[]): Migration[] {
  for (const m of migrations)
    if (!MIGRATION_NAME.test(m.name)) throw new Error(`not a migration file name: ${m.name}`)
  return [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The migrations of `ordered` not in `applied`, in order. */
export function pendingMigrations(
  ordered: readonly Migration[],
  applied: ReadonlySet<string>,
): Migration[] {
  return ordered.filter((m) => !applied.has(m.name))
}
