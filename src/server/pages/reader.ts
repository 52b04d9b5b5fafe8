import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type {
  Block,
  ChapterDocument,
  FootnoteBlock,
  Section,
  Span,
  TableBlock,
} from '../../corpus/types.ts'

type Html = HtmlEscapedString | Promise<HtmlEscapedString>

/** `?hl=START-END`: a span of the original file to highlight, or `null` if absent or malformed. */
export function parseHighlight(value: string | undefined, max: number): Span | null {
  const m = /^(\d{1,7})-(\d{1,7})$/.exec(value ?? '')
  if (!m) return null
  const start = Number(m[1])
  const end = Number(m[2])
  return start < end && end <= max ? { start, end } : null
}

/** Cleaned-text ranges of a block that fall inside an original span. */
function highlightRange(
  b: { offsets: number[]; text: string },
  hl: Span | null,
): [number, number] | null {
  if (!hl) return null
  let from = -1
  let to = -1
  b.offsets.forEach((o, i) => {
    if (o >= hl.start && o < hl.end) {
      if (from === -1) from = i
      to = i + 1
    }
  })
  return from === -1 ? null : [from, to]
}

/**
 * A block's text with the highlight and the footnote call marks as elements; everything else
 * escaped. `marks` are cleaned-text positions where a footnote reference goes.
 */
function inlineText(
  b: { offsets: number[]; text: string },
  hl: Span | null,
  marks: Array<{ at: number; n: number }>,
  state: { hlDone: boolean },
): Html {
  const range = highlightRange(b, hl)
  const cuts = new Set<number>([0, b.text.length, ...marks.map((m) => m.at)])
  if (range) {
    cuts.add(range[0])
    cuts.add(range[1])
  }
  const points = [...cuts].sort((x, y) => x - y)
  const parts: Html[] = []
  for (let k = 0; k < points.length; k++) {
    const at = points[k] as number
    for (const m of marks.filter((x) => x.at === at))
      parts.push(
        html`<sup class="fnref"><a href="#fn-${m.n}" id="fnref-${m.n}" aria-label="Footnote ${m.n}">${m.n}</a></sup>`,
      )
    const next = points[k + 1]
    if (next === undefined) break
    const piece = b.text.slice(at, next)
    if (range && at >= range[0] && next <= range[1]) {
      const id = state.hlDone ? '' : ' id="hl"'
      state.hlDone = true
      parts.push(html`<mark${raw(id)}>${piece}</mark>`)
    } else parts.push(html`${piece}`)
  }
  return html`${parts}`
}

const anchor = (id: string, what: string) =>
  html`<a class="anchor" href="#${id}" aria-label="Link to this ${what}">#</a>`
const citeButton = (id: string) =>
  html`<button type="button" class="cite" data-block="${id}">Cite this</button>`

/**
 * The reader page: the cleaned chapter with its structure (headings, boxes, figure captions,
 * footnotes linked both ways, tables as HTML tables), a deep link on every section, block and
 * table row, a "Cite this" action on every block, and `?hl=START-END` (original offsets) shown as
 * a highlight with `id="hl"` to scroll to.
 */
export function renderReader(doc: ChapterDocument, hl: Span | null): string {
  const footnotes = doc.blocks.filter((b): b is FootnoteBlock => b.kind === 'footnote')
  // A call mark goes before the first cleaned character after it (or at the end of the block).
  const marksOf = (b: Block) =>
    footnotes
      .filter((f) => f.calledFrom.blockId === b.id)
      .map((f) => {
        const at = b.offsets.findIndex((o) => o > f.calledFrom.offset)
        return { at: at === -1 ? b.text.length : at, n: f.footnoteNumber }
      })
  const state = { hlDone: false }
  const text = (b: Block) => inlineText(b, hl, marksOf(b), state)

  const blockHtml = (b: Block): Html => {
    switch (b.kind) {
      case 'paragraph':
        return html`<p id="${b.id}" data-start="${b.start}" data-end="${b.end}"${b.lead ? raw(' class="lead"') : ''}>${text(b)} ${anchor(b.id, 'paragraph')} ${citeButton(b.id)}</p>`
      case 'list-item':
        return html`<li id="${b.id}" data-start="${b.start}" data-end="${b.end}">${text(b)} ${anchor(b.id, 'item')} ${citeButton(b.id)}</li>`
      case 'box':
        return html`<p id="${b.id}" data-start="${b.start}" data-end="${b.end}">${text(b)} ${anchor(b.id, 'paragraph')} ${citeButton(b.id)}</p>`
      case 'figure':
        return html`<figure id="${b.id}" data-start="${b.start}" data-end="${b.end}"><figcaption>${text(b)} ${anchor(b.id, 'figure')} ${citeButton(b.id)}</figcaption><p class="muted">The figure itself is not in the text.</p></figure>`
      case 'table':
        return tableHtml(b, hl, state)
      default:
        return html``
    }
  }

  const sectionHtml = (s: Section): Html => {
    const own = doc.blocks.filter(
      (b) =>
        b.sectionId === s.id &&
        b.kind !== 'heading' &&
        b.kind !== 'footnote' &&
        b.kind !== 'table-row',
    )
    const parts: Html[] = []
    let list: Html[] = []
    const open: { box: { id: string; title: string; items: Html[] } | null } = { box: null }
    const flushList = () => {
      if (list.length)
        (open.box ? open.box.items : parts).push(html`<ul class="advancements">${list}</ul>`)
      list = []
    }
    const flushBox = () => {
      flushList()
      const box = open.box
      if (box)
        parts.push(
          html`<aside class="box" id="box-${box.id}" aria-labelledby="box-${box.id}-title"><h4 id="box-${box.id}-title">Box ${box.id} ${box.title}</h4>${box.items}</aside>`,
        )
      open.box = null
    }
    for (const b of own) {
      const boxId = 'boxId' in b ? b.boxId : undefined
      if (boxId && open.box?.id !== boxId) {
        flushBox()
        open.box = {
          id: boxId,
          title: doc.boxes.find((x) => x.id === boxId)?.title ?? '',
          items: [],
        }
      } else if (!boxId && open.box) flushBox()
      if (b.kind === 'list-item') {
        list.push(blockHtml(b))
        continue
      }
      flushList()
      ;(open.box ? open.box.items : parts).push(blockHtml(b))
    }
    flushBox()
    const level = s.level === 1 ? 2 : 3
    const heading =
      s.id === 'intro'
        ? html``
        : html`${raw(`<h${level}>`)}${s.number}. ${s.title} ${anchor(`s-${s.id}`, 'section')}${raw(`</h${level}>`)}`
    const children = doc.sections.filter((c) => c.parentId === s.id).map(sectionHtml)
    return html`<section id="s-${s.id}" aria-label="${s.id === 'intro' ? 'Introduction' : `Section ${s.id}`}">${heading}${parts}${children}</section>`
  }

  const notes = footnotes.map(
    (f) =>
      html`<li id="fn-${f.footnoteNumber}" data-start="${f.start}" data-end="${f.end}">${inlineText(f, hl, [], state)} <a href="#fnref-${f.footnoteNumber}" class="backref" aria-label="Back to the text of footnote ${f.footnoteNumber}">↩</a> ${citeButton(f.id)}</li>`,
  )
  const top = doc.sections.filter((s) => s.parentId === null)
  const toc = top.map(
    (s) =>
      html`<li><a href="#s-${s.id}">${s.id === 'intro' ? 'Introduction' : `${s.number}. ${s.title}`}</a>${
        doc.sections.some((c) => c.parentId === s.id)
          ? html`<ol>${doc.sections.filter((c) => c.parentId === s.id).map((c) => html`<li><a href="#s-${c.id}">${c.number}. ${c.title}</a></li>`)}</ol>`
          : ''
      }</li>`,
  )
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chapter ${doc.chapter.number}: ${doc.chapter.title} — reader</title>
<link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/assets/site.css"><script src="/assets/reader.js" defer></script></head>
<body class="reader">
<header><p class="muted">Chapter ${doc.chapter.number}</p><h1>${doc.chapter.title}</h1>
<p class="muted">The cleaned text of the chapter: OCR repaired, lines joined. Every paragraph, item, table row and note has a link (#) and a “Cite this” action.${hl ? html` <a href="#hl">Go to the highlighted passage.</a>` : ''}</p>
<nav aria-label="Contents"><ol>${toc}</ol></nav></header>
<main>${top.map(sectionHtml)}
<section id="notes" aria-label="Notes"><h2>Notes</h2><ol class="footnotes">${notes}</ol></section></main>
<div id="cite-panel" role="dialog" aria-modal="false" aria-labelledby="cite-title" hidden><h2 id="cite-title">Cite this passage</h2><p><label for="cite-style">Style</label> <select id="cite-style"><option value="apa">APA 7</option><option value="mla">MLA 9</option><option value="chicago">Chicago 17</option><option value="bibtex">BibTeX</option></select></p><pre id="cite-text"></pre><p><button type="button" id="cite-copy">Copy</button> <button type="button" id="cite-close">Close</button></p><p id="cite-status" role="status"></p></div>
</body></html>`.toString() as string
}

function tableHtml(t: TableBlock, hl: Span | null, state: { hlDone: boolean }): Html {
  const rows = t.rows.map((r) => {
    const marked = hl && r.start < hl.end && hl.start < r.end
    const first = Boolean(marked) && !state.hlDone
    if (first) state.hlDone = true
    const id = first ? 'hl' : ''
    return html`<tr id="${r.id}" data-start="${r.start}" data-end="${r.end}"${marked ? raw(' class="hl"') : ''}>${t.columns.map(
      (c, i) => {
        const v = r.printed[c.key] ?? String(r.values[c.key] ?? '')
        return i === 0
          ? html`<th scope="row">${id ? html`<mark id="hl">${v}</mark>` : v}</th>`
          : html`<td>${v}</td>`
      },
    )}<td class="rowlink">${anchor(r.id, 'row')} ${citeButton(r.id)}</td></tr>`
  })
  return html`<div class="table-wrap"><table id="${t.id}" data-start="${t.start}" data-end="${t.end}">
<caption>Table ${t.tableId} ${t.caption} ${anchor(t.id, 'table')} ${citeButton(t.id)}</caption>
<thead><tr>${t.columns.map((c) => html`<th scope="col">${c.label}</th>`)}<th scope="col"><span class="visually-hidden">Links</span></th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}
