import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import fc from 'fast-check'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from '../../src/node/client-key.ts'
import { FairQueue } from '../../src/node/fair-queue.ts'
import { currentClient, NO_CLIENT, withRequestClient } from '../../src/node/request-client.ts'

describe('FairQueue', () => {
  it('takes the clients in turn, each client in its own order', () => {
    const q = new FairQueue<string>()
    for (let i = 1; i <= 5; i++) q.push('burst', `a${i}`)
    q.push('other', 'b1')
    q.push('third', 'c1')
    expect(q.drain()).toEqual(['a1', 'b1', 'c1', 'a2', 'a3', 'a4', 'a5'])
    expect(q.size).toBe(0)
  })

  it('delays a client’s first item by at most one item per other waiting client', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 30 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (bursts) => {
          const q = new FairQueue<{ client: string; i: number }>()
          const pushed = new Map<string, number>()
          for (const [c, n] of bursts)
            for (let k = 0; k < n; k++) {
              const i = pushed.get(`c${c}`) ?? 0
              pushed.set(`c${c}`, i + 1)
              q.push(`c${c}`, { client: `c${c}`, i })
            }
          const late = { client: 'late', i: 0 }
          q.push('late', late)
          const waiting = new Set(bursts.map(([c]) => `c${c}`)).size
          const order = q.drain()
          // FIFO would put it behind every item of every burst.
          expect(order.indexOf(late)).toBeLessThanOrEqual(waiting)
          // Nothing is lost or reordered within a client.
          for (const c of new Set(order.map((o) => o.client))) {
            const own = order.filter((o) => o.client === c).map((o) => o.i)
            expect(own).toEqual([...own].sort((a, b) => a - b))
          }
          expect(order.length).toBe(bursts.reduce((s, [, n]) => s + n, 0) + 1)
        },
      ),
    )
  })
})

describe('the request client reaches the work a request starts', () => {
  it('is the socket address inside an app’s asynchronous handler, and a trusted proxy’s forward', async () => {
    const app = new Hono().get('/', async (c) => {
      await new Promise((r) => setTimeout(r, 5))
      return c.text(currentClient())
    })
    const trusted = parseTrustProxy('127.0.0.9')
    const server = createServer(withRequestClient(getRequestListener(app.fetch), trusted))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    const get = (localAddress: string, headers: Record<string, string> = {}) =>
      new Promise<string>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/', localAddress, headers },
          (res) => {
            let body = ''
            res.on('data', (d) => (body += d))
            res.on('end', () => resolve(body))
          },
        )
        req.on('error', reject)
        req.end()
      })
    try {
      const [a, b, forged, proxied] = await Promise.all([
        get('127.0.0.5'),
        get('127.0.0.6'),
        get('127.0.0.5', { 'x-forwarded-for': '10.1.1.1' }),
        get('127.0.0.9', { 'x-forwarded-for': '10.1.1.1' }),
      ])
      expect([a, b, forged, proxied]).toEqual(['127.0.0.5', '127.0.0.6', '127.0.0.5', '10.1.1.1'])
      expect(currentClient()).toBe(NO_CLIENT)
    } finally {
      server.close()
    }
  })
})
