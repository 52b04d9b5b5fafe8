import { applyD1Migrations, env } from 'cloudflare:test'

// As `wrangler d1 migrations apply DB` would: the insights tables in the test's D1 database, with
// the `d1_migrations` records the store checks at start. Idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
