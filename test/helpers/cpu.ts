/**
 * Median CPU milliseconds (user + system) of `f` over `n` runs, for costs compared as ratios in
 * one run, never against a fixed threshold.
 *
 * @example
 * const ratio = (await medianCpu(9, () => heavy())) / (await medianCpu(9, () => light()))
 */
export async function medianCpu(n: number, f: (i: number) => Promise<unknown>): Promise<number> {
  const costs: number[] = []
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage()
    await f(i)
    const c = process.cpuUsage(c0)
    costs.push((c.user + c.system) / 1000)
  }
  return costs.sort((a, b) => a - b)[Math.floor(n / 2)] as number
}
