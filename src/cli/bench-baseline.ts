import { serve } from '@hono/node-server'
import { Hono } from 'hono'

/** `bench-baseline`: a bare Hono app with one JSON route on the same Node adapter: the load test's yardstick. */
export async function runBenchBaselineCommand(): Promise<number> {
  const app = new Hono()
  app.get('/json', (c) => c.json({ ok: true, message: 'baseline' }))
  const server = serve(
    { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
    (info) => {
      console.error(`baseline ready at http://127.0.0.1:${info.port}`)
    },
  )
  await new Promise<void>((resolve) => process.once('SIGTERM', () => server.close(() => resolve())))
  return 0
}
