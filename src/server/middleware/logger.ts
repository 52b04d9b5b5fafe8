import type { MiddlewareHandler } from 'hono'

/** A structured log sink: one object per event. */
export interface Logger {
  info(entry: Record<string, unknown>): void
  error?(entry: Record<string, unknown>): void
}

/** JSON lines on standard output (or nothing, for `LOG_LEVEL=silent`). */
export function jsonLinesLogger(write: (line: string) => void = (l) => console.log(l)): Logger {
  const out = (level: string) => (entry: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, ...entry }))
  return { info: out('info'), error: out('error') }
}

/**
 * Logs one structured line per request: request id, method, path, status and duration.
 * Never logs bodies or query strings (they hold what users typed).
 *
 * @example
 * app.use('*', structuredLogger(jsonLinesLogger()))
 */
export function structuredLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const t0 = performance.now()
    await next()
    logger.info({
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10,
    })
  }
}
