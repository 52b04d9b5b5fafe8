export { loadBibliographicRecord } from './bibliography.ts'

import { readFileSync } from 'node:fs'
import { type ServerType, serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { Insights } from '../insights/insights.ts'
import { projectPath } from '../paths.ts'
import { type AppConfig, createApp, DEFAULT_APP_CONFIG } from '../server/app.ts'
import { jsonLinesLogger, type Logger } from '../server/middleware/logger.ts'
import type { StaticAssets } from '../server/routes/pages.ts'
import {
  type AssistantContext,
  answerCacheSizeFromEnv,
  type OpenOptions,
  openAssistant,
} from './assistant.ts'
import { insightsSettingsFromEnv, type NodeInsightsSettings, openNodeInsights } from './insights.ts'

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
    v !== undefined && Number.isFinite(Number(v)) ? Number(v) : d
  return {
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPerMinute: num(env.RATE_LIMIT_PER_MINUTE, DEFAULT_APP_CONFIG.rateLimitPerMinute),
    requestTimeoutMs: num(env.REQUEST_TIMEOUT_MS, DEFAULT_APP_CONFIG.requestTimeoutMs),
    clientKey: (c: Context) => getConnInfo(c).remote.address ?? 'unknown',
  }
}

/** Wires the Node host: assistant data + cite service + app. */
export function buildNodeApp(
  ctx: AssistantContext,
  config: Partial<AppConfig> = appConfigFromEnv(),
  logger?: Logger,
  owner: { insights?: Insights; adminToken?: string } = {},
) {
  return createApp({
    ...owner,
    doc: ctx.corpus.doc,
    chunks: ctx.chunks,
    service: ctx.service,
    citer: ctx.citer,
    search: (q, o) => ctx.retriever.search(q, o),
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

export interface StartOptions extends OpenOptions {
  port?: number
  hostname?: string
  config?: Partial<AppConfig>
  logger?: Logger
  /** Insights settings (default: from the environment, see README "Privacy"). */
  insights?: Partial<NodeInsightsSettings>
}

/**
 * Starts the HTTP server: builds what is missing (model, index) with progress, then serves on
 * `PORT` (default 8787) and `HOST` (default 127.0.0.1). SIGTERM and SIGINT close it gracefully:
 * no new connections, in-flight requests finish (10 s at most).
 */
export async function startServer(
  options: StartOptions = {},
): Promise<{ server: ServerType; url: string; close: () => Promise<void> }> {
  const ctx = await openAssistant({ build: true, ...options })
  // Load the model now, so that the first request is as fast as the others.
  await ctx.embeddings.load()
  const logger =
    options.logger ?? (process.env.LOG_LEVEL === 'silent' ? undefined : jsonLinesLogger())
  const config = { ...appConfigFromEnv(), ...options.config }
  const owner = { ...insightsSettingsFromEnv(), ...options.insights }
  const insights = await openNodeInsights(owner, logger)
  const app = buildNodeApp(ctx, config, logger, {
    ...(insights ? { insights } : {}),
    ...(owner.adminToken ? { adminToken: owner.adminToken } : {}),
  })
  // A client gets as long to send its request as the app gives itself to answer it.
  const readTimeout = config.requestTimeoutMs ?? DEFAULT_APP_CONFIG.requestTimeoutMs
  const port = options.port ?? Number(process.env.PORT ?? 8787)
  const hostname = options.hostname ?? process.env.HOST ?? '127.0.0.1'
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port,
        hostname,
        serverOptions: {
          requestTimeout: readTimeout,
          headersTimeout: Math.min(readTimeout, 60_000),
          // How often Node looks for requests past those limits (its default is 30 s).
          connectionsCheckingInterval: Math.min(30_000, Math.max(250, readTimeout / 4)),
        },
      },
      () => resolve(s),
    )
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${actualPort}`
  const close = () =>
    new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections()
      }, 10_000)
      force.unref()
      server.close(() => {
        clearTimeout(force)
        // What insights still hold in memory is written before the process ends.
        void (insights?.close() ?? Promise.resolve()).then(() => resolve())
      })
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    })
  return { server, url, close }
}
