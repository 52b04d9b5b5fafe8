import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/node/server.ts'

let server: Awaited<ReturnType<typeof startServer>>
beforeAll(async () => {
  server = await startServer({
    port: 0,
    config: { rateLimitPerMinute: 0 },
    logger: { info: () => {} },
    llm: null,
  })
})
afterAll(() => server.close())

describe('the real server over HTTP', () => {
  it('answers /healthz and /api/ask', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({
      ok: true,
      model: 'glove-sif-100d',
    })
    const r = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'How many papers did Germany publish?' }),
    })
    expect(r.status).toBe(200)
    expect(((await r.json()) as { answer: string }).answer).toContain('11,922 papers')
  })

  it('works with the official openai client, non-streaming', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 })
    const models = await client.models.list()
    expect(models.data.map((m) => m.id)).toEqual(['chapter-assistant'])
    const c = await client.chat.completions.create({
      model: 'chapter-assistant',
      messages: [
        { role: 'user', content: "What is Spain's share of internationally coauthored papers?" },
        { role: 'assistant', content: 'Spain’s share is 45.57%. [1]' },
        { role: 'user', content: "And Canada's?" },
      ],
    })
    const content = c.choices[0]?.message.content ?? ''
    expect(content).toContain('34.97%')
    expect(content).toMatch(
      /Citations:\n\[1\] §II\.4, Table 8\.3 \(Canada\): “12 Canada 4,704 1,645 34\.97” \(chars \d+–\d+\)/,
    )
  })

  it('works with the official openai client, streaming', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 })
    const stream = await client.chat.completions.create({
      model: 'chapter-assistant',
      stream: true,
      messages: [{ role: 'user', content: 'What is the centrality of the Netherlands?' }],
    })
    let text = ''
    let chunks = 0
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? ''
      chunks++
    }
    expect(chunks).toBeGreaterThan(3)
    expect(text).toContain('Netherlands has a centrality of 3.1')
    expect(text).toContain('Citations:\n[1] §II.4, Table 8.4 (Netherlands)')
  })
})

describe('npm start', () => {
  it('prints the URL, serves, and shuts down gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', LLM_BASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${stderr}`)), 60_000)
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString()
        const m = /ready in (\d+) ms at (http:\/\/\S+)/.exec(stderr)
        if (m) {
          clearTimeout(timer)
          resolve(m[2] as string)
        }
      })
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c))
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
    expect(stderr).toContain('SIGTERM: closing')
    expect(stderr).toContain('closed')
  }, 90_000)
})

describe('a client that is slow to send its request', () => {
  it('is cut off with 408 once the request time is over, and the server keeps answering', async () => {
    const slow = await startServer({
      port: 0,
      config: { rateLimitPerMinute: 0, requestTimeoutMs: 1000 },
      logger: { info: () => {} },
      llm: null,
    })
    try {
      const { port } = new URL(slow.url)
      const socket = connect(Number(port), '127.0.0.1')
      let reply = ''
      socket.on('data', (d) => {
        reply += d.toString()
      })
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
      const started = Date.now()
      // Headers and a few bytes of a 100-byte body, then nothing.
      socket.write(
        'POST /api/ask HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"quest',
      )
      await closed
      expect(reply).toMatch(/^HTTP\/1\.1 408/)
      expect(Date.now() - started).toBeLessThan(5000)
      const ok = await fetch(`${slow.url}/healthz`)
      expect(ok.status).toBe(200)
    } finally {
      await slow.close()
    }
  })
})
