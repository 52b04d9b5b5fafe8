import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { citeService } from '../helpers/citer.ts'

/**
 * Median CPU time (user + system) of `f` over `n` runs, in ms: unlike wall time, it does not grow
 * when other processes share the machine's cores (a wall-time ratio failed at 120 while the
 * machine ran three other jobs).
 */
const median = (n: number, f: () => unknown) => {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage()
    f()
    const c = process.cpuUsage(c0)
    times.push((c.user + c.system) / 1000)
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)] as number
}

// F2: fuzzy matching ran jsdiff on up to 40 windows per flow with no bound; 4 KB of common words
// cost ~9 s of event loop. The property searches texts of the chapter's commonest words (the ones
// that anchor windows everywhere) and compares their cost with an ordinary fuzzy quote's.
describe('locating a quote costs a bounded time', () => {
  it('no text of common words costs more than a small multiple of an ordinary fuzzy quote', async () => {
    const citer = await citeService()
    const ordinary =
      'New quality productive forces mainly rely on innovation and are born from revolutionary technology breakthroughs'
    expect(citer.locate(ordinary)?.match).toBe('fuzzy')
    const base = Math.max(
      1,
      median(5, () => citer.locate(ordinary)),
    )
    const common = ['of', 'the', 'and', 'in', 'to', 'a', 'innovation', 'china', 'open', 'global']
    let worst = 0
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...common), { minLength: 200, maxLength: 1000 }),
        (words) => {
          const text = words.join(' ').slice(0, 4000)
          worst = Math.max(
            worst,
            median(1, () => citer.locate(text)),
          )
        },
      ),
      { numRuns: 12, seed: 14 },
    )
    const repeated = 'of the and '.repeat(363)
    worst = Math.max(
      worst,
      median(1, () => citer.locate(repeated)),
    )
    // Before the bound: ~thousands of times the ordinary quote. After: the time budget at most.
    expect(worst / base).toBeLessThan(60)
  })
})
