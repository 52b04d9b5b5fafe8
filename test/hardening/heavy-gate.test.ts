import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Answerer } from '../../src/answer/answer.ts'
import type { AskResult } from '../../src/answer/service.ts'
import { BoundedAnswerService } from '../../src/node/answer-cache.ts'
import { parseTrustProxy } from '../../src/node/client-key.ts'
import { gateHeavyRequests, type HeavyGateOptions } from '../../src/node/heavy-gate.ts'
import { handingOff, withRequestClient } from '../../src/node/request-client.ts'

// Heavy requests (large bodies) take turns on the event loop; cheap ones never wait for them.
// A real HTTP server on loopback; the handler stands in for the app: it reads the body, then
// answers after `hold` ms, or first hands its work off (as `ComputePool.run` does) when asked.

const HEAVY = 'x'.repeat(20 * 1024)
const servers: Array<ReturnType<typeof createServer>> = []
afterEach(() => {
  for (const s of servers.splice(0)) s.close()
})

/** A server whose handler logs when each request starts and ends. */
async function serve(options: HeavyGateOptions, service?: BoundedAnswerService) {
  const log: string[] = []
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const name = String(req.url).slice(1).split('?')[0] as string
    const params = new URL(String(req.url), 'http://x').searchParams
    log.push(`start ${name}`)
    if (params.has('ask') && service) {
      // An ask whose answer is computed elsewhere (the compute process, here a timer).
      req.resume()
      const end = () => {
        log.push(`end ${name}`)
        res.end(name)
      }
      service.ask(String(params.get('ask'))).then(end, end)
      return
    }
    // Called in the request's own context, as the app's promise chain calls `ComputePool.run`.
    if (params.has('handoff')) handingOff()
    req.resume()
    req.on('end', () => {
      setTimeout(
        () => {
          log.push(`end ${name}`)
          res.end(name)
        },
        Number(params.get('hold') ?? 0),
      )
    })
  }
  const server = createServer(
    withRequestClient(gateHeavyRequests(handler, options), parseTrustProxy(undefined)),
  )
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  const send = (path: string, body?: string) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const t0 = performance.now()
      const req = request(
        { host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', agent: false },
        (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }))
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  return { log, send }
}

describe('heavy requests take turns on the event loop', () => {
  it('starts one heavy request at a time, in arrival order, while a cheap one goes at once', async () => {
    const { log, send } = await serve({ maxActive: 1, maxLoopShare: 1 })
    const first = send('/h1?hold=150', HEAVY)
    await new Promise((r) => setTimeout(r, 30))
    const second = send('/h2?hold=0', HEAVY)
    await new Promise((r) => setTimeout(r, 30))
    const cheap = await send('/cheap?hold=0', 'small')
    // The cheap request was answered while the first heavy one still held its turn.
    expect(cheap.ms).toBeLessThan((await first).ms)
    await second
    expect(log.indexOf('start h2')).toBeGreaterThan(log.indexOf('end h1'))
    expect(log.indexOf('end cheap')).toBeLessThan(log.indexOf('end h1'))
  })

  it('ends a heavy request’s turn when it hands its work off, not when its answer comes', async () => {
    const { log, send } = await serve({ maxActive: 1, maxLoopShare: 1 })
    const first = send('/h1?hold=300&handoff', HEAVY)
    await new Promise((r) => setTimeout(r, 30))
    await send('/h2?hold=0', HEAVY)
    await first
    expect(log.indexOf('end h2')).toBeLessThan(log.indexOf('end h1'))
  })

  it('ends the turn of a request that waits for the same question computed for another', async () => {
    // Hands the work off as `ComputePool.run` does, then answers 300 ms later.
    const computed = (): Promise<AskResult> => {
      handingOff()
      return new Promise((r) => setTimeout(() => r({ answer: {} } as AskResult), 300))
    }
    const service = new BoundedAnswerService({} as Answerer, null, 10, 1e6, computed)
    const { log, send } = await serve({ maxActive: 1, maxLoopShare: 1 }, service)
    const first = send('/a1?ask=same', HEAVY)
    await new Promise((r) => setTimeout(r, 30))
    const second = send('/a2?ask=same', HEAVY)
    await new Promise((r) => setTimeout(r, 30))
    await send('/h3?hold=0', HEAVY)
    await Promise.all([first, second])
    // The third did not wait for the computation the second was waiting for.
    expect(log.indexOf('end h3')).toBeLessThan(log.indexOf('end a2'))
  })

  it('refuses heavy requests beyond the waiting bound with a 503, and serves the rest', async () => {
    const { send } = await serve({ maxActive: 1, maxLoopShare: 1, maxWaiting: 1 })
    const results = await Promise.all([
      send('/h1?hold=200', HEAVY),
      send('/h2?hold=0', HEAVY),
      send('/h3?hold=0', HEAVY),
      send('/h4?hold=0', HEAVY),
    ])
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2)
    expect(statuses).toContain(503)
  })

  it('lets heavy requests progress while the loop is busier than its share allows', async () => {
    // A share of 0 is never met: heavy requests then go at the slowest pace, but they go.
    const { send } = await serve({ maxActive: 1, maxLoopShare: 0 })
    const results = await Promise.all([1, 2, 3].map((i) => send(`/h${i}?hold=0`, HEAVY)))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200])
  })
})
