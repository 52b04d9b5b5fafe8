import type { Context, MiddlewareHandler } from 'hono'
import { rateLimiter } from 'hono-rate-limiter'
import { problem, sendProblem } from '../problem.ts'

export interface PageGuardOptions {
  /** Whether a path is a page (the API has its own gate and limit). */
  isPage: (path: string) => boolean
  /** Page requests per client per minute; 0 disables the limit. */
  perMinute: number
  /** Who the client is (the host knows: see `AppConfig.clientKey`). */
  clientKey: (c: Context) => string
  /** Pages that are the same for every request (`/docs`, `/openapi.json`): built once, then served from memory. */
  cachedPaths: readonly string[]
}

interface Kept {
  status: number
  headers: Array<[string, string]>
  body: ArrayBuffer
}

const WINDOW_MS = 60_000

/**
 * Guards the pages: a per-client rate limit (429 problem with `Retry-After`), so that no client
 * can make the server render thousands of distinct pages (`/read?hl=…` is ~66 KB each), and a
 * memo of the pages that never change, which were otherwise rebuilt on every request.
 *
 * @example
 * app.use('*', pageGuard({ isPage: (p) => !p.startsWith('/api/'), perMinute: 600, clientKey: () => 'x', cachedPaths: ['/docs'] }))
 */
export function pageGuard(options: PageGuardOptions): MiddlewareHandler {
  const kept = new Map<string, Kept>()
  const cached = new Set(options.cachedPaths)
  const serve: MiddlewareHandler = async (c, next) => {
    const path = c.req.path
    if (!cached.has(path) || c.req.method !== 'GET') return next()
    // One copy per content encoding the page is sent in (compress() picks by Accept-Encoding).
    const accepts = c.req.header('accept-encoding') ?? ''
    const key = `${path}\0${/\bgzip\b/.test(accepts) ? 'gzip' : /\bdeflate\b/.test(accepts) ? 'deflate' : ''}`
    const hit = kept.get(key)
    if (hit) {
      // A revalidation of the copy kept costs a 304, as it does through etag().
      const tag = hit.headers.find(([h]) => h === 'etag')?.[1]
      const match = c.req.header('if-none-match')
      if (
        tag &&
        match?.split(/\s*,\s*/).some((t) => t === tag || t === `W/${tag}` || `W/${t}` === tag)
      )
        return new Response(null, {
          status: 304,
          headers: hit.headers.filter(
            ([h]) => h === 'etag' || h === 'vary' || h === 'cache-control',
          ),
        })
      return new Response(hit.body.slice(0), { status: hit.status, headers: hit.headers })
    }
    await next()
    if (c.res.status === 200) {
      const res = c.res.clone()
      kept.set(key, {
        status: res.status,
        headers: [...res.headers.entries()],
        body: await res.arrayBuffer(),
      })
    }
  }
  const limit =
    options.perMinute > 0
      ? rateLimiter({
          windowMs: WINDOW_MS,
          limit: options.perMinute,
          standardHeaders: false,
          keyGenerator: (c) => `page:${options.clientKey(c)}`,
          handler: (c) => {
            const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined
            const retry = Math.max(
              1,
              Math.ceil(
                ((info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000,
              ),
            )
            return sendProblem(c, problem('rateLimited', `Try again in ${retry} s.`), {
              'retry-after': String(retry),
            })
          },
        })
      : null
  return (c, next) => {
    if (!options.isPage(c.req.path)) return next()
    if (!limit) return serve(c, next)
    return limit(c, async () => {
      const kept = await serve(c, next)
      if (kept instanceof Response) c.res = kept
    })
  }
}
