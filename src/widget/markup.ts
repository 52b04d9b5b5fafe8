/**
 * The small, safe grammar of answer text, parsed into a tree that the widget turns into DOM nodes
 * (never into an HTML string):
 *
 * - a blank line separates paragraphs; a single line break stays a line break;
 * - lines starting with `- `, `* ` or `• ` are a bulleted list, `1. ` or `1) ` a numbered one;
 * - `**strong**` and `*emphasis*` / `_emphasis_` (not across lines, not inside words for `_`);
 * - `[n]` is a citation marker.
 *
 * Everything else, `<` and `&` included, is text.
 */

/** An inline piece of text. */
export type Inline =
  | { text: string }
  | { marker: number }
  | { br: true }
  | { strong: Inline[] }
  | { em: Inline[] }

/** A block: a paragraph, or a list whose items are inline runs. */
export type Block = { p: Inline[] } | { list: 'ul' | 'ol'; items: Inline[][]; start?: number }

const BULLET = /^\s*(?:[-*•])\s+(.*)$/
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/
const MARKER = /\[(\d{1,3})\]/g

/** Markers and plain text of a run without emphasis. */
function markers(text: string): Inline[] {
  const out: Inline[] = []
  let last = 0
  for (const m of text.matchAll(MARKER)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) })
    out.push({ marker: Number(m[1]) })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return out
}

// `**x**`, then `*x*` (not `* ` bullets, not `2*3`), then `_x_` between non-word characters. No
// lookbehind (older Safari cannot parse it): the character before a single `*` or `_` is captured.
const EMPHASIS =
  /\*\*([^\s*](?:[^*]*?[^\s*])?)\*\*|(^|[^\w*])\*([^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])|(^|[^\w])_([^\s_](?:[^_]*?[^\s_])?)_(?!\w)/g

/** One line of text: emphasis and markers. */
export function inlines(line: string): Inline[] {
  const out: Inline[] = []
  let last = 0
  for (const m of line.matchAll(EMPHASIS)) {
    const before = m[2] ?? m[4] ?? ''
    const at = m.index + before.length
    if (at > last) out.push(...markers(line.slice(last, at)))
    if (m[1] !== undefined) out.push({ strong: markers(m[1]) })
    else out.push({ em: markers((m[3] ?? m[5]) as string) })
    last = m.index + m[0].length
  }
  if (last < line.length) out.push(...markers(line.slice(last)))
  return out
}

/**
 * Parses answer text into blocks.
 *
 * @example
 * parseMarkup('Two kinds: [1]\n- *data* [2]\n- labour [3]')
 * // [{ p: [{ text: 'Two kinds: ' }, { marker: 1 }] },
 * //  { list: 'ul', items: [[{ em: [{ text: 'data' }] }, { text: ' ' }, { marker: 2 }], [{ text: 'labour ' }, { marker: 3 }]] }]
 */
export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = []
  let para: Inline[] | null = null
  let list: Extract<Block, { list: string }> | null = null
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line)
    const numbered = bullet ? null : NUMBERED.exec(line)
    if (bullet || numbered) {
      para = null
      const kind = bullet ? 'ul' : 'ol'
      if (!list || list.list !== kind) {
        list = { list: kind, items: [] }
        if (numbered && numbered[1] !== '1') list.start = Number(numbered[1])
        blocks.push(list)
      }
      list.items.push(inlines(((bullet ?? numbered) as RegExpExecArray)[bullet ? 1 : 2] ?? ''))
      continue
    }
    list = null
    if (!line.trim()) {
      para = null
      continue
    }
    if (para) para.push({ br: true }, ...inlines(line))
    else {
      para = inlines(line)
      blocks.push({ p: para })
    }
  }
  return blocks
}

/** The plain text of inline pieces (markers as `[n]`), e.g. for a label. */
export function plainText(pieces: Inline[]): string {
  return pieces
    .map((x) =>
      'text' in x
        ? x.text
        : 'marker' in x
          ? `[${x.marker}]`
          : 'br' in x
            ? '\n'
            : plainText('strong' in x ? x.strong : x.em),
    )
    .join('')
}
