import { BlockList, isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** Whether a socket address is one of the trusted reverse proxies. */
export type ProxyTrust = (address: string) => boolean

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as the IPv4 address it is. */
const plainAddress = (a: string) =>
  a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a

/**
 * Parses `TRUST_PROXY`: a comma-separated list of proxy addresses and CIDR ranges
 * (`127.0.0.1, 10.0.0.0/8, ::1`). Empty (the default) trusts no one, so `X-Forwarded-For` is never
 * read. A malformed entry is an error that names it, not a silently open door.
 *
 * @example
 * const trusted = parseTrustProxy('10.0.0.0/8')
 * trusted('10.1.2.3') // true
 */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (entries.length === 0) return () => false
  const list = new BlockList()
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const family = isIP(address ?? '')
    const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits)
    if (
      extra !== undefined ||
      family === 0 ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > (family === 4 ? 32 : 128)
    )
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or a CIDR range`)
    list.addSubnet(address as string, prefix, family === 4 ? 'ipv4' : 'ipv6')
  }
  return (address) => {
    const a = plainAddress(address)
    const family = isIP(a)
    return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6')
  }
}

/**
 * The client a request comes from, for rate limiting: the socket's address; when that address is
 * a trusted proxy, the nearest address in `X-Forwarded-For` that is not itself a trusted proxy
 * (read from the right: the entries to its left were written by the client and prove nothing).
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | undefined,
  trusted: ProxyTrust,
): string {
  let client = plainAddress(socketAddress)
  if (!trusted(client) || !forwardedFor) return client
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i] as string)
    if (isIP(hop) === 0) break
    client = hop
    if (!trusted(hop)) break
  }
  return client
}

/** The Node host's `clientKey`: {@link clientAddress} of the request's socket. */
export function nodeClientKey(trusted: ProxyTrust): (c: Context) => string {
  return (c) =>
    clientAddress(
      getConnInfo(c).remote.address ?? 'unknown',
      c.req.header('x-forwarded-for'),
      trusted,
    )
}
