import { type Line, splitLines } from './lines.ts'
import { applyEdits, type CompoundTest, normalizeSpans } from './mapped-text.ts'
import { findRepairs, type RuleEdit } from './repairs.ts'
import {
  findLostDecimalPoints,
  parseRow,
  scanTable,
  TABLE_CAPTION,
  type TableLayoutScan,
} from './tables.ts'
import type {
  Block,
  Box,
  ChapterDocument,
  FigureBlock,
  FootnoteBlock,
  HeadingBlock,
  LayoutNoise,
  MappedText,
  ParagraphBlock,
  Repair,
  Section,
  Span,
  TableBlock,
  TableRow,
  TableRowBlock,
} from './types.ts'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']
const TOP_HEADING = /^([IVXl1]+)\.\s+(\p{Lu}.*)$/u
const SUB_HEADING = /^(\d+)\.\s+(\p{Lu}.*[^.])$/u
const BOX_TITLE = /^Box\s+(\d+\.\d+)\s+(\S.*)$/
const FIGURE_CAPTION = /^Figure\s+(\d+\.\d+)\s+(\S.*)$/
const BULLET = /^\*\s+/
const FOOTNOTE = /^(\d+)\s+\S/
const DIMENSION_LEAD = /^(\p{Lu}\p{Ll}+ dimension):/u

/** A block found by the layout pass, before its text is cleaned. */
type Proto =
  | { t: 'heading'; sectionId: string; opens: string; spans: Span[]; numeralFix?: string }
  | {
      t: 'para'
      kind: 'paragraph' | 'list-item' | 'box'
      sectionId: string
      boxId?: string
      spans: Span[]
      marker?: Span
      lastLine: Line
    }
  | { t: 'figure'; sectionId: string; figureId: string; spans: Span[] }
  | { t: 'footnote'; n: number; spans: Span[]; marker: Span }
  | { t: 'table'; sectionId: string; scan: TableLayoutScan }

/**
 * Parses the chapter's OCR text into its structured model: sections, blocks in reading order
 * (paragraphs, list items, box paragraphs, figure captions, footnotes, tables and their rows),
 * every OCR repair that was made, and the printed layout noise that carries no content.
 *
 * Pure: text in, model out. Every block keeps the original spans it was read from and, for each
 * character of its cleaned text, the original offset it stands for.
 *
 * @example
 * const doc = parseChapter(readFileSync('corpus/chapter-08.txt', 'utf8'))
 * doc.sections.map((s) => s.id) // ['intro', 'I', 'I.1', 'I.2', 'II', 'II.1', ...]
 */
export function parseChapter(raw: string): ChapterDocument {
  const lines = splitLines(raw)
  const layout = readLayout(lines, raw)
  return buildDocument(raw, layout)
}

interface Layout {
  chapterNumber: number
  chapterTitle: string
  headerSpan: Span
  sections: Section[]
  protos: Proto[]
  boxes: Array<{ id: string; title: string; sectionId: string; start: number; end: number }>
  noise: LayoutNoise[]
}

/** Pass 1: walks the lines and finds the structure (which lines form which block). */
function readLayout(lines: Line[], raw: string): Layout {
  let i = 0
  const skipBlank = (): void => {
    while (i < lines.length && (lines[i] as Line).blank) i++
  }
  skipBlank()
  const chapterLine = lines[i] as Line
  const cm = /^CHAPTER\s+(\d+)$/i.exec(chapterLine.body)
  if (!cm) throw new Error('the file does not start with a "CHAPTER N" line')
  const chapterNumber = Number(cm[1])
  i++
  skipBlank()
  const titleLines: Line[] = []
  while (i < lines.length && !(lines[i] as Line).blank) titleLines.push(lines[i++] as Line)
  if (titleLines.length === 0) throw new Error('the chapter has no title')
  const chapterTitle = titleLines.map((l) => l.body).join(' ')
  const headerSpan = { start: chapterLine.bodyStart, end: (titleLines.at(-1) as Line).end }

  const sections: Section[] = [
    {
      id: 'intro',
      number: '',
      title: 'Chapter introduction',
      level: 0,
      parentId: null,
      start: 0,
      end: raw.length,
    },
  ]
  const protos: Proto[] = [
    { t: 'heading', sectionId: 'intro', opens: 'chapter', spans: [headerSpan] },
  ]
  const boxes: Layout['boxes'] = []
  const noise: LayoutNoise[] = []

  let section = 'intro'
  let top = 0
  let sub = 0
  let box: Layout['boxes'][number] | null = null
  let open: Extract<Proto, { t: 'para' }> | null = null
  let interrupted = false // a footnote or blank lines came after the open paragraph's last line
  let expectedFootnote = 1

  const closeBox = (end: number): void => {
    if (box) box.end = end
    box = null
  }
  const addLine = (p: { spans: Span[] }, l: Line, from = l.bodyStart): void => {
    const last = p.spans.at(-1)
    // Extend the current span over blank lines; start a new one after foreign content.
    if (last && onlyBlankBetween(raw, last.end, from)) last.end = l.end
    else p.spans.push({ start: from, end: l.end })
  }
  const headingWithContinuation = (first: Line): Span[] => {
    const spans: Span[] = [{ start: first.bodyStart, end: first.end }]
    for (let k = 0; k < 2; k++) {
      let j = i + 1
      while (j < lines.length && (lines[j] as Line).blank) j++
      const next = lines[j]
      if (!next || !isHeadingContinuation(next.body)) break
      ;(spans[0] as Span).end = next.end
      i = j
    }
    return spans
  }

  for (; i < lines.length; i++) {
    const l = lines[i] as Line
    if (l.blank) {
      if (open) interrupted = true
      continue
    }
    const body = l.body
    const topMatch = TOP_HEADING.exec(body)
    const canonical = ROMAN[top]
    if (topMatch && canonical && ocrRomanEquals(topMatch[1] as string, canonical)) {
      open = null
      closeBox(l.start)
      top++
      sub = 0
      section = canonical
      const spans = headingWithContinuation(l)
      const title = titleOf(raw, spans, canonical)
      sections.push({
        id: section,
        number: canonical,
        title,
        level: 1,
        parentId: null,
        start: l.bodyStart,
        end: raw.length,
      })
      protos.push({
        t: 'heading',
        sectionId: section,
        opens: section,
        spans,
        ...(topMatch[1] !== canonical ? { numeralFix: canonical } : {}),
      })
      continue
    }
    const subMatch = SUB_HEADING.exec(body)
    if (
      subMatch &&
      top > 0 &&
      Number(subMatch[1]) === sub + 1 &&
      !open?.lastLine.body.endsWith(',')
    ) {
      open = null
      closeBox(l.start)
      sub++
      const parent = ROMAN[top - 1] as string
      section = `${parent}.${sub}`
      const spans = headingWithContinuation(l)
      const title = titleOf(raw, spans, String(sub))
      sections.push({
        id: section,
        number: String(sub),
        title,
        level: 2,
        parentId: parent,
        start: l.bodyStart,
        end: raw.length,
      })
      protos.push({ t: 'heading', sectionId: section, opens: section, spans })
      continue
    }
    const boxMatch = BOX_TITLE.exec(body)
    if (boxMatch) {
      open = null
      closeBox(l.start)
      box = {
        id: boxMatch[1] as string,
        title: boxMatch[2] as string,
        sectionId: section,
        start: l.bodyStart,
        end: raw.length,
      }
      boxes.push(box)
      protos.push({
        t: 'heading',
        sectionId: section,
        opens: `box-${box.id}`,
        spans: [{ start: l.bodyStart, end: l.end }],
      })
      continue
    }
    const figMatch = FIGURE_CAPTION.exec(body)
    if (figMatch) {
      open = null
      const spans: Span[] = [{ start: l.bodyStart, end: l.end }]
      let j = i + 1
      while (j < lines.length && (lines[j] as Line).blank) j++
      const src = lines[j]
      if (src && /^Source:/.test(src.body)) {
        ;(spans[0] as Span).end = src.end
        i = j
      }
      protos.push({ t: 'figure', sectionId: section, figureId: figMatch[1] as string, spans })
      continue
    }
    if (TABLE_CAPTION.test(body)) {
      open = null
      const scan = scanTable(lines, i)
      for (const n of scan.noise)
        noise.push({
          start: n.line.bodyStart,
          end: n.line.end,
          text: n.line.body,
          reason: n.reason,
        })
      protos.push({ t: 'table', sectionId: section, scan })
      i = scan.nextIndex - 1
      continue
    }
    const fnMatch = FOOTNOTE.exec(body)
    if (
      fnMatch &&
      Number(fnMatch[1]) === expectedFootnote &&
      !l.indented &&
      (lines[i - 1]?.blank ?? false)
    ) {
      const numberLength = (fnMatch[1] as string).length
      const textStart =
        l.bodyStart +
        numberLength +
        (body.slice(numberLength).length - body.slice(numberLength).trimStart().length)
      const fn: Extract<Proto, { t: 'footnote' }> = {
        t: 'footnote',
        n: expectedFootnote,
        spans: [{ start: textStart, end: l.end }],
        marker: { start: l.bodyStart, end: l.bodyStart + numberLength },
      }
      // A footnote runs to the page end: the next blank line or the next page's indented line.
      while (
        i + 1 < lines.length &&
        !(lines[i + 1] as Line).blank &&
        !(lines[i + 1] as Line).indented
      ) {
        i++
        ;(fn.spans[0] as Span).end = (lines[i] as Line).end
      }
      protos.push(fn)
      expectedFootnote++
      if (open) interrupted = true
      continue
    }
    if (BULLET.test(body)) {
      const markerEnd = l.bodyStart + 1
      const textStart = l.bodyStart + (body.length - body.slice(1).trimStart().length)
      open = {
        t: 'para',
        kind: 'list-item',
        sectionId: section,
        spans: [{ start: textStart, end: l.end }],
        marker: { start: l.bodyStart, end: markerEnd },
        lastLine: l,
      }
      protos.push(open)
      interrupted = false
      continue
    }
    // Running text: continue the open paragraph, or start a new one.
    if (open && (!interrupted || continuesSentence(open.lastLine.body, body))) {
      addLine(open, l)
      open.lastLine = l
    } else {
      open = {
        t: 'para',
        kind: box ? 'box' : 'paragraph',
        sectionId: section,
        ...(box ? { boxId: box.id } : {}),
        spans: [{ start: l.bodyStart, end: l.end }],
        lastLine: l,
      }
      protos.push(open)
    }
    interrupted = false
  }
  closeBox(raw.length)

  // Section ends: the next heading of the same or a higher level.
  sections.forEach((s, k) => {
    const next = sections.slice(k + 1).find((n) => n.level <= s.level || s.level === 0)
    s.end = next ? next.start : trimmedEnd(raw)
  })
  for (const b of boxes) b.end = Math.min(b.end, trimmedEnd(raw))
  return { chapterNumber, chapterTitle, headerSpan, sections, protos, boxes, noise }
}

function trimmedEnd(raw: string): number {
  return raw.trimEnd().length
}

function onlyBlankBetween(raw: string, from: number, to: number): boolean {
  return raw.slice(from, to).trim() === ''
}

/** After blank lines or a footnote, does this line continue the sentence of the previous one? */
function continuesSentence(prev: string, next: string): boolean {
  return /^\p{Ll}/u.test(next) || /[-,;]$/.test(prev)
}

function isHeadingContinuation(body: string): boolean {
  if (body.length >= 60 || /[.!?;:,]$/.test(body)) return false
  if (TOP_HEADING.test(body) || SUB_HEADING.test(body) || BULLET.test(body)) return false
  if (BOX_TITLE.test(body) || FIGURE_CAPTION.test(body) || TABLE_CAPTION.test(body)) return false
  return /^\p{Ll}/u.test(body) || body.split(/\s+/).length <= 3
}

function ocrRomanEquals(printed: string, canonical: string): boolean {
  return printed.replace(/[1l]/g, 'I') === canonical
}

function titleOf(raw: string, spans: Span[], number: string): string {
  const text = normalizeSpans(raw, spans).text
  return text.replace(/^\S+\.\s+/, '').trim() || number
}

/** Pass 2: cleans every block's text, records repairs, links footnotes, types the tables. */
function buildDocument(raw: string, layout: Layout): ChapterDocument {
  const isCompound = compoundTestFor(raw)
  const repairs: Repair[] = []
  const blocks: Block[] = []
  const { chapterNumber } = layout

  // Footnote call marks: the nearest candidate before each footnote.
  const markEdits = new Map<number, { n: number }>() // original offset of the mark → footnote
  for (const p of layout.protos) {
    if (p.t !== 'footnote') continue
    const used = new Set(markEdits.keys())
    const at = findCallMark(raw, p.n, (p.spans[0] as Span).start, used)
    if (at === null) throw new Error(`footnote ${p.n}: no call mark found before it`)
    markEdits.set(at, { n: p.n })
  }

  const clean = (spans: Span[], extra: (m: MappedText) => RuleEdit[] = () => []) => {
    const mapped = normalizeSpans(raw, spans, isCompound)
    const edits = [...findRepairs(mapped, raw, chapterNumber), ...extra(mapped)]
    for (const [offset, { n }] of markEdits) {
      const k = mapped.offsets.indexOf(offset)
      if (k !== -1) {
        edits.push({
          from: k,
          to: k + 1,
          replacement: '',
          rule: 'footnote-mark',
          reason: `call mark of footnote ${n}`,
        })
      }
    }
    const blockRepairs = edits.map((e) => toRepair(raw, mapped, e))
    const cleaned = applyEdits(mapped, edits)
    return { normalized: mapped.text, cleaned, repairs: blockRepairs }
  }
  const base = (spans: Span[], c: ReturnType<typeof clean>) => ({
    segments: spans,
    start: (spans[0] as Span).start,
    end: (spans.at(-1) as Span).end,
    normalized: c.normalized,
    text: c.cleaned.text,
    offsets: c.cleaned.offsets,
    repairs: c.repairs,
  })

  const ordinals = new Map<string, number>()
  const nextOrdinal = (scope: string): number => {
    const n = (ordinals.get(scope) ?? 0) + 1
    ordinals.set(scope, n)
    return n
  }
  const footnoteBlocks: FootnoteBlock[] = []

  for (const p of layout.protos) {
    if (p.t === 'heading') {
      const c = clean(p.spans, (m) =>
        p.numeralFix
          ? [
              {
                from: 0,
                to: m.text.indexOf('.'),
                replacement: p.numeralFix,
                rule: 'ocr-letter',
                reason: `section numbering: the third part is ${p.numeralFix}`,
              },
            ]
          : [],
      )
      const id = p.opens.startsWith('box-')
        ? `${p.sectionId}/${p.opens}/title`
        : `${p.sectionId}/heading`
      blocks.push({
        id,
        kind: 'heading',
        sectionId: p.sectionId,
        opens: p.opens,
        ...base(p.spans, c),
      } satisfies HeadingBlock)
    } else if (p.t === 'para') {
      const c = clean(p.spans)
      const scope = p.boxId ? `${p.sectionId}/box-${p.boxId}` : p.sectionId
      const ordinal = nextOrdinal(scope)
      const id =
        p.kind === 'list-item'
          ? `${p.sectionId}/item-${nextOrdinal(`${p.sectionId}#items`)}`
          : `${scope}/p-${ordinal}`
      const lead = DIMENSION_LEAD.exec(c.cleaned.text)?.[1]
      blocks.push({
        id,
        kind: p.kind,
        sectionId: p.sectionId,
        ordinal,
        ...(p.boxId ? { boxId: p.boxId } : {}),
        ...(lead ? { lead } : {}),
        ...base(p.spans, c),
        ...(p.marker ? { marker: p.marker } : {}),
      } as ParagraphBlock)
    } else if (p.t === 'figure') {
      const c = clean(p.spans)
      const text = c.cleaned.text
      const srcAt = text.indexOf('Source:')
      blocks.push({
        id: `${p.sectionId}/figure-${p.figureId}`,
        kind: 'figure',
        sectionId: p.sectionId,
        figureId: p.figureId,
        caption: (srcAt === -1 ? text : text.slice(0, srcAt))
          .replace(/^Figure\s+\S+\s+/, '')
          .trim(),
        source: srcAt === -1 ? '' : text.slice(srcAt + 'Source:'.length).trim(),
        footnoteIds: [...markEdits]
          .filter(([o]) => o >= p.spans[0]!.start && o < p.spans.at(-1)!.end)
          .map(([, v]) => v.n),
        ...base(p.spans, c),
      } satisfies FigureBlock)
    } else if (p.t === 'footnote') {
      const c = clean(p.spans)
      const fb = {
        id: `?/footnote-${p.n}`,
        kind: 'footnote',
        sectionId: '?',
        footnoteNumber: p.n,
        calledFrom: { blockId: '?', offset: -1 },
        ...base(p.spans, c),
        marker: p.marker,
      } as FootnoteBlock & { marker: Span }
      footnoteBlocks.push(fb)
      blocks.push(fb)
    } else {
      blocks.push(...buildTable(raw, p.sectionId, p.scan, clean, base))
    }
  }

  // Link each footnote to the block that calls it; it belongs to that block's section.
  for (const fb of footnoteBlocks) {
    const entry = [...markEdits].find(([, v]) => v.n === fb.footnoteNumber)
    if (!entry) continue
    const caller = blocks.find(
      (b) => b.kind !== 'table' && b.segments.some((s) => entry[0] >= s.start && entry[0] < s.end),
    )
    if (!caller) throw new Error(`footnote ${fb.footnoteNumber}: its call mark is in no block`)
    fb.sectionId = caller.sectionId
    fb.id = `${caller.sectionId}/footnote-${fb.footnoteNumber}`
    fb.calledFrom = { blockId: caller.id, offset: entry[0] }
  }

  for (const b of blocks) {
    repairs.push(...b.repairs)
    if (b.kind === 'table') for (const r of b.rows) repairs.push(...r.repairs)
  }
  repairs.sort((a, b) => a.start - b.start)
  // Dedupe: a table row's repairs are listed by its table-row block too.
  const seen = new Set<string>()
  const uniqueRepairs = repairs.filter((r) => {
    const key = `${r.start}:${r.end}:${r.rule}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })

  const boxes: Box[] = layout.boxes.map((b) => ({
    ...b,
    title: (
      blocks.find((x) => x.kind === 'heading' && x.opens === `box-${b.id}`)?.text ?? b.title
    ).replace(/^Box\s+\S+\s+/, ''),
    blockIds: blocks.filter((x) => x.id.includes(`/box-${b.id}/`)).map((x) => x.id),
  }))
  const sections = layout.sections.map((s) => {
    const h = blocks.find((x) => x.kind === 'heading' && x.opens === s.id)
    return s.id === 'intro' || !h ? s : { ...s, title: h.text.replace(/^\S+\.\s+/, '') }
  })
  return {
    chapter: {
      number: chapterNumber,
      title: layout.chapterTitle,
      start: layout.headerSpan.start,
      end: layout.headerSpan.end,
    },
    sections,
    blocks,
    boxes,
    repairs: uniqueRepairs,
    layoutNoise: layout.noise,
  }
}

type Cleaner = (
  spans: Span[],
  extra?: (m: MappedText) => RuleEdit[],
) => {
  normalized: string
  cleaned: MappedText
  repairs: Repair[]
}
type BaseFields = (
  spans: Span[],
  c: ReturnType<Cleaner>,
) => Pick<TableBlock, 'segments' | 'start' | 'end' | 'normalized' | 'text' | 'offsets' | 'repairs'>

function buildTable(
  raw: string,
  sectionId: string,
  scan: TableLayoutScan,
  clean: Cleaner,
  base: BaseFields,
): Block[] {
  const captionSpans: Span[] = [
    {
      start: (scan.captionLines[0] as Line).bodyStart,
      end: (scan.captionLines.at(-1) as Line).end,
    },
  ]
  const captionClean = clean(captionSpans)
  const labelMatch = /^Table\s+(\d+\.\d+)\s+(.*)$/.exec(captionClean.cleaned.text)
  if (!labelMatch) throw new Error(`table caption not readable: ${captionClean.cleaned.text}`)
  const tableId = labelMatch[1] as string
  const tableBlockId = `${sectionId}/table-${tableId}`

  // First reading of every row, then the sort-order check that may add decimal-point repairs.
  const first = scan.rows.map((spans) => ({ spans, c: clean(spans) }))
  const parsed = first.map((r) => parseRow(scan.layout, scan.entityKey, r.c.cleaned.text))
  const fixes =
    scan.layout === 'pairs'
      ? findLostDecimalPoints(
          parsed.map((p) => p.values.centrality as number),
          parsed.map((p) => p.printed.centrality as string),
        )
      : []
  const rows: TableRow[] = first.map((r, k) => {
    const fix = fixes.find((f) => f.index === k)
    let c = r.c
    if (fix) {
      const p = parsed[k] as (typeof parsed)[number]
      const prev = parsed[k - 1]
      const next = parsed[k + 1]
      c = clean(r.spans, (m) => {
        const at = m.text.lastIndexOf(p.printed.centrality as string)
        const digits = p.printed.centrality as string
        return [
          {
            from: at,
            to: at + digits.length,
            replacement: String(fix.value),
            rule: 'decimal-point',
            reason: `Table ${tableId} lists values in descending order; the printed ${digits} sits between ${prev?.printed.centrality} (${prev?.printed.country}) and ${next?.printed.centrality} (${next?.printed.country}), so it is ${fix.value} with its decimal point lost`,
          },
        ]
      })
    }
    const values = fix
      ? parseRow(scan.layout, scan.entityKey, c.cleaned.text)
      : (parsed[k] as (typeof parsed)[number])
    return {
      id: `${tableBlockId}/row-${k + 1}`,
      position: k + 1,
      values: values.values,
      printed: values.printed,
      segments: r.spans,
      start: (r.spans[0] as Span).start,
      end: (r.spans.at(-1) as Span).end,
      text: c.cleaned.text,
      offsets: c.cleaned.offsets,
      repairs: c.repairs,
    }
  })
  const last = rows.at(-1)
  const table: TableBlock = {
    id: tableBlockId,
    kind: 'table',
    sectionId,
    tableId,
    caption: (labelMatch[2] as string).trim(),
    columns: scan.columns,
    rows,
    entityKey: scan.entityKey,
    ...base(captionSpans, captionClean),
  }
  if (last) table.end = last.end
  const rowBlocks: TableRowBlock[] = rows.map((row) => ({
    id: row.id,
    kind: 'table-row',
    sectionId,
    tableId,
    row,
    segments: row.segments,
    start: row.start,
    end: row.end,
    normalized: normalizeSpans(raw, row.segments).text,
    text: row.text,
    offsets: row.offsets,
    repairs: row.repairs,
  }))
  return [table, ...rowBlocks]
}

function toRepair(raw: string, mapped: MappedText, e: RuleEdit): Repair {
  const start = mapped.offsets[e.from] as number
  const end = e.to > e.from ? (mapped.offsets[e.to - 1] as number) + 1 : start
  return {
    start,
    end,
    original: raw.slice(start, end),
    replacement: e.replacement,
    rule: e.rule,
    reason: e.reason,
  }
}

/**
 * A line-end hyphen is part of the word when the hyphenated form is printed elsewhere in the
 * chapter on one line and the joined form is not (`cross-border` stays, `trans-formation` joins).
 */
function compoundTestFor(raw: string): CompoundTest {
  const hyphenated = new Set<string>()
  const words = new Set<string>()
  for (const m of raw.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const w = m[0].toLowerCase()
    if (raw[m.index + m[0].length] === '\n' && raw[m.index + m[0].length - 1] === '-') continue
    words.add(w)
    const parts = w.split('-')
    for (let k = 1; k < parts.length; k++) hyphenated.add(`${parts[k - 1]}-${parts[k]}`)
  }
  return (left, right) => {
    const l = left.toLowerCase()
    const r = right.toLowerCase()
    return hyphenated.has(`${l}-${r}`) && !words.has(l + r)
  }
}

/**
 * Where footnote `n` is called: the nearest mark before its printed text. The OCR prints a
 * superscript as `'` after a word (`technologies'`) or as the digit after a full stop
 * (`(2021).2`).
 */
function findCallMark(
  raw: string,
  n: number,
  before: number,
  used: ReadonlySet<number>,
): number | null {
  const text = raw.slice(0, before)
  let best: number | null = null
  const patterns = [
    /(?<=\p{Ll})'(?=[\s.,;:])/gu,
    new RegExp(`(?<=[^\\d\\s][.)]|\\p{Ll})${n}(?=\\s)`, 'gu'),
  ]
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      // Skip the footnote's own number and anything on a line that starts a footnote.
      const lineStart = text.lastIndexOf('\n', m.index) + 1
      if (FOOTNOTE.test(text.slice(lineStart, lineStart + 4)) && m.index - lineStart < 3) continue
      if (used.has(m.index)) continue
      if (best === null || m.index > best) best = m.index
    }
  }
  return best
}
