import type { OpenAPIHono } from '@hono/zod-openapi'
import { buildNodeApp } from '../../src/node/server.ts'
import type { AppConfig } from '../../src/server/types.ts'
import { assistant } from './assistant.ts'

export const ALLOWED_ORIGIN = 'https://allowed.example'

/** The real app over the real assistant data; rate limiting off unless asked for. */
export async function testApp(config: Partial<AppConfig> = {}): Promise<OpenAPIHono> {
  const ctx = await assistant()
  return buildNodeApp(ctx, {
    corsOrigins: [ALLOWED_ORIGIN],
    rateLimitPerMinute: 0,
    clientKey: () => 'test',
    ...config,
  })
}

export const postJson = (
  app: OpenAPIHono,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/** Parses a server-sent event stream into `{ event, data }` records. */
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
