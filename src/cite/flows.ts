import { originalSpan } from '../corpus/mapped-text.ts'
import type { Block, ChapterDocument, Span } from '../corpus/types.ts'
import { normalizeText } from '../text/normalize.ts'

/**
 * A run of text a reader reads without interruption: the paragraphs of one section or box in
 * reading order (footnotes, figures and tables left out, so a quote can run across a footnote
 * printed between them), or one heading, footnote, figure caption, table caption or table row on
 * its own.
 */
export interface Flow {
  id: string
  blocks: Block[]
  /** The flow's letters and digits, lower-cased, with OCR repairs: what quotes are matched on. */
  letters: string
  /** For each char of `letters`: its block (index into `blocks`) and index in the block's cleaned text. */
  at: Array<{ b: number; i: number }>
  /** The flow's words, with the same positions, for word-level alignment. */
  words: Array<{ norm: string; b: number; from: number; to: number }>
}

/** Lower-case letters and digits of a text, after the corpus normalization (quotes, `Al` → `AI`). */
export const letterStream = (text: string): string =>
  normalizeText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/** A word token for alignment: lower-case, quotes folded, digits without thousands separators. */
export const normWord = (w: string): string =>
  normalizeText(w).toLowerCase().replace(/[’‘]/g, "'").replace(/,/g, '')

const PROSE = new Set(['paragraph', 'list-item', 'box'])

/** Cuts the document into flows (see {@link Flow}). */
export function buildFlows(doc: ChapterDocument): Flow[] {
  const flows: Flow[] = []
  let current: Block[] = []
  let key = ''
  const flush = () => {
    if (current.length > 0) flows.push(makeFlow(`${current[0]?.id}#flow`, current))
    current = []
  }
  for (const b of doc.blocks) {
    if (PROSE.has(b.kind)) {
      const k = `${b.sectionId}|${'boxId' in b ? (b.boxId ?? '') : ''}`
      if (k !== key) flush()
      key = k
      current.push(b)
    } else if (b.kind === 'footnote' || b.kind === 'figure' || b.kind === 'table-row') {
      flows.push(makeFlow(b.id, [b]))
    } else if (b.kind === 'heading' || b.kind === 'table') {
      flush()
      key = ''
      // Headings, box titles and table captions can be quoted too.
      flows.push(makeFlow(b.id, [b]))
    }
  }
  flush()
  return flows
}

function makeFlow(id: string, blocks: Block[]): Flow {
  let letters = ''
  const at: Flow['at'] = []
  const words: Flow['words'] = []
  blocks.forEach((block, b) => {
    // The cleaned text already carries the OCR repairs; only case is folded here.
    const t = block.text
    for (let i = 0; i < t.length; i++) {
      const c = (t[i] as string).normalize('NFKC').toLowerCase()
      if (/^[\p{L}\p{N}]+$/u.test(c)) {
        letters += c
        for (let k = 0; k < c.length; k++) at.push({ b, i })
      }
    }
    for (const m of block.text.matchAll(/[\p{L}\p{N}]+(?:[,.'’][\p{L}\p{N}]+)*/gu)) {
      words.push({ norm: normWord(m[0]), b, from: m.index, to: m.index + m[0].length })
    }
  })
  return { id, blocks, letters, at, words }
}

/** The original span and cleaned text of flow positions `[from, to]` (block, cleaned index). */
export function flowSpan(
  flow: Flow,
  from: { b: number; i: number },
  to: { b: number; i: number },
): { span: Span; quote: string; blocks: Block[] } {
  const first = flow.blocks[from.b] as Block
  const last = flow.blocks[to.b] as Block
  const startSpan = originalSpan(first, from.i, from.b === to.b ? to.i : first.text.length)
  const endSpan = originalSpan(last, to.b === from.b ? from.i : 0, to.i)
  const parts: string[] = []
  for (let b = from.b; b <= to.b; b++) {
    const block = flow.blocks[b] as Block
    parts.push(block.text.slice(b === from.b ? from.i : 0, b === to.b ? to.i : block.text.length))
  }
  return {
    span: { start: startSpan.start, end: endSpan.end },
    quote: parts.join(' ').trim(),
    blocks: flow.blocks.slice(from.b, to.b + 1),
  }
}
