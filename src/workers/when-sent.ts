/**
 * Resolves when `response` has been sent: at once for a complete body, when the last event is
 * written for a stream (`text/event-stream`), whose answer is recorded while it streams. The
 * returned response is the one to send. Gives up after `timeoutMs` (a client that went away).
 */
export function whenSent(
  response: Response,
  timeoutMs: number,
): { response: Response; sent: Promise<void> } {
  const type = response.headers.get('content-type') ?? ''
  if (!response.body || !type.startsWith('text/event-stream'))
    return { response, sent: Promise.resolve() }
  let finished = () => {}
  const ended = new Promise<void>((resolve) => {
    finished = resolve
  })
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({ flush: () => finished() }),
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs)
  })
  const sent = Promise.race([ended, gaveUp]).finally(() => clearTimeout(timer))
  return { response: new Response(body, response), sent }
}
