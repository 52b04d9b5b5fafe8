import { exports } from 'cloudflare:workers'
import { expect } from 'vitest'

let clients = 0
/** This test file's own block of addresses (the rate limiter's counts may be shared between files). */
const BLOCK = (crypto.getRandomValues(new Uint16Array(1))[0] ?? 0).toString(16)
/** A client address of its own, so that tests do not share a rate-limit bucket. */
export const newClient = () => `2001:db8:${BLOCK}::${(++clients).toString(16)}`

/** A request to the Worker (the default export of wrangler.toml's `main`), as one client. */
export function call(
  path: string,
  init: RequestInit = {},
  client = newClient(),
): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('cf-connecting-ip', client)
  return exports.default.fetch(`https://chapter.example${path}`, { ...init, headers })
}

/** POST a JSON body. */
export const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

/** Checks an RFC 9457 problem response and returns its body. */
export async function problemOf(r: Response) {
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const p = (await r.json()) as { type: string; title: string; status: number; detail?: string }
  expect(p.status).toBe(r.status)
  expect(p.type).toMatch(/^\/problems\//)
  return p
}

/** Server-sent events as `{ event, data }`. */
export function parseSse(text: string): Array<{ event: string; data: string }> {
  return text
    .split(/\n\n+/)
    .filter((b) => b.trim())
    .map((block) => {
      let event = 'message'
      const data: string[] = []
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim()
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
      }
      return { event, data: data.join('\n') }
    })
}

/**
 * Waits, when the current rate-limit window ends within `marginMs`, until the next one starts:
 * the binding counts in fixed windows (Miniflare clears every count at each multiple of the
 * period), so a burst that crosses the boundary would start counting again halfway.
 */
export async function awayFromWindowEdge(periodMs = 60_000, marginMs = 10_000): Promise<void> {
  const left = periodMs - (Date.now() % periodMs)
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50))
}
