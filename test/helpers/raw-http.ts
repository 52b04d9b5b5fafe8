import { connect, type Socket } from 'node:net'

/** Opens a TCP connection to a loopback port (optionally from another loopback source address). */
export function openSocket(port: number, localAddress?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) })
    s.once('connect', () => resolve(s))
    s.once('error', reject)
  })
}

/** Resolves when the socket closes (or at once if it already has). */
export const closed = (s: Socket): Promise<void> =>
  s.destroyed ? Promise.resolve() : new Promise((resolve) => s.once('close', () => resolve()))

/** One HTTP/1.1 response read off a raw socket: status, headers, body. */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Sends requests one after another on one keep-alive socket and reads each response (a
 * `content-length` body), until a response says `connection: close`, the socket ends, or `stop()`
 * returns true. Counts what a client would see as a reset: a request sent and no full response.
 */
export async function keepAliveLoop(
  port: number,
  request: string,
  stop: () => boolean,
  onResponse: () => void = () => {},
): Promise<{ ok: number; closedGracefully: boolean; reset: boolean }> {
  const socket = await openSocket(port)
  let buffer = Buffer.alloc(0)
  let ended = false
  let wake: (() => void) | null = null
  socket.on('data', (d: Buffer) => {
    buffer = Buffer.concat([buffer, d])
    wake?.()
  })
  socket.on('close', () => {
    ended = true
    wake?.()
  })
  socket.on('error', () => {})
  const next = () => new Promise<void>((r) => (wake = r))
  let ok = 0
  for (;;) {
    if (stop()) {
      socket.destroy()
      return { ok, closedGracefully: false, reset: false }
    }
    socket.write(request)
    for (;;) {
      const head = buffer.indexOf('\r\n\r\n')
      if (head !== -1) {
        const text = buffer.subarray(0, head).toString()
        const length = Number(/content-length: *(\d+)/i.exec(text)?.[1] ?? 0)
        if (buffer.length >= head + 4 + length) {
          buffer = buffer.subarray(head + 4 + length)
          ok++
          onResponse()
          if (/connection: *close/i.test(text)) {
            socket.destroy()
            return { ok, closedGracefully: true, reset: false }
          }
          break
        }
      }
      if (ended) return { ok, closedGracefully: false, reset: true }
      await next()
    }
  }
}

/** Parses the first response of a raw HTTP/1.1 reply. */
export function parseRaw(text: string): RawResponse {
  const [head = '', ...rest] = text.split('\r\n\r\n')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers: Record<string, string> = {}
  for (const l of lines) {
    const i = l.indexOf(':')
    if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim()
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') }
}
