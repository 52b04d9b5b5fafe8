import type { Context, MiddlewareHandler } from 'hono'
import { problem, sendProblem } from '../problem.ts'

/** A host's verdict on one request: allowed, or refused with when to come back. */
export interface RateLimitVerdict {
  allowed: boolean
  /** Seconds until the client may try again (the `Retry-After` of the 429). */
  retryAfterSeconds?: number
}

/**
 * A rate limiter the host provides, e.g. Cloudflare's rate limiting binding: called once per API
 * request with the client's key. It replaces the app's in-memory limiter.
 */
export type RateLimitHook = (key: string, c: Context) => Promise<RateLimitVerdict>

/** The `Retry-After` when the host's limiter does not say (its window is a minute). */
const DEFAULT_RETRY_SECONDS = 60

/**
 * Puts a host's rate limiter in front of the API. A refused request gets the app's own 429: an
 * RFC 9457 problem with `Retry-After`, the API's headers (set by `apiGate`, which runs first) and
 * its request id, the same as the in-memory limiter's.
 *
 * @example
 * app.use('/api/*', hostRateLimit(async (key) => ({ allowed: (await env.RATE_LIMITER.limit({ key })).success }), (c) => c.req.header('cf-connecting-ip') ?? 'unknown'))
 */
export function hostRateLimit(
  limit: RateLimitHook,
  clientKey: (c: Context) => string,
): MiddlewareHandler {
  return async (c, next) => {
    const verdict = await limit(clientKey(c), c)
    if (verdict.allowed) return next()
    const retry = Math.max(1, Math.ceil(verdict.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS))
    return sendProblem(c, problem('rateLimited', `Try again in ${retry} s.`), {
      'retry-after': String(retry),
    })
  }
}
