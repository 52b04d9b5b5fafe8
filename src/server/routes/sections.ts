import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Citation } from '../../answer/types.ts'
import { type Chunk, sectionLabel } from '../../chunk/chunk.ts'
import { sectionTree } from '../../corpus/tree.ts'
import type { Block, ChapterDocument } from '../../corpus/types.ts'
import { problem, sendProblem } from '../problem.ts'
import { json, newRouter, problems } from '../router.ts'
import { IdParamSchema, SectionNodeSchema } from '../schemas.ts'

/**
 * `GET /api/sections` and `GET /api/sections/{id}` (mounted at `/api/sections`): the section tree,
 * and one section with its text and blocks.
 */
export function sectionRoutes(doc: ChapterDocument, chunks: readonly Chunk[]): OpenAPIHono {
  const app = newRouter()
  const sectionTitle = (id: string) => doc.sections.find((s) => s.id === id)?.title ?? ''

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
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
      path: '/{id}',
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
  return app
}
