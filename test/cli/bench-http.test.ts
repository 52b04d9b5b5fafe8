import { describe, expect, it } from 'vitest'
import { summarize } from '../../src/cli/bench-http.ts'

const run = (rps: number, times: number[], failures = 0) => ({
  name: 'r',
  requests: rps * 10,
  rps,
  times,
  errors: failures,
  non2xx: 0,
})

describe('HTTP benchmark summary', () => {
  it('compares each round with the baseline of the same round, and pools latencies', () => {
    const baseline = [run(60_000, [1]), run(40_000, [1]), run(50_000, [1])]
    // A slow stretch of the machine (round 2) lowers both sides: the ratio stays put.
    const s = summarize(
      'GET /x',
      [run(18_000, [1, 2]), run(12_000, [3]), run(10_000, [4], 2)],
      baseline,
    )
    expect(s.ratios).toEqual([0.3, 0.3, 0.2])
    expect(s.rps).toEqual([18_000, 12_000, 10_000])
    expect(s.p50).toBe(2.5)
    expect(s.failures).toBe(2)
  })

  it('has no ratio for a round without a baseline', () => {
    expect(summarize('x', [run(1, [1])], []).ratios[0]).toBeNaN()
  })
})
