import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { ChapterDocument, TableBlock } from '../../corpus/types.ts'
import { problem, sendProblem } from '../problem.ts'
import { json, newRouter, problems } from '../router.ts'
import { IdParamSchema, TableSchema } from '../schemas.ts'

/** `GET /api/tables` and `GET /api/tables/{id}` (mounted at `/api/tables`): the typed tables. */
export function tableRoutes(doc: ChapterDocument): OpenAPIHono {
  const app = newRouter()
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
      path: '/',
      summary: 'All tables, typed',
      responses: { 200: json(z.object({ tables: z.array(TableSchema) }), 'Tables 8.1–8.4') },
    }),
    (c) => c.json({ tables: tables.map(tableJson) }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
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
  return app
}
