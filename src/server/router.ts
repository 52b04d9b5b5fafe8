import { OpenAPIHono, type z } from '@hono/zod-openapi'
import { problem, sendProblem } from './problem.ts'
import { ProblemSchema } from './schemas.ts'

/**
 * A new (sub-)app: an `OpenAPIHono` whose validation failures become RFC 9457 problems, never the
 * validator's raw output. The root app (./app.ts) and every resource's sub-app (./routes/*) are
 * made here, so that a route answers a bad request the same way wherever it is mounted.
 *
 * @example
 * const tables = newRouter()
 * tables.openapi(route, handler)
 * app.route('/api/tables', tables)
 */
export function newRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        return sendProblem(c, problem('invalidRequest', issues.slice(0, 5).join('; ')))
      }
    },
  })
}

/** An OpenAPI response with a JSON body. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

/** OpenAPI responses for the given statuses, each an RFC 9457 problem. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        content: { 'application/problem+json': { schema: ProblemSchema } },
        description: 'Problem details (RFC 9457)',
      },
    ]),
  )

/** An OpenAPI request with a required JSON body. */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})
