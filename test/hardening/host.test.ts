import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/node/server.ts'
import { closed, keepAliveLoop, openSocket, parseRaw } from '../helpers/raw-http.ts'

// The real Node host on loopback, with small limits so that each finding replays in a second.
let server: Awaited<ReturnType<typeof startServer>>
let handled = 0
let port = 0
const LIMITS = { maxConnections: 40, maxConnectionsPerClient: 8, maxPipelined: 16 }

beforeAll(async () => {
  server = await startServer({
    port: 0,
    config: { rateLimitPerMinute: 0, pageRateLimitPerMinute: 0 },
    logger: {
      info: () => {
        handled++
      },
    },
    llm: null,
    limits: LIMITS,
  })
  port = Number(new URL(server.url).port)
})
afterAll(() => server.close())

const healthy = async () => (await fetch(`${server.url}/healthz`)).status === 200
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('F1: pipelined requests that are never read', () => {
  it('are answered one at a time as the socket drains, and the connection is cut past the cap', async () => {
    const socket = await openSocket(port, '127.0.0.2')
    socket.pause()
    socket.on('error', () => {})
    const before = handled
    let pipelined = ''
    for (let j = 0; j < 1500; j++)
      pipelined += `GET /read?hl=${j}-${j + 5} HTTP/1.1\r\nHost: x\r\n\r\n`
    socket.write(pipelined)
    await closed(socket)
    await sleep(200)
    // Without back-pressure the server renders all 1,500 pages (66 KB each) into memory.
    expect(handled - before).toBeLessThan(LIMITS.maxPipelined)
    expect(await healthy()).toBe(true)
  })
})

describe('F4: connection caps', () => {
  it('refuses a client past its share, and others still get in', async () => {
    const mine = await Promise.all(
      Array.from({ length: LIMITS.maxConnectionsPerClient + 4 }, () =>
        openSocket(port, '127.0.0.3'),
      ),
    )
    for (const s of mine) s.on('error', () => {})
    await sleep(200)
    const open = mine.filter((s) => !s.destroyed)
    expect(open.length).toBe(LIMITS.maxConnectionsPerClient)
    expect(await healthy()).toBe(true)
    for (const s of mine) s.destroy()
  })

  it('caps the total, below the file descriptors', async () => {
    const sources = ['127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7', '127.0.0.8', '127.0.0.9']
    const all = await Promise.all(
      sources.flatMap((a) => Array.from({ length: 8 }, () => openSocket(port, a))),
    )
    for (const s of all) s.on('error', () => {})
    await sleep(200)
    expect(server.host.connections()).toBeLessThanOrEqual(LIMITS.maxConnections)
    for (const s of all) s.destroy()
    await sleep(100)
    expect(await healthy()).toBe(true)
  })
})

describe('F11: Expect: 100-continue', () => {
  it('gets 413 for a body that is too large, never 100 Continue', async () => {
    const socket = await openSocket(port)
    let reply = ''
    socket.on('data', (d) => {
      reply += d.toString()
    })
    socket.write(
      'POST /api/ask HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100000000\r\nexpect: 100-continue\r\n\r\n',
    )
    await closed(socket)
    expect(parseRaw(reply).status).toBe(413)
    expect(reply).not.toContain('100 Continue')
  })
})

describe('F11: a port already in use', () => {
  it('is one clear sentence, not a stack trace', async () => {
    await expect(startServer({ port, llm: null, logger: { info: () => {} } })).rejects.toThrow(
      /^Port \d+ on 127\.0\.0\.1 is already in use\. Stop the other server or choose another port/,
    )
  })
})

describe('F6: draining under keep-alive load', () => {
  it('finishes in-flight requests, closes keep-alive connections with Connection: close, resets nothing', async () => {
    const other = await startServer({
      port: 0,
      config: { rateLimitPerMinute: 0 },
      logger: { info: () => {} },
      llm: null,
    })
    const p = Number(new URL(other.url).port)
    let stopped = false
    const request =
      'GET /api/search?q=centrality%20of%20the%20Netherlands HTTP/1.1\r\nHost: x\r\n\r\n'
    const answered = new Set<number>()
    const loops = Array.from({ length: 12 }, (_, i) =>
      keepAliveLoop(
        p,
        request,
        () => stopped,
        () => answered.add(i),
      ),
    )
    // Drain once every connection is in its keep-alive cycle.
    for (let t = 0; answered.size < loops.length && t < 200; t++) await sleep(50)
    expect(answered.size).toBe(loops.length)
    const drained = other.close()
    const results = await Promise.race([
      Promise.all(loops),
      sleep(10_000).then(() => {
        stopped = true
        return Promise.all(loops)
      }),
    ])
    const { forced } = await drained
    expect(results.every((r) => r.ok > 0)).toBe(true)
    expect(results.filter((r) => r.reset)).toEqual([])
    expect(results.every((r) => r.closedGracefully)).toBe(true)
    expect(forced).toBe(0)
  }, 30_000)
})
