import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'

/** A draining host closes a connection once it has been idle this long (ms). */
const DRAIN_IDLE_MS = 1000
/** How often a draining host looks for idle connections (ms). */
const DRAIN_TICK_MS = 50
const netServerClose = NetServer.prototype.close

/** Limits of the Node HTTP host; every one has a safe default (see {@link DEFAULT_HOST_LIMITS}). */
export interface HostLimits {
  /** Open connections at most, all clients together (below the process's file descriptors). */
  maxConnections: number
  /** Open connections at most from one socket address (trusted proxies are exempt). */
  maxConnectionsPerClient: number
  /**
   * Pipelined requests one connection may have waiting for their turn. Requests are answered one
   * at a time per connection, the next only when the socket has drained, so what a connection
   * holds in memory is one response and the socket's buffer; a client that queues more than this
   * without reading is disconnected.
   */
  maxPipelined: number
  /** A connection with no traffic for this long is closed (ms). */
  idleTimeoutMs: number
  /** The largest request body, to answer `Expect: 100-continue` with 413 instead of 100. */
  maxBodyBytes: number
  /** Whether a socket address is a trusted reverse proxy (exempt from the per-client cap). */
  isTrustedProxy: (address: string) => boolean
}

/** The host's defaults: far below the 20,000 descriptors of a default process, generous for people. */
export const DEFAULT_HOST_LIMITS: Readonly<HostLimits> = {
  maxConnections: 2048,
  maxConnectionsPerClient: 64,
  maxPipelined: 64,
  idleTimeoutMs: 30_000,
  maxBodyBytes: 64 * 1024,
  isTrustedProxy: () => false,
}

/** Per connection: the request being answered and those pipelined behind it. */
interface ConnectionState {
  busy: boolean
  /** The response being written, if any. */
  current?: ServerResponse
  /** When the connection last started or finished a request (ms since the epoch). */
  lastActive: number
  queue: Array<[IncomingMessage, ServerResponse]>
}

/** The Node HTTP server of the app, with its limits and a graceful drain. */
export interface HttpHost {
  server: Server
  /** Open connections now. */
  connections(): number
  /**
   * Stops accepting connections; idle keep-alive connections close at once, and each response
   * sent from now on carries `Connection: close`, so busy connections close after their current
   * request. Resolves when every connection has closed, or after `graceMs` (the stragglers are
   * then closed).
   */
  drain(graceMs: number): Promise<{ forced: number }>
}

const CLOSE_PROBLEM = JSON.stringify({
  type: 'https://chapter-assistant.dev/problems/payload-too-large',
  title: 'Payload too large',
  status: 413,
})

/**
 * Wraps an app's request listener in a Node HTTP server that no single client can exhaust: a total
 * and a per-client connection cap, pipelined requests answered one at a time per connection with
 * back-pressure, idle connections closed, `Expect: 100-continue` refused before the body is sent
 * when it is too large, and a drain that finishes what is in flight without resetting anything.
 *
 * @example
 * const host = createHttpHost(getRequestListener(app.fetch), { requestTimeout: 15_000 })
 * host.server.listen(8787, '127.0.0.1')
 * process.once('SIGTERM', () => host.drain(20_000))
 */
export function createHttpHost(
  listener: RequestListener,
  serverOptions: {
    requestTimeout?: number
    headersTimeout?: number
    connectionsCheckingInterval?: number
  } = {},
  limits: Partial<HostLimits> = {},
): HttpHost {
  const lim: HostLimits = { ...DEFAULT_HOST_LIMITS, ...limits }
  const states = new WeakMap<Socket, ConnectionState>()
  const sockets = new Set<Socket>()
  const perClient = new Map<string, number>()
  let draining = false

  const dispatch = (socket: Socket, state: ConnectionState) => {
    if (state.busy) return
    const next = state.queue.shift()
    // Nothing waiting. (A draining host closes the connection once it has been idle a while: its
    // client may be sending the next request right now, which then gets `Connection: close`.)
    if (!next) return
    // Resume reading once the queue is short again.
    if (state.queue.length < lim.maxPipelined / 2 && socket.isPaused()) socket.resume()
    state.busy = true
    state.lastActive = Date.now()
    const [req, res] = next
    state.current = res
    // While draining, the last request a connection has sent closes it.
    if (draining && state.queue.length === 0) res.shouldKeepAlive = false
    const done = () => {
      state.busy = false
      state.lastActive = Date.now()
      // The next response waits until this one has left the process.
      if (socket.writableNeedDrain) socket.once('drain', () => dispatch(socket, state))
      else setImmediate(() => dispatch(socket, state))
    }
    res.once('finish', done)
    res.once('close', () => {
      if (state.busy && !res.writableFinished) {
        state.busy = false
        state.queue.length = 0
      }
    })
    listener(req, res)
  }

  const onRequest: RequestListener = (req, res) => {
    const socket = req.socket
    let state = states.get(socket)
    if (!state) {
      state = { busy: false, queue: [], lastActive: Date.now() }
      states.set(socket, state)
    }
    if (state.queue.length >= lim.maxPipelined) {
      // A client that keeps writing requests without reading the answers.
      socket.destroy()
      return
    }
    state.queue.push([req, res])
    if (state.queue.length >= lim.maxPipelined / 2) socket.pause()
    dispatch(socket, state)
  }

  const server = createServer(
    {
      ...serverOptions,
      // Keep-alive connections idle for longer than this are closed by Node.
      keepAliveTimeout: 5_000,
    },
    onRequest,
  )
  server.maxConnections = lim.maxConnections
  server.setTimeout(lim.idleTimeoutMs, (socket) => socket.destroy())

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown'
    const counted = !lim.isTrustedProxy(address)
    const n = (perClient.get(address) ?? 0) + 1
    if (counted && n > lim.maxConnectionsPerClient) {
      socket.destroy()
      return
    }
    if (counted) perClient.set(address, n)
    sockets.add(socket)
    socket.once('close', () => {
      sockets.delete(socket)
      if (!counted) return
      const left = (perClient.get(address) ?? 1) - 1
      if (left > 0) perClient.set(address, left)
      else perClient.delete(address)
    })
  })

  server.on('checkContinue', (req, res) => {
    const length = Number(req.headers['content-length'] ?? 0)
    if (length > lim.maxBodyBytes) {
      // Refuse before the client sends the body: no `100 Continue`.
      res.writeHead(413, {
        'content-type': 'application/problem+json',
        connection: 'close',
      })
      res.end(CLOSE_PROBLEM)
      return
    }
    res.writeContinue()
    onRequest(req, res)
  })

  const drain = (graceMs: number) =>
    new Promise<{ forced: number }>((resolve) => {
      draining = true
      const started = Date.now()
      const tick = setInterval(() => {
        // A connection idle for a while is closed; one that keeps sending gets `Connection: close`
        // on its next response instead (closing it between two requests would reset the second).
        for (const socket of sockets) {
          const state = states.get(socket)
          const idleSince = state?.lastActive ?? started
          if (
            (!state || (!state.busy && state.queue.length === 0)) &&
            Date.now() - idleSince >= DRAIN_IDLE_MS
          )
            socket.end()
        }
        if (Date.now() - started >= graceMs) {
          const forced = sockets.size
          for (const s of sockets) s.destroy()
          finish(forced)
        }
      }, DRAIN_TICK_MS)
      let settled = false
      const finish = (forced: number) => {
        if (settled) return
        settled = true
        clearInterval(tick)
        resolve({ forced })
      }
      // Stop accepting connections. (http.Server#close would also close every idle keep-alive
      // connection at once, racing with requests their clients are sending.)
      netServerClose.call(server, () => finish(0))
      for (const socket of sockets) {
        const state = states.get(socket)
        if (state?.current && !state.current.headersSent && state.queue.length === 0)
          state.current.shouldKeepAlive = false
      }
    })

  return { server, connections: () => sockets.size, drain }
}
