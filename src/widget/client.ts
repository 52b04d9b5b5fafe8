import { createParser } from 'eventsource-parser'
import type { Citation, Answer as ContractAnswer, ChatTurn as Turn } from '../answer/types.ts'
import { EN, fill, type StringKey } from './strings.ts'

/** The shapes of API.md the widget uses (types only: nothing of the server is bundled). */
export type { ChatTurn as Turn, Citation } from '../answer/types.ts'

/**
 * An answer as API.md v1.1 describes it. `id`, `verdict` and `followUps` are optional here: a
 * server that does not send them yet still works, and the widget shows them when present.
 */
export type Answer = Omit<ContractAnswer, 'id' | 'verdict' | 'followUps'> & {
  id?: string
  verdict?: 'yes' | 'no' | 'not-stated'
  followUps?: string[]
}

/** A failure the widget explains to the user, with the key of its text (./strings.ts). */
export class WidgetError extends Error {
  constructor(
    readonly code: StringKey,
    readonly kind: 'network' | 'rate-limited' | 'rejected' | 'server' | 'aborted',
    readonly values: Record<string, string | number> = {},
  ) {
    super(fill(EN[code], values))
  }
}

/** Callbacks for the events of the `/api/chat` stream. */
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
    const seconds = Number(res.headers.get('retry-after') ?? 0) || undefined
    return seconds
      ? new WidgetError('rateLimitedWait', 'rate-limited', { seconds })
      : new WidgetError('rateLimited', 'rate-limited')
  }
  if (res.status === 403) return new WidgetError('notAllowed', 'rejected')
  if (res.status >= 400 && res.status < 500)
    return detail
      ? new WidgetError('rejectedDetail', 'rejected', { detail })
      : new WidgetError('rejected', 'rejected')
  return new WidgetError('server', 'server')
}

/**
 * Asks `/api/chat` with the conversation and streams the answer (server-sent events over a POST,
 * parsed with `eventsource-parser`). Resolves with the full answer from the `done` event. When
 * `signal` aborts, rejects with a `WidgetError` of kind `aborted`.
 */
export async function streamChat(
  endpoint: string,
  messages: Turn[],
  handlers: StreamHandlers,
  signal?: AbortSignal,
): Promise<Answer> {
  const aborted = () => new WidgetError('stopped', 'aborted')
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
    throw signal?.aborted ? aborted() : new WidgetError('network', 'network')
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
      else if (e.event === 'error') error = new WidgetError('streamFailed', 'server')
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
    throw signal?.aborted ? aborted() : new WidgetError('connectionLost', 'network')
  }
  if (error) throw error
  if (!done) throw new WidgetError('cutOff', 'network')
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

/** What became of a feedback: accepted, refused because the answer is unknown or expired, or failed. */
export type FeedbackOutcome = 'sent' | 'expired' | 'failed'

/** Sends 👍/👎 with an optional comment to `POST /api/feedback` (API.md v1.1). */
export async function sendFeedback(
  endpoint: string,
  feedback: { answerId: string; rating: 'up' | 'down'; comment?: string },
): Promise<FeedbackOutcome> {
  try {
    const res = await fetch(`${endpoint}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(feedback),
      credentials: 'omit',
    })
    return res.ok ? 'sent' : res.status === 404 ? 'expired' : 'failed'
  } catch {
    return 'failed'
  }
}

/** A table as `GET /api/tables/:id` returns it (the parts the widget uses). */
export interface TableData {
  id: string
  columns: Array<{ key: string; label: string }>
  rows: Array<{ id: string; printed?: Record<string, string> } & Record<string, unknown>>
}

const tables = new Map<string, Promise<TableData | null>>()

/** A table of the chapter, fetched once per page; `null` when it cannot be had. */
export function fetchTable(endpoint: string, tableId: string): Promise<TableData | null> {
  const key = `${endpoint} ${tableId}`
  let p = tables.get(key)
  if (!p) {
    p = fetch(`${endpoint}/api/tables/${encodeURIComponent(tableId)}`, { credentials: 'omit' })
      .then((r) => (r.ok ? (r.json() as Promise<TableData>) : null))
      .catch(() => null)
    p.then((t) => {
      if (!t) tables.delete(key) // try again next time
    })
    tables.set(key, p)
  }
  return p
}
