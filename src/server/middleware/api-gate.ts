import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { API_HEADERS } from '../headers.ts'
import { problem, sendProblem } from '../problem.ts'

/** `application/json`, with parameters or not; not `application/json-patch+json` and the like. */
const JSON_MEDIA_TYPE = /^\s*application\/json\s*(?:;|$)/i

export interface ApiGateOptions {
  /** Whether a browser on this origin may call the API (the allowlist, or the app's own origin). */
  originAllowed: (origin: string) => boolean
  /** The largest body accepted, in bytes. */
  maxBodyBytes: number
}

/**
 * The one middleware in front of every API route (one layer on every call, not four): it sets
 * the API's security headers; applies CORS, which matters only to browsers (they always send
 * Origin on cross-origin requests), so that a site outside the allowlist gets a clear 403 problem
 * and an allowed one the CORS headers; then refuses a body that is not JSON (415) or is too
 * large (413) before it is read.
 *
 * @example
 * app.use('/api/*', apiGate({ originAllowed: (o) => o === 'https://site.example', maxBodyBytes: 65_536 }))
 */
export function apiGate(options: ApiGateOptions): MiddlewareHandler {
  const corsMiddleware = cors({
    origin: (origin) => (options.originAllowed(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['content-type', 'accept', 'authorization', 'x-request-id'],
    exposeHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  })
  const tooLarge = (c: Context) =>
    sendProblem(
      c,
      problem('payloadTooLarge', `The body must be at most ${options.maxBodyBytes} bytes.`),
    )
  const limitBody = bodyLimit({ maxSize: options.maxBodyBytes, onError: tooLarge })
  // Content-Length is checked at once (Node frames the body by it); a chunked body is counted.
  const guardBody: MiddlewareHandler = (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()
    if (method === 'POST' && !JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? ''))
      return Promise.resolve(
        sendProblem(c, problem('unsupportedMediaType', 'Send the body as application/json.')),
      )
    const length = c.req.header('content-length')
    if (length === undefined) return limitBody(c, next)
    return Number(length) > options.maxBodyBytes ? Promise.resolve(tooLarge(c)) : next()
  }
  const headers = Object.entries(API_HEADERS)
  return (c, next) => {
    for (const [name, value] of headers) c.header(name, value)
    const origin = c.req.header('origin')
    if (!origin) return guardBody(c, next)
    if (!options.originAllowed(origin))
      return Promise.resolve(
        sendProblem(c, problem('originNotAllowed', `${origin} may not call this API`)),
      )
    return corsMiddleware(c, async () => {
      // A refusal is a response the body check returns; it must become the context's response
      // here, inside the CORS middleware, to get the CORS headers.
      const refused = await guardBody(c, next)
      if (refused instanceof Response) c.res = refused
    })
  }
}
