import type { OpenAPIHono } from '@hono/zod-openapi'
import { html } from 'hono/html'
import type { ChapterDocument } from '../../corpus/types.ts'
import { renderDemo } from '../pages/demo.ts'
import { parseHighlight, renderReader } from '../pages/reader.ts'

/** Files the host provides: the built widget, the page scripts and the stylesheet. */
export interface StaticAssets {
  /** `/widget.js`, built from `src/widget/` (see `npm run build:widget`). */
  widgetJs?: string
  /** `/assets/site.css`. */
  siteCss?: string
  /** `/assets/reader.js`: the reader page's script. */
  readerJs?: string
}

const BASE_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #30363d; --accent: #79b8ff; } }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
a { color: var(--accent); }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: color-mix(in srgb, var(--fg) 6%, transparent); padding: .75rem; overflow-x: auto; border-radius: 6px; }
.op { border-top: 1px solid var(--line); padding: .75rem 0; }
.method { display: inline-block; min-width: 4.5rem; font-weight: 700; text-transform: uppercase; }
.muted { color: var(--muted); }
.reader main { max-width: 46rem; }
.reader p, .reader li, .reader figcaption { position: relative; }
.anchor { text-decoration: none; color: var(--muted); margin-left: .25rem; font-size: .85em; }
.cite { border: 1px solid var(--line); background: transparent; color: var(--muted); border-radius: 4px; font-size: .75em; padding: 0 .35rem; cursor: pointer; }
mark { background: #ffe066; color: #1b1f24; padding: 0 .1em; }
tr.hl th, tr.hl td { background: #ffe066; color: #1b1f24; }
.box { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: .5rem 1rem; margin: 1rem 0; border-radius: 6px; }
.box h4 { margin: .25rem 0 .5rem; }
figure { margin: 1rem 0; padding: .5rem 1rem; border: 1px dashed var(--line); border-radius: 6px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; }
td { font-variant-numeric: tabular-nums; }
.rowlink { white-space: nowrap; }
.fnref a { text-decoration: none; }
#cite-panel { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); width: min(40rem, calc(100vw - 2rem)); background: var(--bg); border: 1px solid var(--accent); border-radius: 10px; padding: 1rem; box-shadow: 0 8px 24px rgba(0,0,0,.3); }
#cite-panel pre { white-space: pre-wrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`

type OpenApiDoc = {
  info: { title: string; description?: string; version: string }
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string
        description?: string
        requestBody?: { content?: Record<string, { schema?: unknown }> }
        parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>
        responses?: Record<string, { description?: string }>
      }
    >
  >
  components?: { schemas?: Record<string, unknown> }
}

/** A readable API reference, rendered on the server from the OpenAPI document (no script, no CDN). */
export function renderApiReference(doc: OpenApiDoc): string {
  const schemaOf = (s: unknown): string => {
    const ref = (s as { $ref?: string } | undefined)?.$ref
    const name = ref?.split('/').pop()
    return JSON.stringify(name ? (doc.components?.schemas?.[name] ?? s) : s, null, 2)
  }
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]) => html`<section class="op" id="${method}-${path}">
        <h2><span class="method">${method}</span> <code>${path}</code></h2>
        <p>${op.summary ?? ''}</p>
        ${op.description ? html`<p class="muted">${op.description}</p>` : ''}
        ${op.parameters?.length ? html`<h3>Parameters</h3><ul>${op.parameters.map((p) => html`<li><code>${p.name}</code> (${p.in}${p.required ? ', required' : ''})</li>`)}</ul>` : ''}
        ${op.requestBody?.content?.['application/json'] ? html`<h3>Request body</h3><pre>${schemaOf(op.requestBody.content['application/json'].schema)}</pre>` : ''}
        <h3>Responses</h3>
        <ul>${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><code>${status}</code> ${r.description ?? ''}</li>`)}</ul>
      </section>`,
    ),
  )
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} — reference</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><header><h1>${doc.info.title} <small class="muted">v${doc.info.version}</small></h1><p>${doc.info.description ?? ''}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Errors are <code>application/problem+json</code> (RFC 9457).</p></header>
<main>${ops}</main></body></html>`.toString()
}

/** `/`, `/read`, `/widget.js`, `/docs` and the shared stylesheet. */
export function registerPageRoutes(
  app: OpenAPIHono,
  doc: ChapterDocument,
  textLength: number,
  assets: StaticAssets = {},
): void {
  const css = `${BASE_CSS}\n${assets.siteCss ?? ''}`
  app.get('/assets/site.css', (c) =>
    c.body(css, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  )
  app.get('/docs', (c) => {
    const doc = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'chapter-assistant API',
        version: '1.0.0',
        description: 'Answers from Chapter 8 with exact citations.',
      },
    })
    return c.html(renderApiReference(doc as unknown as OpenApiDoc))
  })
  app.get('/widget.js', (c) => {
    if (!assets.widgetJs)
      return c.body('// The widget is not built: run `npm run build:widget`.\n', 503, {
        'content-type': 'text/javascript; charset=utf-8',
      })
    return c.body(assets.widgetJs, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    })
  })
  app.get('/assets/reader.js', (c) =>
    c.body(assets.readerJs ?? '', assets.readerJs ? 200 : 404, {
      'content-type': 'text/javascript; charset=utf-8',
    }),
  )
  const plainReader = renderReader(doc, null)
  app.get('/read', (c) => {
    const hl = parseHighlight(c.req.query('hl'), textLength)
    return c.html(hl ? renderReader(doc, hl) : plainReader)
  })
  const demo = renderDemo()
  app.get('/', (c) => c.html(demo))
}
