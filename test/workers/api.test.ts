import { describe, expect, it } from 'vitest'
import type { Answer, Citation } from '../../src/answer/types.ts'
import { awayFromWindowEdge, call, newClient, parseSse, postJson, problemOf } from './helpers.ts'

// These run inside workerd, against the Worker of wrangler.toml with its bundled data.

describe('answers', () => {
  it('POST /api/ask answers from a table with a citation into the original text', async () => {
    const r = await postJson('/api/ask', { question: 'What is the centrality of the Netherlands?' })
    expect(r.status).toBe(200)
    const a = (await r.json()) as Answer
    expect(a.answerable).toBe(true)
    expect(a.answer).toContain('3.1')
    expect(a.citations[0]).toMatchObject({
      label: '§II.4, Table 8.4 (Netherlands)',
      start: 22839,
      end: 22853,
    })
    expect(r.headers.get('x-request-id')).toBeTruthy()
  })

  it('POST /api/ask abstains on what the chapter does not cover', async () => {
    const a = (await (
      await postJson('/api/ask', { question: 'Who won the 2018 football World Cup?' })
    ).json()) as Answer
    expect(a.answerable).toBe(false)
    expect(a.citations).toEqual([])
  })

  it('POST /api/chat streams meta, citations, tokens and done as server-sent events', async () => {
    const messages = [
      { role: 'user', content: 'How many papers did Germany publish?' },
      { role: 'assistant', content: 'Germany has 11,922 papers. [1]' },
      { role: 'user', content: 'And Japan?' },
    ]
    const r = await postJson('/api/chat', { messages }, { accept: 'text/event-stream' })
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const events = parseSse(await r.text())
    expect(events[0]).toEqual({
      event: 'meta',
      data: JSON.stringify({ standaloneQuestion: 'How many papers did Japan publish?' }),
    })
    const tokens = events
      .filter((e) => e.event === 'token')
      .map((e) => (JSON.parse(e.data) as { text: string }).text)
    const done = events.at(-1)
    expect(done?.event).toBe('done')
    const answer = JSON.parse(done?.data ?? '{}') as Answer
    expect(answer.answer).toContain('9,771 papers')
    expect(tokens.join('')).toBe(answer.answer)
    expect(JSON.parse(events[1]?.data ?? '[]')).toEqual(answer.citations)
  })

  it('POST /v1/chat/completions answers OpenAI-style, streamed or not', async () => {
    const body = {
      model: 'x',
      messages: [{ role: 'user', content: 'What is the centrality of the Netherlands?' }],
    }
    const plain = (await (await postJson('/v1/chat/completions', body)).json()) as {
      object: string
      choices: Array<{ message: { content: string } }>
    }
    expect(plain.object).toBe('chat.completion')
    expect(plain.choices[0]?.message.content).toMatch(
      /Netherlands has a centrality of 3\.1.*\n\nCitations:\n\[1\] §II\.4, Table 8\.4/s,
    )
    const streamed = await postJson('/v1/chat/completions', { ...body, stream: true })
    expect(streamed.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const events = parseSse(await streamed.text())
    expect(events.at(-1)?.data).toBe('[DONE]')
    const text = events
      .slice(0, -1)
      .map(
        (e) =>
          (JSON.parse(e.data) as { choices: Array<{ delta: { content?: string } }> }).choices[0]
            ?.delta.content ?? '',
      )
      .join('')
    expect(text).toBe(plain.choices[0]?.message.content)
    const models = (await (await call('/v1/models')).json()) as { data: unknown[] }
    expect(models.data.length).toBeGreaterThan(0)
  })
})

describe('search, cite, sections, tables', () => {
  it('GET /api/search ranks chunks with both scores', async () => {
    const { results } = (await (
      await call('/api/search?q=solar%20home%20systems%20in%20Mali&k=3')
    ).json()) as {
      results: Array<Citation & { scores: { bm25?: number; dense?: number } }>
    }
    expect(results).toHaveLength(3)
    expect(results[0]).toMatchObject({ n: 1, id: 'II.1/box-8.1/p-3' })
    expect(results[0]?.scores.bm25).toBeGreaterThan(0)
    expect(results[0]?.scores.dense).toBeGreaterThan(0)
  })

  it('POST /api/cite locates a quote and formats a citation', async () => {
    const r = await postJson('/api/cite', {
      text: '“Openness is a distinctive feature of Chinese modernization.”',
      style: 'chicago',
    })
    const body = (await r.json()) as {
      matches: Array<Citation & { match: string; similarity: number }>
      citation: string
    }
    expect(body.matches[0]).toMatchObject({ match: 'exact', similarity: 1, section: 'III' })
    expect(body.citation).toMatch(
      /^Note: 1\. \[Author\(s\)\], “Development of New Quality Productive Forces/,
    )
  })

  it('GET /api/sections and /api/sections/:id', async () => {
    const tree = (await (await call('/api/sections')).json()) as {
      id: string
      children: Array<{ id: string }>
    }
    expect(tree.id).toBe('chapter-8')
    expect(tree.children.map((c) => c.id)).toEqual(['intro', 'I', 'II', 'III'])
    const s = (await (await call('/api/sections/II.3')).json()) as {
      title: string
      blocks: Citation[]
    }
    expect(s.title).toBe('Considerable potential for open innovation in quantum information')
    expect(s.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph'])
  })

  it('GET /api/tables and /api/tables/:id', async () => {
    const all = (await (await call('/api/tables')).json()) as { tables: Array<{ id: string }> }
    expect(all.tables.map((t) => t.id)).toEqual(['8.1', '8.2', '8.3', '8.4'])
    const t = (await (await call('/api/tables/8.4')).json()) as {
      id: string
      rows: Array<Record<string, unknown>>
    }
    expect(t.id).toBe('8.4')
    expect(t.rows.length).toBeGreaterThan(10)
  })

  it('GET /healthz, the pages and the widget script', async () => {
    expect(await (await call('/healthz')).json()).toMatchObject({
      ok: true,
      model: 'glove-sif-100d',
      index: { chunks: 131 },
    })
    const read = await call('/read')
    expect(read.status).toBe(200)
    expect(read.headers.get('content-security-policy')).toContain("default-src 'self'")
    const widget = await call('/widget.js')
    expect(widget.headers.get('content-type')).toMatch(/javascript/)
    expect((await widget.text()).length).toBeGreaterThan(1000)
  })
})

describe('errors are RFC 9457 problems', () => {
  it('invalid body, not JSON, unknown path, wrong method, too large', async () => {
    expect((await problemOf(await postJson('/api/ask', { question: '' }))).type).toBe(
      '/problems/invalid-request',
    )
    const notJson = await call('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    expect((await problemOf(notJson)).status).toBe(400)
    const text = await call('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    })
    expect((await problemOf(text)).status).toBe(415)
    expect((await problemOf(await call('/api/nothing'))).type).toBe('/problems/not-found')
    const wrong = await call('/api/ask')
    expect((await problemOf(wrong)).status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST')
    const big = await postJson('/api/ask', { question: 'x'.repeat(200_000) })
    expect((await problemOf(big)).type).toBe('/problems/payload-too-large')
  })

  it('refuses a browser on a site outside the allowlist', async () => {
    const r = await call('/api/sections', { headers: { origin: 'https://elsewhere.example' } })
    expect((await problemOf(r)).type).toBe('/problems/origin-not-allowed')
  })
})

describe('rate limiting by the binding, keyed by CF-Connecting-IP', () => {
  // wrangler.toml: [[ratelimits]] RATE_LIMITER, simple = { limit = 120, period = 60 }.
  const LIMIT = 120

  it('answers 429 with Retry-After, the API headers and a problem body, for that client only', async () => {
    await awayFromWindowEdge()
    const client = newClient()
    let first429 = -1
    let refused: Response | undefined
    for (let i = 0; i < LIMIT + 10 && first429 < 0; i++) {
      const r = await call('/api/sections/II.3', {}, client)
      if (r.status === 429) {
        first429 = i
        refused = r
      } else await r.body?.cancel()
    }
    expect(first429).toBe(LIMIT)
    const ok = await call('/api/sections/II.3', {}, client)
    expect(ok.status).toBe(429)
    const reference = await call('/api/sections/II.3')
    expect(reference.status).toBe(200)
    const r = refused as Response
    expect(r.headers.get('retry-after')).toBe('60')
    expect((await problemOf(r)).type).toBe('/problems/rate-limited')
    // The 429 has every header of an answer but its type, Retry-After and the cache status.
    const names = (x: Response) =>
      [...x.headers.keys()]
        .filter((k) => !['content-type', 'retry-after', 'x-cache'].includes(k))
        .sort()
    expect(names(r)).toEqual(names(reference))
    // X-Forwarded-For does not choose the bucket.
    const spoofed = await call(
      '/api/sections/II.3',
      { headers: { 'x-forwarded-for': '203.0.113.9' } },
      client,
    )
    expect(spoofed.status).toBe(429)
  })
})
