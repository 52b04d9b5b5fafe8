import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import { streamSSE } from 'hono/streaming'
import { encodedJson, tokenPieces } from '../answer-body.ts'
import { answerSent, withAnswerId } from '../answer-id.ts'
import { answerWithin, type Deadline } from '../deadline.ts'
import { jsonResponse } from '../headers.ts'
import { problem } from '../problem.ts'
import { body, newRouter, problems } from '../router.ts'
import { AnswerSchema, ChatRequestSchema } from '../schemas.ts'
import type { AppDeps } from '../types.ts'

/** `POST /api/chat` (mounted at `/api/chat`): a conversation, answered as JSON or as events. */
export function chatRoutes(
  deps: Pick<AppDeps, 'service' | 'insights'>,
  within: Deadline,
): OpenAPIHono {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
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
  return app
}
