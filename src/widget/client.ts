import { createParser } from 'eventsource-parser'

/** The shapes of API.md the widget uses (types only: nothing of the server is bundled). */
export type { Answer, ChatTurn as Turn, Citation } from '../answer/types.ts'

import type { Answer, Citation, ChatTurn as Turn } from '../answer/types.ts'

/** A failure the widget explains to the user. */
export class WidgetError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'rate-limited' | 'rejected' | 'server',
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}

export interface StreamHandlers {
  onMeta?(standaloneQuestion: string): void
  onCitations?(citations: Citation[]): void
  onToken?(text: string): void
}

async function failure(res: Response): Promise<WidgetError> {
  let detail = ''
  try {
    const p = (await res.json()) as { detail?: string; title?: string }
    detail = p.detail ?? p.title ?? ''
  } catch {
    // not a problem document
  }
  if (res.status === 429) {
    const retry = Number(res.headers.get('retry-after') ?? 0) || undefined
    return new WidgetError(
      `Too many questions in a short time.${retry ? ` Please wait ${retry} s, then retry.` : ' Please wait a moment, then retry.'}`,
      'rate-limited',
      retry,
    )
  }
  if (res.status === 403)
    return new WidgetError('This site is not allowed to use the assistant.', 'rejected')
  if (res.status >= 400 && res.status < 500)
    return new WidgetError(
      detail ? `The question was not accepted: ${detail}` : 'The question was not accepted.',
      'rejected',
    )
  return new WidgetError('The assistant could not answer just now. Please retry.', 'server')
}

/**
 * Asks `/api/chat` with the conversation and streams the answer (server-sent events over a POST,
 * parsed with `eventsource-parser`). Resolves with the full answer from the `done` event.
 */
export async function streamChat(
  endpoint: string,
  messages: Turn[],
  handlers: StreamHandlers,
  signal?: AbortSignal,
): Promise<Answer> {
  let res: Response
  try {
    res = await fetch(`${endpoint}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ messages }),
      ...(signal ? { signal } : {}),
      credentials: 'omit',
    })
  } catch {
    throw new WidgetError(
      'Could not reach the assistant. Check your connection, then retry.',
      'network',
    )
  }
  if (!res.ok || !res.body) throw await failure(res)
  let done: Answer | null = null
  let error: WidgetError | null = null
  const parser = createParser({
    onEvent(e) {
      const data = JSON.parse(e.data) as unknown
      if (e.event === 'meta')
        handlers.onMeta?.((data as { standaloneQuestion: string }).standaloneQuestion)
      else if (e.event === 'citations') handlers.onCitations?.(data as Citation[])
      else if (e.event === 'token') handlers.onToken?.((data as { text: string }).text)
      else if (e.event === 'done') done = data as Answer
      else if (e.event === 'error')
        error = new WidgetError(
          'The assistant could not finish the answer. Please retry.',
          'server',
        )
    },
  })
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  try {
    for (;;) {
      const { value, done: end } = await reader.read()
      if (end) break
      parser.feed(value)
    }
  } catch {
    throw new WidgetError('The connection was lost while answering. Please retry.', 'network')
  }
  if (error) throw error
  if (!done) throw new WidgetError('The answer was cut off. Please retry.', 'network')
  return done
}

/** A formatted citation for a quote (`/api/cite`), or `null` when it cannot be had. */
export async function formattedCitation(
  endpoint: string,
  quote: string,
  style = 'apa',
): Promise<string | null> {
  try {
    const res = await fetch(`${endpoint}/api/cite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: quote.slice(0, 4000), style }),
      credentials: 'omit',
    })
    if (!res.ok) return null
    return ((await res.json()) as { citation: string }).citation
  } catch {
    return null
  }
}
