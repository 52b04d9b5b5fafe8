import { CiteService } from '../../src/cite/index.ts'
import { loadBibliographicRecord } from '../../src/node/server.ts'
import { assistant } from './assistant.ts'

let citer: Promise<CiteService> | undefined
/** The real citation service over the real data, built once per test file. */
export function citeService(): Promise<CiteService> {
  citer ??= assistant().then(
    (ctx) =>
      new CiteService({
        doc: ctx.corpus.doc,
        chunks: ctx.chunks,
        search: (q, o) => ctx.retriever.search(q, o),
        embed: (t) => ctx.embeddings.embedDocuments(t),
        record: loadBibliographicRecord(),
      }),
  )
  return citer
}
