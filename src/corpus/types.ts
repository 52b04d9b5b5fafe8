/**
 * The structured model of the chapter. Every piece of text keeps the offsets of the original
 * characters it came from (`corpus/chapter-08.txt` as a JavaScript string, UTF-16 indices), so an
 * answer can always point back at what the book prints.
 */

/** A half-open range `[start, end)` of the original file. */
export interface Span {
  start: number
  end: number
}

/**
 * One recorded change from the printed text to the cleaned text. Whitespace joining and
 * de-hyphenation are not repairs (they are layout); everything else that changes a character is.
 */
export interface Repair {
  /** Original offsets of the replaced characters. */
  start: number
  end: number
  original: string
  replacement: string
  /** Name of the rule that made the repair, e.g. `ocr-word`, `footnote-mark`, `decimal-point`. */
  rule: RepairRule
  /** Why the repair is right, in words a reviewer can check. */
  reason: string
}

export type RepairRule =
  | 'ocr-ai' // `Al` printed for `AI`
  | 'ocr-word' // a reviewed misread word (`tor`, `tactor`, `toster`, `eftectively`, `Ttaly`, ...)
  | 'ocr-letter' // a digit printed for a letter (`1EA`, `II1.`)
  | 'label' // a label that lost its dot (`Table 81`)
  | 'stray-quote' // a stray `'` printed before a capital at a line start
  | 'footnote-mark' // a footnote call mark that the OCR printed as text (`'`, `.2`)
  | 'decimal-point' // a table value that lost its decimal point (found by a sort-order check)

/**
 * Cleaned text with, for every character, the original offset it stands for. Inserted characters
 * (a space that joins two lines) point at the character they replace.
 */
export interface MappedText {
  text: string
  offsets: number[]
}

export type SectionId = string

export interface Section {
  /** `intro`, `I`, `I.1`, ... */
  id: SectionId
  /** Printed number (`I`, `1`), empty for the intro. */
  number: string
  title: string
  level: 0 | 1 | 2
  parentId: SectionId | null
  /** From the heading to just before the next heading. */
  start: number
  end: number
}

export interface SectionNode {
  id: SectionId
  title: string
  children: SectionNode[]
}

/** The citation kinds of the HTTP contract (API.md). */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'box'
  | 'figure'
  | 'footnote'
  | 'table'
  | 'table-row'

export interface BlockBase {
  /** Stable id, e.g. `I.2/p-2`, `II.1/box-8.1/p-3`, `II.4/table-8.3/row-3`. */
  id: string
  kind: BlockKind
  sectionId: SectionId
  /** Original spans the block was read from, in order (more than one when a page interrupts it). */
  segments: Span[]
  /** `segments[0].start` and `segments.at(-1).end`; for a table, its caption through its last row. */
  start: number
  end: number
  /** Lines joined and de-hyphenated, before repairs. */
  normalized: string
  /** Cleaned text: `normalized` with the block's repairs applied. */
  text: string
  /** `offsets[i]` is the original offset of `text[i]`. */
  offsets: number[]
  /** The repairs applied to this block (also listed in `ChapterDocument.repairs`). */
  repairs: Repair[]
  /** A printed marker that is not part of the text: a list bullet, a footnote's number. */
  marker?: Span
}

export interface HeadingBlock extends BlockBase {
  kind: 'heading'
  /** The section this heading opens, or `box-8.1` for a box title. */
  opens: string
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph' | 'list-item' | 'box'
  /** 1-based position among the paragraphs of its section (or of its box). */
  ordinal: number
  /** The box it belongs to, e.g. `8.1`. */
  boxId?: string
  /** A bold-style lead term, e.g. `Factor dimension` for the dimension paragraphs of I.2. */
  lead?: string
}

export interface FigureBlock extends BlockBase {
  kind: 'figure'
  figureId: string
  caption: string
  source: string
  footnoteIds: number[]
}

export interface FootnoteBlock extends BlockBase {
  kind: 'footnote'
  footnoteNumber: number
  /** Where the call mark is: the block that calls it and the original offset of the mark. */
  calledFrom: { blockId: string; offset: number }
}

export type ColumnType = 'integer' | 'number' | 'percent' | 'text'

export interface TableColumn {
  key: string
  label: string
  type: ColumnType
}

export type CellValue = string | number

export interface TableRow {
  id: string
  /** 1-based position in reading order. */
  position: number
  values: Record<string, CellValue>
  /** The values as printed (after OCR repairs of names), used to phrase answers exactly. */
  printed: Record<string, string>
  /** The original line(s) or part of a line the row was read from. */
  segments: Span[]
  start: number
  end: number
  text: string
  offsets: number[]
  repairs: Repair[]
}

export interface TableBlock extends BlockBase {
  kind: 'table'
  tableId: string
  caption: string
  columns: TableColumn[]
  rows: TableRow[]
  /** Key of the column holding each row's name (`field`, `economy`, `country`, `title`). */
  entityKey: string
}

export interface TableRowBlock extends BlockBase {
  kind: 'table-row'
  tableId: string
  row: TableRow
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | FigureBlock
  | FootnoteBlock
  | TableBlock
  | TableRowBlock

export interface Box {
  id: string
  title: string
  sectionId: SectionId
  start: number
  end: number
  blockIds: string[]
}

/** Printed layout with no content of its own (table headers, `(Continued)`), kept for coverage. */
export interface LayoutNoise extends Span {
  text: string
  reason: string
}

export interface ChapterDocument {
  chapter: { number: number; title: string; start: number; end: number }
  sections: Section[]
  /** All blocks in reading order; table rows follow their table. */
  blocks: Block[]
  boxes: Box[]
  repairs: Repair[]
  layoutNoise: LayoutNoise[]
}
