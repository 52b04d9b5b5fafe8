import type { Entity, EntityCatalog, EntityMention } from '../analysis/entities.ts'
import { ordinal, sectionLabel } from '../chunk/chunk.ts'
import type { ChapterDocument, TableBlock, TableRow } from '../corpus/types.ts'
import { normalizeText } from '../text/normalize.ts'
import type { Cited } from './types.ts'

/** The value columns a question can ask about. */
export type ValueColumn = 'papers' | 'coauthored' | 'share' | 'centrality'

/** A question about the tables, parsed. */
export type TableQuery =
  | { op: 'lookup'; table: string; entities: Entity[]; columns: ValueColumn[] }
  | {
      op: 'compare'
      table: string
      entities: Entity[]
      column: ValueColumn
      direction: 'max' | 'min' | null
    }
  | { op: 'extreme'; table: string; column: ValueColumn; direction: 'max' | 'min'; k: number }
  | {
      op: 'filter'
      table: string
      column: ValueColumn
      cmp: '>' | '>=' | '<' | '<='
      value: number
      countOnly: boolean
    }
  | { op: 'count'; table: string }
  | { op: 'position'; table: string; entities: Entity[]; column: ValueColumn | null }
  | { op: 'item'; table: string; number: number }
  | { op: 'list'; table: string }
  | {
      op: 'absent'
      table: string
      name: string
      column: ValueColumn | null
      kind: 'economy' | 'field'
    }

/** One sentence of a table answer and the rows (or whole table) it rests on. */
export interface TableSentence {
  text: string
  cites: Cited[]
}

export interface TableAnswer {
  query: TableQuery
  answerable: boolean
  sentences: TableSentence[]
  /** For an absent entity: rows and tables worth showing the user instead. */
  related: Cited[]
  /** Words of the question the table accounts for (entities, columns, caption): for arbitration. */
  coveredText: string
}

const COLUMN_PATTERNS: Array<[ValueColumn, RegExp]> = [
  ['share', /\b(share|percentage|proportion|percent|per cent)\b|%/],
  [
    'centrality',
    /\b(centrality|hub score|hubs?|central|position in the (?:research |scientific |cooperation )?network|network position)\b/,
  ],
  [
    'coauthored',
    /\b(co-?authored|co-?authorship|co-?written|written with foreign|foreign partners|jointly (?:written|authored)|internationally (?:collaborat|cooperat)\w*)\b/,
  ],
  ['papers', /\b(papers?|publications?|articles?|publish(?:ed|es|ing)?|output)\b/],
]

const COLUMN_WORDS: Record<ValueColumn, string> = {
  papers: 'papers',
  coauthored: 'internationally coauthored papers',
  share: 'share of internationally coauthored papers',
  centrality: 'centrality',
}

/** Endings of a question that name no field ("… in advanced manufacturing", "… in total"). */
const GENERIC_TAIL =
  /^(advanced manufacturing|advanced manufacturing technolog(?:y|ies)|manufacturing|total|all|the table|this table|the chapter|each|every|general|recent years|the past decade|the world|research|science|cooperation|collaboration|international cooperation)$/i

const MAX_WORDS =
  /\b(highest|most|largest|biggest|greatest|top|leading|leads?|first|best|maximum|max|more|higher|larger|bigger)\b/
const MIN_WORDS =
  /\b(lowest|least|smallest|fewest|bottom|last|minimum|min|less|fewer|lower|smaller|weakest)\b/
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
}

/** The tables of a document, by id. */
export function tablesOf(doc: ChapterDocument): Map<string, TableBlock> {
  return new Map(
    doc.blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => [t.tableId, t]),
  )
}

/** The words of a question that name table columns ("published", "co-written with foreign partners"). */
export function columnWordsIn(text: string): string[] {
  const t = normalizeText(text).toLowerCase()
  return COLUMN_PATTERNS.flatMap(([, re]) =>
    [...t.matchAll(new RegExp(re.source, 'g'))].map((m) => m[0]),
  )
}

/** Columns a question mentions, in order of specificity (share before coauthored before papers). */
export function columnsIn(text: string): ValueColumn[] {
  const t = normalizeText(text).toLowerCase()
  const found = COLUMN_PATTERNS.filter(([, re]) => re.test(t)).map(([c]) => c)
  // "share of internationally coauthored papers" names one column, not three.
  if (found.includes('share')) return ['share', ...found.filter((c) => c === 'centrality')]
  if (found.includes('coauthored'))
    return ['coauthored', ...found.filter((c) => c === 'centrality')]
  return found
}

/**
 * Parses a question into a table operation, or `null` when it is not a question the tables
 * answer. Recognizes lookups (entity × column), comparisons, top/bottom-k and arg max/min,
 * threshold filters and counts, rank/position questions, Table 8.1 items, and questions about an
 * economy or field the tables do not list.
 *
 * @example
 * parseTableQuestion("What is Spain's share of internationally coauthored papers?", catalog, tables)
 * // { op: 'lookup', table: '8.3', entities: [Spain], columns: ['share'] }
 */
export function parseTableQuestion(
  question: string,
  catalog: EntityCatalog,
  tables: Map<string, TableBlock>,
): TableQuery | null {
  const text = normalizeText(question)
  const lower = text.toLowerCase()
  const explicit = /\btable\s*(8\.\d)\b/i.exec(text)?.[1]
  const columns = columnsIn(text)
  const mentions = catalog.find(text).filter((m) => m.entity.type !== 'place')
  const entities = uniqueEntities(mentions)
  const asksRank =
    /\b(rank|ranks|ranked|ranking|place|position)\b/.test(lower) && !columns.includes('centrality')
  const maxWord = MAX_WORDS.exec(lower)?.[0]
  const minWord = MIN_WORDS.exec(lower)?.[0]
  const typeWord = /\b(fields?|areas?|technolog(?:y|ies))\b/.test(lower)
    ? 'field'
    : /\b(econom(?:y|ies)|countr(?:y|ies)|nations?|regions?)\b/.test(lower)
      ? 'economy'
      : null

  if (
    explicit === '8.1' ||
    (explicit === undefined &&
      /\b(achievements?|outcomes?)\b.*\b(brf|belt and road forum)\b/i.test(lower))
  ) {
    const item = /\b(?:item|number|no\.?|#)\s*(\d+)\b/i.exec(text)?.[1]
    if (item) return { op: 'item', table: '8.1', number: Number(item) }
    return /\bhow many\b/.test(lower) ? { op: 'count', table: '8.1' } : { op: 'list', table: '8.1' }
  }

  const valueColumns = columns
  const fields = entities.filter((e) => e.type === 'field')
  const economies = entities.filter((e) => e.type === 'economy')
  const primary = valueColumns[0] ?? null

  // Which table: explicit, else by column and by the kind of entity named.
  const pickTable = (): string | null => {
    if (explicit && tables.has(explicit)) return explicit
    if (primary === 'centrality') return '8.4'
    if (fields.length > 0 && economies.length === 0) return '8.2'
    if (economies.length > 0) return primary === null ? null : '8.3'
    if (typeWord === 'field') return '8.2'
    if (typeWord === 'economy') return '8.3'
    return null
  }
  const table = pickTable()

  // "How many countries does Table 8.4 list?"
  if (
    table &&
    /\bhow many\b/.test(lower) &&
    /\b(listed|list|lists|included|include|includes|in the table|rows?)\b/.test(lower) &&
    entities.length === 0
  ) {
    return { op: 'count', table }
  }
  // "… papers in biotechnology?": a field the tables do not list.
  if (!explicit && primary && primary !== 'centrality' && entities.length === 0) {
    const tail = /\b(?:in|on|for)\s+(?:the\s+)?(?:field of\s+)?([a-z][a-z -]{2,40}?)\s*\??$/i
      .exec(text)?.[1]
      ?.trim()
    if (tail && !GENERIC_TAIL.test(tail) && columnsIn(tail).length === 0) {
      return { op: 'absent', table: '8.2', name: tail, column: primary, kind: 'field' }
    }
  }

  if (!table) {
    // An economy named with a column of Tables 8.2/8.3 but no table found: handled below.
    if (economies.length === 0 || primary === null) return null
  }

  // Named entities the chosen table does not list.
  if (table) {
    const missing = entities.find(
      (e) => !e.tables.includes(table) && (e.type === 'field') === (table === '8.2'),
    )
    const wrongKind = table === '8.2' ? economies[0] : null
    if (missing && (primary !== null || asksRank)) {
      return {
        op: 'absent',
        table,
        name: missing.name,
        column: primary,
        kind: missing.type === 'field' ? 'field' : 'economy',
      }
    }
    if (wrongKind && explicit === '8.2') {
      return { op: 'absent', table, name: wrongKind.name, column: primary, kind: 'economy' }
    }
  }
  const t = table as string
  const listed = entities.filter((e) => e.tables.includes(t))

  // Thresholds: "above 40%", "more than 10,000 papers", "at least 3".
  const threshold =
    /\b(more than|greater than|higher than|above|over|exceeding|at least|less than|fewer than|lower than|below|under|at most)\s+(\d[\d,]*(?:\.\d+)?)\s*(%|percent)?/.exec(
      lower,
    )
  if (threshold && primary && listed.length === 0) {
    const word = threshold[1] as string
    const cmp = /at least/.test(word)
      ? '>='
      : /at most/.test(word)
        ? '<='
        : /less|fewer|lower|below|under/.test(word)
          ? '<'
          : '>'
    const column = threshold[3] ? 'share' : primary
    return {
      op: 'filter',
      table: t,
      column,
      cmp,
      value: Number((threshold[2] as string).replace(/,/g, '')),
      countOnly: /\bhow many\b/.test(lower),
    }
  }

  if (listed.length >= 2) {
    const column = primary ?? (t === '8.4' ? 'centrality' : 'papers')
    const direction =
      maxWord && /\b(which|who)\b/.test(lower)
        ? 'max'
        : minWord && /\b(which|who)\b/.test(lower)
          ? 'min'
          : null
    if (asksRank && primary === null)
      return { op: 'position', table: t, entities: listed, column: null }
    return { op: 'compare', table: t, entities: listed, column, direction }
  }
  if (listed.length === 1) {
    if (asksRank) return { op: 'position', table: t, entities: listed, column: primary }
    return { op: 'lookup', table: t, entities: listed, columns: primary ? valueColumns : [] }
  }

  // No entity: superlatives and top/bottom-k over a column.
  const direction = maxWord && !/\bmore than\b/.test(lower) ? 'max' : minWord ? 'min' : null
  if (direction && (primary || typeWord)) {
    const kMatch =
      /\b(?:top|bottom|first|last)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(
        lower,
      ) ??
      /\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,3}(?:highest|lowest|largest|smallest|biggest|greatest|most|least|fewest|leading|top)\b/.exec(
        lower,
      )
    const kRaw = kMatch?.[1]
    const k = kRaw
      ? (NUMBER_WORDS[kRaw] ?? Number(kRaw))
      : /\b(which|who|what)\b.*\b(econom(?:ies)|countries|fields)\b/.test(lower) &&
          /\b(are|were)\b/.test(lower)
        ? 3
        : 1
    const column = primary ?? (t === '8.4' ? 'centrality' : 'papers')
    return {
      op: 'extreme',
      table: t,
      column,
      direction,
      k: Math.max(1, Math.min(k, tables.get(t)?.rows.length ?? k)),
    }
  }
  return null
}

function uniqueEntities(mentions: EntityMention[]): Entity[] {
  const out: Entity[] = []
  for (const m of mentions) if (!out.includes(m.entity)) out.push(m.entity)
  return out
}

/** The citation of one table row (its original line, as printed). */
export function rowCitation(table: TableBlock, row: TableRow, doc: ChapterDocument): Cited {
  const name = String(row.values[table.entityKey])
  return {
    id: row.id,
    label: `${sectionLabel(table.sectionId)}, Table ${table.tableId} (${name})`,
    section: table.sectionId,
    sectionTitle: doc.sections.find((s) => s.id === table.sectionId)?.title ?? '',
    kind: 'table-row',
    quote: row.text,
    start: row.start,
    end: row.end,
  }
}

/** The citation of a whole table (caption through last row). */
export function tableCitation(table: TableBlock, doc: ChapterDocument): Cited {
  const printedOrder = [...table.rows].sort((a, b) => a.start - b.start).map((r) => r.text)
  return {
    id: table.id,
    label: `${sectionLabel(table.sectionId)}, Table ${table.tableId}`,
    section: table.sectionId,
    sectionTitle: doc.sections.find((s) => s.id === table.sectionId)?.title ?? '',
    kind: 'table',
    quote: `${table.text} ${printedOrder.join(' ')}`,
    start: table.start,
    end: table.end,
  }
}

const nameOf = (t: TableBlock, r: TableRow) => String(r.values[t.entityKey])
/** `Spain's`, `United States'`. */
export const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`)

/** "the most papers", "the highest share of internationally coauthored papers". */
export function superlative(c: ValueColumn, direction: 'max' | 'min'): string {
  if (c === 'papers' || c === 'coauthored')
    return `the ${direction === 'max' ? 'most' : 'fewest'} ${COLUMN_WORDS[c]}`
  return `the ${direction === 'max' ? 'highest' : 'lowest'} ${COLUMN_WORDS[c]}`
}

/** "more papers", "a higher share of internationally coauthored papers". */
function comparative(c: ValueColumn): string {
  if (c === 'papers' || c === 'coauthored') return `more ${COLUMN_WORDS[c]}`
  return `a higher ${COLUMN_WORDS[c]}`
}
export const unit = (c: ValueColumn, v: string) =>
  c === 'share'
    ? `${v}%`
    : c === 'centrality'
      ? v
      : `${v} ${c === 'papers' ? 'papers' : 'internationally coauthored papers'}`
const cellValue = (r: TableRow, c: ValueColumn) => r.values[c] as number

/** Competition rank of a row by a column (ties share the better rank): 1-based. */
export function rankBy(
  t: TableBlock,
  r: TableRow,
  c: ValueColumn,
): { rank: number; tiedWith: string[] } {
  const v = cellValue(r, c)
  const rank = 1 + t.rows.filter((x) => cellValue(x, c) > v).length
  const tiedWith = t.rows.filter((x) => x !== r && cellValue(x, c) === v).map((x) => nameOf(t, x))
  return { rank, tiedWith }
}

/** "In Table 8.3 (caption)" — every table answer says where its numbers come from. */
export const source = (t: TableBlock) => `Table ${t.tableId} (${t.caption})`

/** A full description of one row, every number as printed. */
export function describeRow(t: TableBlock, r: TableRow, withSource = true): string {
  const where = withSource ? `In ${source(t)}, ` : ''
  const p = r.printed
  const name = nameOf(t, r)
  if (t.tableId === '8.4' || t.columns.some((c) => c.key === 'centrality')) {
    const { rank, tiedWith } = rankBy(t, r, 'centrality')
    const tie = tiedWith.length > 0 ? `, tied with ${joinAnd(tiedWith)}` : ''
    return `${where}${name} has a centrality of ${p.centrality}, ${ordinal(rank)} of ${t.rows.length}${tie}.`
  }
  const noun = t.entityKey === 'field' ? 'fields' : 'economies'
  return `${where}${name} ranks ${ordinal(Number(p.rank))} of ${t.rows.length} ${noun} with ${p.papers} papers, of which ${p.coauthored} (${p.share}%) were internationally coauthored.`
}

/** One column of one row as a sentence. */
export function describeValue(t: TableBlock, r: TableRow, c: ValueColumn): string {
  const p = r.printed
  const name = nameOf(t, r)
  switch (c) {
    case 'share':
      return `In ${source(t)}, ${possessive(name)} share of internationally coauthored papers is ${p.share}% (${p.coauthored} of ${p.papers} papers).`
    case 'coauthored':
      return `In ${source(t)}, ${name} has ${p.coauthored} internationally coauthored papers, ${p.share}% of its ${p.papers} papers.`
    case 'papers':
      return `In ${source(t)}, ${name} has ${p.papers} papers (rank ${p.rank} of ${t.rows.length}), of which ${p.coauthored} were internationally coauthored.`
    case 'centrality':
      return describeRow(t, r)
  }
}

export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  if (items.length === 2) return `${items[0]} and ${items[1]}`
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`
}

/** A computed difference, with the precision of the column as printed. */
const fmt = (c: ValueColumn, x: number) =>
  c === 'share'
    ? x.toFixed(2)
    : c === 'centrality'
      ? x.toFixed(1)
      : Math.round(x).toLocaleString('en-US')

/**
 * Runs a table query over the parsed tables and phrases the result: sentences generated from the
 * data, numbers exactly as printed, each sentence citing the rows it used (or the whole table).
 */
export function executeTableQuery(
  q: TableQuery,
  tables: Map<string, TableBlock>,
  doc: ChapterDocument,
  catalog: EntityCatalog,
): TableAnswer {
  const t = tables.get(q.table)
  if (!t) throw new Error(`no table ${q.table}`)
  const cite = (r: TableRow) => rowCitation(t, r, doc)
  const rowOf = (e: Entity) => t.rows.find((r) => nameOf(t, r) === e.name)
  const sentences: TableSentence[] = []
  const related: Cited[] = []
  let answerable = true
  let covered = `${t.caption} ${t.columns.map((c) => c.label).join(' ')} ranks rank ranking table`

  switch (q.op) {
    case 'lookup': {
      for (const e of q.entities) {
        const r = rowOf(e)
        if (!r) continue
        covered += ` ${e.name}`
        const cols = q.columns.filter((c) => c in r.values)
        if (cols.length === 0) sentences.push({ text: describeRow(t, r), cites: [cite(r)] })
        for (const c of cols) sentences.push({ text: describeValue(t, r, c), cites: [cite(r)] })
        // An economy in both 8.3 and 8.4 asked about without a column: give both.
        if (q.columns.length === 0 && t.tableId === '8.3' && e.tables.includes('8.4')) {
          const t4 = tables.get('8.4')
          const r4 = t4?.rows.find((x) => nameOf(t4, x) === e.name)
          if (t4 && r4)
            sentences.push({ text: describeRow(t4, r4), cites: [rowCitation(t4, r4, doc)] })
        }
      }
      break
    }
    case 'compare': {
      const rows = q.entities.map(rowOf).filter((r): r is TableRow => !!r)
      covered += ` ${rows.map((r) => nameOf(t, r)).join(' ')} compare versus more less higher lower`
      const c = q.column
      for (const r of rows) sentences.push({ text: describeValue(t, r, c), cites: [cite(r)] })
      if (rows.length >= 2) {
        const sorted = [...rows].sort((a, b) => cellValue(b, c) - cellValue(a, c))
        const top = sorted[0] as TableRow
        const second = sorted[1] as TableRow
        const diff = cellValue(top, c) - cellValue(second, c)
        const text =
          diff === 0
            ? `${joinAnd(rows.map((r) => nameOf(t, r)))} have the same ${COLUMN_WORDS[c]}.`
            : q.direction === 'min'
              ? `Of the ${rows.length}, ${nameOf(t, sorted.at(-1) as TableRow)} has ${superlative(c, 'min')}: ${unit(c, (sorted.at(-1) as TableRow).printed[c] as string)}.`
              : rows.length > 2
                ? `Of the ${rows.length}, ${nameOf(t, top)} has ${superlative(c, 'max')}: ${unit(c, top.printed[c] as string)}.`
                : `${nameOf(t, top)} has ${comparative(c)}: ${unit(c, top.printed[c] as string)} against ${unit(c, second.printed[c] as string)} for ${nameOf(t, second)}, a difference of ${c === 'share' ? `${fmt(c, diff)} percentage points` : fmt(c, diff)}.`
        sentences.push({ text, cites: rows.map(cite) })
      }
      break
    }
    case 'extreme': {
      const c = q.column
      const sorted = [...t.rows].sort((a, b) =>
        q.direction === 'max'
          ? cellValue(b, c) - cellValue(a, c)
          : cellValue(a, c) - cellValue(b, c),
      )
      const picked = sorted.slice(0, q.k)
      const boundary = cellValue(picked.at(-1) as TableRow, c)
      // Include rows tied with the last one picked.
      for (const r of sorted.slice(q.k)) if (cellValue(r, c) === boundary) picked.push(r)
      const noun = t.entityKey === 'field' ? 'field' : t.tableId === '8.4' ? 'country' : 'economy'
      const most = superlative(c, q.direction)
      covered += ` highest lowest most least fewest top largest smallest ${noun} ${noun === 'economy' ? 'economies' : noun === 'country' ? 'countries' : 'fields'} which`
      if (picked.length === 1) {
        const r = picked[0] as TableRow
        sentences.push({
          text: `In ${source(t)}, ${nameOf(t, r)} has ${most}: ${unit(c, r.printed[c] as string)}.`,
          cites: [cite(r)],
        })
      } else {
        const list = picked.map((r) => `${nameOf(t, r)} (${unit(c, r.printed[c] as string)})`)
        sentences.push({
          text: `In ${source(t)}, the ${picked.length} ${noun === 'economy' ? 'economies' : noun === 'country' ? 'countries' : 'fields'} with ${most} are ${joinAnd(list)}.`,
          cites: picked.map(cite),
        })
      }
      break
    }
    case 'filter': {
      const c = q.column
      const ok = (v: number) =>
        q.cmp === '>'
          ? v > q.value
          : q.cmp === '>='
            ? v >= q.value
            : q.cmp === '<'
              ? v < q.value
              : v <= q.value
      const rows = t.rows.filter((r) => ok(cellValue(r, c)))
      const words = { '>': 'above', '>=': 'at least', '<': 'below', '<=': 'at most' }[q.cmp]
      const noun =
        t.entityKey === 'field' ? 'fields' : t.tableId === '8.4' ? 'countries' : 'economies'
      const threshold = c === 'share' ? `${q.value}%` : q.value.toLocaleString('en-US')
      const condition =
        c === 'papers' || c === 'coauthored'
          ? `${{ '>': 'more than', '>=': 'at least', '<': 'fewer than', '<=': 'at most' }[q.cmp]} ${threshold} ${COLUMN_WORDS[c]}`
          : `a ${COLUMN_WORDS[c]} ${words} ${threshold}`
      covered += ` how many ${noun} more than less fewer above below over under at least`
      if (rows.length === 0) {
        sentences.push({
          text: `In ${source(t)}, none of the ${t.rows.length} ${noun} has ${condition}.`,
          cites: [tableCitation(t, doc)],
        })
      } else {
        const list = rows.map((r) => `${nameOf(t, r)} (${unit(c, r.printed[c] as string)})`)
        sentences.push({
          text: `In ${source(t)}, ${rows.length} of ${t.rows.length} ${noun} ${rows.length === 1 ? 'has' : 'have'} ${condition}${q.countOnly && rows.length > 8 ? '.' : `: ${joinAnd(list)}.`}`,
          cites: rows.length > 8 ? [tableCitation(t, doc)] : rows.map(cite),
        })
      }
      break
    }
    case 'count': {
      const noun =
        t.entityKey === 'field'
          ? 'fields'
          : t.tableId === '8.4'
            ? 'countries'
            : t.tableId === '8.1'
              ? 'achievements'
              : 'economies'
      covered += ` how many ${noun} listed list`
      sentences.push({
        text: `${source(t)} lists ${t.rows.length} ${noun}.`,
        cites: [tableCitation(t, doc)],
      })
      break
    }
    case 'position': {
      for (const e of q.entities) {
        const r = rowOf(e)
        if (!r) continue
        covered += ` ${e.name} rank ranks position place`
        if (q.column && q.column !== 'papers' && t.tableId !== '8.4') {
          const { rank, tiedWith } = rankBy(t, r, q.column)
          const tie = tiedWith.length ? `, tied with ${joinAnd(tiedWith)}` : ''
          sentences.push({
            text: `In ${source(t)}, ${e.name} is ${ordinal(rank)} of ${t.rows.length} by ${COLUMN_WORDS[q.column]} (${unit(q.column, r.printed[q.column] as string)})${tie}; the table ranks it ${ordinal(Number(r.printed.rank))} by number of papers.`,
            cites: [cite(r)],
          })
        } else sentences.push({ text: describeRow(t, r), cites: [cite(r)] })
      }
      break
    }
    case 'item': {
      const r = t.rows.find((x) => x.values.number === q.number)
      covered += ' item number achievement achievements'
      if (!r) {
        answerable = false
        related.push(tableCitation(t, doc))
        sentences.push({
          text: `${source(t)} has ${t.rows.length} items, so it has no item ${q.number}.`,
          cites: [],
        })
      } else
        sentences.push({
          text: `Item ${q.number} of ${source(t)} is ${r.values.title}.`,
          cites: [cite(r)],
        })
      break
    }
    case 'list': {
      covered += ' list achievements what which'
      sentences.push({
        text: `${source(t)} lists ${t.rows.length} achievements:`,
        cites: [],
      })
      for (const r of t.rows) sentences.push({ text: `- ${r.values.title}`, cites: [cite(r)] })
      break
    }
    case 'absent': {
      answerable = false
      const noun =
        t.entityKey === 'field' ? 'fields' : t.tableId === '8.4' ? 'countries' : 'economies'
      const what = !q.column
        ? `figures for ${q.name}`
        : q.column === 'papers' || q.column === 'coauthored'
          ? `the number of ${COLUMN_WORDS[q.column]} ${q.kind === 'field' ? 'in' : 'by'} ${q.name}`
          : q.kind === 'field'
            ? `the ${COLUMN_WORDS[q.column]} in ${q.name}`
            : `${possessive(q.name)} ${COLUMN_WORDS[q.column]}`
      sentences.push({
        text: `The chapter does not give ${what}: ${source(t)} lists ${t.rows.length} ${noun} and ${q.name} is not among them.`,
        cites: [],
      })
      related.push(tableCitation(t, doc))
      const e = catalog.get(q.name)
      for (const other of e?.tables ?? []) {
        const ot = tables.get(other)
        const r = ot?.rows.find((x) => nameOf(ot, x) === q.name)
        if (ot && r) {
          sentences.push({
            text: `${q.name} appears in ${source(ot)}: ${describeRow(ot, r, false)}`,
            cites: [],
          })
          related.push(rowCitation(ot, r, doc))
        }
      }
      break
    }
  }
  // Name the caption once: later sentences say only "Table 8.3".
  const seen = new Set<string>()
  for (const s of sentences) {
    s.text = s.text.replace(/Table (8\.\d) \(([^()]|\([^()]*\))*\)/g, (m, id: string) => {
      if (seen.has(id)) return `Table ${id}`
      seen.add(id)
      return m
    })
  }
  return { query: q, answerable, sentences, related, coveredText: covered }
}
