import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'

/** The dashboard's session cookie. */
export const SESSION_COOKIE = 'admin_session'
/** How long a sign-in lasts. */
export const SESSION_TTL_SECONDS = 8 * 3600
/** Sign-in attempts a client may make per window (then 429 until the window ends). */
export const SIGN_IN_ATTEMPTS = 5
/** The window of {@link SIGN_IN_ATTEMPTS}. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000
/** Clients remembered by the sign-in limiter before expired entries are swept. */
const LIMITER_SWEEP_AT = 10_000

const utf8 = new TextEncoder()

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text)))
}

/**
 * Compares two secrets in constant time: both are hashed first (SHA-256, Web Crypto), so neither
 * the length nor the position of the first difference shows in the time taken.
 */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)])
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

async function sign(token: string, payload: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    utf8.encode(`admin-session\u0000${token}`),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return base64url(await crypto.subtle.sign('HMAC', key, utf8.encode(payload)))
}

/**
 * A session value: its expiry (seconds since the epoch) signed with HMAC-SHA-256 keyed by the
 * admin token. Nothing is stored on the server (the same on Workers), and changing the token
 * ends every session.
 */
export async function sessionValue(token: string, nowMs: number): Promise<string> {
  const expires = String(Math.floor(nowMs / 1000) + SESSION_TTL_SECONDS)
  return `${expires}.${await sign(token, expires)}`
}

/** Whether a session value is signed with this token and not expired. */
export async function validSession(
  value: string | undefined,
  token: string,
  nowMs: number,
): Promise<boolean> {
  if (!value) return false
  const [expires, mac, ...rest] = value.split('.')
  if (!expires || !mac || rest.length || !/^\d{1,12}$/.test(expires)) return false
  if (Number(expires) * 1000 <= nowMs) return false
  return secretsEqual(mac, await sign(token, expires))
}

/** Whether the request came over https (directly, or through a proxy that says so). */
export function isHttps(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' ||
    (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https'
  )
}

/**
 * The `Set-Cookie` value of a session: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Secure over https, Path=/ (the dashboard and its API).
 */
export function sessionCookie(
  value: string,
  secure: boolean,
  maxAge = SESSION_TTL_SECONDS,
): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
}

/**
 * Whether the request carries the admin's credentials: `Authorization: Bearer <token>` or a
 * valid session cookie.
 */
export async function isAdmin(c: Context, token: string, nowMs: number): Promise<boolean> {
  const auth = c.req.header('authorization')
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth)
    return m?.[1] !== undefined && secretsEqual(m[1], token)
  }
  return validSession(getCookie(c, SESSION_COOKIE), token, nowMs)
}

/**
 * Whether a state-changing request comes from the dashboard's own pages: browsers send `Origin`
 * on every POST and `Sec-Fetch-Site` on every request; a page of another site fails either check
 * (with SameSite=Strict on the cookie as a second wall). A client that is not a browser sends
 * neither and carries no ambient credentials, so it cannot be the vehicle of a forged request.
 */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin')
  if (origin !== undefined && origin !== new URL(c.req.url).origin) return false
  const site = c.req.header('sec-fetch-site')
  return site === undefined || site === 'same-origin' || site === 'none'
}

/**
 * A fixed-window limiter of sign-in attempts per client, in memory (no timer: expired entries are
 * swept when the map grows), so it runs on Workers too, per isolate.
 */
export class SignInLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>()
  constructor(
    private readonly limit = SIGN_IN_ATTEMPTS,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
  ) {}

  /** Counts an attempt; returns the seconds to wait when the client is over its limit, else 0. */
  attempt(client: string, nowMs: number): number {
    if (this.hits.size >= LIMITER_SWEEP_AT)
      for (const [k, v] of this.hits) if (v.resetAt <= nowMs) this.hits.delete(k)
    let entry = this.hits.get(client)
    if (!entry || entry.resetAt <= nowMs) {
      entry = { count: 0, resetAt: nowMs + this.windowMs }
      this.hits.set(client, entry)
    }
    entry.count++
    return entry.count > this.limit ? Math.ceil((entry.resetAt - nowMs) / 1000) : 0
  }
}
