import { diffArrays } from 'diff'
import type { Block, Span } from '../corpus/types.ts'
import { buildFlows, type Flow, flowSpan, letterStream, normWord } from './flows.ts'
import { SharedWordCounter } from './shared-words.ts'

/** Where a quotation is in the chapter. */
export interface QuoteLocation {
  match: 'exact' | 'fuzzy'
  /** 1 for an exact match; for a fuzzy one, the share of words that agree. */
  similarity: number
  span: Span
  /** The chapter's own wording of the located text (cleaned). */
  chapterText: string
  blocks: Block[]
  /** Word-level differences from the chapter's wording (fuzzy matches). */
  diff?: WordDiff[]
  /** The quote used `…` or `...` for omitted text. */
  elided: boolean
}

/** One step of a word-level diff: words both share, or the quote's and the chapter's wording. */
export type WordDiff =
  | { op: 'same'; text: string }
  | { op: 'changed'; quote: string; chapter: string }

/** Accept a fuzzy match when at least this share of words agree… */
export const FUZZY_MIN_SIMILARITY = 0.7
/** …and at least this many words do. */
const FUZZY_MIN_WORDS = 5

/** Windows aligned per reading flow, at most. */
const MAX_WINDOWS = 40
/**
 * The time fuzzy alignment may take for one quote, in ms. Ordinary quotes need a few; only
 * adversarial texts (thousands of common words that match everywhere) reach it, and then the best
 * window found so far is kept, so no request holds the event loop for long.
 */
export const FUZZY_BUDGET_MS = 30

const ELLIPSIS = /\s*(?:\.\s*\.\s*\.|…|\[\s*(?:\.\s*\.\s*\.|…)\s*\])\s*/g

/**
 * Finds where a quotation is in the chapter, despite straight or curly quotes, dashes,
 * whitespace and line breaks, the printed hyphenation, OCR misreadings on either side, case,
 * ellipses for omitted text, a few changed words, or a page break or footnote in the middle.
 *
 * Exact: the quote's letters and digits (or, with an ellipsis, each of its parts in order, close
 * together) are the chapter's. Fuzzy: a word alignment where most words agree. Otherwise `null`.
 */
export class QuoteLocator {
  readonly flows: Flow[]
  /** Each flow's normalized words, their set and their counts, computed once (not per quote). */
  private readonly words: Array<{
    chapter: string[]
    vocab: Set<string>
    freq: Map<string, number>
    /** The words' ids in {@link counter}. */
    ids: Int32Array
  }>
  /** Every normalized word of the chapter. */
  private readonly vocab: Set<string>
  /** Counts the words a quote shares with a window of a flow. */
  private readonly counter: SharedWordCounter

  constructor(doc: import('../corpus/types.ts').ChapterDocument) {
    this.flows = buildFlows(doc)
    this.words = this.flows.map((flow) => {
      const chapter = flow.words.map((w) => w.norm)
      return { chapter, vocab: new Set(chapter), freq: countWords(chapter), ids: new Int32Array(0) }
    })
    this.vocab = new Set(this.words.flatMap((w) => w.chapter))
    this.counter = new SharedWordCounter(this.vocab)
    for (const w of this.words) w.ids = this.counter.idsOf(w.chapter)
  }

  locate(quote: string): QuoteLocation | null {
    const text = stripQuoteMarks(quote)
    const parts = text.split(ELLIPSIS).filter((p) => letterStream(p).length > 0)
    const elided = parts.length > 1
    if (parts.length === 0) return null
    return this.exact(parts, elided) ?? this.fuzzy(text.replace(ELLIPSIS, ' '), elided)
  }

  private exact(parts: string[], elided: boolean): QuoteLocation | null {
    const streams = parts.map(letterStream)
    if (streams.some((s) => s.length < 3)) return null
    for (const flow of this.flows) {
      let from = flow.letters.indexOf(streams[0] as string)
      while (from !== -1) {
        let end = from + (streams[0] as string).length
        let ok = true
        for (const s of streams.slice(1)) {
          const next = flow.letters.indexOf(s, end)
          // An ellipsis stands for a few omitted words, not for pages.
          if (next === -1 || next - end > 1500) {
            ok = false
            break
          }
          end = next + s.length
        }
        if (ok) {
          const a = { ...(flow.at[from] as { b: number; i: number }) }
          const z = { ...(flow.at[end - 1] as { b: number; i: number }) }
          // Keep the chapter's own quotation marks when the writer's quote has them at its ends.
          const firstText = (flow.blocks[a.b] as Block).text
          const lastText = (flow.blocks[z.b] as Block).text
          if (
            QUOTE_MARK.test(parts[0]?.trimStart()[0] ?? '') &&
            QUOTE_MARK.test(firstText[a.i - 1] ?? '')
          )
            a.i -= 1
          if (
            QUOTE_MARK.test(parts.at(-1)?.trimEnd().at(-1) ?? '') &&
            QUOTE_MARK.test(lastText[z.i + 1] ?? '')
          )
            z.i += 1
          const { span, quote, blocks } = flowSpan(flow, a, { b: z.b, i: z.i + 1 })
          return { match: 'exact', similarity: 1, span, chapterText: quote, blocks, elided }
        }
        from = flow.letters.indexOf(streams[0] as string, from + 1)
      }
    }
    return null
  }

  private fuzzy(text: string, elided: boolean): QuoteLocation | null {
    const qWords = [...text.matchAll(/[\p{L}\p{N}]+(?:[,.'’][\p{L}\p{N}]+)*/gu)].map((m) => m[0])
    const q = joinHyphenated(qWords.map(normWord), this.vocab)
    if (q.length < FUZZY_MIN_WORDS) return null
    let best: { flow: Flow; from: number; to: number; same: number; sim: number } | null = null
    const qSet = new Set(q)
    this.counter.setQuote(q)
    const until = performance.now() + FUZZY_BUDGET_MS
    for (const [fi, flow] of this.flows.entries()) {
      const { chapter, vocab, freq, ids } = this.words[fi] as (typeof this.words)[number]
      // Cheap filter: enough of the quote's words occur in the flow at all.
      const present = q.filter((w) => vocab.has(w)).length
      if (present / q.length < FUZZY_MIN_SIMILARITY) continue
      // Local alignment: windows around places where the quote's rarer words occur, so that common
      // words elsewhere in a long flow do not stretch the alignment.
      const anchors = [...qSet]
        .filter((w) => vocab.has(w))
        .sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0))
        .slice(0, 3)
      const starts = new Set<number>()
      for (const a of anchors) {
        const qi = q.indexOf(a)
        chapter.forEach((w, ci) => {
          if (w === a) starts.add(Math.max(0, ci - qi - 3))
        })
      }
      for (const start of [...starts].slice(0, MAX_WINDOWS)) {
        const window = chapter.slice(start, start + q.length + 8)
        // A window can win only if it could share enough words with the quote: the multiset
        // intersection bounds the words a diff can find in common (sim ≤ same / q.length).
        const bound = this.counter.shared(ids, start, Math.min(ids.length, start + q.length + 8))
        if (bound < FUZZY_MIN_WORDS || bound < FUZZY_MIN_SIMILARITY * q.length) continue
        if (best && bound / q.length <= best.sim) continue
        if (performance.now() > until) break
        // …and the diff may stop once it needs more edits than such a window allows
        // (edits = |q| + |window| − 2·same, with same ≥ FUZZY_MIN_SIMILARITY·|q|).
        const maxEditLength = Math.max(
          0,
          Math.floor(q.length + window.length - 2 * FUZZY_MIN_SIMILARITY * q.length),
        )
        const parts = diffArrays(q, window, {
          maxEditLength,
          timeout: Math.max(1, until - performance.now()),
        })
        if (!parts) continue
        let ci = 0
        let first = -1
        let last = -1
        let same = 0
        for (const p of parts) {
          if (!p.added && !p.removed) {
            if (p.count > 0) {
              if (first === -1) first = ci
              last = ci + p.count - 1
              same += p.count
            }
            ci += p.count
          } else if (p.added) ci += p.count
        }
        if (first === -1) continue
        const sim = same / Math.max(q.length, last - first + 1)
        if (same >= FUZZY_MIN_WORDS && (!best || sim > best.sim))
          best = { flow, from: start + first, to: start + last, same, sim }
      }
    }
    if (!best || best.sim < FUZZY_MIN_SIMILARITY) return null
    const { flow } = best
    const a = flow.words[best.from] as Flow['words'][number]
    const z = flow.words[best.to] as Flow['words'][number]
    const { span, quote, blocks } = flowSpan(flow, { b: a.b, i: a.from }, { b: z.b, i: z.to })
    return {
      match: 'fuzzy',
      similarity: round(best.sim),
      span,
      chapterText: quote,
      blocks,
      diff: wordDiff(qWords, quote),
      elided,
    }
  }
}

/** How often each word occurs. */
function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

const round = (x: number) => Math.round(x * 1000) / 1000

const QUOTE_MARK = /["“”'‘’«»]/

/** Removes quotation marks that wrap the whole text (not ones that open or close a word inside it). */
function stripQuoteMarks(s: string): string {
  const t = s.trim()
  const opens = /^["“'‘«]/.test(t)
  const closes = /["”'’»]$/.test(t)
  const inner = t.slice(opens ? 1 : 0, closes ? -1 : undefined)
  // Only strip when both ends are marks and the inside has no other double quotation mark.
  return opens && closes && !/["“”]/.test(inner) ? inner.trim() : t
}

/** "trans formation" → "transformation" when only the joined word is the chapter's. */
function joinHyphenated(words: string[], vocab: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    const next = words[i + 1]
    if (next && !vocab.has(w) && vocab.has(w + next)) {
      out.push(w + next)
      i++
    } else out.push(w)
  }
  return out
}

/** Word-level diff of the writer's quote against the chapter's wording. */
export function wordDiff(quoteWords: string[], chapterText: string): WordDiff[] {
  const chapterWords = chapterText.split(/\s+/).filter(Boolean)
  const key = (w: string) => normWord(w).replace(/[^\p{L}\p{N}.]/gu, '')
  const parts = diffArrays(quoteWords.map(key), chapterWords.map(key))
  const out: WordDiff[] = []
  let qi = 0
  let ci = 0
  let pending: { quote: string[]; chapter: string[] } | null = null
  const flush = () => {
    if (pending && (pending.quote.length > 0 || pending.chapter.length > 0)) {
      out.push({
        op: 'changed',
        quote: pending.quote.join(' '),
        chapter: pending.chapter.join(' '),
      })
    }
    pending = null
  }
  for (const p of parts) {
    if (p.added) {
      pending ??= { quote: [], chapter: [] }
      pending.chapter.push(...chapterWords.slice(ci, ci + p.count))
      ci += p.count
    } else if (p.removed) {
      pending ??= { quote: [], chapter: [] }
      pending.quote.push(...quoteWords.slice(qi, qi + p.count))
      qi += p.count
    } else {
      flush()
      out.push({ op: 'same', text: chapterWords.slice(ci, ci + p.count).join(' ') })
      qi += p.count
      ci += p.count
    }
  }
  flush()
  return out
}
