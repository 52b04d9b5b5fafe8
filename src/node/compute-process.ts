import type { ChatTurn } from '../answer/types.ts'
import type { CitationStyle } from '../cite/index.ts'
import { openAssistant } from './assistant.ts'
import type { ComputeOp } from './compute-pool.ts'

interface Request {
  id: number
  op: ComputeOp
  args: unknown[]
}

/**
 * The compute process (`chapter-assistant compute`, forked by {@link ComputePool}): opens the
 * assistant's data and answers the server's jobs one at a time over IPC. Never built by hand:
 * the server builds what is missing before it starts this.
 */
export async function runComputeProcess(): Promise<number> {
  const send = process.send?.bind(process)
  if (!send) {
    console.error('compute: this command is started by the server (it needs an IPC channel)')
    return 2
  }
  const ctx = await openAssistant({ build: false })
  await ctx.embeddings.load()
  const run = (r: Request): Promise<unknown> => {
    switch (r.op) {
      case 'ask':
        return ctx.service.ask(r.args[0] as string, r.args[1] as ChatTurn[])
      case 'cite':
        return ctx.citer.cite(r.args[0] as string, r.args[1] as CitationStyle)
      case 'search':
        return ctx.retriever.search(r.args[0] as string, r.args[1] as { k?: number })
    }
  }
  process.on('message', (r: Request) => {
    run(r).then(
      (result) => send({ id: r.id, ok: true, result }),
      (err: unknown) =>
        send({ id: r.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    )
  })
  // The server going away ends this process too.
  process.once('disconnect', () => process.exit(0))
  send({ ready: true })
  return new Promise<number>(() => {})
}
