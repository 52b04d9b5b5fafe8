import type { Context } from 'hono'
import type { ResponseCacheHook } from '../server/middleware/response-cache.ts'

/** The part of the Cache API (`caches.default`) this host uses. */
export interface EdgeCache {
  match(request: string): Promise<Response | undefined>
  put(request: string, response: Response): Promise<void>
}

/** Where the Cache API keeps this Worker's entries: a path no route serves. */
const KEY_PREFIX = '/__edge-cache/'

/** `caches.default` when the runtime has the Cache API (workerd), else `undefined` (Node). */
export function defaultEdgeCache(): EdgeCache | undefined {
  return (globalThis as { caches?: { default?: EdgeCache } }).caches?.default
}

/** Runs `work` after the response (`waitUntil`) when the request has an execution context. */
function afterResponse(c: Context, work: Promise<unknown>): void {
  const done = work.catch(() => undefined)
  try {
    c.executionCtx.waitUntil(done)
  } catch {
    // No execution context (the app called directly): the promise runs on its own.
  }
}

/**
 * The app's response-cache hook on Cloudflare's Cache API: cacheable GETs are stored for
 * `ttlSeconds` in the cache of the location that served them, shared by all its isolates, under
 * the request's origin, the data's `version` and the normalised key (so a new index is never
 * answered from an old entry). Stored after the response is sent (`waitUntil`). The Cache API
 * does nothing on `*.workers.dev` hosts: it needs the Worker on a custom domain.
 *
 * @example
 * workerAppConfig(env) // { …, responseCache: edgeResponseCache(caches.default, meta.builtAt, 300) }
 */
export function edgeResponseCache(
  cache: EdgeCache,
  version: string,
  ttlSeconds: number,
): ResponseCacheHook {
  const url = (key: string, c: Context) =>
    `${new URL(c.req.url).origin}${KEY_PREFIX}${encodeURIComponent(version)}${key}`
  return {
    match: (key, c) => cache.match(url(key, c)),
    put: (key, response, c) => {
      // Only the body and its type are kept; the per-request headers are the app's to add.
      const stored = new Response(response.body, {
        status: 200,
        headers: {
          'content-type': response.headers.get('content-type') ?? 'application/json',
          'cache-control': `public, max-age=${ttlSeconds}`,
        },
      })
      afterResponse(c, cache.put(url(key, c), stored))
    },
  }
}
