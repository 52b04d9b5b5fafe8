import type { Context, MiddlewareHandler } from 'hono'
import { responseCacheKey } from '../cache-key.ts'

/**
 * A cache shared beyond one process that the host provides for GET responses, e.g. Cloudflare's
 * Cache API on Workers (shared by every isolate of a location, where the in-memory caches are
 * per isolate). Keys are normalised paths (`responseCacheKey`); only 200 responses are offered.
 */
export interface ResponseCacheHook {
  /** The stored response for `key`, if any. */
  match(key: string, c: Context): Promise<Response | undefined>
  /** Stores `response` (a copy the hook may consume) under `key`; may finish after the response is sent. */
  put(key: string, response: Response, c: Context): void
}

/** Says whether a cacheable response came from the host's cache (`HIT`) or was computed (`MISS`). */
export const CACHE_STATUS_HEADER = 'x-cache'

/**
 * Serves cacheable GETs (search, sections, tables) from the host's cache, and offers it every 200
 * they produce. It runs after the API gate and the rate limit (a cached response is still
 * counted, and still gets the CORS and security headers and its own request id); errors, refusals
 * and 429s are never stored.
 *
 * @example
 * app.get('/api/tables', responseCache({ match: (k) => cache.match(url(k)), put: (k, r) => void cache.put(url(k), r) }))
 */
export function responseCache(cache: ResponseCacheHook): MiddlewareHandler {
  return async (c, next) => {
    const key = responseCacheKey(c)
    if (key === null) return next()
    const hit = await cache.match(key, c)
    if (hit?.status === 200) {
      // The body and type as stored; the headers every API response gets come from the context.
      return c.body(await hit.arrayBuffer(), 200, {
        'content-type': hit.headers.get('content-type') ?? 'application/json',
        [CACHE_STATUS_HEADER]: 'HIT',
      })
    }
    await next()
    if (c.res.status !== 200) return
    cache.put(key, c.res.clone(), c)
    c.res.headers.set(CACHE_STATUS_HEADER, 'MISS')
  }
}
