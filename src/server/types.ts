import type { Context } from 'hono'
import type { AnswerService } from '../answer/service.ts'
import type { Chunk } from '../chunk/chunk.ts'
import type { CiteService } from '../cite/index.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import type { Insights } from '../insights/insights.ts'
import type { SearchHit } from '../retrieve/hybrid.ts'
import type { RateLimitHook } from './middleware/host-rate-limit.ts'
import type { Logger } from './middleware/logger.ts'
import type { ResponseCacheHook } from './middleware/response-cache.ts'

// The types the app factory (./app.ts) and its sub-apps (./routes/*) share. They live here so that
// the routes never import the factory that mounts them.

/** Files the host provides: the built widget, the page scripts and the stylesheet. */
export interface StaticAssets {
  /** `/widget.js`, built from `src/widget/` (see `npm run build:widget`). */
  widgetJs?: string
  /** `/assets/site.css`. */
  siteCss?: string
  /** `/assets/reader.js`: the reader page's script. */
  readerJs?: string
}

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
  /**
   * A cache the host shares between its processes for cacheable GETs (search, sections, tables):
   * Cloudflare's Cache API on Workers. Absent on Node, whose in-memory caches suffice.
   */
  responseCache?: ResponseCacheHook
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
