import type { LatencySummary } from './report.ts'
import type { DayCounts } from './types.ts'

/**
 * Server-rendered SVG charts for the dashboard: no script, no CDN, no inline style (the page's
 * CSP allows styles only from its own stylesheet), colours as presentation attributes and
 * classes, a `<title>` on every mark for its exact figures, and a text alternative (`role="img"`
 * with `aria-label`).
 */

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}

/** The colours of the charts (colour-blind safe: Okabe–Ito). */
export const COLORS = {
  answered: '#009E73',
  abstained: '#E69F00',
  down: '#D55E00',
  latency: '#0072B2',
  strip: '#0072B2',
  axis: '#666666',
} as const

const CHART_W = 720
const PAD = { left: 40, right: 10, top: 10, bottom: 28 }

/** The widest a day's bar gets (a short range would otherwise draw slabs). */
const MAX_BAR_W = 36

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))

/**
 * Questions per day: a bar per day, answered (bottom) and refused (top) stacked to the number
 * asked, with the number rated down as a thin bar beside it.
 */
export function dailyChartSvg(days: readonly DayCounts[]): string {
  const h = 220
  const innerW = CHART_W - PAD.left - PAD.right
  const innerH = h - PAD.top - PAD.bottom
  const max = Math.max(1, ...days.map((d) => Math.max(d.asked, d.down)))
  const slot = innerW / Math.max(1, days.length)
  const barW = Math.max(1, Math.min(slot * 0.6, MAX_BAR_W))
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  const marks: string[] = []
  const labelEvery = Math.max(1, Math.ceil(days.length / 8))
  days.forEach((d, i) => {
    const x = PAD.left + i * slot + (slot - barW) / 2
    const tip = `${d.date}: ${d.asked} asked, ${d.answered} answered, ${d.abstained} refused, ${d.down} rated down, ${d.up} rated up`
    marks.push(
      `<g class="day"><title>${escapeXml(tip)}</title>` +
        `<rect x="${x.toFixed(1)}" y="${y(d.answered).toFixed(1)}" width="${(barW * 0.75).toFixed(1)}" height="${(y(0) - y(d.answered)).toFixed(1)}" fill="${COLORS.answered}"/>` +
        `<rect x="${x.toFixed(1)}" y="${y(d.asked).toFixed(1)}" width="${(barW * 0.75).toFixed(1)}" height="${(y(d.answered) - y(d.asked)).toFixed(1)}" fill="${COLORS.abstained}"/>` +
        `<rect x="${(x + barW * 0.78).toFixed(1)}" y="${y(d.down).toFixed(1)}" width="${(barW * 0.22).toFixed(1)}" height="${(y(0) - y(d.down)).toFixed(1)}" fill="${COLORS.down}"/></g>`,
    )
    if (i % labelEvery === 0)
      marks.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${h - 8}" text-anchor="middle" class="tick">${d.date.slice(5)}</text>`,
      )
  })
  const total = days.reduce((n, d) => n + d.asked, 0)
  return svg(
    CHART_W,
    h,
    `Questions per day over ${days.length} day${days.length === 1 ? '' : 's'}: ${total} asked`,
    axes(h, innerH, max) + marks.join(''),
  )
}

/** One section of the strip: where it is in the chapter and how often it was cited. */
export interface StripSection {
  id: string
  label: string
  title: string
  start: number
  end: number
  count: number
}

/**
 * The most cited sections as a strip over the chapter: each section a band as wide as its share
 * of the chapter's text, the darker the more cited, linked to the reader at that section.
 */
export function sectionStripSvg(sections: readonly StripSection[], textLength: number): string {
  const h = 64
  const max = Math.max(1, ...sections.map((s) => s.count))
  const scale = CHART_W / Math.max(1, textLength)
  const bands = sections.map((s) => {
    const x = s.start * scale
    const w = Math.max(1, (s.end - s.start) * scale)
    const opacity = s.count ? 0.15 + 0.85 * (s.count / max) : 0.04
    const tip = `${s.label} ${s.title}: cited ${s.count} time${s.count === 1 ? '' : 's'}`
    const text =
      w > 28
        ? `<text x="${(x + w / 2).toFixed(1)}" y="${h - 6}" text-anchor="middle" class="tick">${escapeXml(s.label)}</text>`
        : ''
    return `<a href="/read?hl=${s.start}-${s.end}" class="band"><title>${escapeXml(tip)}</title><rect x="${x.toFixed(1)}" y="4" width="${w.toFixed(1)}" height="${h - 24}" fill="${COLORS.strip}" fill-opacity="${opacity.toFixed(2)}" stroke="#ffffff" stroke-width="1"/>${text}</a>`
  })
  const cited = [...sections].sort((a, b) => b.count - a.count).filter((s) => s.count)
  const summary = cited.length
    ? `Most cited sections: ${cited
        .slice(0, 3)
        .map((s) => `${s.label} (${s.count})`)
        .join(', ')}`
    : 'No citations in this range'
  return svg(CHART_W, h, summary, bands.join(''))
}

/** The latency distribution: a bar per bucket (log-spaced bounds), with p50/p90/p99 in the label. */
export function latencyHistogramSvg(summary: LatencySummary): string {
  const h = 200
  const innerW = CHART_W - PAD.left - PAD.right
  const innerH = h - PAD.top - PAD.bottom
  const max = Math.max(1, ...summary.buckets.map((b) => b.count))
  const slot = innerW / summary.buckets.length
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  let prev = 0
  const marks = summary.buckets.map((b, i) => {
    const x = PAD.left + i * slot + slot * 0.1
    const range = b.le === null ? `> ${fmt(prev)} ms` : `${fmt(prev)}–${fmt(b.le)} ms`
    const tick = b.le === null ? `>${fmt(prev)}` : `≤${fmt(b.le)}`
    prev = b.le ?? prev
    return (
      `<g class="bucket"><title>${escapeXml(`${range}: ${b.count}`)}</title>` +
      `<rect x="${x.toFixed(1)}" y="${y(b.count).toFixed(1)}" width="${(slot * 0.8).toFixed(1)}" height="${(y(0) - y(b.count)).toFixed(1)}" fill="${COLORS.latency}"/></g>` +
      `<text x="${(x + slot * 0.4).toFixed(1)}" y="${h - 8}" text-anchor="middle" class="tick">${escapeXml(tick)}</text>`
    )
  })
  const p = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(2)} ms`)
  return svg(
    CHART_W,
    h,
    `Latency of ${summary.count} answers: median ${p(summary.p50)}, p90 ${p(summary.p90)}, p99 ${p(summary.p99)}`,
    axes(h, innerH, max) + marks.join(''),
  )
}

function axes(h: number, innerH: number, max: number): string {
  const base = PAD.top + innerH
  return (
    `<line x1="${PAD.left}" y1="${base}" x2="${CHART_W - PAD.right}" y2="${base}" stroke="${COLORS.axis}"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${base}" stroke="${COLORS.axis}"/>` +
    `<text x="${PAD.left - 4}" y="${PAD.top + 10}" text-anchor="end" class="tick">${max}</text>` +
    `<text x="${PAD.left - 4}" y="${base}" text-anchor="end" class="tick">0</text>` +
    `<desc>height ${h}</desc>`
  )
}

function svg(w: number, h: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${escapeXml(label)}" class="chart">${body}</svg><p class="chart-caption">${escapeXml(label)}</p>`
}
