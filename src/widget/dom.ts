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
