import type { Context } from 'hono'

/**
 * The cache key of a search: what the handler reads (the trimmed `q` and the number `k`), so
 * that other query parameters, their order or `k=05` make no new entry. `null` when a parameter
 * is repeated (the request is not served from a cache, and validation will refuse it).
 *
 * @example
 * searchKey(c) // for /api/search?k=05&q=%20centrality: '["centrality",5]'
 */
export function searchKey(c: Context): string | null {
  const q = c.req.queries('q')
  const k = c.req.queries('k')
  if (q?.length !== 1 || (k && k.length !== 1)) return null
  const n = k ? Number(k[0]) : 5
  return JSON.stringify([(q[0] as string).trim(), Number.isInteger(n) ? n : k?.[0]])
}

/** The GET routes whose response depends on nothing but the key below (Hono path patterns). */
export const CACHEABLE_GET_PATHS = [
  '/api/search',
  '/api/sections',
  '/api/sections/:id',
  '/api/tables',
  '/api/tables/:id',
] as const

/** `/api/sections`, `/api/sections/{id}`, `/api/tables`, `/api/tables/{id}`: no query is read. */
const DOCUMENT_PATH = /^\/api\/(?:sections|tables)(?:\/[^/]+)?$/

/**
 * The normalised key of a cacheable GET request: its path, plus the search key for
 * `/api/search` (query parameters the handler ignores make no new entry). `null` when the request
 * is not cacheable.
 *
 * @example
 * responseCacheKey(c) // for /api/search?q=centrality&utm=x: '/api/search?s=%5B%22centrality%22%2C5%5D'
 */
export function responseCacheKey(c: Context): string | null {
  if (c.req.method !== 'GET') return null
  const path = c.req.path
  if (path === '/api/search') {
    const key = searchKey(c)
    return key === null ? null : `${path}?s=${encodeURIComponent(key)}`
  }
  return DOCUMENT_PATH.test(path) ? path : null
}
