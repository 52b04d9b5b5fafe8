import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import type { Answer } from '../../src/answer/types.ts'
import { call, parseSse, postJson } from './helpers.ts'

// Insights on D1 inside workerd: the Worker of wrangler.toml with the `DB` binding (Miniflare's
// D1, migrated by ./apply-migrations.ts) and ADMIN_TOKEN from vitest.config.ts.

const ADMIN = { authorization: 'Bearer workerd-test-admin-token' }
const TRIES = 40
const PAUSE_MS = 25

/** The answers row with this id, asked of D1 directly until it is there (bounded). */
async function storedRow(id: string) {
  for (let i = 0; i < TRIES; i++) {
    const row = await env.DB.prepare(
      'SELECT question, answerable, route, rating, comment FROM answers WHERE id = ?',
    )
      .bind(id)
      .first<{ question: string; answerable: number; route: string; rating: string | null }>()
    if (row) return row
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
  }
  return null
}

describe('insights on D1', () => {
  it('records an answer of /api/ask in D1 after the response, without the admin asking', async () => {
    const question = 'What is the centrality of Germany?'
    const a = (await (await postJson('/api/ask', { question })).json()) as Answer & { id: string }
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/)
    const row = await storedRow(a.id)
    expect(row).toMatchObject({ question, answerable: 1, route: 'table' })
  })

  it('records a streamed /api/chat answer once the stream ends', async () => {
    const r = await postJson(
      '/api/chat',
      { messages: [{ role: 'user', content: 'How many papers did Japan publish?' }] },
      { accept: 'text/event-stream' },
    )
    const done = parseSse(await r.text()).at(-1)
    expect(done?.event).toBe('done')
    const { id } = JSON.parse(done?.data ?? '{}') as { id: string }
    expect(await storedRow(id)).toMatchObject({ question: 'How many papers did Japan publish?' })
  })

  it('stores feedback, and the admin report reads the questions, the ratings and the totals', async () => {
    const asked = 'Who won the 2018 football World Cup?'
    const a = (await (await postJson('/api/ask', { question: asked })).json()) as Answer & {
      id: string
    }
    expect(a.answerable).toBe(false)
    const rated = await postJson('/api/feedback', {
      answerId: a.id,
      rating: 'down',
      comment: 'Not in the chapter.',
    })
    expect(rated.status).toBe(202)
    expect(await storedRow(a.id)).toMatchObject({ rating: 'down', comment: 'Not in the chapter.' })
    const unknown = await postJson('/api/feedback', { answerId: 'no-such-answer', rating: 'up' })
    expect(unknown.status).toBe(404)

    expect((await call('/api/admin/questions')).status).toBe(401)
    const list = (await (
      await call('/api/admin/questions?status=unanswered', { headers: ADMIN })
    ).json()) as { items: Array<{ answerId: string; question: string; rating?: string }> }
    expect(list.items.find((i) => i.answerId === a.id)).toMatchObject({
      question: asked,
      rating: 'down',
    })

    const stats = (await (await call('/api/admin/stats', { headers: ADMIN })).json()) as {
      totals: { asked: number; abstained: number; down: number }
    }
    expect(stats.totals.asked).toBeGreaterThanOrEqual(3)
    expect(stats.totals.abstained).toBeGreaterThanOrEqual(1)
    expect(stats.totals.down).toBeGreaterThanOrEqual(1)

    const dashboard = await call('/admin', { headers: ADMIN })
    expect(dashboard.status).toBe(200)
    expect(await dashboard.text()).toContain('football World Cup')
  })
})
