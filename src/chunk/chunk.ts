import { originalSpan } from '../corpus/mapped-text.ts'
import { sectionPath } from '../corpus/tree.ts'
import type {
  Block,
  BlockKind,
  ChapterDocument,
  ParagraphBlock,
  TableBlock,
  TableRow,
  TableRowBlock,
} from '../corpus/types.ts'
import { splitSentences } from '../text/sentences.ts'

/** Bump when chunk boundaries, ids or texts change: a built index records it. */
export const CHUNKER_VERSION = '1'

/** A paragraph longer than this is cut at sentence boundaries into parts of about `TARGET`. */
export const MAX_CHUNK_CHARS = 800
const TARGET_CHUNK_CHARS = 550

/** One retrieval unit. */
export interface Chunk {
  /** Stable id: a block id (`I.2/p-2`), a part of one (`I.2/p-4/part-2`) or a row id. */
  id: string
  kind: BlockKind
  section: string
  sectionTitle: string
  /** Human label, e.g. `§II.4, Table 8.3 (Germany)`. */
  label: string
  /** Chapter › section › sub-section › box/table/lead, outermost first. */
  headingPath: string[]
  /** What a reader is shown: the cleaned passage, or a table row as a self-contained sentence. */
  text: string
  /** The cleaned text as printed, which `[start, end)` of the original file covers. */
  quote: string
  /** `headingPath` and `text`, the string that gets embedded and indexed. */
  embedText: string
  start: number
  end: number
  /** The block the chunk comes from. */
  blockId: string
  /** ¶ number within the section (or box), for pinpoint citations. */
  ordinal?: number
  boxId?: string
  tableId?: string
  rowPosition?: number
  figureId?: string
  footnoteNumber?: number
}

/**
 * Cuts the document into structure-aware retrieval units: one per paragraph, list item, box
 * paragraph, footnote and figure caption (long paragraphs cut at sentence boundaries, never across
 * a section), one per table and one per table row, the row written as a self-contained sentence.
 *
 * @example
 * chunkDocument(doc).find((c) => c.id === 'II.4/table-8.3/row-13')?.text
 * // 'Table 8.3 (International co-authorship …): Spain ranks 13th with 3,676 papers, …'
 */
export function chunkDocument(doc: ChapterDocument): Chunk[] {
  const chunks: Chunk[] = []
  const chapterHeading = `Chapter ${doc.chapter.number}: ${doc.chapter.title}`
  for (const b of doc.blocks) {
    const path = [
      chapterHeading,
      ...sectionPath(doc, b.sectionId)
        .filter((s) => s.id !== 'intro')
        .map(headingOf),
    ]
    const common = {
      kind: b.kind,
      section: b.sectionId,
      sectionTitle: sectionPath(doc, b.sectionId).at(-1)?.title ?? '',
      blockId: b.id,
    }
    switch (b.kind) {
      case 'heading':
        break
      case 'paragraph':
      case 'list-item':
      case 'box':
        chunks.push(...paragraphChunks(doc, b, path, common))
        break
      case 'footnote':
        chunks.push(
          make(
            {
              ...common,
              id: b.id,
              label: `${sectionLabel(b.sectionId)}, footnote ${b.footnoteNumber}`,
              footnoteNumber: b.footnoteNumber,
            },
            [...path, `Footnote ${b.footnoteNumber}`],
            b.text,
            b.text,
            b,
          ),
        )
        break
      case 'figure':
        chunks.push(
          make(
            {
              ...common,
              id: b.id,
              label: `${sectionLabel(b.sectionId)}, Figure ${b.figureId}`,
              figureId: b.figureId,
            },
            path,
            b.text,
            b.text,
            b,
          ),
        )
        break
      case 'table':
        chunks.push(tableChunk(b, path, common))
        break
      case 'table-row':
        chunks.push(rowChunk(doc, b, path, common))
        break
    }
  }
  return chunks
}

type Common = Pick<Chunk, 'kind' | 'section' | 'sectionTitle' | 'blockId'>

function make(
  meta: Omit<Chunk, 'headingPath' | 'text' | 'quote' | 'embedText' | 'start' | 'end'>,
  headingPath: string[],
  text: string,
  quote: string,
  span: { start: number; end: number },
): Chunk {
  return {
    ...meta,
    headingPath,
    text,
    quote,
    embedText: `${headingPath.join(' › ')}\n${text}`,
    start: span.start,
    end: span.end,
  }
}

function headingOf(s: { id: string; number: string; title: string }): string {
  return s.number ? `${s.number}. ${s.title}` : s.title
}

/** `§I.2`, or `Intro` for the chapter's opening. */
export function sectionLabel(sectionId: string): string {
  return sectionId === 'intro' ? 'Intro' : `§${sectionId}`
}

function paragraphChunks(
  doc: ChapterDocument,
  b: ParagraphBlock,
  path: string[],
  common: Common,
): Chunk[] {
  const box = b.boxId ? doc.boxes.find((x) => x.id === b.boxId) : undefined
  const fullPath = box ? [...path, `Box ${box.id}: ${box.title}`] : path
  const where = box ? `${sectionLabel(b.sectionId)}, Box ${box.id}` : sectionLabel(b.sectionId)
  const itemNo = b.kind === 'list-item' ? Number(b.id.split('item-')[1]) : 0
  const label = b.kind === 'list-item' ? `${where}, item ${itemNo}` : `${where}, ¶${b.ordinal}`
  const meta = { ...common, label, ordinal: b.ordinal, ...(box ? { boxId: box.id } : {}) }
  if (b.text.length <= MAX_CHUNK_CHARS)
    return [make({ ...meta, id: b.id }, fullPath, b.text, b.text, b)]

  const parts = packSentences(b.text)
  return parts.map((p, k) => {
    const text = b.text.slice(p.start, p.end)
    const span = originalSpan(b, p.start, p.end)
    const partPath = b.lead && k > 0 ? [...fullPath, b.lead] : fullPath
    return make({ ...meta, id: `${b.id}/part-${k + 1}` }, partPath, text, text, span)
  })
}

/** Groups consecutive sentences into parts of about TARGET_CHUNK_CHARS. */
function packSentences(text: string): Array<{ start: number; end: number }> {
  const sentences = splitSentences(text)
  const parts: Array<{ start: number; end: number }> = []
  let cur: { start: number; end: number } | null = null
  for (const s of sentences) {
    if (
      cur &&
      s.end - cur.start > TARGET_CHUNK_CHARS &&
      cur.end - cur.start >= TARGET_CHUNK_CHARS / 3
    ) {
      parts.push(cur)
      cur = null
    }
    cur = cur ? { start: cur.start, end: s.end } : { ...s }
  }
  if (cur) parts.push(cur)
  // A short tail joins the part before it.
  const last = parts.at(-1)
  const prev = parts.at(-2)
  if (last && prev && last.end - last.start < TARGET_CHUNK_CHARS / 3) {
    prev.end = last.end
    parts.pop()
  }
  return parts
}

function tableChunk(b: TableBlock, path: string[], common: Common): Chunk {
  const cols = b.columns.map((c) => c.label).join(' | ')
  const inReadingOrder = b.rows.map((r) => r.text).join('; ')
  // The quote follows the printed order (Table 8.4 prints its rows side by side).
  const printedOrder = [...b.rows].sort((x, y) => x.start - y.start).map((r) => r.text)
  return make(
    {
      ...common,
      id: b.id,
      label: `${sectionLabel(b.sectionId)}, Table ${b.tableId}`,
      tableId: b.tableId,
    },
    [...path, `Table ${b.tableId}: ${b.caption}`],
    `${b.text}. ${cols}: ${inReadingOrder}`,
    `${b.text} ${printedOrder.join(' ')}`,
    b,
  )
}

function rowChunk(doc: ChapterDocument, b: TableRowBlock, path: string[], common: Common): Chunk {
  const table = doc.blocks.find(
    (x): x is TableBlock => x.kind === 'table' && x.tableId === b.tableId,
  )
  if (!table) throw new Error(`row ${b.id} has no table`)
  const name = String(b.row.values[table.entityKey])
  return make(
    {
      ...common,
      id: b.id,
      label: `${sectionLabel(b.sectionId)}, Table ${b.tableId} (${name})`,
      tableId: b.tableId,
      rowPosition: b.row.position,
    },
    [...path, `Table ${table.tableId}: ${table.caption}`],
    rowSentence(table, b.row),
    b.text,
    b,
  )
}

/** English ordinal: 1st, 2nd, 3rd, 11th, 22nd. */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/**
 * A table row as one self-contained sentence naming the table, its caption and the columns, with
 * every number as printed.
 *
 * @example
 * rowSentence(table83, spainRow)
 * // 'Table 8.3 (International co-authorship …: 2011-2020): Spain ranks 13th with 3,676 papers,
 * //  of which 1,675 internationally coauthored (45.57%).'
 */
export function rowSentence(table: TableBlock, row: TableRow): string {
  const head = `Table ${table.tableId} (${table.caption})`
  const p = row.printed
  if (table.columns.some((c) => c.key === 'share')) {
    const name = p[table.entityKey]
    return `${head}: ${name} ranks ${ordinal(Number(p.rank))} with ${p.papers} papers, of which ${p.coauthored} internationally coauthored (${p.share}%).`
  }
  if (table.columns.some((c) => c.key === 'centrality')) {
    return `${head}: ${p.country} has a centrality of ${p.centrality}, ${ordinal(row.position)} of ${table.rows.length} in the printed order.`
  }
  return `${head}, item ${p.number}: ${p.title}.`
}

/** The chunks that quote a given block (a paragraph may have several parts). */
export function chunksOfBlock(chunks: readonly Chunk[], block: Block): Chunk[] {
  return chunks.filter((c) => c.blockId === block.id)
}
