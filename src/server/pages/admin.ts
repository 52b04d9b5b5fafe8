import {
  dailyChartSvg,
  escapeXml as esc,
  latencyHistogramSvg,
  type StripSection,
  sectionStripSvg,
} from '../../insights/charts.ts'
import type { QuestionGroup } from '../../insights/cluster.ts'
import type { LatencySummary } from '../../insights/report.ts'
import type { CitedCount, DayCounts, InsightItem } from '../../insights/types.ts'

/** Everything the dashboard shows for one date range. */
export interface DashboardData {
  from: string
  to: string
  days: DayCounts[]
  totals: Omit<DayCounts, 'date'>
  unanswered: QuestionGroup[]
  disliked: InsightItem[]
  strip: StripSection[]
  textLength: number
  topCited: CitedCount[]
  latency: LatencySummary
  retentionDays: number
}

/** The dashboard's own stylesheet (served as `/admin/admin.css`: the CSP allows no inline style). */
export const ADMIN_CSS = `
.admin { max-width: 60rem; margin: 0 auto; padding: 1rem; font-family: system-ui, sans-serif; color: #1a1a1a; }
.admin header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; justify-content: space-between; }
.admin h1 { margin: 0; font-size: 1.4rem; }
.admin form.range, .admin form.inline { display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; }
.admin label { display: flex; flex-direction: column; font-size: .85rem; }
.admin input, .admin button { font: inherit; padding: .3rem .5rem; }
.admin .panel { border: 1px solid #ddd; border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; background: #fff; }
.admin .panel h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
.admin .totals { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: .25rem 0 .5rem; }
.admin .totals b { font-size: 1.3rem; display: block; }
.admin .legend { display: flex; gap: 1rem; font-size: .85rem; margin: 0; padding: 0; list-style: none; }
.admin .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }
.admin .sw-answered { background: #009E73; } .admin .sw-abstained { background: #E69F00; } .admin .sw-down { background: #D55E00; }
.admin table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.admin th, .admin td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #eee; vertical-align: top; }
.admin td.n { text-align: right; font-variant-numeric: tabular-nums; }
.admin .muted { color: #595959; font-size: .85rem; }
.admin .chart { display: block; max-width: 100%; height: auto; }
.admin .chart .tick { font-size: 10px; fill: #444; }
.admin .chart-caption { font-size: .85rem; color: #444; margin: .25rem 0 0; }
.admin .disliked li { margin-bottom: .75rem; }
.admin .answer { white-space: pre-wrap; margin: .25rem 0; }
.admin .cites { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; }
.admin .cites a { font-size: .8rem; }
.admin .error { color: #a40000; }
.admin .signin { max-width: 22rem; margin: 4rem auto; }
.admin .signin form { display: flex; flex-direction: column; gap: .75rem; }
`

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<link rel="stylesheet" href="/assets/site.css"><link rel="stylesheet" href="/admin/admin.css"></head>
<body><main class="admin">${body}</main></body></html>`

/** The sign-in page; `error` is shown above the form. */
export function renderSignIn(error?: string): string {
  return page(
    'Sign in — chapter-assistant insights',
    `<div class="signin"><h1>Insights</h1><p class="muted">Sign in with the admin token (<code>ADMIN_TOKEN</code>).</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/admin/login"><label>Admin token<input type="password" name="token" autocomplete="current-password" required maxlength="512" autofocus></label>
<button type="submit">Sign in</button></form></div>`,
  )
}

/** The page shown when there is nothing to show (insights off, or the database unavailable). */
export function renderNotice(message: string): string {
  return page(
    'Insights — chapter-assistant',
    `<header><h1>Insights</h1>${signOut}</header><section class="panel"><p class="error">${esc(message)}</p></section>`,
  )
}

const signOut =
  '<form method="post" action="/admin/logout" class="inline"><button type="submit">Sign out</button></form>'

const readerLink = (c: { start: number; end: number; label: string }) =>
  `<a href="/read?hl=${c.start}-${c.end}">${esc(c.label)}</a>`

/** The dashboard: every panel for one date range, rendered on the server (no script). */
export function renderDashboard(d: DashboardData): string {
  const q = `from=${d.from}&amp;to=${d.to}`
  const t = d.totals
  const pct = (n: number) => (t.asked ? `${Math.round((100 * n) / t.asked)}%` : '–')
  const unanswered = d.unanswered.length
    ? `<table><thead><tr><th>Question</th><th>Asked</th><th>Other wordings</th><th>Last</th></tr></thead><tbody>${d.unanswered
        .map(
          (g) =>
            `<tr><td>${esc(g.question)}</td><td class="n">${g.count}</td><td class="muted">${g.variants.map(esc).join('<br>')}</td><td class="muted">${esc(g.lastAt.slice(0, 10))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="muted">No unanswered questions in this range.</p>'
  const disliked = d.disliked.length
    ? `<ol class="disliked">${d.disliked
        .map(
          (i) =>
            `<li><p><b>${esc(i.question)}</b> <span class="muted">${esc(i.at.slice(0, 16).replace('T', ' '))} · ${esc(i.route)}${i.answerable ? '' : ' · refused'}</span></p>
<p class="answer">${esc(i.answer)}</p>${i.comment ? `<p>Comment: “${esc(i.comment)}”</p>` : ''}
${i.cited.length ? `<ul class="cites">${i.cited.map((c) => `<li>${readerLink(c)}</li>`).join('')}</ul>` : ''}</li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">No answer was rated down in this range.</p>'
  const cited = d.topCited.length
    ? `<table><thead><tr><th>Passage or table row</th><th>Section</th><th>Cited</th></tr></thead><tbody>${d.topCited
        .map(
          (c) =>
            `<tr><td>${esc(c.label)}</td><td>${esc(c.section)}</td><td class="n">${c.count}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
  return page(
    'Insights — chapter-assistant',
    `<header><h1>Insights</h1>
<form class="range" method="get" action="/admin"><label>From<input type="date" name="from" value="${d.from}"></label><label>To<input type="date" name="to" value="${d.to}"></label><button type="submit">Show</button></form>
<a href="/api/admin/export.csv?${q}" download>Export CSV</a>${signOut}</header>
<p class="muted">${d.from} to ${d.to} (UTC). Answers are kept ${d.retentionDays} days.</p>
<section class="panel" id="panel-daily"><h2>Questions per day</h2>
<div class="totals"><span><b>${t.asked}</b> asked</span><span><b>${t.answered}</b> answered (${pct(t.answered)})</span><span><b>${t.abstained}</b> refused (${pct(t.abstained)})</span><span><b>${t.up}</b> rated up</span><span><b>${t.down}</b> rated down</span></div>
<ul class="legend"><li><span class="swatch sw-answered"></span>answered</li><li><span class="swatch sw-abstained"></span>refused</li><li><span class="swatch sw-down"></span>rated down</li></ul>
${dailyChartSvg(d.days)}</section>
<section class="panel" id="panel-unanswered"><h2>Top unanswered questions</h2><p class="muted">Grouped by similarity: what readers look for that the chapter does not say.</p>${unanswered}</section>
<section class="panel" id="panel-disliked"><h2>Disliked answers</h2><p class="muted">Rated down, newest first, with the reader’s comment; each citation opens the reader at its span.</p>${disliked}</section>
<section class="panel" id="panel-cited"><h2>Most cited sections and rows</h2><p class="muted">The chapter from start to end; the darker a section, the more it was cited. Click to read it.</p>
${sectionStripSvg(d.strip, d.textLength)}${cited}</section>
<section class="panel" id="panel-latency"><h2>Latency</h2>${latencyHistogramSvg(d.latency)}</section>`,
  )
}
