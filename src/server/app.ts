import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { rateLimiter } from 'hono-rate-limiter'
import { CACHEABLE_GET_PATHS } from './cache-key.ts'
import { deadline } from './deadline.ts'
import { apiGate } from './middleware/api-gate.ts'
import { hostRateLimit } from './middleware/host-rate-limit.ts'
import { structuredLogger } from './middleware/logger.ts'
import { pageGuard } from './middleware/page-guard.ts'
import { responseCache } from './middleware/response-cache.ts'
import { problem, sendProblem } from './problem.ts'
import { newRouter } from './router.ts'
import { adminRoutes } from './routes/admin.ts'
import { askRoutes } from './routes/ask.ts'
import { chatRoutes } from './routes/chat.ts'
import { citeRoutes } from './routes/cite.ts'
import { docsRoutes } from './routes/docs.ts'
import { feedbackRoutes } from './routes/feedback.ts'
import { healthRoutes } from './routes/health.ts'
import { pageRoutes } from './routes/pages.ts'
import { searchRoutes } from './routes/search.ts'
import { sectionRoutes } from './routes/sections.ts'
import { tableRoutes } from './routes/tables.ts'
import { v1Routes } from './routes/v1.ts'
import { LIMITS } from './schemas.ts'
import {
  type AppConfig,
  type AppDeps,
  DEFAULT_APP_CONFIG,
  DEFAULT_PAGE_RATE_LIMIT,
} from './types.ts'

export type { AppConfig, AppDeps, StaticAssets } from './types.ts'
export { DEFAULT_APP_CONFIG, DEFAULT_PAGE_RATE_LIMIT } from './types.ts'

/** The CSP of the pages this app serves itself (/, /read, /docs). */
export const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
}

const isApiPath = (path: string) => path.startsWith('/api/') || path.startsWith('/v1/')

/**
 * Builds the Hono app: the HTTP contract of API.md, an OpenAI-compatible endpoint, the pages and
 * the widget script. No Node-only API is used here: the index, the model, the answerer and the
 * configuration are passed in, so the same factory serves `@hono/node-server` and Workers.
 *
 * @example
 * const app = createApp({ doc, chunks, service, citer, search, health })
 * const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Why?' }) })
 */
export function createApp(deps: AppDeps): OpenAPIHono {
  const config: AppConfig = { ...DEFAULT_APP_CONFIG, ...deps.config }
  // Validation failures become RFC 9457 problems, never the validator's raw output (./router.ts).
  const app = newRouter()

  app.use('*', requestId({ headerName: 'x-request-id', limitLength: 64 }))
  if (deps.logger) app.use('*', structuredLogger(deps.logger))
  // The widget script is loaded by other sites' pages (registered before secureHeaders so that
  // this runs after it on the way out).
  app.use('/widget.js', async (c, next) => {
    await next()
    c.res.headers.set('cross-origin-resource-policy', 'cross-origin')
  })
  // Pages get the full browser hardening; the API gets API_HEADERS from apiGate (./middleware).
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: PAGE_CSP,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
  })
  app.use('*', (c, next) => (isApiPath(c.req.path) ? next() : pageHeaders(c, next)))
  app.use(
    '*',
    pageGuard({
      isPage: (path) => !isApiPath(path) && path !== '/healthz',
      perMinute: config.pageRateLimitPerMinute ?? DEFAULT_PAGE_RATE_LIMIT,
      clientKey: config.clientKey,
      cachedPaths: ['/docs', '/openapi.json'],
    }),
  )

  const allowed = new Set([...config.corsOrigins, ...(config.publicOrigins ?? [])])
  const originAllowed = (origin: string) => allowed.has('*') || allowed.has(origin)
  const api: MiddlewareHandler[] = [apiGate({ originAllowed, maxBodyBytes: LIMITS.bodyBytes })]
  if (config.rateLimit) {
    api.push(hostRateLimit(config.rateLimit, config.clientKey))
  } else if (config.rateLimitPerMinute > 0) {
    api.push(
      rateLimiter({
        windowMs: 60_000,
        limit: config.rateLimitPerMinute,
        // A refused client learns when to come back from Retry-After on the 429. The draft
        // RateLimit-* headers are not sent: the limiter prepares them with `c.header` before the
        // handler, and API responses are built with their complete header record
        // (see `jsonResponse`, ./headers.ts).
        standardHeaders: false,
        keyGenerator: (c) => config.clientKey(c),
        handler: (c) => {
          const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined
          const retry = Math.max(
            1,
            Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000),
          )
          return sendProblem(c, problem('rateLimited', `Try again in ${retry} s.`), {
            'retry-after': String(retry),
          })
        },
      }),
    )
  }
  for (const prefix of ['/api/*', '/v1/*']) app.use(prefix, ...api)
  // The host's shared cache, behind the gate and the rate limit (./middleware/response-cache.ts).
  const { responseCache: sharedCache } = config
  if (sharedCache) for (const path of CACHEABLE_GET_PATHS) app.get(path, responseCache(sharedCache))

  // The deadline covers the work a request starts (see ./deadline.ts); the host bounds how long
  // reading a request may take (the Node server's requestTimeout).
  const within = deadline(config.requestTimeoutMs)
  // One sub-app per resource (./routes/), mounted in the order their paths appear in
  // /openapi.json. The middleware above runs before each of them.
  app.route('/api/ask', askRoutes(deps, within))
  app.route('/api/chat', chatRoutes(deps, within))
  app.route('/api/search', searchRoutes(deps, within))
  app.route('/api/cite', citeRoutes(deps, within))
  app.route('/api/sections', sectionRoutes(deps.doc, deps.chunks))
  app.route('/api/tables', tableRoutes(deps.doc))
  app.route('/healthz', healthRoutes(deps.health))
  app.route('/v1', v1Routes(deps, within))
  app.route('/api/feedback', feedbackRoutes(deps))
  if (deps.adminToken) app.route('/', adminRoutes(deps, config, deps.adminToken))
  app.route('/', pageRoutes(deps.doc, deps.textLength ?? Number.MAX_SAFE_INTEGER, deps.assets))
  app.route(
    '/',
    docsRoutes((documentConfig) => app.getOpenAPI31Document(documentConfig)),
  )

  // Known paths with another method: 405 with Allow.
  const methods = new Map<string, string[]>()
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.includes('*')) continue
    methods.set(r.path, [...new Set([...(methods.get(r.path) ?? []), r.method])])
  }
  for (const [path, allowedMethods] of methods) {
    app.all(path, (c) =>
      sendProblem(
        c,
        problem(
          'methodNotAllowed',
          `${c.req.method} is not allowed here; use ${allowedMethods.join(', ')}.`,
        ),
        { allow: allowedMethods.join(', ') },
      ),
    )
  }

  app.notFound((c) =>
    sendProblem(c, problem('notFound', `Nothing at ${new URL(c.req.url).pathname}.`)),
  )
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      if (err.status === 503)
        return sendProblem(c, problem('timeout', `No answer within ${config.requestTimeoutMs} ms.`))
      if (err.status === 400)
        return sendProblem(c, problem('invalidRequest', 'The body is not valid JSON.'))
      if (err.status === 413) return sendProblem(c, problem('payloadTooLarge'))
      return sendProblem(c, {
        type: 'about:blank',
        title: err.message || 'Request failed',
        status: err.status,
      })
    }
    deps.logger?.error?.({
      msg: 'unhandled error',
      requestId: c.get('requestId'),
      error: err instanceof Error ? err.message : String(err),
    })
    return sendProblem(
      c,
      problem('internal', `Reference ${c.get('requestId')} when reporting this.`),
    )
  })
  return app
}
