import bm25 from '../../dist/worker/bm25.minisearch.txt'
import chapter from '../../dist/worker/chapter.txt'
import document from '../../dist/worker/document.txt'
import extras from '../../dist/worker/extras.json' with { type: 'json' }
import meta from '../../dist/worker/meta.json' with { type: 'json' }
import table from '../../dist/worker/table.bin'
import vectors from '../../dist/worker/vectors.bin'
import vocab from '../../dist/worker/vocab.txt'
import { createWorkerApp } from './app.ts'
import { loadWorkerData } from './assistant.ts'
import type { WorkerEnv } from './config.ts'
import type { WorkerExtras, WorkerMeta } from './data-format.ts'

/** What workerd passes a fetch handler besides the request (`waitUntil`, …), as Hono types it. */
type ExecutionContext = import('hono').ExecutionContext

// Startup (once per isolate): read the parsed chapter, chunk it, open the model and the index from the
// bundled modules. The app itself is made on the first request, when `env` is known.
const data = loadWorkerData({
  vocab,
  table,
  vectors,
  bm25,
  chapter,
  document,
  // Typed by src/workers/modules.d.ts, or from the files' contents once they are built.
  meta: meta as WorkerMeta,
  extras: extras as WorkerExtras,
})
let app: ReturnType<typeof createWorkerApp> | undefined

/**
 * The Cloudflare Workers host: the chapter assistant's HTTP API, pages and widget, answered in
 * the isolate from bundled data (no storage, no network). See wrangler.toml.
 */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    app ??= createWorkerApp(data, env)
    return app.fetch(request, env, ctx)
  },
}
