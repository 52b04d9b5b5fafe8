export { loadBibliographicRecord } from './bibliography.ts'

import { readFileSync } from 'node:fs'
import type { RequestListener, Server } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import type { AskResult } from '../answer/service.ts'
import type { CitationStyle, CiteResult } from '../cite/index.ts'
import { embeddingConfigFromEnv, isDefaultModelBuilt, STATIC_MODEL_ID } from '../embed/index.ts'
import { IndexUnavailableError } from '../index/index.ts'
import type { Insights } from '../insights/insights.ts'
import { projectPath } from '../paths.ts'
import type { SearchHit } from '../retrieve/hybrid.ts'
import { createApp } from '../server/app.ts'
import { jsonLinesLogger, type Logger } from '../server/middleware/logger.ts'
import {
  type AppConfig,
  DEFAULT_APP_CONFIG,
  DEFAULT_PAGE_RATE_LIMIT,
  type StaticAssets,
} from '../server/types.ts'
import {
  DEFAULT_WARM_UP_BUDGET_MS,
  DEFAULT_WARM_UP_REQUESTS,
  type WarmUpReport,
  warmUp,
  warmUpRequests,
} from '../server/warm-up.ts'
import { BoundedAnswerService } from './answer-cache.ts'
import {
  type AssistantContext,
  answerCacheBytesFromEnv,
  answerCacheSizeFromEnv,
  type OpenOptions,
  openAssistant,
} from './assistant.ts'
import { buildInChild } from './build-child.ts'
import { nodeClientKey, parseTrustProxy } from './client-key.ts'
import { ComputePool } from './compute-pool.ts'
import { gateHeavyRequests } from './heavy-gate.ts'
import { createHttpHost, type HostLimits, type HttpHost } from './http-host.ts'
import { insightsSettingsFromEnv, type NodeInsightsSettings, openNodeInsights } from './insights.ts'
import { withRequestClient } from './request-client.ts'

const DIST = `${projectPath('dist')}/`

/** The built front-end files, when they exist (`npm run build:widget`). */
export function loadAssets(dir: string = DIST): StaticAssets {
  const read = (f: string) => {
    try {
      return readFileSync(`${dir}${f}`, 'utf8')
    } catch {
      return undefined
    }
  }
  const assets: StaticAssets = {}
  const entries: Array<[keyof StaticAssets, string]> = [
    ['widgetJs', 'widget.js'],
    ['readerJs', 'reader.js'],
    ['siteCss', 'site.css'],
  ]
  for (const [k, f] of entries) {
    const v = read(f)
    if (v !== undefined) assets[k] = v
  }
  return assets
}

/** The app configuration from the environment. */
export function appConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): Partial<AppConfig> {
  const num = (v: string | undefined, d: number) =>
    v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : d
  const origins = publicOriginsFromEnv(env)
  return {
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPerMinute: num(env.RATE_LIMIT_PER_MINUTE, DEFAULT_APP_CONFIG.rateLimitPerMinute),
    pageRateLimitPerMinute: num(env.PAGE_RATE_LIMIT_PER_MINUTE, DEFAULT_PAGE_RATE_LIMIT),
    requestTimeoutMs: num(env.REQUEST_TIMEOUT_MS, DEFAULT_APP_CONFIG.requestTimeoutMs),
    clientKey: nodeClientKey(parseTrustProxy(env.TRUST_PROXY)),
    ...(origins ? { publicOrigins: origins } : {}),
  }
}

/**
 * `PUBLIC_ORIGIN`: the origin(s) people reach this server at (`https://assistant.example`),
 * comma-separated; `undefined` when unset (the host then uses its listening address).
 */
export function publicOriginsFromEnv(
  env: Record<string, string | undefined> = process.env,
): string[] | undefined {
  const list = (env.PUBLIC_ORIGIN ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (list.length === 0) return undefined
  for (const o of list) {
    let origin = ''
    try {
      origin = new URL(o).origin
    } catch {}
    if (origin !== o)
      throw new Error(`PUBLIC_ORIGIN: "${o}" is not an origin (scheme://host[:port], no path)`)
  }
  return list
}

/** The own origins of a server listening on `hostname:port` when `PUBLIC_ORIGIN` is not set. */
export function listeningOrigins(hostname: string, port: number): string[] {
  const loopback = ['127.0.0.1', '::1', 'localhost']
  const wildcard = ['0.0.0.0', '::', '']
  const names =
    loopback.includes(hostname) || wildcard.includes(hostname)
      ? ['127.0.0.1', 'localhost', '[::1]']
      : [hostname.includes(':') ? `[${hostname}]` : hostname]
  return names.map((h) => `http://${h}:${port}`)
}

/** Host limits from the environment (`MAX_CONNECTIONS`, `MAX_CONNECTIONS_PER_CLIENT`). */
export function hostLimitsFromEnv(
  env: Record<string, string | undefined> = process.env,
): Partial<HostLimits> {
  const out: Partial<HostLimits> = { isTrustedProxy: parseTrustProxy(env.TRUST_PROXY) }
  const int = (v: string | undefined) =>
    v !== undefined && /^\d+$/.test(v.trim()) && Number(v) > 0 ? Number(v) : undefined
  const total = int(env.MAX_CONNECTIONS)
  const perClient = int(env.MAX_CONNECTIONS_PER_CLIENT)
  if (total) out.maxConnections = total
  if (perClient) out.maxConnectionsPerClient = perClient
  return out
}

/** The request log: JSON lines, or for `LOG_LEVEL=silent` only the errors (on stderr). */
export function loggerFromEnv(env: Record<string, string | undefined> = process.env): Logger {
  if (env.LOG_LEVEL !== 'silent') return jsonLinesLogger()
  const errors = jsonLinesLogger((l) => console.error(l))
  return { info: () => {}, ...(errors.error ? { error: errors.error } : {}) }
}

/** Wires the Node host: assistant data + cite service + app. */
export function buildNodeApp(
  ctx: AssistantContext,
  config: Partial<AppConfig> = appConfigFromEnv(),
  logger?: Logger,
  /** The site owner's insights and admin token (see README "Privacy"). */
  owner: { insights?: Insights; adminToken?: string } = {},
  /** The compute process answers run in, if any. */
  pool?: ComputePool,
) {
  const offloaded = pool ? offload(ctx, pool) : null
  return createApp({
    ...owner,
    doc: ctx.corpus.doc,
    chunks: ctx.chunks,
    service: offloaded?.service ?? ctx.service,
    citer: offloaded?.citer ?? ctx.citer,
    search: offloaded?.search ?? ((q, o) => ctx.retriever.search(q, o)),
    health: {
      model: ctx.embeddings.modelId,
      chunks: ctx.chunks.length,
      builtAt: ctx.index.manifest.builtAt,
      corpusSha256: ctx.corpus.sha256,
    },
    assets: loadAssets(),
    textLength: ctx.corpus.raw.length,
    cacheSize: answerCacheSizeFromEnv(),
    config,
    ...(logger ? { logger } : {}),
  })
}

/**
 * The app's computing dependencies backed by the compute process: answers (with the answer cache
 * kept here, so a cached answer costs no round trip), citation lookup and search.
 */
function offload(ctx: AssistantContext, pool: ComputePool) {
  const service = new BoundedAnswerService(
    ctx.answerer,
    null,
    answerCacheSizeFromEnv(),
    answerCacheBytesFromEnv(),
    (question, history) => pool.run<AskResult>('ask', [question, history]),
  )
  const cite = (text: string, style?: CitationStyle) =>
    pool.run<CiteResult>('cite', [text, style ?? 'apa'])
  // Only `cite` is offloaded; the rest of the service (formatting, pinpoints) stays as it is.
  const citer = new Proxy(ctx.citer, {
    get: (target, prop, receiver) => (prop === 'cite' ? cite : Reflect.get(target, prop, receiver)),
  })
  const search = (q: string, o?: { k?: number }) => pool.run<SearchHit[]>('search', [q, o])
  return { service, citer, search }
}

/** `COMPUTE_PROCESS=0` keeps the computations in the server's process (default: a child process). */
export const computeProcessFromEnv = (env: Record<string, string | undefined> = process.env) =>
  !/^(0|false|no|off)$/i.test(env.COMPUTE_PROCESS ?? '')

/** How a server warms up before it takes requests (see ../server/warm-up.ts). */
export interface WarmUpOptions {
  /** Requests drawn (0: no warm-up). */
  requests: number
  /** Wall time the warm-up may take at most, ms. */
  budgetMs: number
}

/**
 * The warm-up from the environment: `WARM_UP=0` (or off) turns it off, `WARM_UP_REQUESTS` and
 * `WARM_UP_MS` size it (defaults {@link DEFAULT_WARM_UP_REQUESTS}, {@link DEFAULT_WARM_UP_BUDGET_MS}).
 */
export function warmUpFromEnv(
  env: Record<string, string | undefined> = process.env,
): WarmUpOptions {
  const int = (v: string | undefined, d: number) =>
    v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : d
  const off = /^(0|false|no|off)$/i.test(env.WARM_UP ?? '')
  return {
    requests: off ? 0 : int(env.WARM_UP_REQUESTS, DEFAULT_WARM_UP_REQUESTS),
    budgetMs: int(env.WARM_UP_MS, DEFAULT_WARM_UP_BUDGET_MS),
  }
}

/** Requests per minute the warm-up's app allows: its limiters run, and never refuse it. */
const WARM_UP_RATE_LIMIT = 1_000_000

/**
 * Answers the warm-up's requests over loopback, through a throwaway server stacked like the real
 * one (host limits, client scope, heavy-request turns, the Node adapter, the app with its rate
 * limiters, validation and the same compute process, if any) but with no insights and its own
 * answer cache, so that the first clients' requests find the code compiled and what is built on
 * first use built. Nothing a client sees depends on it: answers are deterministic and every
 * cache is keyed by what it read.
 */
async function warmUpServer(
  ctx: AssistantContext,
  pool: ComputePool | undefined,
  options: WarmUpOptions,
  requestTimeoutMs: number,
): Promise<WarmUpReport | null> {
  if (options.requests <= 0) return null
  const app = buildNodeApp(
    ctx,
    {
      rateLimitPerMinute: WARM_UP_RATE_LIMIT,
      pageRateLimitPerMinute: WARM_UP_RATE_LIMIT,
      corsOrigins: [],
      requestTimeoutMs,
    },
    { info: () => {} },
    {},
    pool,
  )
  const trust = parseTrustProxy(undefined)
  const host = createHttpHost(
    withRequestClient(gateHeavyRequests(getRequestListener(app.fetch)), trust),
    {},
    { isTrustedProxy: trust },
  )
  await new Promise<void>((resolve, reject) => {
    host.server.once('error', reject)
    host.server.listen(0, '127.0.0.1', () => resolve())
  })
  try {
    const address = host.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    return await warmUp(fetch, warmUpRequests(ctx.corpus.raw, options.requests), {
      budgetMs: options.budgetMs,
      origin: `http://127.0.0.1:${port}`,
    })
  } finally {
    await host.drain(0)
  }
}

export interface StartOptions extends OpenOptions {
  /** Run the computations in a child process (default: `COMPUTE_PROCESS`, on). */
  computeProcess?: boolean
  port?: number
  hostname?: string
  config?: Partial<AppConfig>
  logger?: Logger
  limits?: Partial<HostLimits>
  /** Insights settings (default: from the environment, see README "Privacy"). */
  insights?: Partial<NodeInsightsSettings>
  /** The warm-up before the first request (default: from the environment, {@link warmUpFromEnv}). */
  warmUp?: WarmUpOptions
}

/** How long a drain waits for in-flight requests beyond the request deadline, in ms. */
const DRAIN_SLACK_MS = 5_000

/**
 * Opens the assistant, building a missing model or index first in a child process with the
 * memory it needs (and its progress bar); with `build: false`, a missing piece is an error.
 */
async function openBuilt(options: OpenOptions): Promise<AssistantContext> {
  if (options.build === false) return openAssistant(options)
  const config = options.embedding ?? embeddingConfigFromEnv()
  if (config.modelId === STATIC_MODEL_ID && !isDefaultModelBuilt()) {
    const log = options.log ?? ((l: string) => console.error(l))
    log(`The embedding model ${STATIC_MODEL_ID} is not built yet; building it (once, offline).`)
    await buildInChild('build-model')
  }
  try {
    return await openAssistant({ ...options, build: false })
  } catch (err) {
    if (!(err instanceof IndexUnavailableError)) throw err
    const log = options.log ?? ((l: string) => console.error(l))
    log(`${err.message.replace(/ Rebuild it with.*$/, '')}; rebuilding it.`)
    await buildInChild('index', options.indexDir ? ['--dir', options.indexDir] : [])
    return openAssistant({ ...options, build: false })
  }
}

/**
 * Starts the HTTP server: builds what is missing (model, index) with progress, then serves on
 * `PORT` (default 8787) and `HOST` (default 127.0.0.1) behind the host's limits (connection caps,
 * pipelining back-pressure; see ./http-host.ts). `close()` drains: in-flight requests finish,
 * keep-alive connections close after their current response, then the server stops.
 */
export async function startServer(options: StartOptions = {}): Promise<{
  server: Server
  url: string
  close: () => Promise<{ forced: number }>
  host: HttpHost
}> {
  const ctx = await openBuilt({ build: true, ...options })
  // Load the model now, so that the first request is as fast as the others.
  await ctx.embeddings.load()
  const logger = options.logger ?? loggerFromEnv()
  const config = { ...appConfigFromEnv(), ...options.config }
  // A client gets as long to send its request as the app gives itself to answer it.
  const readTimeout = config.requestTimeoutMs ?? DEFAULT_APP_CONFIG.requestTimeoutMs
  const port = options.port ?? Number(process.env.PORT ?? 8787)
  const hostname = options.hostname ?? process.env.HOST ?? '127.0.0.1'
  // The app is built once the port is known (its own origins name it); until then, 503.
  let listener: RequestListener = (_req, res) => {
    res.writeHead(503, { 'retry-after': '1' }).end()
  }
  const host = createHttpHost(
    (req, res) => listener(req, res),
    {
      requestTimeout: readTimeout,
      headersTimeout: Math.min(readTimeout, 60_000),
      // How often Node looks for requests past those limits (its default is 30 s).
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, readTimeout / 4)),
    },
    { ...hostLimitsFromEnv(), ...options.limits },
  )
  const server = host.server
  await new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${hostname} is already in use. Stop the other server or choose another port: PORT=8788 npm start`,
            )
          : err.code === 'EACCES'
            ? new Error(`No permission to listen on ${hostname}:${port}; choose a port above 1023.`)
            : err,
      )
    server.once('error', failed)
    server.listen(port, hostname, () => {
      server.off('error', failed)
      resolve()
    })
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${actualPort}`
  const publicOrigins = config.publicOrigins ?? listeningOrigins(hostname, actualPort)
  let pool: ComputePool | undefined
  if (options.computeProcess ?? computeProcessFromEnv()) {
    pool = new ComputePool({
      deadlineMs: readTimeout,
      log: options.log ?? ((l: string) => console.error(l)),
    })
    await pool.start()
  }
  // Until the warm-up is over the listener answers 503 with Retry-After. A warm-up that fails
  // only costs the first clients' requests more CPU: the server starts all the same.
  const log = options.log ?? ((l: string) => console.error(l))
  const warmed = await warmUpServer(
    ctx,
    pool,
    options.warmUp ?? warmUpFromEnv(),
    readTimeout,
  ).catch((err: unknown) => {
    log(`warm-up failed (${err instanceof Error ? err.message : String(err)}); serving cold`)
    return null
  })
  if (warmed)
    log(
      `warmed up: ${warmed.requests} requests in ${warmed.ms} ms${warmed.timedOut ? ' (its time budget)' : ''}${warmed.failed ? ' (stopped at a failed request)' : ''}`,
    )
  const owner = { ...insightsSettingsFromEnv(), ...options.insights }
  const insights = await openNodeInsights(owner, logger)
  const app = buildNodeApp(
    ctx,
    { ...config, publicOrigins },
    logger,
    {
      ...(insights ? { insights } : {}),
      ...(owner.adminToken ? { adminToken: owner.adminToken } : {}),
    },
    pool,
  )
  // Each request's work runs as its client's: the compute queue takes the clients in turn.
  // Heavy requests (large bodies) take turns on the event loop; cheap ones never wait for them.
  listener = withRequestClient(
    gateHeavyRequests(getRequestListener(app.fetch)),
    parseTrustProxy(process.env.TRUST_PROXY),
  )
  const close = async () => {
    const drained = await host.drain(readTimeout + DRAIN_SLACK_MS)
    await pool?.close()
    // What insights still hold in memory is written before the process ends.
    await insights?.close()
    return drained
  }
  return { server, url, close, host }
}
