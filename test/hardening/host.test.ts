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
  // Bounded by counts and order, not by wall time (it once timed out on a loaded machine, where
  // the server's warm-up alone took 8–10 s of the test's 30 s and two 10 s waits followed):
  // every connection is answered once before the drain, and after it each gets at most
  // MAX_AFTER_DRAIN responses, the last with `Connection: close`, and is never reset.
  it('finishes in-flight requests, closes keep-alive connections with Connection: close, resets nothing', async () => {
    const other = await startServer({
      port: 0,
      config: { rateLimitPerMinute: 0 },
      logger: { info: () => {} },
      llm: null,
      // What is tested is the drain: the warm-up's 240 requests change nothing in it.
      warmUp: { requests: 0, budgetMs: 0 },
    })
    const p = Number(new URL(other.url).port)
    /**
     * Responses a connection may get once the drain has begun: the one in flight, whose headers
     * may already be written without `Connection: close`, and the next, which carries it.
     */
    const MAX_AFTER_DRAIN = 2
    const CONNECTIONS = 12
    let draining = false
    const afterDrain = Array.from({ length: CONNECTIONS }, () => 0)
    const request =
      'GET /api/search?q=centrality%20of%20the%20Netherlands HTTP/1.1\r\nHost: x\r\n\r\n'
    const answered = new Set<number>()
    let allAnswered: () => void = () => {}
    const everyOneAnswered = new Promise<void>((resolve) => {
      allAnswered = resolve
    })
    const loops = Array.from({ length: CONNECTIONS }, (_, i) =>
      keepAliveLoop(
        p,
        request,
        // A connection kept open past its responses' share ends the loop: not closed gracefully.
        () => (afterDrain[i] as number) > MAX_AFTER_DRAIN,
        () => {
          if (draining) afterDrain[i] = (afterDrain[i] as number) + 1
          answered.add(i)
          if (answered.size === CONNECTIONS) allAnswered()
        },
      ),
    )
    // Drain once every connection is in its keep-alive cycle.
    await everyOneAnswered
    draining = true
    const drained = other.close()
    const results = await Promise.all(loops)
    const { forced } = await drained
    expect(results.every((r) => r.ok > 0)).toBe(true)
    expect(results.filter((r) => r.reset)).toEqual([])
    expect(
      afterDrain.every((n) => n >= 1 && n <= MAX_AFTER_DRAIN),
      afterDrain.join(' '),
    ).toBe(true)
    expect(results.every((r) => r.closedGracefully)).toBe(true)
    expect(forced).toBe(0)
  }, 60_000)
})
