import { LIMITS } from './schemas.ts'

/**
 * Warm-up before a server takes requests (issue 14, "no request costs more than 50 ms of CPU,
 * cold included"). The first request after a start cost 6 times its second at the median (51–814
 * ms of CPU, an ordinary question 319 ms; `node scripts/cold-cost.mjs`): V8 parses and compiles
 * every function a request reaches for the first time, on the main thread and then on its
 * optimizing compiler's threads, its inline caches start empty, and what is built on first use is
 * built then. So the host answers a fixed, varied set of requests itself first, through the app,
 * so that every route's code (validation, answering with and without a conversation, numbers,
 * follow-ups, lists, spelling, citation lookup and claim weighing, search, pages, SSE and the
 * OpenAI-style responses) has run, and been optimized, before the first client's request.
 *
 * The requests are drawn from the chapter's own words, deterministically: plain questions of the
 * kinds people ask, conversations, and texts up to the API's limits (the chapter's passages, its
 * names and numbers, its commonest words, non-words). Answers are deterministic and every cache
 * the warm-up fills is keyed by the text read, so no answer depends on it.
 */

/** One warm-up request, as the app's routes take it. */
export interface WarmUpRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: unknown
}

/** What a warm-up did. */
export interface WarmUpReport {
  /** Requests answered. */
  requests: number
  /** Requests whose status was not 2xx (the warm-up stops at the first). */
  failed: number
  /** Wall time spent, ms. */
  ms: number
  /** Whether it stopped at its time budget before the end of its requests. */
  timedOut: boolean
}

/** Requests drawn by default: a round is one of each recipe, so this is several rounds of each. */
export const DEFAULT_WARM_UP_REQUESTS = 240
/** Wall time a warm-up may take by default, ms: a start is a few seconds longer, not minutes. */
export const DEFAULT_WARM_UP_BUDGET_MS = 10_000
/** The body limit, less room for the JSON around a conversation's texts. */
const BODY_ROOM = LIMITS.bodyBytes - 4096
/** The fixed seed of the draws: every start warms up with the same requests. */
const SEED = 0x5eed

/** A seeded random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How a text is drawn from the chapter (see {@link warmUpRequests}). */
type TextKind = 'passage' | 'shuffled' | 'names' | 'common' | 'nonwords' | 'mixed'
const TEXT_KINDS: readonly TextKind[] = [
  'passage',
  'shuffled',
  'names',
  'common',
  'nonwords',
  'mixed',
]

/** The chapter's words, read once per warm-up. */
interface Vocabulary {
  words: string[]
  names: string[]
  numbers: string[]
  common: string[]
  nouns: string[]
  sentences: string[]
}

function vocabularyOf(chapter: string): Vocabulary {
  const words = chapter.match(/[A-Za-z][A-Za-z'-]+|\d[\d.,]*\d|\d/g) ?? []
  const freq = new Map<string, number>()
  for (const w of words) freq.set(w.toLowerCase(), (freq.get(w.toLowerCase()) ?? 0) + 1)
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const names = [...new Set(words.filter((w) => /^[A-Z][a-z]{3,}$/.test(w)))]
  const numbers = [...new Set(words.filter((w) => /^\d/.test(w)))]
  const common = byFreq.slice(0, 40).map(([w]) => w)
  // Content words: frequent, long enough not to be function words.
  const nouns = byFreq
    .filter(([w]) => /^[a-z]{6,}$/.test(w))
    .slice(0, 200)
    .map(([w]) => w)
  const sentences = (chapter.replace(/\s+/g, ' ').match(/[A-Z][^.?!]{40,300}[.?!]/g) ?? []).slice(
    0,
    2000,
  )
  const orAll = <T>(xs: T[], d: T[]) => (xs.length ? xs : d)
  return {
    words: orAll(words, ['chapter']),
    names: orAll(names, ['Chapter']),
    numbers: orAll(numbers, ['1']),
    common: orAll(common, ['the']),
    nouns: orAll(nouns, ['chapter']),
    sentences: orAll(sentences, ['The chapter is about trade.']),
  }
}

/**
 * The warm-up's requests for a chapter: `count` requests that take the app's routes in turn, each
 * drawn differently (see the module comment). Deterministic: the same chapter gives the same
 * requests.
 *
 * @example
 * const requests = warmUpRequests(chapterText)
 * await warmUp((r) => app.fetch(r), requests)
 */
export function warmUpRequests(
  chapter: string,
  count: number = DEFAULT_WARM_UP_REQUESTS,
): WarmUpRequest[] {
  const v = vocabularyOf(chapter)
  const rand = rng(SEED)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const int = (n: number) => Math.floor(rand() * n)

  const nonword = () => {
    let w = ''
    for (let i = 5 + int(4); i > 0; i--) w += String.fromCharCode(97 + int(26))
    return w
  }
  /** A text of about `chars` characters drawn as `kind`. */
  const textOf = (kind: TextKind, chars: number): string => {
    const out: string[] = []
    let len = 0
    const start = int(Math.max(1, v.words.length - 1000))
    for (let i = 0; len < chars; i++) {
      const r = rand()
      const w =
        kind === 'passage'
          ? (v.words[start + i] ?? pick(v.common))
          : kind === 'shuffled'
            ? (v.words[start + int(1000)] ?? pick(v.common))
            : kind === 'names'
              ? r < 0.5
                ? pick(v.names)
                : pick(v.numbers)
              : kind === 'common'
                ? pick(v.common)
                : kind === 'nonwords'
                  ? nonword()
                  : r < 0.3
                    ? pick(v.names)
                    : r < 0.6
                      ? pick(v.common)
                      : (v.words[start + i] ?? 'and')
      out.push(r < 0.03 ? `${w}?` : r < 0.05 ? `${w} ...` : w)
      len += w.length + 1
    }
    return out.join(' ').slice(0, chars).trim() || 'chapter'
  }
  /** A question of the kinds people ask, on the chapter's names, words and numbers. */
  const plainQuestion = (): string => {
    const n = pick(v.names)
    const m = pick(v.names)
    const w = pick(v.nouns)
    const year = `${1990 + int(35)}`
    const forms = [
      `What is ${w}?`,
      `Which country has the highest ${w}?`,
      `What was the share of ${n} in ${year}?`,
      `Is ${n} more important than ${m} for ${w}?`,
      `What are the three ${w} the chapter names?`,
      `How many ${w} are there?`,
      `Compare ${n} and ${m}.`,
      `Who wrote about ${w}?`,
      `What does the table say about ${n}?`,
      `Why does ${w} matter? And what about ${n}?`,
      `Did ${n} reach a third of the 2.5 billion in ${year}, or twenty percent?`,
      `How did ${n}'s ${w} change between ${year} and ${Number(year) + 5}?`,
      `wht is the ${w.slice(0, -2)}${nonword().slice(0, 2)} of ${n.toLowerCase()}`,
      `Tell me about ${w}`,
      `What is the weather in ${n} today?`,
      `${pick(v.sentences)}`,
      `Is it true that ${pick(v.sentences).replace(/[.?!]$/, '')}?`,
    ]
    return pick(forms)
  }
  /** A claim a writer might check: the chapter's sentence, reworded, or one it does not make. */
  const claim = (): string => {
    const sentence = pick(v.sentences)
    const words = sentence.replace(/[.?!]$/, '').split(' ')
    const forms = [
      () => sentence,
      // Reworded: a few words swapped for others of the chapter.
      () => `${words.map((w) => (rand() < 0.2 ? pick(v.nouns) : w)).join(' ')}.`,
      // Cut short, or only its middle.
      () => `${words.slice(0, Math.max(4, words.length >> 1)).join(' ')}.`,
      () => words.slice(words.length >> 2, (3 * words.length) >> 2).join(' '),
      () =>
        `In ${1990 + int(35)}, ${pick(v.names)} had ${pick(v.numbers)} percent of the world's ${pick(v.nouns)}.`,
      () => `${pick(v.names)} is the largest ${pick(v.nouns)} in ${pick(v.names)}.`,
      () =>
        `The ${pick(v.nouns)} of ${pick(v.names)} grew by ${pick(v.numbers)} between 2000 and 2015.`,
      () => plainQuestion(),
      () => textOf('common', 20 + int(200)),
    ]
    return pick(forms)()
  }
  /** A conversation of `turns` turns ending with the user's `last`, within the body limit. */
  const conversation = (turns: number, turnChars: number, last: string) => {
    const kind = pick(TEXT_KINDS)
    const each = Math.min(turnChars, Math.floor(BODY_ROOM / Math.max(1, turns)))
    const history = Array.from({ length: turns }, (_, i) => ({
      role: i % 2 ? 'assistant' : 'user',
      content:
        each < 200
          ? i % 2
            ? pick(v.sentences)
            : plainQuestion()
          : textOf(i % 2 ? 'passage' : kind, each),
    }))
    return [...history, { role: 'user', content: last }]
  }
  const followUps = () =>
    pick([
      `What about ${pick(v.names)}?`,
      'And in 2010?',
      'Why?',
      'Which one is the largest?',
      `And ${pick(v.nouns)}?`,
    ])
  /** A question: plain, a follow-up, or a long text of some kind. */
  const question = (size: number): string =>
    size === 0
      ? plainQuestion()
      : textOf(pick(TEXT_KINDS), size === 1 ? 300 : LIMITS.questionChars - 10)
  /** A conversation's shape: none, a short chat, or long turns up to the limits. */
  const historyOf = (size: number, last: string) =>
    size === 0
      ? conversation(2 + 2 * int(3), 150, last)
      : size === 1
        ? conversation(4 + int(6), 1200, last)
        : conversation(6 + int(LIMITS.historyTurns - 5), LIMITS.historyContentChars, last)

  const recipes: Array<(size: number) => WarmUpRequest> = [
    (size) => ({ method: 'POST', path: '/api/ask', body: { question: question(size) } }),
    (size) => {
      const messages = historyOf(size, size === 0 ? followUps() : question(size))
      return {
        method: 'POST',
        path: '/api/ask',
        body: { question: messages.at(-1)?.content, history: messages.slice(0, -1) },
      }
    },
    (size) => ({
      method: 'POST',
      path: '/api/chat',
      headers: { accept: 'text/event-stream' },
      body: { messages: historyOf(size, size === 0 ? followUps() : question(size)) },
    }),
    (size) => ({
      method: 'POST',
      path: '/v1/chat/completions',
      body: {
        model: 'chapter-assistant',
        stream: rand() < 0.5,
        messages: historyOf(size, question(size)),
      },
    }),
    (size) => ({
      method: 'GET',
      path: `/api/search?k=${1 + int(LIMITS.maxK)}&q=${encodeURIComponent(question(size))}`,
    }),
    (size) => ({
      method: 'POST',
      path: '/api/cite',
      body: {
        text:
          size === 0
            ? claim()
            : size === 1
              ? `${claim()} ${claim()} ${claim()}`
              : textOf(pick(TEXT_KINDS), LIMITS.citeChars - 10),
        ...(rand() < 0.3 ? { style: pick(['apa', 'mla', 'chicago', 'bibtex']) } : {}),
      },
    }),
    () => {
      const a = int(chapter.length)
      const b = Math.min(chapter.length, a + 1 + int(rand() < 0.5 ? 400 : chapter.length))
      return { method: 'GET', path: `/read?hl=${a}-${b}` }
    },
  ]
  const out: WarmUpRequest[] = []
  // Sizes in turn (plain, middling, at the limits), every recipe in each round.
  for (let i = 0; out.length < count; i++) {
    const recipe = recipes[i % recipes.length] as (size: number) => WarmUpRequest
    out.push(recipe(Math.floor(i / recipes.length) % 3))
  }
  return out
}

/**
 * Sends `requests` to the app (`fetch`, e.g. `app.fetch`), one at a time, reading each response
 * whole, until they are done or `budgetMs` has passed (the request under way then finishes,
 * within the app's own deadline). A failed request (not 2xx) ends the warm-up:
 * a server that cannot answer it will not learn from more.
 */
export async function warmUp(
  fetch: (request: Request) => Response | Promise<Response>,
  requests: readonly WarmUpRequest[],
  { budgetMs = DEFAULT_WARM_UP_BUDGET_MS, origin = 'http://127.0.0.1' } = {},
): Promise<WarmUpReport> {
  const t0 = Date.now()
  let done = 0
  for (const r of requests) {
    if (Date.now() - t0 >= budgetMs)
      return { requests: done, failed: 0, ms: Date.now() - t0, timedOut: true }
    const body = r.body === undefined ? undefined : JSON.stringify(r.body)
    const res = await fetch(
      new Request(`${origin}${r.path}`, {
        method: r.method,
        headers: {
          ...r.headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      }),
    )
    await res.arrayBuffer()
    done++
    if (res.status < 200 || res.status >= 300)
      return { requests: done, failed: 1, ms: Date.now() - t0, timedOut: false }
  }
  return { requests: done, failed: 0, ms: Date.now() - t0, timedOut: false }
}
