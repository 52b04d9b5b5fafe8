import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { problem, sendProblem } from '../problem.ts'
import { newRouter } from '../router.ts'
import { ProblemSchema } from '../schemas.ts'
import type { AppDeps } from '../types.ts'

/** The longest comment kept (API.md). */
export const COMMENT_MAX_CHARS = 1000
/** Answer ids are UUIDs (36 characters); anything much longer is not one of ours. */
const ANSWER_ID_MAX_CHARS = 64

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** `POST /api/feedback` body: a rating of one answer, with an optional comment. */
export const FeedbackRequestSchema = z
  .object({
    answerId: z
      .string()
      .min(1, 'must not be empty')
      .max(ANSWER_ID_MAX_CHARS, `must be at most ${ANSWER_ID_MAX_CHARS} characters`)
      .regex(/^[A-Za-z0-9_-]+$/, 'must be an answer id from an Answer')
      .openapi({ example: '0b7e5a1c-3f55-4f0e-9d5e-5d7f0c1e2a3b' }),
    rating: z.enum(['up', 'down']),
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX_CHARS, `must be at most ${COMMENT_MAX_CHARS} characters`)
      .refine((s) => !CONTROL.test(s), 'must not contain control characters')
      .refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (no lone surrogates)')
      .optional()
      .openapi({ example: 'The table row was the wrong country.' }),
  })
  .openapi('FeedbackRequest')

/**
 * `POST /api/feedback` (mounted at `/api/feedback`): 202 `{ ok: true }` once the rating is durable; 404 for an unknown or
 * expired answer id; 503 when the database is unavailable. A later rating of the same answer
 * replaces the earlier one. With insights off nothing is stored and any well-formed rating gets
 * its 202.
 */
export function feedbackRoutes(deps: Pick<AppDeps, 'insights'>): OpenAPIHono {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Rate an answer',
      description:
        'Rates the answer with this `answerId` (from an Answer) up or down, with an optional comment (at most 1,000 characters). A later rating replaces an earlier one. Acknowledged (202) only once stored.',
      request: {
        body: {
          content: { 'application/json': { schema: FeedbackRequestSchema } },
          required: true,
        },
      },
      responses: {
        202: {
          content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
          description: 'Stored',
        },
        ...Object.fromEntries(
          [400, 403, 404, 413, 415, 429, 503].map((s) => [
            s,
            {
              content: { 'application/problem+json': { schema: ProblemSchema } },
              description: 'Problem details (RFC 9457)',
            },
          ]),
        ),
      },
    }),
    async (c) => {
      const { answerId, rating, comment } = c.req.valid('json')
      if (deps.insights) {
        const outcome = await deps.insights.feedback({
          answerId,
          rating,
          ...(comment ? { comment } : {}),
          at: Date.now(),
        })
        if (outcome === 'unknown')
          return sendProblem(
            c,
            problem('notFound', 'There is no answer with this id, or it has expired.'),
          ) as never
        if (outcome === 'unavailable')
          return sendProblem(
            c,
            problem('storageUnavailable', 'The rating was not stored; try again later.'),
            { 'retry-after': '5' },
          ) as never
      }
      return c.json({ ok: true as const }, 202)
    },
  )
  return app
}
