/** Distribution summaries for benchmarks (pure). */

/** The q-quantile (0..1) of a sample, by linear interpolation between order statistics. */
export function quantile(sample: readonly number[], q: number): number {
  if (sample.length === 0) return Number.NaN
  const s = [...sample].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo)
}

/** Median, p95, p99 and mean of a sample. */
export function distribution(sample: readonly number[]) {
  return {
    n: sample.length,
    median: quantile(sample, 0.5),
    p95: quantile(sample, 0.95),
    p99: quantile(sample, 0.99),
    mean: sample.reduce((s, x) => s + x, 0) / Math.max(1, sample.length),
  }
}
