import { startServer } from '../node/server.ts'

/** `serve`: the HTTP server (what `npm start` runs). Prints the URL and the time to ready. */
export async function runServeCommand(): Promise<number> {
  const { url, close } = await startServer()
  console.error(
    `chapter-assistant ready in ${Math.round(performance.now())} ms at ${url}  (API reference: ${url}/docs)`,
  )
  const { forced } = await new Promise<{ forced: number }>((resolve) => {
    const stop = (signal: string) => {
      console.error(
        `${signal}: closing gracefully (in-flight requests finish, then the server stops)…`,
      )
      close().then(resolve)
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
  })
  console.error(forced ? `closed (${forced} connections cut after the grace period)` : 'closed')
  return 0
}
