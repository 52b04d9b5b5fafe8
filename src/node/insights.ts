import {
  INSIGHTS_DEFAULTS,
  Insights,
  type InsightsLogger,
  type InsightsOptions,
} from '../insights/insights.ts'
import { projectPath } from '../paths.ts'
import { ThreadInsightsStore } from './insights-thread.ts'

/** The insights settings of the Node host (README "Privacy"). */
export interface NodeInsightsSettings {
  /** `INSIGHTS=off` stores nothing. */
  enabled: boolean
  /** `DATABASE_PATH`, default `data/insights.db` in the project folder (git-ignored). */
  databasePath: string
  /** `RETENTION_DAYS`, default 90. */
  retentionDays: number
  /** `ADMIN_TOKEN`: without it `/admin` and `/api/admin/*` are 404. */
  adminToken?: string
}

/** The default database file. */
export const DEFAULT_DATABASE_PATH = projectPath('data', 'insights.db')

/** Reads the insights settings from the environment; a bad `RETENTION_DAYS` falls back to 90. */
export function insightsSettingsFromEnv(
  env: Record<string, string | undefined> = process.env,
): NodeInsightsSettings {
  const days = Number(env.RETENTION_DAYS)
  const token = env.ADMIN_TOKEN?.trim()
  return {
    enabled: (env.INSIGHTS ?? 'on').trim().toLowerCase() !== 'off',
    databasePath: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH,
    retentionDays:
      env.RETENTION_DAYS && Number.isFinite(days) && days > 0
        ? days
        : INSIGHTS_DEFAULTS.retentionDays,
    ...(token ? { adminToken: token } : {}),
  }
}

/**
 * Opens insights on SQLite for the Node host, or nothing when they are off. A database that
 * cannot be opened is logged and retried on later writes; the server runs either way.
 */
export async function openNodeInsights(
  settings: NodeInsightsSettings,
  logger?: InsightsLogger,
  options: Omit<InsightsOptions, 'store' | 'retentionDays' | 'logger'> = {},
): Promise<Insights | undefined> {
  if (!settings.enabled) return undefined
  const insights = new Insights({
    // On its own thread: SQLite's synchronous writes stay off the thread that answers requests.
    store: new ThreadInsightsStore(settings.databasePath),
    retentionDays: settings.retentionDays,
    ...(logger ? { logger } : {}),
    ...options,
  })
  await insights.start()
  return insights
}
