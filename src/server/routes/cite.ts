import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Deadline } from '../deadline.ts'
import { body, json, newRouter, problems } from '../router.ts'
import { CiteMatchSchema, CiteRequestSchema } from '../schemas.ts'
import type { AppDeps } from '../types.ts'

/** `POST /api/cite` (mounted at `/api/cite`): locate a quote or weigh a claim, and cite it. */
export function citeRoutes(deps: Pick<AppDeps, 'citer'>, within: Deadline): OpenAPIHono {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
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
  return app
}
