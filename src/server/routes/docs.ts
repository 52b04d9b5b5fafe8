import type { OpenAPIHono } from '@hono/zod-openapi'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import { type OpenApiDoc, renderDocs } from '../pages/docs.ts'
import { newRouter } from '../router.ts'

/** What `getOpenAPI31Document` takes. */
type DocumentConfig = Parameters<OpenAPIHono['getOpenAPI31Document']>[0]

/**
 * The OpenAPI 3.1 document of the app that mounts these routes (its `getOpenAPI31Document`):
 * passed in, so that the sub-app never imports the app.
 */
export type OpenApiSource = (
  config: DocumentConfig,
) => ReturnType<OpenAPIHono['getOpenAPI31Document']>

/** The `info` of `/openapi.json`. */
export const OPENAPI_INFO = {
  title: 'chapter-assistant API',
  version: '1.0.0',
  description:
    'Answers questions about Chapter 8 ("Development of New Quality Productive Forces and Global Cooperation on Open Innovation") and cites the exact passages and table rows it used. Errors are RFC 9457 problem details.',
} as const

/** The `info` the `/docs` page is rendered from. */
const DOCS_INFO = {
  title: 'chapter-assistant',
  version: '1.1',
  description:
    'Answers questions about Chapter 8, *Development of New Quality Productive Forces and Global Cooperation on Open Innovation*, and cites the exact passages and table rows it used.',
} as const

/** Docs pages rendered for at most this many distinct origins are kept in memory. */
const MAX_CACHED_ORIGINS = 8

/**
 * `GET /openapi.json` (the API's OpenAPI 3.1 document) and `GET /docs` (the same, as a page with
 * examples; compressed and with an ETag like the other pages), mounted at `/`. Both are made from
 * the mounting app's routes when first asked for, after every route is mounted.
 */
export function docsRoutes(spec: OpenApiSource): OpenAPIHono {
  const app = newRouter()
  app.use('/docs', compress(), etag())
  const docsByOrigin = new Map<string, string>()
  app.get('/docs', (c) => {
    const origin = new URL(c.req.url).origin
    let page = docsByOrigin.get(origin)
    if (!page) {
      const document = spec({ openapi: '3.1.0', info: DOCS_INFO })
      page = renderDocs(document as unknown as OpenApiDoc, origin)
      // One entry per origin the server is reached under (a handful: localhost, its public name).
      if (docsByOrigin.size < MAX_CACHED_ORIGINS) docsByOrigin.set(origin, page)
    }
    return c.html(page)
  })
  app.get('/openapi.json', (c) => {
    try {
      return c.json(spec({ openapi: '3.1.0', info: OPENAPI_INFO }))
    } catch (e) {
      // As `OpenAPIHono.doc31` answers when the document cannot be generated.
      return c.json(e, 500)
    }
  })
  return app
}
