import { createServer, type IncomingMessage, type Server } from 'node:http'

/** What the fake model does with one request. */
export interface FakeReply {
  content?: string
  status?: number
  /** Never answer (to test timeouts). */
  hang?: boolean
}

export interface FakeOpenAi {
  baseURL: string
  requests: Array<{
    model: string
    stream: boolean
    messages: Array<{ role: string; content: string }>
  }>
  close(): Promise<void>
}

async function body(req: IncomingMessage): Promise<string> {
  let s = ''
  for await (const chunk of req) s += chunk
  return s
}

/**
 * A local server that speaks the OpenAI Chat Completions protocol (`POST /v1/chat/completions`,
 * JSON or `stream: true` server-sent events ending in `data: [DONE]`), answering with whatever
 * `reply` decides. It stands in for a hosted LLM, which cannot be reached here.
 */
export async function startFakeOpenAi(
  reply: (messages: Array<{ role: string; content: string }>) => FakeReply,
): Promise<FakeOpenAi> {
  const requests: FakeOpenAi['requests'] = []
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end()
      return
    }
    const parsed = JSON.parse(await body(req)) as {
      model: string
      stream?: boolean
      messages: Array<{ role: string; content: string }>
    }
    requests.push({
      model: parsed.model,
      stream: parsed.stream === true,
      messages: parsed.messages,
    })
    const r = reply(parsed.messages)
    if (r.hang) return
    if (r.status && r.status !== 200) {
      res
        .writeHead(r.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'upstream failure', type: 'server_error' } }))
      return
    }
    const content = r.content ?? ''
    const id = `chatcmpl-${requests.length}`
    const created = Math.floor(Date.now() / 1000)
    if (!parsed.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      )
      return
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const pieces = content.match(/.{1,7}/gs) ?? []
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: parsed.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
    res.write(chunk({ role: 'assistant', content: '' }, null))
    for (const p of pieces) res.write(chunk({ content: p }, null))
    res.write(chunk({}, 'stop'))
    res.end('data: [DONE]\n\n')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as { port: number }).port
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
