import { describe, expect, it } from 'vitest'
import { awayFromWindowEdge, call, newClient, problemOf } from './helpers.ts'

// The Cache API (caches.default) in front of the cacheable GETs, inside workerd. A response is
// stored after it is sent (waitUntil), so a test asks again until the entry is there, a bounded
// number of times.

const TRIES = 40
const PAUSE_MS = 25

/** Asks for `path` until a response says HIT (or gives up), returning every response's status. */
async function untilHit(path: string): Promise<{ hit?: Response; misses: number }> {
  let misses = 0
  for (let i = 0; i < TRIES; i++) {
    const r = await call(path)
    if (r.headers.get('x-cache') === 'HIT') return { hit: r, misses }
    misses++
    await r.body?.cancel()
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
  }
  return { misses }
}

describe('the Cache API in front of search, sections and tables', () => {
  it('serves a repeated search from the cache, byte for byte, with its own request id', async () => {
    const path = '/api/search?q=quantum%20information%20cooperation&k=4'
    const first = await call(path)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const body = await first.text()
    const { hit, misses } = await untilHit(path)
    expect(hit, `no HIT after ${misses} requests`).toBeDefined()
    const cached = hit as Response
    expect(await cached.text()).toBe(body)
    expect(cached.headers.get('content-type')).toBe(first.headers.get('content-type'))
    expect(cached.headers.get('x-request-id')).toBeTruthy()
    expect(cached.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'))
    // The API's headers, as on a computed response.
    const names = (r: Response) => [...r.headers.keys()].sort()
    expect(names(cached)).toEqual(names(first))
  })

  it('keys on the normalised request: the parameters the handler reads, trimmed, in any order', async () => {
    const path = '/api/search?q=patent%20cooperation%20treaty&k=3'
    await (await call(path)).text()
    expect((await untilHit(path)).hit).toBeDefined()
    const same = await call('/api/search?utm_source=x&k=3&q=%20patent%20cooperation%20treaty%20')
    expect(same.headers.get('x-cache')).toBe('HIT')
    const other = await call('/api/search?q=patent%20cooperation%20treaty&k=2')
    expect(other.headers.get('x-cache')).toBe('MISS')
  })

  it('caches sections and tables', async () => {
    for (const path of ['/api/tables/8.2', '/api/sections/II.2']) {
      const first = await call(path)
      expect(first.headers.get('x-cache')).toBe('MISS')
      const body = await first.text()
      const { hit } = await untilHit(path)
      expect(await hit?.text()).toBe(body)
    }
  })

  it('stores no error: a 404 and a 400 are computed every time', async () => {
    for (const path of ['/api/tables/9.9', '/api/search?q=x&k=0']) {
      for (let i = 0; i < 3; i++) {
        const r = await call(path)
        expect(r.status).toBeGreaterThanOrEqual(400)
        expect(r.headers.get('x-cache')).toBeNull()
        await problemOf(r)
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
      }
    }
  })

  it('still counts a cached response against the rate limit, and never stores a 429', async () => {
    // wrangler.toml: [[ratelimits]] RATE_LIMITER, simple = { limit = 120, period = 60 }.
    const LIMIT = 120
    await awayFromWindowEdge()
    const client = newClient()
    const path = '/api/search?q=never%20asked%20before%20by%20anyone&k=2'
    let refused: Response | undefined
    let hits = 0
    for (let i = 0; i < LIMIT + 5 && !refused; i++) {
      const r = await call(path, {}, client)
      if (r.status === 429) refused = r
      else {
        if (r.headers.get('x-cache') === 'HIT') hits++
        await r.body?.cancel()
      }
    }
    expect(hits).toBeGreaterThan(0)
    expect(refused?.status).toBe(429)
    expect(refused?.headers.get('x-cache')).toBeNull()
    // Another client gets the stored 200, not the 429.
    const other = await call(path)
    expect(other.status).toBe(200)
    expect(other.headers.get('x-cache')).toBe('HIT')
    // A path first asked by the refused client: its 429 is not what the next client gets.
    const fresh = '/api/tables/8.3'
    expect((await call(fresh, {}, client)).status).toBe(429)
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS * 4))
    const next = await call(fresh)
    expect(next.status).toBe(200)
    expect(next.headers.get('x-cache')).toBe('MISS')
  })
})
