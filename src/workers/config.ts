import type { Context } from 'hono'
import { llmConfigFromEnv, openAiCompletion } from '../answer/llm/client.ts'
import type { RateLimitHook } from '../server/middleware/host-rate-limit.ts'
import { type AppConfig, DEFAULT_APP_CONFIG } from '../server/types.ts'
import type { WorkerAnswering } from './assistant.ts'
import type { WorkerExtras } from './data-format.ts'
import { defaultEdgeCache, type EdgeCache, edgeResponseCache } from './edge-cache.ts'
import type { WorkerInsightsEnv } from './insights.ts'

/** Cloudflare's rate limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

/** The Worker's `env`: string vars from wrangler.toml or the dashboard, and the bindings. */
export interface WorkerEnv extends WorkerInsightsEnv {
  /** Comma-separated origins allowed to call the API from a browser (`*` = any). */
  CORS_ORIGINS?: string
  REQUEST_TIMEOUT_MS?: string
  /** Answers kept in the isolate's memory (default 1000; 0 turns the cache off). */
  ANSWER_CACHE_SIZE?: string
  /** Seconds a refused client is told to wait: the binding's `period`. */
  RATE_LIMIT_PERIOD_SECONDS?: string
  /** `LOG_LEVEL=silent` turns the request log off. */
  LOG_LEVEL?: string
  /** The optional LLM layer: `LLM_BASE_URL`, `LLM_API_KEY`, `LLM_MODEL`, `LLM_TIMEOUT_MS`, `LLM_STREAM`. */
  LLM_BASE_URL?: string
  LLM_API_KEY?: string
  LLM_MODEL?: string
  LLM_TIMEOUT_MS?: string
  LLM_STREAM?: string
  /**
   * Seconds a search, section or table response is kept in the Cache API (default 300; 0 turns it
   * off). The answers are POSTs: they stay in the isolate's memory only.
   */
  EDGE_CACHE_TTL_SECONDS?: string
  /** The rate limiter; without it the API is not rate limited. */
  RATE_LIMITER?: RateLimitBinding
}

/** The binding's window when `RATE_LIMIT_PERIOD_SECONDS` is not set (wrangler.toml's `period`). */
const DEFAULT_PERIOD_SECONDS = 60
const DEFAULT_ANSWER_CACHE = 1000
/** Five minutes: a redeployed Worker with the same data answers from the old entries that long. */
const DEFAULT_EDGE_CACHE_TTL_SECONDS = 300

const numberVar = (v: string | undefined, fallback: number) => {
  const n = Number(v)
  return v !== undefined && v.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : fallback
}

/**
 * The client a request comes from: `CF-Connecting-IP`, which Cloudflare sets to the peer's
 * address (a client cannot choose it). Never `X-Forwarded-For`, whose first value is the client's
 * own claim.
 */
export const cloudflareClientKey = (c: Context): string =>
  c.req.header('cf-connecting-ip') ?? 'unknown'

/** The rate limiting binding as the app's rate-limit hook. */
export function bindingRateLimit(binding: RateLimitBinding, periodSeconds: number): RateLimitHook {
  return async (key) => {
    const { success } = await binding.limit({ key })
    return success ? { allowed: true } : { allowed: false, retryAfterSeconds: periodSeconds }
  }
}

/**
 * The app's settings from the Worker's `env`. `dataVersion` (the index's build time and corpus
 * checksum) is part of every Cache API key; `cache` is the Cache API (`caches.default`).
 */
export function workerAppConfig(
  env: WorkerEnv,
  dataVersion = '',
  cache: EdgeCache | undefined = defaultEdgeCache(),
): Partial<AppConfig> {
  const config: Partial<AppConfig> = {
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    requestTimeoutMs: numberVar(env.REQUEST_TIMEOUT_MS, DEFAULT_APP_CONFIG.requestTimeoutMs),
    clientKey: cloudflareClientKey,
    // The binding limits; the in-memory limiter (a timer per isolate, counts per isolate) is off.
    rateLimitPerMinute: 0,
  }
  const ttl = numberVar(env.EDGE_CACHE_TTL_SECONDS, DEFAULT_EDGE_CACHE_TTL_SECONDS)
  if (cache && ttl > 0) config.responseCache = edgeResponseCache(cache, dataVersion, ttl)
  if (env.RATE_LIMITER) {
    config.rateLimit = bindingRateLimit(
      env.RATE_LIMITER,
      numberVar(env.RATE_LIMIT_PERIOD_SECONDS, DEFAULT_PERIOD_SECONDS),
    )
  }
  return config
}

/** The answering settings from `env`: the LLM layer (off unless `LLM_BASE_URL`) and the cache. */
export function workerAnswering(env: WorkerEnv, extras: WorkerExtras): WorkerAnswering {
  const vars: Record<string, string | undefined> = {
    LLM_BASE_URL: env.LLM_BASE_URL,
    LLM_API_KEY: env.LLM_API_KEY,
    LLM_MODEL: env.LLM_MODEL,
    LLM_TIMEOUT_MS: env.LLM_TIMEOUT_MS,
    LLM_STREAM: env.LLM_STREAM,
  }
  const llm = llmConfigFromEnv(vars)
  return {
    llm: llm ? { complete: openAiCompletion(llm), prompts: extras.prompts } : null,
    answerCacheSize: numberVar(env.ANSWER_CACHE_SIZE, DEFAULT_ANSWER_CACHE),
  }
}
