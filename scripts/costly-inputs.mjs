// Inputs for the worst-case searches (scripts/worst-case.ts in process, scripts/stress.mjs over
// HTTP): recipes ("genomes") that draw text within the API's limits from the chapter's own words,
// a seeded random generator so that a search can be replayed, and each endpoint's request for a
// recipe. A search tries random recipes, then mutations of the costliest so far.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The API's limits (src/server/schemas.ts LIMITS), as the searches use them. */
export const LIMITS = { question: 2000, cite: 4000, turn: 8000, turns: 20, k: 20 }

const chapter = readFileSync(join(root, 'corpus', 'chapter-08.txt'), 'utf8')
/** The chapter's words and numbers, in order. */
export const words = chapter.match(/[A-Za-z][A-Za-z'-]+|\d[\d.,]*/g) ?? []
const freq = new Map()
for (const w of words) freq.set(w.toLowerCase(), (freq.get(w.toLowerCase()) ?? 0) + 1)
const common = [...freq.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 40)
  .map(([w]) => w)
const names = [...new Set(words.filter((w) => /^[A-Z][a-z]{3,}$/.test(w)))]
const numbers = [...new Set(words.filter((w) => /^\d/.test(w)))]

/** A lower-case word of 5–8 letters that no dictionary has, drawn from `seed`. */
function nonword(seed) {
  const r = rng(seed)
  const n = 5 + Math.floor(r() * 4)
  let w = ''
  for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(r() * 26))
  return w
}

/** A seeded random generator (mulberry32): the same seed gives the same search. */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * How text is drawn: the chapter in order, shuffled, its commonest words, names and numbers, a
 * mix, or words that are no word at all (each one a spelling-correction lookup).
 */
export const KINDS = ['passage', 'shuffled', 'common', 'names', 'mixed', 'nonwords']

/**
 * The recipes and requests of one search, drawing from `rand` (a {@link rng}).
 *
 * @example
 * const s = searchSpace(rng(14))
 * const req = s.endpoints['POST /api/cite'](s.randomGenome(), 'n1')
 */
export function searchSpace(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)]

  /** Text of up to `chars` characters, drawn by a recipe. */
  function textOf(g, chars) {
    const out = []
    let len = 0
    const start = Math.floor(g.offset * Math.max(1, words.length - 800))
    for (let i = 0; len < chars; i++) {
      const r = ((i * 7919 + g.seed) % 1000) / 1000
      let w
      if (g.kind === 'passage') w = words[start + i] ?? pick(common)
      else if (g.kind === 'shuffled') w = words[start + Math.floor(r * 800)] ?? pick(common)
      else if (g.kind === 'common') w = common[Math.floor(r * g.vocab) % common.length]
      else if (g.kind === 'names') w = r < 0.5 ? pick(names) : pick(numbers)
      else if (g.kind === 'nonwords') w = nonword(g.seed + i)
      else w = r < 0.3 ? pick(names) : r < 0.6 ? pick(common) : (words[start + i] ?? 'and')
      if (g.ellipsis && i % g.ellipsis === g.ellipsis - 1) w += ' ...'
      if (g.question && i % g.question === g.question - 1) w += '?'
      out.push(w)
      len += w.length + 1
    }
    return out.join(' ').slice(0, chars).trim() || 'x'
  }

  const randomGenome = () => ({
    kind: pick(KINDS),
    offset: rand(),
    seed: Math.floor(rand() * 1e6),
    vocab: 1 + Math.floor(rand() * 40),
    ellipsis: rand() < 0.2 ? 2 + Math.floor(rand() * 20) : 0,
    question: rand() < 0.2 ? 3 + Math.floor(rand() * 30) : 0,
    size: 0.1 + rand() * 0.9,
    turns: Math.floor(rand() * (LIMITS.turns + 1)),
    turnSize: rand(),
    span: rand(),
  })
  const mutate = (g) => {
    const m = { ...g, seed: Math.floor(rand() * 1e6) }
    const r = rand()
    if (r < 0.2) m.size = Math.min(1, g.size * (1 + rand()))
    else if (r < 0.3) m.kind = pick(KINDS)
    else if (r < 0.4) m.offset = rand()
    else if (r < 0.5) m.vocab = Math.max(1, Math.min(40, g.vocab + Math.round((rand() - 0.5) * 10)))
    else if (r < 0.6) m.ellipsis = rand() < 0.5 ? 0 : 2 + Math.floor(rand() * 20)
    else if (r < 0.65) m.question = rand() < 0.5 ? 0 : 3 + Math.floor(rand() * 30)
    else if (r < 0.8)
      m.turns = Math.max(0, Math.min(LIMITS.turns, g.turns + Math.round((rand() - 0.5) * 8)))
    else if (r < 0.9) m.turnSize = Math.min(1, g.turnSize * (1 + rand()))
    else m.span = rand()
    return m
  }
  const history = (g) =>
    Array.from({ length: g.turns }, (_, i) => ({
      role: i % 2 ? 'assistant' : 'user',
      content: textOf(
        { ...g, seed: g.seed + i + 1 },
        Math.max(1, Math.floor(g.turnSize * LIMITS.turn)),
      ),
    }))
  const question = (g, n) =>
    `${n} ${textOf(g, Math.max(1, Math.floor(g.size * LIMITS.question) - 12))}`
  const chat = (g, n) => [...history(g), { role: 'user', content: question(g, n) }]

  /** Each endpoint's request for a recipe; `n` is a nonce that defeats the caches. */
  const endpoints = {
    'POST /api/ask': (g, n) => ({
      method: 'POST',
      path: '/api/ask',
      body: { question: question(g, n), history: history(g) },
    }),
    'POST /api/chat (SSE)': (g, n) => ({
      method: 'POST',
      path: '/api/chat',
      headers: { accept: 'text/event-stream' },
      body: { messages: chat(g, n) },
    }),
    'POST /v1/chat/completions': (g, n) => ({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'chapter-assistant', stream: g.seed % 2 === 0, messages: chat(g, n) },
    }),
    'GET /api/search': (g, n) => ({
      method: 'GET',
      path: `/api/search?k=${1 + (g.seed % LIMITS.k)}&q=${encodeURIComponent(question(g, n))}`,
    }),
    'POST /api/cite': (g, n) => ({
      method: 'POST',
      path: '/api/cite',
      body: { text: `${textOf(g, Math.max(1, Math.floor(g.size * LIMITS.cite) - 12))} ${n}` },
    }),
    'GET /read?hl=': (g, n) => {
      const a = Math.floor(g.offset * chapter.length)
      const b = Math.min(chapter.length, a + 1 + Math.floor(g.span * g.span * chapter.length))
      return { method: 'GET', path: `/read?hl=${a}-${b}&n=${n}` }
    },
  }
  return { textOf, randomGenome, mutate, endpoints }
}

/** Known worst cases from earlier reviews, always tried first. */
export const SEEDS = {
  'POST /api/cite': [
    { method: 'POST', path: '/api/cite', body: { text: 'of the and '.repeat(363).trim() } },
  ],
}
