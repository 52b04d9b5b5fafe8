/**
 * The insights database's thread: a {@link SqliteInsightsStore} that answers calls posted by
 * {@link ThreadInsightsStore} (./insights-thread.ts), so that SQLite's synchronous work (writing
 * batches, fsync, the dashboard's queries) never runs on the thread that serves requests.
 * Bundled to `dist/insights-worker.mjs` (scripts/build.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { InsightsStore } from '../insights/types.ts'
import { SqliteInsightsStore } from './insights-sqlite.ts'

/** A call to the store: its method and arguments, with a number to match the reply. */
export interface StoreCall {
  seq: number
  method: keyof InsightsStore
  args: unknown[]
}

/** The reply to a {@link StoreCall}. */
export type StoreReply =
  | { seq: number; ok: true; value: unknown }
  | { seq: number; ok: false; error: string }

const port = parentPort
if (port) {
  const store = new SqliteInsightsStore((workerData as { path: string }).path)
  port.on('message', async ({ seq, method, args }: StoreCall) => {
    try {
      const fn = store[method] as (...a: unknown[]) => Promise<unknown>
      const value = await fn.apply(store, args)
      port.postMessage({ seq, ok: true, value } satisfies StoreReply)
    } catch (err) {
      port.postMessage({
        seq,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      } satisfies StoreReply)
    }
  })
}
