import { D1InsightsStore, type D1Like } from '../insights/d1-store.ts'
import { INSIGHTS_DEFAULTS, Insights, type InsightsLogger } from '../insights/insights.ts'
import type { Migration } from '../insights/types.ts'

/** The insights settings of the Worker's `env` (README "Deploy to Cloudflare Workers"). */
export interface WorkerInsightsEnv {
  /** The D1 database (`[[d1_databases]] binding = "DB"`); without it nothing is stored. */
  DB?: D1Like
  /** `INSIGHTS=off` stores nothing even with the binding. */
  INSIGHTS?: string
  /** Days answers are kept (default 90). */
  RETENTION_DAYS?: string
  /** The site owner's token for `/admin` and `/api/admin/*` (a secret); without it they are 404. */
  ADMIN_TOKEN?: string
}

/**
 * Insights on D1, or `undefined` when the binding is absent or `INSIGHTS=off`. No purge timer (a
 * Worker has no life between requests): the retention purge runs when an isolate starts
 * ({@link Insights.start}), and the answers waiting in memory are written after each response
 * (see `./index.ts`).
 */
export function openWorkerInsights(
  env: WorkerInsightsEnv,
  migrations: readonly Migration[],
  logger?: InsightsLogger,
): Insights | undefined {
  if (!env.DB || (env.INSIGHTS ?? 'on').trim().toLowerCase() === 'off') return undefined
  const days = Number(env.RETENTION_DAYS)
  return new Insights({
    store: new D1InsightsStore(env.DB, migrations),
    retentionDays:
      env.RETENTION_DAYS && Number.isFinite(days) && days > 0
        ? days
        : INSIGHTS_DEFAULTS.retentionDays,
    purgeIntervalMs: 0,
    ...(logger ? { logger } : {}),
  })
}
