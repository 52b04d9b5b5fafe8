import { afterEach, describe, expect, it, vi } from 'vitest'
import { BoundedAnswerService } from '../../src/node/answer-cache.ts'
import { clientAddress, parseTrustProxy } from '../../src/node/client-key.ts'
import {
  appConfigFromEnv,
  buildNodeApp,
  listeningOrigins,
  loggerFromEnv,
  publicOriginsFromEnv,
} from '../../src/node/server.ts'
import { DEFAULT_APP_CONFIG } from '../../src/server/types.ts'
import { postJson, testApp } from '../helpers/app.ts'
import { assistant } from '../helpers/assistant.ts'

afterEach(() => vi.restoreAllMocks())

describe('F7: who a client is', () => {
  it('the app default never trusts X-Forwarded-For: spoofed addresses share one bucket', async () => {
    const ctx = await assistant()
    const app = buildNodeApp(ctx, {
      rateLimitPerMinute: 2,
      clientKey: DEFAULT_APP_CONFIG.clientKey,
    })
    const statuses: number[] = []
    for (const ip of ['1.1.1.1', '2.2.2.2', '3.3.3.3'])
      statuses.push(
        (await app.request('/api/tables', { headers: { 'x-forwarded-for': ip } })).status,
      )
    expect(statuses).toEqual([200, 200, 429])
  })

  it('TRUST_PROXY: addresses and CIDR ranges, IPv4-mapped IPv6 included; a typo is an error', () => {
    const trusted = parseTrustProxy('127.0.0.1, 10.0.0.0/8, ::1')
    expect(['127.0.0.1', '::ffff:10.9.8.7', '::1'].map(trusted)).toEqual([true, true, true])
    expect(['127.0.0.2', '11.0.0.1', '::2'].map(trusted)).toEqual([false, false, false])
    expect(parseTrustProxy(undefined)('127.0.0.1')).toBe(false)
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY: "10.0.0.0\/33"/)
    expect(() => parseTrustProxy('proxy.example')).toThrow(/not an IP address/)
  })

  it('reads X-Forwarded-For only from a trusted proxy, from the right', () => {
    const trusted = parseTrustProxy('10.0.0.0/8')
    // Not from a proxy: the header is the client's own words.
    expect(clientAddress('203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9')
    // From the proxy: the nearest untrusted hop, not the leftmost (which the client wrote).
    expect(clientAddress('10.0.0.1', 'spoofed, 198.51.100.7, 10.0.0.2', trusted)).toBe(
      '198.51.100.7',
    )
    expect(clientAddress('::ffff:10.0.0.1', '198.51.100.7', trusted)).toBe('198.51.100.7')
    expect(clientAddress('10.0.0.1', undefined, trusted)).toBe('10.0.0.1')
  })

  it('pages are rate-limited per client, and /docs is built once', async () => {
    const app = await testApp({ pageRateLimitPerMinute: 5 })
    const spy = vi.spyOn(app, 'getOpenAPI31Document')
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/docs')).status)
    expect(spy.mock.calls.length).toBe(1)
    for (let i = 0; i < 2; i++) statuses.push((await app.request(`/read?hl=${i}-${i + 5}`)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const refused = await app.request('/read')
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('F8: caches bounded in bytes, with normalised keys', () => {
  it('answers with long histories cannot grow the answer cache past its bytes', async () => {
    const ctx = await assistant()
    const maxBytes = 1024 * 1024
    const service = new BoundedAnswerService(ctx.answerer, null, 1000, maxBytes)
    const long = 'The chapter discusses open innovation and global cooperation. '.repeat(120)
    for (let i = 0; i < 12; i++) {
      const history = Array.from({ length: 20 }, (_, t) => ({
        role: (t % 2 ? 'assistant' : 'user') as 'user' | 'assistant',
        content: `${i} ${long}`.slice(0, 7000),
      }))
      await service.ask('And Canada?', history)
    }
    // Each entry's key is ~280 KB (UTF-16): an entry-count bound keeps all twelve.
    expect(service.cacheBytes()).toBeLessThanOrEqual(maxBytes)
    expect(service.cached('  How many papers did Germany publish?  ')).toBeUndefined()
    await service.ask('How many papers did Germany publish?')
    expect(service.cached('  How many papers did Germany publish?  ')).toBeDefined()
  })

  it('unknown query parameters, their order and k=05 make no new search-cache entry', async () => {
    const ctx = await assistant()
    const spy = vi.spyOn(ctx.retriever, 'search')
    const app = await testApp()
    const urls = [
      '/api/search?q=centrality%20of%20Japan&k=5',
      '/api/search?k=05&q=centrality%20of%20Japan&utm=1',
      '/api/search?q=centrality%20of%20Japan&nonce=2',
      '/api/search?q=%20centrality%20of%20Japan%20',
    ]
    const bodies: string[] = []
    for (const u of urls) bodies.push(await (await app.request(u)).text())
    expect(new Set(bodies).size).toBe(1)
    expect(spy.mock.calls.length).toBe(1)
  })
})

describe('F9: the own origin is configured, never read from the Host header', () => {
  it('a DNS-rebinding request (Host and Origin of the attacker) is refused', async () => {
    const app = await testApp({ publicOrigins: ['http://127.0.0.1:8787'] })
    const rebinding = await postJson(
      app,
      'http://evil.example:8787/api/cite',
      { text: 'open innovation' },
      { host: 'evil.example:8787', origin: 'http://evil.example:8787' },
    )
    expect(rebinding.status).toBe(403)
    const own = await postJson(
      app,
      'http://127.0.0.1:8787/api/tables',
      {},
      { origin: 'http://127.0.0.1:8787' },
    )
    expect(own.status).not.toBe(403)
  })

  it('PUBLIC_ORIGIN is a list of origins; without it the host uses its listening address', () => {
    expect(
      publicOriginsFromEnv({ PUBLIC_ORIGIN: 'https://a.example, http://b.example:8080' }),
    ).toEqual(['https://a.example', 'http://b.example:8080'])
    expect(() => publicOriginsFromEnv({ PUBLIC_ORIGIN: 'https://a.example/path' })).toThrow(
      /not an origin/,
    )
    expect(publicOriginsFromEnv({})).toBeUndefined()
    expect(listeningOrigins('127.0.0.1', 8787)).toContain('http://localhost:8787')
    expect(listeningOrigins('assistant.internal', 80)).toEqual(['http://assistant.internal:80'])
    expect(appConfigFromEnv({ PUBLIC_ORIGIN: 'https://a.example' }).publicOrigins).toEqual([
      'https://a.example',
    ])
  })
})

describe('F10: /v1 validates as /api does', () => {
  const v1 = async (body: object) => {
    const app = await testApp()
    return postJson(app, '/v1/chat/completions', { model: 'chapter-assistant', ...body })
  }
  const user = (content: string) => ({ messages: [{ role: 'user', content }] })

  it.each([
    ['NUL', user('What is\u0000 centrality?')],
    ['ESC', user('What is \u001b[31m centrality?')],
    ['a lone surrogate', user('What is \ud800 centrality?')],
    [
      'a 64 KB history turn',
      {
        messages: [
          { role: 'user', content: 'x'.repeat(64_000) },
          { role: 'user', content: 'What is centrality?' },
        ],
      },
    ],
    ['n = 2', { ...user('What is centrality?'), n: 2 }],
    ['tools', { ...user('What is centrality?'), tools: [{ type: 'function' }] }],
    ['a huge max_tokens', { ...user('What is centrality?'), max_tokens: 1e12 }],
  ])('refuses %s with a 400 problem', async (_name, body) => {
    const r = await v1(body)
    expect(r.status).toBe(400)
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const text = await r.text()
    expect(text.includes('\u0000') || text.includes('\u001b')).toBe(false)
  })

  it('checks the length after trimming, and accepts n = 1 and a normal max_tokens', async () => {
    const padded = `      ${'What is the centrality of the Netherlands? '.repeat(47).slice(0, 1995)}      `
    expect(padded.length).toBeGreaterThan(1995)
    expect((await v1({ ...user(padded), n: 1, max_tokens: 256 })).status).toBe(200)
  })
})

describe('F11: smaller findings', () => {
  it('application/json-patch+json is not JSON', async () => {
    const app = await testApp()
    const r = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json-patch+json' },
      body: JSON.stringify({ question: 'What is centrality?' }),
    })
    expect(r.status).toBe(415)
    const ok = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ question: 'What is centrality?' }),
    })
    expect(ok.status).toBe(200)
  })

  it('a client-chosen X-Request-Id is echoed only when it is a plain token', async () => {
    const app = await testApp()
    const id = async (value: string) =>
      (await app.request('/healthz', { headers: { 'x-request-id': value } })).headers.get(
        'x-request-id',
      )
    expect(await id('abc-123')).toBe('abc-123')
    for (const bad of ['a b', '<script>', 'é', 'x'.repeat(65)])
      expect(await id(bad)).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('LOG_LEVEL=silent hides the request log but not unhandled errors', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const logger = loggerFromEnv({ LOG_LEVEL: 'silent' })
    logger.info({ msg: 'request' })
    logger.error?.({ msg: 'unhandled error', error: 'boom' })
    expect(log).not.toHaveBeenCalled()
    expect(spy).toHaveBeenCalledTimes(1)
    expect(String(spy.mock.calls[0]?.[0])).toContain('"unhandled error"')
  })
})
