import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FairQueue } from '../../src/node/fair-queue.ts'

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
