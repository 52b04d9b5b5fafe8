import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { type EventLoopUtilization, performance } from 'node:perf_hooks'
import { problem } from '../server/problem.ts'
import { onHandOff } from './request-client.ts'

/**
 * A request body at least this long (bytes, by its Content-Length) makes a request heavy for the
 * event loop: reading, parsing and validating it, keying the answer cache by it. A question alone
 * (at most 2,000 characters) is below; a conversation of a few turns may be above, and then only
 * takes its turn, which is immediate unless the loop is busy. The API's limit is 64 KB.
 */
export const HEAVY_BODY_BYTES = 4 * 1024
/**
 * Heavy requests on the event loop at once. One: each then takes a few milliseconds in turn, and
 * a cheap request (`/healthz`, a cached question) waits for one of them at most, not for twenty.
 */
export const MAX_HEAVY_ACTIVE = 1
/**
 * The share of the event loop's time above which the next heavy request waits: the rest is kept
 * for cheap requests, which then find the loop free instead of queueing behind heavy ones.
 */
export const MAX_LOOP_SHARE = 0.5
/** The window over which the loop's recent utilization is measured (ms). */
const UTILIZATION_WINDOW_MS = 100
/** How long a heavy request waits before the loop's utilization is looked at again (ms). */
const RECHECK_MS = 5
/**
 * The longest pause between two heavy turns however busy the loop is (ms): heavy requests always
 * progress, at one turn (a few ms of loop time) per pause at least, never starve.
 */
export const MAX_HEAVY_PAUSE_MS = 50
/** Heavy requests waiting at most; more get a 503 at once (the connection caps bound them too). */
export const MAX_HEAVY_WAITING = 256

export interface HeavyGateOptions {
  heavyBytes?: number
  maxActive?: number
  maxLoopShare?: number
  maxWaiting?: number
}

/** Whether a request is heavy by its declared body length. */
function isHeavy(req: IncomingMessage, heavyBytes: number): boolean {
  const length = Number(req.headers['content-length'] ?? 0)
  return Number.isFinite(length) && length >= heavyBytes
}

const BUSY_BODY = JSON.stringify(problem('timeout', 'The server is busy; retry in a moment.'))

/**
 * `listener`, with heavy requests (large bodies, see {@link HEAVY_BODY_BYTES}) taking turns on the
 * event loop: at most `maxActive` are read, parsed, validated and answered at once, and the next
 * one starts only while the loop's recent utilization is below `maxLoopShare`; the others wait,
 * unread, in arrival order. A heavy request's turn ends when its response is sent or when it
 * hands its work to the compute process (`ComputePool.run`), so that its computation never holds
 * the turn. Cheap requests never wait, and find the loop free: under a flood of heavy requests,
 * `/healthz` and cached answers stay fast and the flood is served at the pace the loop allows.
 * Must run inside `withRequestClient` (it registers the hand-off there).
 *
 * @example
 * const listener = withRequestClient(gateHeavyRequests(getRequestListener(app.fetch)), trust)
 */
export function gateHeavyRequests(
  listener: RequestListener,
  options: HeavyGateOptions = {},
): RequestListener {
  const heavyBytes = options.heavyBytes ?? HEAVY_BODY_BYTES
  const maxActive = options.maxActive ?? MAX_HEAVY_ACTIVE
  const maxShare = options.maxLoopShare ?? MAX_LOOP_SHARE
  const maxWaiting = options.maxWaiting ?? MAX_HEAVY_WAITING
  let active = 0
  const waiting: Array<() => void> = []
  let scheduled = false
  // Two snapshots a window apart: utilization is measured over the last one to two windows.
  let older: EventLoopUtilization = performance.eventLoopUtilization()
  let newer: EventLoopUtilization = older
  let newerAt = performance.now()

  const recentUtilization = (): number => {
    const now = performance.now()
    if (now - newerAt >= UTILIZATION_WINDOW_MS) {
      older = newer
      newer = performance.eventLoopUtilization()
      newerAt = now
    }
    return performance.eventLoopUtilization(older).utilization
  }

  let lastAdmitted = 0
  const admit = () => {
    scheduled = false
    while (active < maxActive && waiting.length > 0) {
      const now = performance.now()
      if (recentUtilization() > maxShare && now - lastAdmitted < MAX_HEAVY_PAUSE_MS) {
        scheduled = true
        setTimeout(admit, RECHECK_MS)
        return
      }
      lastAdmitted = now
      ;(waiting.shift() as () => void)()
    }
  }
  const schedule = () => {
    if (scheduled || waiting.length === 0) return
    scheduled = true
    // After pending I/O: cheap requests that arrived meanwhile go first.
    setImmediate(admit)
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    if (!isHeavy(req, heavyBytes)) {
      listener(req, res)
      return
    }
    if (waiting.length >= maxWaiting) {
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' })
      res.end(BUSY_BODY)
      return
    }
    waiting.push(() => {
      // A client that went away while waiting is not answered.
      if (req.destroyed || res.destroyed) return
      active++
      let released = false
      const done = () => {
        if (released) return
        released = true
        active--
        schedule()
      }
      res.once('finish', done)
      res.once('close', done)
      onHandOff(done)
      listener(req, res)
    })
    if (!scheduled) admit()
  }
}
