import type { OpenAPIHono } from '@hono/zod-openapi'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import type { ChapterDocument } from '../../corpus/types.ts'
import { renderDemo } from '../pages/demo.ts'
import { faviconIco } from '../pages/favicon.ts'
import { parseHighlight, renderReader } from '../pages/reader.ts'
import { newRouter } from '../router.ts'
import type { StaticAssets } from '../types.ts'

const BASE_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de; --accent: #0b57d0; --hl: #ffe066; --hl-fg: #1b1f24; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #30363d; --accent: #79b8ff; } }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", sans-serif; color: var(--fg); background: var(--bg); max-width: 60rem; margin: 0 auto; padding: 1.5rem; overflow-wrap: break-word; }
a { color: var(--accent); }
code, pre, kbd { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
code { background: color-mix(in srgb, var(--fg) 7%, transparent); padding: 0 .2em; border-radius: 3px; }
pre code { background: none; padding: 0; }
kbd { border: 1px solid var(--line); border-radius: 4px; padding: 0 .3em; }
pre { background: color-mix(in srgb, var(--fg) 6%, transparent); padding: .75rem; overflow-x: auto; border-radius: 6px; }
pre.snippet { white-space: pre-wrap; overflow-wrap: anywhere; }
.op { border-top: 1px solid var(--line); padding: .75rem 0; }
.op h4 { margin: 1rem 0 .25rem; }
.method { display: inline-block; min-width: 3.5rem; font-weight: 700; text-transform: uppercase; }
.toc ol ol { font-size: .95em; }
.toc .method { min-width: 3rem; font-size: .8em; }
.keys { line-height: 1.9; }
table.attributes th code { white-space: nowrap; }
.muted { color: var(--muted); }
.reader main { max-width: 46rem; }
.reader p, .reader li, .reader figcaption { position: relative; }
.anchor { text-decoration: none; color: var(--muted); margin-left: .25rem; font-size: .85em; }
.cite { border: 1px solid var(--line); background: transparent; color: var(--muted); border-radius: 4px; font-size: .75em; padding: 0 .35rem; min-height: 24px; cursor: pointer; }
mark { background: var(--hl); color: var(--hl-fg); padding: 0 .1em; }
tr.hl th, tr.hl td { background: var(--hl); color: var(--hl-fg); }
tr.hl .cite, tr.hl .anchor { color: var(--hl-fg); border-color: #57606a; background: #fff8d6; }
.box { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: .5rem 1rem; margin: 1rem 0; border-radius: 6px; }
.box h4 { margin: .25rem 0 .5rem; }
figure { margin: 1rem 0; padding: .5rem 1rem; border: 1px dashed var(--line); border-radius: 6px; }
.table-wrap { overflow-x: auto; position: relative; max-width: 100%; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
td { font-variant-numeric: tabular-nums; }
.rowlink { white-space: nowrap; }
.fnref a { text-decoration: none; }
#cite-panel { position: fixed; bottom: 1rem; left: 1rem; right: 1rem; margin: 0 auto; max-width: 40rem; max-height: calc(100vh - 2rem); overflow-y: auto; background: var(--bg); border: 1px solid var(--accent); border-radius: 10px; padding: 1rem; box-shadow: 0 8px 24px rgba(0,0,0,.3); }
#cite-panel h2 { margin-top: 0; font-size: 1.15rem; }
#cite-panel pre { white-space: pre-wrap; overflow-wrap: anywhere; }
#cite-panel select, #cite-panel button { font: inherit; min-height: 32px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 600px) {
  body { padding: 1rem .75rem; }
  .reader table { font-size: 13px; }
  .reader th, .reader td { padding: .2rem .25rem; }
  .reader thead th { font-size: 12px; font-weight: 600; overflow-wrap: anywhere; }
  .reader .rowlink { white-space: normal; }
  .reader .rowlink .cite { font-size: 11px; padding: 0 .2rem; }
}
`

/**
 * Paths served compressed (gzip or deflate, as the client accepts) and with an ETag (`/docs` is
 * too, in ./docs.ts).
 */
const STATIC_PATHS = ['/', '/read', '/widget.js', '/assets/*', '/favicon.ico']
/** How long browsers may reuse the widget, the pages' assets and the icon without asking. */
const ASSET_MAX_AGE = 'public, max-age=300'

/**
 * `/`, `/read`, `/widget.js`, the shared stylesheet, the reader's script and `/favicon.ico`
 * (mounted at `/`). All of them are compressed when the client accepts it and carry an ETag
 * (computed on the uncompressed body, weak when compressed), so a revalidation costs a 304.
 */
export function pageRoutes(
  doc: ChapterDocument,
  textLength: number,
  assets: StaticAssets = {},
): OpenAPIHono {
  const app = newRouter()
  // compress() runs outside etag(): the tag is the uncompressed body's, made weak when encoded.
  for (const path of STATIC_PATHS) app.use(path, compress(), etag())
  const css = `${BASE_CSS}\n${assets.siteCss ?? ''}`
  app.get('/assets/site.css', (c) =>
    c.body(css, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': ASSET_MAX_AGE,
    }),
  )
  const icon = faviconIco()
  app.get('/favicon.ico', (c) =>
    c.body(icon.slice().buffer, 200, {
      'content-type': 'image/x-icon',
      'cache-control': 'public, max-age=86400',
    }),
  )
  app.get('/widget.js', (c) => {
    if (!assets.widgetJs)
      return c.body('// The widget is not built: run `npm run build`.\n', 503, {
        'content-type': 'text/javascript; charset=utf-8',
      })
    return c.body(assets.widgetJs, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': ASSET_MAX_AGE,
    })
  })
  app.get('/assets/reader.js', (c) =>
    c.body(assets.readerJs ?? '', assets.readerJs ? 200 : 404, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': ASSET_MAX_AGE,
    }),
  )
  const plainReader = renderReader(doc, null)
  app.get('/read', (c) => {
    const hl = parseHighlight(c.req.query('hl'), textLength)
    return c.html(hl ? renderReader(doc, hl) : plainReader)
  })
  const demos = new Map<string, string>()
  app.get('/', (c) => {
    const origin = new URL(c.req.url).origin
    const page = demos.get(origin) ?? renderDemo(origin)
    if (demos.size < MAX_CACHED_ORIGINS) demos.set(origin, page)
    return c.html(page)
  })
  return app
}

/** Pages rendered for at most this many distinct origins are kept in memory. */
const MAX_CACHED_ORIGINS = 8
