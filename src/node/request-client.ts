import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingMessage, RequestListener } from 'node:http'
import { clientAddress, type ProxyTrust } from './client-key.ts'

/** The client of the request being handled, carried through its asynchronous work. */
const current = new AsyncLocalStorage<string>()

/** The client key used for work started outside any request (tests, the CLI). */
export const NO_CLIENT = 'local'

/**
 * The client (see {@link clientAddress}) whose request started the work that calls this, so that
 * shared resources deep in the host (the compute queue) can be fair between clients without the
 * app passing the client through every call.
 */
export function currentClient(): string {
  return current.getStore() ?? NO_CLIENT
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
  return (req, res) => current.run(clientOfRequest(req, trusted), () => listener(req, res))
}
