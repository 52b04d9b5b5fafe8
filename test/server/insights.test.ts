import { join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Insights } from '../../src/insights/insights.ts'
import { SqliteInsightsStore } from '../../src/node/insights-sqlite.ts'
import { buildNodeApp } from '../../src/node/server.ts'
import { parseSse, postJson } from '../helpers/app.ts'
import { assistant } from '../helpers/assistant.ts'
import { answerRecord, daysAgo, tempDir } from '../insights/helpers.ts'

const TOKEN = 'correct-horse-battery-staple-2026'
const UA = 'Mozilla/5.0 (Insights test; unique-agent-7f3a)'
const IP = '203.0.113.77'
let dir: ReturnType<typeof tempDir>
let insights: Insights
let app: OpenAPIHono
let file: string

async function appWith(
  owner: { insights?: Insights; adminToken?: string },
  clientKey = () => 'test',
) {
  return buildNodeApp(await assistant(), { rateLimitPerMinute: 0, clientKey }, undefined, owner)
}

beforeAll(async () => {
  dir = tempDir()
  file = join(dir.dir, 'insights.db')
  insights = new Insights({
    store: new SqliteInsightsStore(file),
    purgeIntervalMs: 0,
    retentionDays: 30,
  })
  await insights.start()
  app = await appWith({ insights, adminToken: TOKEN })
})
afterAll(async () => {
  await insights.close()
  dir.remove()
})

const ask = (question: string, headers: Record<string, string> = {}) =>
  postJson(app, '/api/ask', { question }, { 'user-agent': UA, 'x-forwarded-for': IP, ...headers })
const feedback = (body: unknown, a: OpenAPIHono = app) => postJson(a, '/api/feedback', body)
const bearer = { authorization: `Bearer ${TOKEN}` }
/** The route the answerer's trace gives a question. */
const routeOf = async (q: string) => String((await (await assistant()).service.ask(q)).trace.route)

describe('answer ids and what is stored', () => {
  it('gives every response its own id, a cached answer too, and stores each answer', async () => {
    const q = 'What is the centrality of the Netherlands?'
    const [a, b] = [await (await ask(q)).json(), await (await ask(q)).json()]
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(b.id).not.toBe(a.id)
    expect(b.answer).toBe(a.answer)
    const chat = await postJson(app, '/api/chat', { messages: [{ role: 'user', content: q }] })
    const c = await chat.json()
    const sse = await postJson(
      app,
      '/api/chat',
      { messages: [{ role: 'user', content: q }] },
      { accept: 'text/event-stream' },
    )
    const done = parseSse(await sse.text()).find((e) => e.event === 'done')
    const d = JSON.parse(done?.data ?? '{}')
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4)

    await insights.flush()
    const db = new Database(file, { readonly: true })
    const rows = db
      .prepare('SELECT * FROM answers WHERE id IN (?, ?, ?, ?)')
      .all(a.id, b.id, c.id, d.id) as Array<Record<string, unknown>>
    expect(rows).toHaveLength(4)
    const row = rows.find((r) => r.id === a.id)
    expect(row).toMatchObject({
      question: q,
      standalone_question: a.standaloneQuestion,
      // The route is the answerer's own (its trace), whatever the answerer calls it.
      route: await routeOf(q),
      answerable: 1,
      answer: a.answer,
    })
    expect(JSON.parse(String(row?.citations)).map((x: { id: string }) => x.id)).toEqual(
      a.citations.map((x: { id: string }) => x.id),
    )
    expect(Number(row?.latency_ms)).toBeGreaterThanOrEqual(0)
    // Nothing that identifies the visitor: no IP address, no user agent, anywhere in the file.
    const everything = JSON.stringify(db.prepare('SELECT * FROM answers').all())
    expect(everything).not.toContain('unique-agent-7f3a')
    expect(everything).not.toContain(IP)
    const columns = db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .pluck()
      .all('answers') as string[]
    expect(columns.filter((n) => /ip|agent|cookie|user|session|client/i.test(n))).toEqual([])
    db.close()
    // The widget's API sets no cookie.
    expect((await ask(q)).headers.get('set-cookie')).toBeNull()
  })

  it('stores a refusal as unanswered', async () => {
    const a = await (await ask('What is a good recipe for kimchi?')).json()
    expect(a.answerable).toBe(false)
    const items = await insights.items(
      { from: daysAgo(1), to: Date.now() + 1000 },
      'unanswered',
      50,
    )
    expect(items.find((i) => i.answerId === a.id)).toMatchObject({
      answerable: false,
      route: await routeOf('What is a good recipe for kimchi?'),
    })
  })
})

describe('POST /api/feedback', () => {
  it('validates its body with 4xx problems', async () => {
    const { id } = await (await ask('What are the three dimensions?')).json()
    const bad: Array<[unknown, number]> = [
      [{}, 400],
      [{ answerId: id }, 400],
      [{ answerId: id, rating: 'meh' }, 400],
      [{ answerId: id, rating: 'up', comment: 'x'.repeat(1001) }, 400],
      [{ answerId: id, rating: 'up', comment: 'bell\u0007' }, 400],
      [{ answerId: '../../etc', rating: 'up' }, 400],
      [{ answerId: 'x'.repeat(65), rating: 'up' }, 400],
      [{ answerId: 42, rating: 'up' }, 400],
      ['{"answerId":', 400],
    ]
    for (const [body, status] of bad) {
      const r = await feedback(body)
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(status)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
    }
    const form = await app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    })
    expect(form.status).toBe(415)
    expect((await app.request('/api/feedback')).status).toBe(405)
    expect((await feedback({ answerId: id, rating: 'up', comment: 'x'.repeat(1000) })).status).toBe(
      202,
    )
  })

  it('404s an unknown or expired id', async () => {
    const unknown = await feedback({
      answerId: '00000000-0000-4000-8000-000000000000',
      rating: 'down',
    })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).type).toBe('/problems/not-found')
    await insights.store.write({
      answers: [answerRecord('expired-1', { at: daysAgo(31) })],
      feedback: [],
    })
    expect((await feedback({ answerId: 'expired-1', rating: 'down' })).status).toBe(404)
  })

  it('accepts a rating changed twice; the last one is kept, with its comment', async () => {
    const { id } = await (await ask('How many papers did Germany publish?')).json()
    const steps = [
      { rating: 'up' },
      { rating: 'down', comment: '  Wrong year.  ' },
      { rating: 'down', comment: 'Wrong country, actually.' },
    ]
    for (const s of steps) {
      const r = await feedback({ answerId: id, ...s })
      expect(r.status).toBe(202)
      expect(await r.json()).toEqual({ ok: true })
    }
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT rating, comment FROM answers WHERE id = ?').get(id)).toEqual({
      rating: 'down',
      comment: 'Wrong country, actually.',
    })
    db.close()
  })
})

describe('INSIGHTS=off', () => {
  it('stores nothing, still gives ids, and acknowledges feedback without keeping it', async () => {
    const off = await appWith({ adminToken: TOKEN })
    const a = await (
      await postJson(off, '/api/ask', { question: 'What is hard technology?' })
    ).json()
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/)
    expect((await feedback({ answerId: a.id, rating: 'up' }, off)).status).toBe(202)
    expect((await feedback({ answerId: a.id, rating: 'sideways' }, off)).status).toBe(400)
    expect((await off.request('/api/admin/stats', { headers: bearer })).status).toBe(404)
    const page = await off.request('/admin', { headers: bearer })
    expect(await page.text()).toContain('Insights are off')
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT count(*) FROM answers WHERE id = ?').pluck().get(a.id)).toBe(0)
    db.close()
  })
})

describe('a database that is unavailable', () => {
  it('still answers; feedback gets a 503 problem; the error is logged', async () => {
    const errors: unknown[] = []
    const broken = new Insights({
      store: new SqliteInsightsStore(join(dir.dir, 'insights.db', 'not-a-folder', 'x.db')),
      logger: { error: (e) => errors.push(e) },
      purgeIntervalMs: 0,
    })
    await broken.start()
    const b = await appWith({ insights: broken })
    const r = await postJson(b, '/api/ask', { question: 'What is the centrality of Japan?' })
    expect(r.status).toBe(200)
    const { id } = await r.json()
    const f = await feedback({ answerId: id, rating: 'up' }, b)
    expect(f.status).toBe(503)
    expect(f.headers.get('retry-after')).toBe('5')
    expect((await f.json()).type).toBe('/problems/storage-unavailable')
    expect(errors.length).toBeGreaterThan(0)
    await broken.close()
  })
})

describe('admin access', () => {
  it('is 404 everywhere without ADMIN_TOKEN', async () => {
    const none = await appWith({ insights })
    for (const p of ['/admin', '/api/admin/stats', '/api/admin/questions', '/api/admin/export.csv'])
      expect((await none.request(p, { headers: bearer })).status, p).toBe(404)
    expect(
      (
        await none.request('/admin/login', {
          method: 'POST',
          body: `token=${TOKEN}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(404)
  })

  it('takes the right bearer token only', async () => {
    expect((await app.request('/api/admin/stats')).status).toBe(401)
    const wrong = await app.request('/api/admin/stats', {
      headers: { authorization: 'Bearer nope' },
    })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer')
    expect(
      (await app.request('/api/admin/stats', { headers: { authorization: `Bearer ${TOKEN}x` } }))
        .status,
    ).toBe(401)
    expect(
      (
        await app.request('/api/admin/stats', {
          headers: { authorization: `Basic ${btoa(`a:${TOKEN}`)}` },
        })
      ).status,
    ).toBe(401)
    expect((await app.request('/api/admin/stats', { headers: bearer })).status).toBe(200)
    // The sign-in page shows, the dashboard does not.
    const page = await (await app.request('/admin')).text()
    expect(page).toContain('name="token"')
    expect(page).not.toContain('panel-daily')
  })

  const signIn = (
    a: OpenAPIHono,
    token: string,
    headers: Record<string, string> = {},
    base = 'http://localhost',
  ) =>
    a.request(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token }).toString(),
    })

  it('signs in with a session cookie: HttpOnly, SameSite=Strict, Secure over https', async () => {
    const wrong = await signIn(app, 'wrong')
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    const ok = await signIn(app, TOKEN, { origin: 'http://localhost' })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/admin')
    const cookie = ok.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(
      /^admin_session=\d+\.[\w-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/,
    )
    const https = await signIn(app, TOKEN, { origin: 'https://localhost' }, 'https://localhost')
    expect(https.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/)

    const session = cookie.split(';')[0] ?? ''
    expect((await app.request('/api/admin/stats', { headers: { cookie: session } })).status).toBe(
      200,
    )
    const dash = await app.request('/admin', { headers: { cookie: session } })
    expect(await dash.text()).toContain('panel-daily')
    expect(dash.headers.get('cache-control')).toBe('no-store')
    expect(dash.headers.get('content-security-policy')).toContain("script-src 'self'")
    // A forged or altered session is refused.
    const [exp, mac] = session.slice('admin_session='.length).split('.')
    for (const forged of [
      `${Number(exp) + 9999}.${mac}`,
      `${exp}.${mac?.slice(0, -2)}AA`,
      'x',
      `${exp}`,
    ])
      expect(
        (await app.request('/api/admin/stats', { headers: { cookie: `admin_session=${forged}` } }))
          .status,
      ).toBe(401)
    // Signing out clears the cookie.
    const out = await app.request('http://localhost/admin/logout', {
      method: 'POST',
      headers: { cookie: session, origin: 'http://localhost' },
    })
    expect(out.status).toBe(303)
    expect(out.headers.get('set-cookie')).toMatch(
      /^admin_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/,
    )
  })

  it('refuses state-changing requests from another origin (CSRF)', async () => {
    const evil = await signIn(app, TOKEN, { origin: 'https://evil.example' })
    expect(evil.status).toBe(403)
    expect(evil.headers.get('set-cookie')).toBeNull()
    const crossSite = await signIn(app, TOKEN, { 'sec-fetch-site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    const ok = await signIn(app, TOKEN, {
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    })
    const session = (ok.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const logout = await app.request('http://localhost/admin/logout', {
      method: 'POST',
      headers: { cookie: session, origin: 'https://evil.example' },
    })
    expect(logout.status).toBe(403)
    expect(logout.headers.get('set-cookie')).toBeNull()
    // The admin API is read-only: no method but GET reaches it.
    expect(
      (
        await app.request('/api/admin/stats', {
          method: 'POST',
          headers: { ...bearer, 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(405)
  })

  it('rate-limits sign-in attempts per client, right token or not', async () => {
    const limited = await appWith({ insights, adminToken: TOKEN }, () => 'one-client')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await signIn(limited, `guess-${i}`)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    const blocked = await signIn(limited, TOKEN)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800)
    expect(blocked.headers.get('set-cookie')).toBeNull()
  })
})

describe('the admin API', () => {
  it('reports stats, lists questions and exports CSV for a date range', async () => {
    const now = Date.now()
    await insights.store.write({
      answers: [
        answerRecord('old-down', {
          at: daysAgo(3, now),
          answerable: false,
          route: 'abstain',
          question: '=HYPERLINK("http://x")',
          citations: [],
        }),
        answerRecord('old-up', { at: daysAgo(3, now) }),
      ],
      feedback: [
        { answerId: 'old-down', rating: 'down', comment: 'Says "nothing", sadly', at: now },
        { answerId: 'old-up', rating: 'up', at: now },
      ],
    })
    const day = new Date(daysAgo(3, now)).toISOString().slice(0, 10)
    const stats = await (
      await app.request(`/api/admin/stats?from=${day}&to=${day}`, { headers: bearer })
    ).json()
    expect(stats.days).toEqual([{ date: day, asked: 2, answered: 1, abstained: 1, up: 1, down: 1 }])
    expect(stats.totals).toEqual({ asked: 2, answered: 1, abstained: 1, up: 1, down: 1 })
    expect(stats.topSections).toEqual([
      { section: 'II.4', label: expect.stringMatching(/^§II\.4 /), count: 1 },
    ])
    const week = await (await app.request('/api/admin/stats', { headers: bearer })).json()
    expect(week.days).toHaveLength(30)

    const down = await (
      await app.request(`/api/admin/questions?status=down&from=${day}&to=${day}`, {
        headers: bearer,
      })
    ).json()
    expect(down.items).toEqual([
      {
        answerId: 'old-down',
        at: expect.any(String),
        question: '=HYPERLINK("http://x")',
        standaloneQuestion: 'Question old-down?',
        answerable: false,
        route: 'abstain',
        rating: 'down',
        comment: 'Says "nothing", sadly',
        citations: [],
      },
    ])
    const csv = await app.request(`/api/admin/export.csv?from=${day}&to=${day}`, {
      headers: bearer,
    })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="insights-${day}-${day}.csv"`,
    )
    const lines = (await csv.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'answerId,at,question,standaloneQuestion,route,answerable,verdict,rating,comment,citations,latencyMs',
    )
    const downLine = lines.find((l) => l.startsWith('old-down'))
    // A formula is defused; quotes are doubled.
    expect(downLine).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(downLine).toContain('"Says ""nothing"", sadly"')
  })

  it('answers bad queries with 400 problems', async () => {
    for (const q of [
      'from=2026-13-01',
      'to=yesterday',
      'from=2026-02-30',
      'from=2026-03-02&to=2026-03-01',
      'from=2020-01-01&to=2026-01-01',
    ])
      expect((await app.request(`/api/admin/stats?${q}`, { headers: bearer })).status, q).toBe(400)
    for (const q of ['status=liked', 'limit=0', 'limit=1001', 'limit=ten'])
      expect((await app.request(`/api/admin/questions?${q}`, { headers: bearer })).status, q).toBe(
        400,
      )
  })
})
