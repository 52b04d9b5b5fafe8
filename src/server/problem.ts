import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** An RFC 9457 problem detail. */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
}

/** The problem types this API answers with; `type` is a relative URI under `/problems/`. */
export const PROBLEMS = {
  invalidRequest: { slug: 'invalid-request', title: 'The request is not valid', status: 400 },
  unauthorized: { slug: 'unauthorized', title: 'Sign-in required', status: 401 },
  notFound: { slug: 'not-found', title: 'Not found', status: 404 },
  methodNotAllowed: { slug: 'method-not-allowed', title: 'Method not allowed', status: 405 },
  originNotAllowed: {
    slug: 'origin-not-allowed',
    title: 'This origin is not allowed',
    status: 403,
  },
  payloadTooLarge: {
    slug: 'payload-too-large',
    title: 'The request body is too large',
    status: 413,
  },
  unsupportedMediaType: {
    slug: 'unsupported-media-type',
    title: 'Unsupported content type',
    status: 415,
  },
  unprocessable: { slug: 'unprocessable', title: 'The request cannot be answered', status: 422 },
  rateLimited: { slug: 'rate-limited', title: 'Too many requests', status: 429 },
  timeout: { slug: 'timeout', title: 'The request took too long', status: 503 },
  storageUnavailable: {
    slug: 'storage-unavailable',
    title: 'This cannot be stored right now',
    status: 503,
  },
  internal: { slug: 'internal', title: 'Internal error', status: 500 },
} as const

export type ProblemKind = keyof typeof PROBLEMS

/** Builds a problem of a known kind. */
export function problem(kind: ProblemKind, detail?: string, instance?: string): Problem {
  const p = PROBLEMS[kind]
  return {
    type: `/problems/${p.slug}`,
    title: p.title,
    status: p.status,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
  }
}

/** Sends a problem as `application/problem+json`. */
export function sendProblem(
  c: Context,
  p: Problem,
  headers: Record<string, string> = {},
): Response {
  for (const [k, v] of Object.entries(headers)) c.header(k, v)
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
  })
}
