import type { Block, Inline } from './markup.ts'

/** Creates an element with attributes and children (text children become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c)
  return e
}

/** Inline pieces as DOM nodes; `chip` makes the node for a citation marker. */
function inlineNodes(pieces: Inline[], chip: (n: number) => Node): Node[] {
  return pieces.map((x) => {
    if ('text' in x) return document.createTextNode(x.text)
    if ('marker' in x) return chip(x.marker)
    if ('br' in x) return el('br')
    if ('strong' in x) return el('strong', {}, ...inlineNodes(x.strong, chip))
    return el('em', {}, ...inlineNodes(x.em, chip))
  })
}

/** Parsed answer text (./markup.ts) as DOM nodes: paragraphs, lists, emphasis, line breaks. */
export function blockNodes(blocks: Block[], chip: (n: number) => Node): Node[] {
  return blocks.map((b) => {
    if ('p' in b) return el('p', {}, ...inlineNodes(b.p, chip))
    const list = el(b.list, b.start ? { start: String(b.start) } : {})
    for (const item of b.items) list.append(el('li', {}, ...inlineNodes(item, chip)))
    return list
  })
}

const SVG_NS = 'http://www.w3.org/2000/svg'
/**
 * Thumb outlines (Feather icons, MIT licence), drawn as SVG: they do not depend on an emoji font,
 * which many systems lack.
 */
const THUMBS = {
  up: 'M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3',
  down: 'M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 2H17',
}

/** A 16 px thumb-up or thumb-down icon, hidden from assistive technology (its button is named). */
export function thumbIcon(which: 'up' | 'down'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg')
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24',
    width: '16',
    height: '16',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  }))
    svg.setAttribute(k, v)
  const path = document.createElementNS(SVG_NS, 'path')
  path.setAttribute('d', THUMBS[which])
  svg.append(path)
  return svg
}
