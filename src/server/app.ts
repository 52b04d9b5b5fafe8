import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { rateLimiter } from 'hono-rate-limiter'
import type { AnswerService } from '../answer/service.ts'
import type { Chunk } from '../chunk/chunk.ts'
import type { CiteService } from '../cite/index.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import type { Insights } from '../insights/insights.ts'
import type { SearchHit } from '../retrieve/hybrid.ts'
import { deadline } from './deadline.ts'
import { apiGate } from './middleware/api-gate.ts'
import { hostRateLimit, type RateLimitHook } from './middleware/host-rate-limit.ts'
import { type Logger, structuredLogger } from './middleware/logger.ts'
import { pageGuard } from './middleware/page-guard.ts'
import { problem, sendProblem } from './problem.ts'
import { registerAdminRoutes } from './routes/admin.ts'
import { registerApiRoutes } from './routes/api.ts'
import { registerFeedbackRoutes } from './routes/feedback.ts'
import { registerOpenAiRoutes } from './routes/openai.ts'
import { registerPageRoutes, type StaticAssets } from './routes/pages.ts'
import { LIMITS } from './schemas.ts'

/** Everything the app serves from; the host (Node or Workers) builds it and passes it in. */
export interface AppDeps {
  doc: ChapterDocument
  chunks: readonly Chunk[]
  service: AnswerService
  citer: CiteService
  search: (query: string, options?: { k?: number }) => Promise<SearchHit[]>
  health: { model: string; chunks: number; builtAt: string; corpusSha256: string }
  assets?: StaticAssets
  /** Length of the original file, to validate `?hl=` spans. */
  textLength?: number
  /** Entries of the search result cache (0 turns it off). */
  cacheSize?: number
  config?: Partial<AppConfig>
  logger?: Logger
  /** Where answers and feedback are kept for the site owner; absent when insights are off. */
  insights?: Insights
  /** The site owner's token for `/admin` and `/api/admin/*`; without it they are 404. */
  adminToken?: string
}

/** Operational settings; all have safe defaults. */
export interface AppConfig {
  /** Origins allowed to call the API from a browser (the sites embedding the widget). `*` = any. */
  corsOrigins: string[]
  /** Requests per client per minute on `/api/*` and `/v1/*`; 0 disables the limiter. */
  rateLimitPerMinute: number
  /** Abandon a request after this long. */
  requestTimeoutMs: number
  /** Identifies a client for rate limiting (the host knows how: socket address, CF header). */
  clientKey: (c: Context) => string
  /**
   * The app's own origins (`PUBLIC_ORIGIN`): its pages may call the API from a browser. Never
   * taken from the Host header, which a DNS-rebinding page controls. None by default.
   */
  publicOrigins?: readonly string[]
  /** Page requests (`/`, `/read`, `/docs`, …) per client per minute; 0 disables it. */
  pageRateLimitPerMinute?: number
  /**
   * The host's own rate limiter (Cloudflare's rate limiting binding on Workers). When set it
   * replaces the in-memory limiter, and `rateLimitPerMinute` is the host's business.
   */
  rateLimit?: RateLimitHook
}

/**
 * Pages per client per minute by default: a reader opens a page and its assets (three or four
 * requests); this is ten such a second, and it stops one client from making the server render
 * thousands of distinct `/read?hl=` pages.
 */
export const DEFAULT_PAGE_RATE_LIMIT = 600

/** The settings an app gets when its host gives none. */
export const DEFAULT_APP_CONFIG: Readonly<AppConfig> = {
  corsOrigins: [],
  rateLimitPerMinute: 120,
  requestTimeoutMs: 15_000,
  // One bucket for all: the app cannot know who a client is (a header like X-Forwarded-For is
  // written by the client unless a trusted proxy replaced it), so the host must say.
  clientKey: () => 'anonymous',
  publicOrigins: [],
  pageRateLimitPerMinute: DEFAULT_PAGE_RATE_LIMIT,
}

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
  const app = new OpenAPIHono({
    // Validation failures become RFC 9457 problems, never the validator's raw output.
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        return sendProblem(c, problem('invalidRequest', issues.slice(0, 5).join('; ')))
      }
    },
  })

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

  // The deadline covers the work a request starts (see ./deadline.ts); the host bounds how long
  // reading a request may take (the Node server's requestTimeout).
  const within = deadline(config.requestTimeoutMs)
  registerApiRoutes(app, deps, within)
  registerOpenAiRoutes(app, deps, within)
  registerFeedbackRoutes(app, deps)
  registerAdminRoutes(app, deps, config)
  registerPageRoutes(app, deps.doc, deps.textLength ?? Number.MAX_SAFE_INTEGER, deps.assets)

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'chapter-assistant API',
      version: '1.0.0',
      description:
        'Answers questions about Chapter 8 ("Development of New Quality Productive Forces and Global Cooperation on Open Innovation") and cites the exact passages and table rows it used. Errors are RFC 9457 problem details.',
    },
  })

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
