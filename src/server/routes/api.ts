import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { streamSSE } from 'hono/streaming'
import { LRUCache } from 'lru-cache'
import { hitToCited } from '../../answer/answer.ts'
import type { Citation } from '../../answer/types.ts'
import { sectionLabel } from '../../chunk/chunk.ts'
import { sectionTree } from '../../corpus/tree.ts'
import type { Block, TableBlock } from '../../corpus/types.ts'
import { answerSent, withAnswerId } from '../answer-id.ts'
import type { AppDeps } from '../app.ts'
import { answerWithin, type Deadline } from '../deadline.ts'
import { jsonResponse } from '../headers.ts'
import { problem, sendProblem } from '../problem.ts'
import {
  AnswerSchema,
  AskRequestSchema,
  ChatRequestSchema,
  CiteMatchSchema,
  CiteRequestSchema,
  IdParamSchema,
  ProblemSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SectionNodeSchema,
  TableSchema,
} from '../schemas.ts'

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        content: { 'application/problem+json': { schema: ProblemSchema } },
        description: 'Problem details (RFC 9457)',
      },
    ]),
  )
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})

/** Splits an answer into small pieces for streaming, keeping markers and newlines intact. */
export function tokenPieces(text: string): string[] {
  return (
    text.match(/\S+\s*|\s+/g)?.reduce<string[]>((acc, w, i) => {
      if (i % 3 === 0) acc.push(w)
      else acc[acc.length - 1] += w
      return acc
    }, []) ?? []
  )
}

const utf8 = new TextEncoder()
/** Encoded JSON of answers already sent: a cached answer is the same object, so it is encoded once. */
const encodedAnswers = new WeakMap<object, Uint8Array<ArrayBuffer>>()

/**
 * The JSON body of an answer, UTF-8 encoded once per answer object (the answer cache hands out the
 * same object for a repeated question, and encoding is most of what such a request costs).
 */
function encodedJson(value: object): Uint8Array<ArrayBuffer> {
  let body = encodedAnswers.get(value)
  if (!body) {
    body = utf8.encode(JSON.stringify(value))
    encodedAnswers.set(value, body)
  }
  return body
}

/** Bytes of encoded search responses kept in memory at most (keys included). */
const SEARCH_CACHE_BYTES = 16 * 1024 * 1024

/**
 * The cache key of a search: what the handler reads (the trimmed `q` and the number `k`), so
 * that other query parameters, their order or `k=05` make no new entry. `null` when a parameter
 * is repeated (the request is not served from memory, and validation will refuse it).
 */
function searchKey(c: Context): string | null {
  const q = c.req.queries('q')
  const k = c.req.queries('k')
  if (q?.length !== 1 || (k && k.length !== 1)) return null
  const n = k ? Number(k[0]) : 5
  return JSON.stringify([(q[0] as string).trim(), Number.isInteger(n) ? n : k?.[0]])
}

/** The API routes of API.md (JSON), registered with their OpenAPI descriptions. */
export function registerApiRoutes(app: OpenAPIHono, deps: AppDeps, within: Deadline): void {
  const { doc, chunks } = deps
  // A search response depends only on its URL's path and query: a repeated one is served from
  // memory, before validation and the handler (the same URL passed them the first time). The
  // gate, CORS and the rate limit run before it, as for any request.
  const cacheSize = deps.cacheSize ?? 1000
  const searchCache =
    cacheSize > 0
      ? new LRUCache<string, Uint8Array<ArrayBuffer>>({
          max: cacheSize,
          maxSize: SEARCH_CACHE_BYTES,
          sizeCalculation: (body, key) => body.byteLength + key.length * 2,
        })
      : null
  if (searchCache) {
    app.get('/api/search', (c, next) => {
      const key = searchKey(c)
      const body = key === null ? undefined : searchCache.get(key)
      return body ? Promise.resolve(jsonResponse(c, body)) : next()
    })
  }
  const sectionTitle = (id: string) => doc.sections.find((s) => s.id === id)?.title ?? ''

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/ask',
      summary: 'Answer a question',
      description:
        'Answers from the chapter only. `history` (at most 20 turns) resolves follow-ups such as "And Canada?"; the server keeps no state.',
      request: body(AskRequestSchema),
      responses: {
        200: json(AnswerSchema, 'The answer with its citations'),
        ...problems(400, 403, 413, 415, 429, 503),
      },
    }),
    async (c) => {
      const startedAt = performance.now()
      const { question, history } = c.req.valid('json')
      const result = await answerWithin(deps.service, within, question, history ?? [])
      const id = answerSent(deps.insights, question, result, startedAt)
      return jsonResponse(c, withAnswerId(encodedJson(result.answer), id)) as never
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/chat',
      summary: 'Chat (JSON or server-sent events)',
      description:
        'The last message is the user’s question; earlier ones are the conversation. With `Accept: text/event-stream` the answer streams as events `meta` {standaloneQuestion}, `citations` Citation[], `token` {text}…, then `done` with the full Answer (or `error` with a Problem).',
      request: body(ChatRequestSchema),
      responses: {
        200: {
          content: {
            'application/json': { schema: AnswerSchema },
            'text/event-stream': { schema: z.string() },
          },
          description: 'The answer, as JSON or as an event stream',
        },
        ...problems(400, 403, 413, 415, 429, 503),
      },
    }),
    async (c) => {
      const startedAt = performance.now()
      const { messages } = c.req.valid('json')
      const question = (messages.at(-1) as { content: string }).content
      const history = messages.slice(0, -1)
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
        const result = await answerWithin(deps.service, within, question, history)
        const id = answerSent(deps.insights, question, result, startedAt)
        return jsonResponse(c, withAnswerId(encodedJson(result.answer), id)) as never
      }
      return streamSSE(c, async (stream) => {
        try {
          // The standalone question comes with the answer: resolving a follow-up against a long
          // history is work too, done where the answer is computed (off the event loop on Node).
          const result = await answerWithin(deps.service, within, question, history)
          const { answer } = result
          const id = answerSent(deps.insights, question, result, startedAt)
          await stream.writeSSE({
            event: 'meta',
            data: JSON.stringify({ standaloneQuestion: answer.standaloneQuestion }),
          })
          await stream.writeSSE({ event: 'citations', data: JSON.stringify(answer.citations) })
          // The token events in one write (the same bytes as one writeSSE each): a write per
          // piece cost the event loop ≈ 10 ms for a long answer, even when it came from the cache.
          const tokens = tokenPieces(answer.answer)
            .map((text) => `event: token\ndata: ${JSON.stringify({ text })}\n\n`)
            .join('')
          if (tokens) await stream.write(tokens)
          await stream.writeSSE({ event: 'done', data: JSON.stringify({ ...answer, id }) })
        } catch (err) {
          const failure =
            err instanceof HTTPException && err.status === 503
              ? problem('timeout', 'No answer within the time limit.')
              : problem('internal', 'The answer could not be completed.')
          await stream.writeSSE({ event: 'error', data: JSON.stringify(failure) })
        }
      }) as never
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Search passages and table rows',
      description:
        'Hybrid retrieval (BM25 + embeddings, reciprocal rank fusion). Each result is a Citation with its text and both component scores.',
      request: { query: SearchQuerySchema },
      responses: {
        200: json(z.object({ results: z.array(SearchResultSchema) }), 'Ranked results'),
        ...problems(400, 403, 429, 503),
      },
    }),
    async (c) => {
      const { q, k } = c.req.valid('query')
      const hits = await within(deps.search(q, { k: k ?? 5 }))
      const results = hits.map((h) => ({
        n: h.n,
        ...hitToCited(h),
        text: h.text,
        scores: h.scores,
      }))
      // The encoded response is what is kept: a repeated search costs no work at all.
      const body = utf8.encode(JSON.stringify({ results }))
      const key = searchKey(c)
      if (key !== null) searchCache?.set(key, body)
      return jsonResponse(c, body) as never
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cite',
      summary: 'Find a quote or support for a claim, and format the citation',
      description:
        'Locates a quotation (`exact`, or `fuzzy` with a word-level `diff`), tolerant of quotes, dashes, line breaks, hyphenation, OCR misreadings, case, ellipses and a few changed words. Text that is not a quote is weighed as a claim: `related` matches with a `supports` flag. `citation` is APA 7, MLA 9, Chicago 17 or BibTeX with a pinpoint; unknown bibliographic fields stay visibly blank.',
      request: body(CiteRequestSchema),
      responses: {
        200: json(
          z.object({
            matches: z.array(CiteMatchSchema),
            citation: z.string(),
            mode: z.enum(['quote', 'claim']),
            verdict: z.enum(['exact', 'fuzzy', 'supported', 'unsupported']),
          }),
          'Matches and the formatted citation',
        ),
        ...problems(400, 403, 413, 415, 429, 503),
      },
    }),
    async (c) => {
      const { text, style } = c.req.valid('json')
      return c.json(await within(deps.citer.cite(text, style ?? 'apa')), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sections',
      summary: 'The section tree',
      responses: { 200: json(SectionNodeSchema, 'The chapter and its sections') },
    }),
    (c) =>
      c.json(
        {
          id: `chapter-${doc.chapter.number}`,
          title: doc.chapter.title,
          children: sectionTree(doc),
        } as z.infer<typeof SectionNodeSchema>,
        200,
      ),
  )

  const blockCitation = (b: Block, n: number): Citation => {
    const chunk = chunks.find((x) => x.blockId === b.id)
    const label =
      b.kind === 'heading' ? `${sectionLabel(b.sectionId)}, heading` : (chunk?.label ?? b.id)
    const quote = b.kind === 'table' ? (chunk?.quote ?? b.text) : b.text
    return {
      n,
      id: b.id,
      label,
      section: b.sectionId,
      sectionTitle: sectionTitle(b.sectionId),
      kind: b.kind,
      quote,
      start: b.start,
      end: b.end,
    }
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sections/{id}',
      summary: 'One section with its text and blocks',
      description:
        'Blocks of the section and its sub-sections in reading order (table rows are under /api/tables).',
      request: { params: IdParamSchema },
      responses: {
        200: json(
          z.object({
            id: z.string(),
            title: z.string(),
            text: z.string(),
            blocks: z.array(z.any()),
          }),
          'The section',
        ),
        ...problems(404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param')
      const section = doc.sections.find((s) => s.id === id)
      if (!section)
        return sendProblem(
          c,
          problem('notFound', `There is no section "${id.slice(0, 64)}".`),
        ) as never
      const ids = new Set([id, ...doc.sections.filter((s) => s.parentId === id).map((s) => s.id)])
      const blocks = doc.blocks.filter(
        (b) =>
          b.kind !== 'table-row' &&
          (ids.has(b.sectionId) ||
            (b.kind === 'footnote' && b.start >= section.start && b.end <= section.end)),
      )
      const unique = [...new Map(blocks.map((b) => [b.id, b])).values()]
      return c.json(
        {
          id,
          title: section.title,
          text: unique
            .map((b) => (b.kind === 'table' ? blockCitation(b, 0).quote : b.text))
            .join('\n\n'),
          blocks: unique.map((b, i) => blockCitation(b, i + 1)),
        },
        200,
      )
    },
  )

  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')
  const tableJson = (t: TableBlock) => ({
    id: t.tableId,
    caption: t.caption,
    section: t.sectionId,
    columns: t.columns,
    rows: t.rows.map((r) => ({
      id: r.id,
      position: r.position,
      ...r.values,
      printed: r.printed,
      start: r.start,
      end: r.end,
    })),
  })

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tables',
      summary: 'All tables, typed',
      responses: { 200: json(z.object({ tables: z.array(TableSchema) }), 'Tables 8.1–8.4') },
    }),
    (c) => c.json({ tables: tables.map(tableJson) }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tables/{id}',
      summary: 'One table, typed',
      description:
        'Rows carry their typed values, the values as printed, and the offsets of their original line.',
      request: { params: IdParamSchema },
      responses: { 200: json(TableSchema, 'The table'), ...problems(404) },
    }),
    (c) => {
      const { id } = c.req.valid('param')
      const t = tables.find((x) => x.tableId === id)
      if (!t)
        return sendProblem(
          c,
          problem(
            'notFound',
            `There is no table "${id.slice(0, 64)}"; tables are ${tables.map((x) => x.tableId).join(', ')}.`,
          ),
        ) as never
      return c.json(tableJson(t), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      summary: 'Health and index facts',
      responses: {
        200: json(
          z.object({
            ok: z.literal(true),
            model: z.string(),
            index: z.object({ chunks: z.number(), builtAt: z.string(), corpusSha256: z.string() }),
          }),
          'The server is up',
        ),
      },
    }),
    (c) =>
      c.json(
        {
          ok: true as const,
          model: deps.health.model,
          index: {
            chunks: deps.health.chunks,
            builtAt: deps.health.builtAt,
            corpusSha256: deps.health.corpusSha256,
          },
        },
        200,
      ),
  )
}
