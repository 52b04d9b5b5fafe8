import { startServer } from '../node/server.ts'

/** `serve`: the HTTP server (what `npm start` runs). Prints the URL and the time to ready. */
export async function runServeCommand(): Promise<number> {
  const { url, close } = await startServer()
  console.error(
    `chapter-assistant ready in ${Math.round(performance.now())} ms at ${url}  (API reference: ${url}/docs)`,
  )
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.error(`${signal}: closing…`)
      close().then(resolve)
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
  })
  console.error('closed')
  return 0
}
