import { exports } from 'cloudflare:workers'
import { expect } from 'vitest'

let clients = 0
/** A client address of its own, so that tests do not share a rate-limit bucket. */
export const newClient = () => `198.51.100.${++clients}`

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
