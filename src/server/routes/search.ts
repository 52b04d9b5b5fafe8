import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { LRUCache } from 'lru-cache'
import { hitToCited } from '../../answer/answer.ts'
import { searchKey } from '../cache-key.ts'
import type { Deadline } from '../deadline.ts'
import { jsonResponse } from '../headers.ts'
import { json, newRouter, problems } from '../router.ts'
import { SearchQuerySchema, SearchResultSchema } from '../schemas.ts'
import type { AppDeps } from '../types.ts'

/** Bytes of encoded search responses kept in memory at most (keys included). */
const SEARCH_CACHE_BYTES = 16 * 1024 * 1024
/** Search responses kept when the host does not say. */
const DEFAULT_SEARCH_CACHE = 1000

const utf8 = new TextEncoder()

/** `GET /api/search` (mounted at `/api/search`): hybrid retrieval, with a response cache. */
export function searchRoutes(
  deps: Pick<AppDeps, 'search' | 'cacheSize'>,
  within: Deadline,
): OpenAPIHono {
  const app = newRouter()
  // A search response depends only on its URL's path and query: a repeated one is served from
  // memory, before validation and the handler (the same URL passed them the first time). The
  // gate, CORS and the rate limit run before it, as for any request.
  const cacheSize = deps.cacheSize ?? DEFAULT_SEARCH_CACHE
  const searchCache =
    cacheSize > 0
      ? new LRUCache<string, Uint8Array<ArrayBuffer>>({
          max: cacheSize,
          maxSize: SEARCH_CACHE_BYTES,
          sizeCalculation: (body, key) => body.byteLength + key.length * 2,
        })
      : null
  if (searchCache) {
    app.get('/', (c, next) => {
      const key = searchKey(c)
      const body = key === null ? undefined : searchCache.get(key)
      return body ? Promise.resolve(jsonResponse(c, body)) : next()
    })
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Search passages and table rows',
      description:
        'Hybrid retrieval (BM25 + embeddings, reciprocal rank fusion). Each result is a Citation with its text and both component scores.',
      request: { query: SearchQuerySchema },
      responses: {
        200: json(z.object({ results: z.array(SearchResultSchema) }), 'Ranked results'),
        ...problems(400, 403, 429, 503),
      },
    }),
    async (c) => {
      const { q, k } = c.req.valid('query')
      const hits = await within(deps.search(q, { k: k ?? 5 }))
      const results = hits.map((h) => ({
        n: h.n,
        ...hitToCited(h),
        text: h.text,
        scores: h.scores,
      }))
      // The encoded response is what is kept: a repeated search costs no work at all.
      const body = utf8.encode(JSON.stringify({ results }))
      const key = searchKey(c)
      if (key !== null) searchCache?.set(key, body)
      return jsonResponse(c, body) as never
    },
  )
  return app
}
