import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { json, newRouter } from '../router.ts'
import type { AppDeps } from '../types.ts'

/** `GET /healthz` (mounted at `/healthz`): the server is up, and what it serves from. */
export function healthRoutes(health: AppDeps['health']): OpenAPIHono {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
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
          model: health.model,
          index: {
            chunks: health.chunks,
            builtAt: health.builtAt,
            corpusSha256: health.corpusSha256,
          },
        },
        200,
      ),
  )
  return app
}
