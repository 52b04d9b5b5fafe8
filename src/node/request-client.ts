import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingMessage, RequestListener } from 'node:http'
import { clientAddress, type ProxyTrust } from './client-key.ts'

/** What a request's asynchronous work carries: its client, and what to do when it waits for the compute process. */
interface RequestScope {
  client: string
  /** Called once when the request hands its work to the compute process (see {@link handingOff}). */
  onHandOff?: () => void
}

/** The request being handled, carried through its asynchronous work. */
const current = new AsyncLocalStorage<RequestScope>()

/** The client key used for work started outside any request (tests, the CLI). */
export const NO_CLIENT = 'local'

/**
 * The client (see {@link clientAddress}) whose request started the work that calls this, so that
 * shared resources deep in the host (the compute queue) can be fair between clients without the
 * app passing the client through every call.
 */
export function currentClient(): string {
  return current.getStore()?.client ?? NO_CLIENT
}

/**
 * Registers what to do when the current request hands its work to the compute process (and
 * leaves the event loop until the result comes back); a no-op outside a request.
 */
export function onHandOff(callback: () => void): void {
  const scope = current.getStore()
  if (scope) scope.onHandOff = callback
}

/** Tells the current request's {@link onHandOff} callback, once, that its work now waits elsewhere. */
export function handingOff(): void {
  const scope = current.getStore()
  const callback = scope?.onHandOff
  if (!scope || !callback) return
  scope.onHandOff = undefined
  callback()
}

/** The client of a raw Node request: its socket's address, or the forwarded one behind a trusted proxy. */
export function clientOfRequest(req: IncomingMessage, trusted: ProxyTrust): string {
  const forwarded = req.headers['x-forwarded-for']
  return clientAddress(
    req.socket.remoteAddress ?? 'unknown',
    Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trusted,
  )
}

/** `listener`, with each request's work running as its client's (see {@link currentClient}). */
export function withRequestClient(listener: RequestListener, trusted: ProxyTrust): RequestListener {
  return (req, res) =>
    current.run({ client: clientOfRequest(req, trusted) }, () => listener(req, res))
}
