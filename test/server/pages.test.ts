import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { operationId, WIDGET_ATTRIBUTES } from '../../src/server/pages/docs.ts'
import { API_EXAMPLES } from '../../src/server/pages/docs-examples.ts'
import { parseSse, postJson, testApp } from '../helpers/app.ts'

/** Whether `actual` has every field of `example` with the same JSON type (arrays: first items). */
function shapeMismatches(example: unknown, actual: unknown, at = '$'): string[] {
  const type = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)
  if (type(example) !== type(actual)) return [`${at}: ${type(example)} ≠ ${type(actual)}`]
  if (Array.isArray(example)) {
    if (example.length === 0) return []
    if ((actual as unknown[]).length === 0) return [`${at}: empty array`]
    return shapeMismatches(example[0], (actual as unknown[])[0], `${at}[0]`)
  }
  if (example && typeof example === 'object')
    return Object.entries(example).flatMap(([k, v]) =>
      k in (actual as object)
        ? shapeMismatches(v, (actual as Record<string, unknown>)[k], `${at}.${k}`)
        : [`${at}.${k}: missing`],
    )
  return []
}

describe('/docs', () => {
  it('has contents, the widget guide with every attribute, and no raw backticks', async () => {
    const app = await testApp()
    const r = await app.request('http://docs.example/docs')
    expect(r.status).toBe(200)
    const page = await r.text()
    expect(page).toContain('<nav aria-label="Contents"')
    for (const id of ['start', 'widget', 'widget-attributes', 'widget-strings', 'api', 'errors'])
      expect(page, id).toContain(`href="#${id}"`)
    for (const a of WIDGET_ATTRIBUTES) expect(page, a.name).toContain(`<code>${a.name}</code>`)
    expect(page).toContain('&lt;script src=&quot;http://docs.example/widget.js&quot;')
    expect(page).not.toContain('`')
    expect(page).not.toMatch(/<script|style=/)
  })

  it('shows an example request and response for every operation, linked from the contents', async () => {
    const app = await testApp()
    const spec = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const page = await (await app.request('/docs')).text()
    const ops = Object.entries(spec.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => [m, p]))
    expect(ops.length).toBeGreaterThanOrEqual(11)
    for (const [method, path] of ops) {
      const id = operationId(method as string, path as string)
      expect(page, id).toContain(`href="#${id}"`)
      expect(page, id).toContain(`id="${id}"`)
      if ((path as string).startsWith('/api/admin/')) continue // the insights dashboard's own API
      expect(
        API_EXAMPLES.some((e) => e.method === method && e.path === path),
        `${method} ${path} has an example`,
      ).toBe(true)
    }
    const section = (id: string) => page.slice(page.indexOf(`id="${id}"`)).split('</section>')[0]
    expect(section('op-post-api-ask')).toContain('Example request')
    expect(section('op-post-api-ask')).toContain('Example response')
    expect(section('op-post-api-chat')).toContain('event: citations')
  })

  it('every example still matches what the server answers (status and shape)', async () => {
    const app = await testApp()
    const spec = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    let checked = 0
    for (const e of API_EXAMPLES) {
      const served = Boolean(spec.paths[e.path]?.[e.method])
      if (!served) {
        // An example of an endpoint another branch adds (feedback) stays off the page until then.
        const page = await (await app.request('/docs')).text()
        expect(page, e.path).not.toContain(`id="${operationId(e.method, e.path)}"`)
        continue
      }
      let body = e.body
      if (JSON.stringify(body ?? '').includes('{answerId}')) {
        const asked = (await (
          await postJson(app, '/api/ask', { question: 'What is the centrality of Japan?' })
        ).json()) as { id: string }
        body = JSON.parse(JSON.stringify(body).replace('{answerId}', asked.id))
      }
      const r = body === undefined ? await app.request(e.url) : await postJson(app, e.url, body)
      expect(r.status, e.url).toBe(e.status)
      expect(shapeMismatches(e.response, await r.json()), e.url).toEqual([])
      if (e.stream) {
        const s = await postJson(app, e.url, e.stream.body, { accept: 'text/event-stream' })
        const names = parseSse(await s.text()).map((x) => x.event)
        const documented = parseSse(e.stream.events).map((x) => x.event)
        expect([...new Set(names)], e.url).toEqual([...new Set(documented)])
      }
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(11)
  })
})

describe('serving the pages and the widget', () => {
  it('compresses the widget and the pages, with an ETag that answers 304', async () => {
    const app = await testApp()
    for (const path of ['/widget.js', '/', '/read', '/docs', '/assets/site.css']) {
      const plain = await app.request(path)
      const text = await plain.text()
      const tag = plain.headers.get('etag')
      expect(tag, path).toMatch(/^"[0-9a-f]{40}"$/)
      const gz = await app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
      expect(gz.headers.get('content-encoding'), path).toBe('gzip')
      expect(gz.headers.get('vary'), path).toMatch(/accept-encoding/i)
      expect(gz.headers.get('etag'), path).toBe(`W/${tag}`)
      const bytes = Buffer.from(await gz.arrayBuffer())
      expect(gunzipSync(bytes).toString('utf8'), path).toBe(text)
      if (text.length > 10_000) expect(bytes.length, path).toBeLessThan(text.length / 2)
      const again = await app.request(path, {
        headers: { 'if-none-match': `W/${tag}`, 'accept-encoding': 'gzip' },
      })
      expect(again.status, path).toBe(304)
      expect(await again.text()).toBe('')
    }
  })

  it('serves /favicon.ico as a 16×16 icon', async () => {
    const app = await testApp()
    const r = await app.request('/favicon.ico')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('image/x-icon')
    const b = Buffer.from(await r.arrayBuffer())
    expect([b.readUInt16LE(0), b.readUInt16LE(2), b.readUInt16LE(4)]).toEqual([0, 1, 1])
    expect([b[6], b[7], b.readUInt16LE(12)]).toEqual([16, 16, 32])
    expect(b.readUInt32LE(14) + b.readUInt32LE(18)).toBe(b.length)
  })

  it('writes the demo’s embed snippet with the origin it was served from', async () => {
    const app = await testApp()
    const page = await (await app.request('https://assistant.example/')).text()
    expect(page).not.toContain('{origin}')
    expect(page).toContain('&lt;script src=&quot;https://assistant.example/widget.js&quot;')
  })
})
