import type { CitedCount, DayCounts, TimeRange } from './types.ts'

const DAY_MS = 86_400_000
/** The range the dashboard shows when none is asked for: the last 30 days. */
export const DEFAULT_RANGE_DAYS = 30
/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 366
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A date range as asked (`YYYY-MM-DD`, both days included) and as queried. */
export interface DateRange {
  from: string
  to: string
  range: TimeRange
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`)

/**
 * Parses `from` and `to` (UTC days, both included). Missing ones default to the last
 * {@link DEFAULT_RANGE_DAYS} days up to today. Returns an error message for a bad date, a reversed
 * range or one longer than {@link MAX_RANGE_DAYS} days.
 *
 * @example
 * parseDateRange('2026-01-01', '2026-01-31', now) // { from: '2026-01-01', to: '2026-01-31', range: { from: 1767225600000, to: 1769904000000 } }
 */
export function parseDateRange(
  from: string | undefined,
  to: string | undefined,
  now: number,
): DateRange | { error: string } {
  for (const [name, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (v !== undefined && v !== '' && (!DATE.test(v) || Number.isNaN(dayStart(v))))
      return { error: `${name} must be a date as YYYY-MM-DD` }
    if (v && isoDay(dayStart(v)) !== v) return { error: `${name} is not a calendar date` }
  }
  const toDay = to || isoDay(now)
  const fromDay = from || isoDay(dayStart(toDay) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS)
  const start = dayStart(fromDay)
  const end = dayStart(toDay) + DAY_MS
  if (end <= start) return { error: 'from must not be after to' }
  if ((end - start) / DAY_MS > MAX_RANGE_DAYS)
    return { error: `a range covers at most ${MAX_RANGE_DAYS} days` }
  return { from: fromDay, to: toDay, range: { from: start, to: end } }
}

/** Every day of the range, with zeros for days without answers. */
export function fillDays(days: readonly DayCounts[], range: TimeRange): DayCounts[] {
  const byDate = new Map(days.map((d) => [d.date, d]))
  const out: DayCounts[] = []
  for (let t = range.from; t < range.to; t += DAY_MS) {
    const date = isoDay(t)
    out.push(byDate.get(date) ?? { date, asked: 0, answered: 0, abstained: 0, up: 0, down: 0 })
  }
  return out
}

/** The sums over the days. */
export function totals(days: readonly DayCounts[]): Omit<DayCounts, 'date'> {
  const t = { asked: 0, answered: 0, abstained: 0, up: 0, down: 0 }
  for (const d of days) {
    t.asked += d.asked
    t.answered += d.answered
    t.abstained += d.abstained
    t.up += d.up
    t.down += d.down
  }
  return t
}

/** Citations per section (API.md `topSections`), most cited first. */
export function sectionCounts(
  cited: readonly CitedCount[],
  label: (section: string) => string,
): Array<{ section: string; label: string; count: number }> {
  const counts = new Map<string, number>()
  for (const c of cited) counts.set(c.section, (counts.get(c.section) ?? 0) + c.count)
  return [...counts]
    .map(([section, count]) => ({ section, label: label(section), count }))
    .sort((a, b) => b.count - a.count || a.section.localeCompare(b.section))
}

/** Latency buckets' upper bounds in ms (log scale): a cached answer is well under 1 ms. */
export const LATENCY_BOUNDS_MS = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]

/** A latency distribution: counts per bucket and the usual percentiles. */
export interface LatencySummary {
  buckets: Array<{ le: number | null; count: number }>
  count: number
  p50: number | null
  p90: number | null
  p99: number | null
  max: number | null
}

/** Buckets and percentiles (nearest rank) of latencies in ms. */
export function latencySummary(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b)
  const rank = (p: number) =>
    sorted.length
      ? (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null)
      : null
  const buckets: LatencySummary['buckets'] = [...LATENCY_BOUNDS_MS, null].map((le) => ({
    le,
    count: 0,
  }))
  for (const v of sorted) {
    const i = LATENCY_BOUNDS_MS.findIndex((b) => v <= b)
    const bucket = buckets[i === -1 ? buckets.length - 1 : i]
    if (bucket) bucket.count++
  }
  return {
    buckets,
    count: sorted.length,
    p50: rank(0.5),
    p90: rank(0.9),
    p99: rank(0.99),
    max: sorted.at(-1) ?? null,
  }
}
