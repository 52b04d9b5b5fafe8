import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { encodedJson } from '../answer-body.ts'
import { answerSent, withAnswerId } from '../answer-id.ts'
import { answerWithin, type Deadline } from '../deadline.ts'
import { jsonResponse } from '../headers.ts'
import { body, json, newRouter, problems } from '../router.ts'
import { AnswerSchema, AskRequestSchema } from '../schemas.ts'
import type { AppDeps } from '../types.ts'

/** `POST /api/ask` (mounted at `/api/ask`): one question, with an optional conversation. */
export function askRoutes(
  deps: Pick<AppDeps, 'service' | 'insights'>,
  within: Deadline,
): OpenAPIHono {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
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
  return app
}
