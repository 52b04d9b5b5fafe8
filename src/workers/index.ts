import bm25 from '../../dist/worker/bm25.minisearch.txt'
import chapter from '../../dist/worker/chapter.txt'
import document from '../../dist/worker/document.txt'
import extras from '../../dist/worker/extras.json' with { type: 'json' }
import meta from '../../dist/worker/meta.json' with { type: 'json' }
import migrations from '../../dist/worker/migrations.json' with { type: 'json' }
import speller from '../../dist/worker/speller.txt'
import table from '../../dist/worker/table.bin'
import vectors from '../../dist/worker/vectors.bin'
import vocab from '../../dist/worker/vocab.txt'
import type { Migration } from '../insights/types.ts'
import { createWorkerApp, type WorkerHost } from './app.ts'
import { loadWorkerData } from './assistant.ts'
import type { WorkerEnv } from './config.ts'
import type { WorkerExtras, WorkerMeta } from './data-format.ts'
import { whenSent } from './when-sent.ts'

/** What workerd passes a fetch handler besides the request (`waitUntil`, …), as Hono types it. */
type ExecutionContext = import('hono').ExecutionContext

/** How long the answers of a stream wait for its end before they are written anyway. */
const STREAM_WAIT_MS = 30_000

// Startup (once per isolate): read the parsed chapter, chunk it, open the model and the index from the
// bundled modules. The app itself is made on the first request, when `env` is known.
const data = loadWorkerData({
  vocab,
  speller,
  table,
  vectors,
  bm25,
  chapter,
  document,
  // Typed by src/workers/modules.d.ts, or from the files' contents once they are built.
  meta: meta as WorkerMeta,
  extras: extras as WorkerExtras,
  migrations: migrations as Migration[],
})
let host: WorkerHost | undefined
/** The insights' start (migration check and retention purge), once per isolate. */
let started: Promise<void> | undefined

/**
 * The Cloudflare Workers host: the chapter assistant's HTTP API, pages and widget, answered in
 * the isolate from bundled data; insights go to D1 when it is bound. See wrangler.toml.
 */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    host ??= createWorkerApp(data, env)
    const { app, insights } = host
    if (!insights) return app.fetch(request, env, ctx)
    if (!started) {
      started = insights.start()
      ctx.waitUntil(started)
    }
    const { response, sent } = whenSent(await app.fetch(request, env, ctx), STREAM_WAIT_MS)
    // The answers this request recorded are written once it is sent, while the request lives: a
    // Worker has no timer that outlives its requests.
    ctx.waitUntil(sent.then(() => insights.flush()))
    return response
  },
}
