import { describe, expect, it } from 'vitest'
import type { ResponseCacheHook } from '../../src/server/middleware/response-cache.ts'
import { testApp } from '../helpers/app.ts'

/** A host cache in a Map (the Workers host uses the Cache API), recording what it was offered. */
function mapCache() {
  const entries = new Map<string, Response>()
  const offered: string[] = []
  const hook: ResponseCacheHook = {
    match: async (key) => entries.get(key)?.clone(),
    put: (key, response) => {
      offered.push(key)
      entries.set(key, response)
    },
  }
  return { hook, entries, offered }
}

describe('the response-cache hook (AppConfig.responseCache)', () => {
  it('stores a 200 search under its normalised key and serves it again with a fresh request id', async () => {
    const cache = mapCache()
    const app = await testApp({ responseCache: cache.hook })
    const first = await app.request('/api/search?q=quantum%20information&k=3')
    expect(first.headers.get('x-cache')).toBe('MISS')
    const body = await first.text()
    expect(cache.offered).toEqual(['/api/search?s=%5B%22quantum%20information%22%2C3%5D'])
    const again = await app.request('/api/search?k=3&q=%20quantum%20information&utm=1')
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(await again.text()).toBe(body)
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'))
    expect([...again.headers.keys()].sort()).toEqual([...first.headers.keys()].sort())
  })

  it('offers nothing but 200s of the cacheable GETs', async () => {
    const cache = mapCache()
    const app = await testApp({ responseCache: cache.hook })
    for (const path of [
      '/api/tables/9.9',
      '/api/search?q=x&k=0',
      '/api/search?q=a&q=b',
      '/healthz',
    ])
      expect((await app.request(path)).headers.get('x-cache'), path).toBeNull()
    expect(cache.offered).toEqual([])
    await app.request('/api/sections/II.3?ignored=1')
    await app.request('/api/tables')
    expect(cache.offered).toEqual(['/api/sections/II.3', '/api/tables'])
  })

  it('runs behind the rate limit: a refused request is neither served from nor put in the cache', async () => {
    const cache = mapCache()
    const app = await testApp({
      responseCache: cache.hook,
      rateLimit: async () => ({ allowed: false, retryAfterSeconds: 7 }),
    })
    const r = await app.request('/api/tables')
    expect(r.status).toBe(429)
    expect(r.headers.get('x-cache')).toBeNull()
    expect(cache.offered).toEqual([])
  })

  it('is off by default: no x-cache header on Node', async () => {
    const app = await testApp()
    expect((await app.request('/api/tables')).headers.get('x-cache')).toBeNull()
  })
})
