import type { Entity, EntityCatalog } from './entities.ts'
import type { NumberMention } from './numbers.ts'
import type { TableRegistry, TableSpec } from './tables.ts'

/** A column of a table. */
export interface ColumnRef {
  table: string
  column: string
}

/** "largest first" or "smallest first". */
export type Direction = 'max' | 'min'

/** A numeric condition on a column. */
export type Range =
  | { kind: 'above'; value: number; inclusive: boolean }
  | { kind: 'below'; value: number; inclusive: boolean }
  | { kind: 'between'; low: number; high: number }
  | { kind: 'equal'; value: number }

/** Arithmetic over rows. */
export type Arithmetic = 'difference' | 'ratio' | 'sum' | 'average'

/** Which rows an operation works on: named ones, or the first k by a column. */
export type RowSet =
  | { kind: 'named'; entities: Entity[] }
  | {
      kind: 'top'
      k: number
      direction: Direction
      /** The column the rows are ranked by, when not the one computed on ("the share of the three fields with the most papers"). */
      by?: string
    }

/**
 * A question about the tables, as an AST. Adding an operation is one case here and one in the
 * executor (`src/answer/table-executor.ts`), whose `switch` the compiler checks for exhaustiveness.
 */
export type TableQuery =
  /** Values of named rows, possibly from several tables ("China's centrality and its share"). */
  | {
      op: 'lookup'
      entities: Entity[]
      columns: ColumnRef[]
      /** No column was named: the table's main column, and every other table that lists the row. */
      everything?: boolean
    }
  /** The k-th row by a column in a direction ("third-highest", "ranked sixth", "second-lowest"). */
  | { op: 'kth'; table: string; column: string; direction: Direction; k: number; to?: number }
  /** The first k rows ("top 3", "three lowest"). */
  | { op: 'top'; table: string; column: string; direction: Direction; k: number }
  /** Rows whose value meets a condition; with `countOnly`, how many. */
  | { op: 'filter'; table: string; column: string; range: Range; countOnly: boolean }
  /** Rows with the same value as a named row ("the same score as Russia"). */
  | { op: 'same'; table: string; column: string; entity: Entity }
  /** Difference, ratio, sum or average over rows. */
  | { op: 'arith'; table: string; column: string; fn: Arithmetic; rows: RowSet }
  /** The row just above (offset -1) or below (+1) a named row in the table's order by a column. */
  | { op: 'neighbour'; table: string; column: string; entity: Entity; offset: -1 | 1 | 'both' }
  /** Two or more named rows side by side, and which is higher (or lower). */
  | {
      op: 'compare'
      table: string
      column: string
      entities: Entity[]
      direction: Direction | null
    }
  /** Where named rows stand by a column. */
  | { op: 'rank'; table: string; column: string; entities: Entity[] }
  /** A row by its printed position (Table 8.1's numbered titles). */
  | { op: 'item'; table: string; positions: number[] }
  /** The whole table. */
  | { op: 'all'; table: string }
  /** How many rows the table has. */
  | { op: 'count'; table: string }
  /** Rows of one table whose name the other does not list ("in Table 8.3 but not in Table 8.4"). */
  | { op: 'except'; table: string; other: string }
  /** Something the tables do not have: an economy not listed, a column the table lacks, a year it does not cover. */
  | {
      op: 'absent'
      table: string
      name: string
      column: string | null
      reason: 'not-listed' | 'year' | 'column' | 'cross'
      /** For `year`: the year asked about. */
      year?: number
    }

/** What the parser reads from a question (already normalized and spelling-corrected, lower-case). */
export interface TableQueryInput {
  lower: string
  entities: Entity[]
  numbers: NumberMention[]
  years: number[]
}

const MAX =
  /\b(highest|most|largest|biggest|greatest|top|leading|leads?|best|maximum|max|strongest|higher|larger|bigger|more|tops?)\b/
const MIN = /\b(lowest|least|smallest|fewest|bottom|minimum|min|weakest|lower|smaller|fewer|less)\b/
const ARITH: Array<[Arithmetic, RegExp]> = [
  [
    'ratio',
    /\b(how many times|times (?:as|more|higher|larger|bigger)|ratio|multiple of|x as many)\b/,
  ],
  ['average', /\b(average|mean)\b/],
  ['sum', /\b(combined|sum|total of|in total|together|add up|altogether|added)\b/],
  [
    'difference',
    /\b(difference|gap|how many more|how much more|how much higher|how much lower|how many fewer|how much (?:bigger|larger|smaller)|how far (?:above|below|ahead|behind|apart)|how (?:wide|big) (?:is )?the gap|by how (?:much|many(?: percentage)? points)|how many(?: percentage)? points (?:above|below|higher|lower|more|less|ahead|behind)|percentage points? (?:above|below|higher|lower|more|less)|more than .* by)\b/,
  ],
]
/**
 * The arithmetic a lower-case question asks of table figures, if any.
 *
 * @example
 * arithmeticIn('how many times higher is the first one than that?') // 'ratio'
 */
export function arithmeticIn(lower: string): Arithmetic | undefined {
  return ARITH.find(([, re]) => re.test(lower))?.[0]
}

/** Endings of a question that name no field ("… in advanced manufacturing", "… in total"). */
const GENERIC_TAIL =
  /^(advanced manufacturing|advanced manufacturing technolog(?:y|ies)|manufacturing|total|all|the table|this table|the chapter|each|every|general|recent years|the past decade|the world|research|science|cooperation|collaboration|international cooperation|\d.*|[a-z]+ (?:table|tables))$/

/** The words of every table's caption, per registry (read once). */
const captionWordsOf = new WeakMap<TableRegistry, readonly string[]>()

/**
 * Whether a phrase only repeats the tables' own topic, each word a caption word or its start:
 * "advanced manufacturing tech" is what Tables 8.2 and 8.3 cover, not a field they leave out.
 */
function isTablesTopic(phrase: string, registry: TableRegistry): boolean {
  let caption = captionWordsOf.get(registry)
  if (!caption) {
    caption = [
      ...new Set(registry.tables.flatMap((t) => t.caption.toLowerCase().match(/[a-z]+/g) ?? [])),
    ]
    captionWordsOf.set(registry, caption)
  }
  const words = phrase.split(/[\s-]+/).filter((w) => w.length > 0)
  return (
    words.length > 0 &&
    words.every((w) => caption.some((c) => c === w || (w.length >= 4 && c.startsWith(w))))
  )
}

/** Things the chapter counts that no table does: patents and patent applications. */
const OTHER_MEASURE =
  /\b(?:patents?|patent famil(?:y|ies)|ipfs?|pct|patent applications?|filings?)\b/
/** Words for what Tables 8.2 and 8.3 count. */
const PAPER_WORDS = /\b(?:papers?|publications?|articles?|studies|co-?authored|co-?authorship)\b/

/** "papers on X were published …", "studies about X in 2011–2020": X, the papers' topic, inside a question. */
const FIELD_OF_PAPERS =
  /\b(?:papers?|publications?|articles?|studies)\s+(?:on|about|in the field of)\s+(?:the\s+)?([a-z][a-z -]{2,40}?)(?=\s+(?:were|was|are|is|have|has|had|did|do|does|got|published|written|coauthored|co-authored|between|from|during|since|over|in|by|with|that|which)\b|\s*[?,.]|$)/

/** "more … than", "a lower … than": a comparison with a named row's value. */
const BEYOND_A_ROW =
  /\b(more|higher|greater|larger|bigger|fewer|lower|less|smaller)\b(?:\s+[a-z-]+){0,5}?\s+than\b/

/** "with the most papers", "by number of papers": the column rows are ranked by follows. */
const RANKED_BY =
  /\b(?:with|having|by) (?:the )?(?:most|highest|largest|biggest|fewest|lowest|smallest|least|number of|greatest)\b/
/** Both neighbours of a row: "above and below India", "on either side of Canada". */
const NEIGHBOURS_BOTH =
  /\b(?:above and below|below and above|before and after|after and before|(?:on )?either side of|neighbou?rs of|next to)\b/

/** Whether a text names a title of a list (most of its words, in any case): "the Global AI Governance Initiative". */
function titleNamedIn(title: string, lower: string): boolean {
  const words = title.toLowerCase().match(/[a-z]{3,}/g) ?? []
  if (words.length < 2) return false
  const said = new Set(lower.match(/[a-z]{3,}/g) ?? [])
  return words.filter((w) => said.has(w)).length / words.length >= 0.8
}

const NEIGHBOUR_ABOVE =
  /\b(?:just|right|immediately|directly)?\s*(?:above|ahead of|before|higher than|in front of)\s+(?:the\s+)?([a-z][\w .,'-]*?)(?=\s+(?:by|in|on|for)\b|\s*\?|$)/
const NEIGHBOUR_BELOW =
  /\b(?:just|right|immediately|directly)?\s*(?:below|behind|after|beneath|under|lower than|next after)\s+(?:the\s+)?([a-z][\w .,'-]*?)(?=\s+(?:by|in|on|for)\b|\s*\?|$)/

/**
 * The table and column a question is about: an explicit "Table 8.x", a named column, the kind of
 * row it asks for ("fields"), or where its entities are listed.
 */
function pickTable(
  input: TableQueryInput,
  registry: TableRegistry,
): { table: TableSpec | null; column: string | null; columns: ColumnRef[]; explicit: boolean } {
  const explicitId = /\btable\s*(\d+\.\d+)\b/.exec(input.lower)?.[1]
  const explicit = explicitId ? (registry.get(explicitId) ?? null) : null
  const named = registry.columnsNamedIn(input.lower)
  const fields = input.entities.filter((e) => e.type === 'field')
  const economies = input.entities.filter((e) => e.type === 'economy')
  const columns: ColumnRef[] = []
  for (const n of named)
    if (!columns.some((c) => c.column === n.column))
      columns.push({ table: n.table, column: n.column })
  let table: TableSpec | null = explicit
  if (!table) {
    const centrality = columns.find((c) => c.column === 'centrality')
    const paperColumn = columns.find((c) => c.column !== 'centrality')
    if (centrality && !paperColumn) table = registry.get('8.4') ?? null
    else if (fields.length > 0 && economies.length === 0) table = registry.get('8.2') ?? null
    else if (paperColumn) {
      const byCue = registry.tables.find(
        (t) =>
          t.columns.length > 0 &&
          t.cue.test(input.lower) &&
          t.columns.some((c) => c.key === paperColumn.column),
      )
      table = economies.length > 0 ? (registry.get('8.3') ?? null) : (byCue ?? null)
    } else if (economies.length > 0) {
      // An economy without a column is not a table question unless it asks for a rank ("What rank
      // does India hold?") or the table's figures ("Spain's figures in the tables").
      const ids = economies[0]?.tables ?? []
      const asksTable = /\b(figures?|numbers|statistics|stats|data)\b/.test(input.lower)
      table = asksTable && ids.length > 0 ? (registry.get(ids[0] as string) ?? null) : null
    } else {
      table = registry.tables.find((t) => t.columns.length === 0 && t.cue.test(input.lower)) ?? null
    }
  }
  const inTable = table ? columns.filter((c) => table?.columns.some((x) => x.key === c.column)) : []
  const column = inTable[0]?.column ?? null
  return { table, column, columns, explicit: !!explicit }
}

/**
 * Parses a question into a table operation, or `null` when the tables do not answer it.
 *
 * @example
 * parseTableQuery({ lower: 'which economy has the third-highest share in table 8.3', entities: [], numbers, years: [] }, registry, catalog)
 * // { op: 'kth', table: '8.3', column: 'share', direction: 'max', k: 3 }
 */
export function parseTableQuery(
  input: TableQueryInput,
  registry: TableRegistry,
  catalog: EntityCatalog,
): TableQuery | null {
  const { lower } = input
  const except = exceptQuery(lower, registry)
  if (except) return except
  const picked = pickTable(input, registry)
  // "Which countries rank at the top for internationally cooperative PCT patents?": the tables
  // count papers and research cooperation, never patents; the prose answers that.
  if (!picked.explicit && OTHER_MEASURE.test(lower) && !PAPER_WORDS.test(lower)) return null
  const unlisted = unlistedField(lower, picked, input, registry)
  if (unlisted) return unlisted
  const t = picked.table
  if (!t) return null
  // "What share of the global total … does the US account for?": a share of another base.
  const spec = t.columns.find((c) => c.key === picked.column)
  if (spec?.notOf?.test(lower) && !picked.explicit) return null
  // "How many digital twins papers had Chinese authors?": the tables give fields and economies
  // separately, never one by the other.
  const field = input.entities.find((e) => e.type === 'field' && e.tables.length > 0)
  const economy = input.entities.find((e) => e.type === 'economy' && e.tables.length > 0)
  if (field && economy && picked.column && picked.column !== 'centrality')
    return {
      op: 'absent',
      table: t.id,
      name: `${field.name} for ${economy.name}`,
      column: picked.column,
      reason: 'cross',
    }
  const listed = input.entities.filter((e) => e.tables.includes(t.id))
  const strangers = input.entities.filter(
    (e) =>
      !e.tables.includes(t.id) &&
      e.type !== 'place' &&
      (e.type === 'field') === (t.entityKey === 'field'),
  )
  // Ordinals that speak of a position in a table ("third-highest", "ranked sixth", "the fifth
  // title"), not of something else ("the third tier", "the Third Belt and Road Forum").
  const ordinals = input.numbers.filter(
    (n) =>
      n.ordinal &&
      (/^[\s-]*(?:highest|lowest|largest|smallest|biggest|most|least|fewest|greatest|strongest|weakest|place|position|rank|row|entry|item|title|one|spot|by|in|on|to|and|for|among|with|as|,|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\?|$)/.test(
        lower.slice(n.end),
      ) ||
        /\b(?:ranked|ranks|rank|ranking|is|at|in|placed|comes|came|number)\s*$/.test(
          lower.slice(0, n.start),
        ) ||
        new RegExp(
          `^[\\s-]*(?:${t.entityNoun.one}|${t.entityNoun.many}|economy|country|field)\\b`,
        ).test(lower.slice(n.end))),
  )
  const amounts = input.numbers.filter((n) => !n.ordinal && !n.year)

  // A year the table does not cover ("in 2015", "in 2023").
  const outside = input.years.find((y) => t.years && (y < t.years.from || y > t.years.to))
  if (outside !== undefined && t.columns.length > 0)
    return {
      op: 'absent',
      table: t.id,
      name: String(outside),
      column: picked.column,
      reason: 'year',
      year: outside,
    }

  // Table 8.1: titles by position, the whole list, or how many.
  if (t.columns.length === 0) {
    const positions = ordinals.map((n) => n.value)
    if (/\blast\b/.test(lower)) positions.push(t.block.rows.length)
    if (/\bfirst\b/.test(lower) && !positions.includes(1)) positions.unshift(1)
    const explicitNo = /\b(?:item|number|no\.?|#|entry)\s*(\d+)\b/.exec(lower)?.[1]
    if (explicitNo) positions.push(Number(explicitNo))
    // "What comes right after the Global AI Governance Initiative?": the named title's neighbour.
    const named = t.block.rows.findIndex((r) => titleNamedIn(registry.nameOf(t, r), lower))
    if (named >= 0) {
      const offset = NEIGHBOUR_BELOW.test(lower) ? 1 : NEIGHBOUR_ABOVE.test(lower) ? -1 : 0
      const at = named + 1 + offset
      if (offset !== 0 && at >= 1 && at <= t.block.rows.length)
        return { op: 'item', table: t.id, positions: [at] }
    }
    if (positions.length > 0) return { op: 'item', table: t.id, positions: [...new Set(positions)] }
    if (/\bhow many\b/.test(lower)) return { op: 'count', table: t.id }
    return { op: 'all', table: t.id }
  }

  // A column the chosen table does not have ("Table 8.3's centrality").
  if (picked.explicit && picked.columns.length > 0 && !picked.column) {
    const c = picked.columns[0] as ColumnRef
    return { op: 'absent', table: t.id, name: `Table ${t.id}`, column: c.column, reason: 'column' }
  }
  // A named economy or field the table does not list (of either kind, when the table is named).
  const stranger =
    strangers[0] ??
    (picked.explicit
      ? input.entities.find((e) => e.type !== 'place' && !e.tables.includes(t.id))
      : undefined)
  if (stranger && (picked.column || picked.explicit) && listed.length === 0)
    return {
      op: 'absent',
      table: t.id,
      name: stranger.name,
      column: picked.column,
      reason: 'not-listed',
    }
  const column = picked.column ?? t.defaultColumn
  if (!column) return null
  const maxAt = MAX.exec(lower)
  const minAt = MIN.exec(lower)
  const direction: Direction | null =
    maxAt && minAt
      ? maxAt.index < minAt.index
        ? 'max'
        : 'min'
      : maxAt
        ? 'max'
        : minAt
          ? 'min'
          : null
  const countOnly =
    /\bhow many\b/.test(lower) &&
    new RegExp(
      `\\bhow many (?:of the )?(?:${t.entityNoun.many}|countries|economies|nations|fields|of them|rows|entries)\\b`,
    ).test(lower)

  // Whole-table questions: "how many countries does Table 8.4 list", "list all fields in Table 8.2".
  if (listed.length === 0 && amounts.length === 0 && ordinals.length === 0) {
    if (
      countOnly &&
      /\b(list(?:ed|s)?|includ\w*|in (?:the|this) table|are there|does .* (?:have|show|contain))\b/.test(
        lower,
      ) &&
      !direction
    )
      return { op: 'count', table: t.id }
    if (
      /\b(list|name|show|give)\b.*\b(?:all|every)\b|\ball (?:the )?(?:fields|economies|countries|nations)\b|\bwhole table\b|\bevery (?:field|economy|country|nation)\b/.test(
        lower,
      ) &&
      !direction
    )
      return { op: 'all', table: t.id }
  }

  // Arithmetic over named rows or the top k.
  const fn = arithmeticIn(lower)
  if (fn) {
    // A sum or average needs two rows: "the global total … did the US account for" is a lookup.
    if (listed.length >= 2)
      return { op: 'arith', table: t.id, column, fn, rows: { kind: 'named', entities: listed } }
    const k = topK(lower, amounts)
    if (k && (fn === 'sum' || fn === 'average')) {
      // "… of the three fields with the most papers": ranked by another column than the one summed.
      const rankedBy = RANKED_BY.exec(lower)
      const by = rankedBy
        ? registry
            .columnsNamedIn(lower.slice(rankedBy.index))
            .find((c) => c.table === t.id && c.column !== column)?.column
        : undefined
      return {
        op: 'arith',
        table: t.id,
        column,
        fn,
        rows: { kind: 'top', k, direction: direction ?? 'max', ...(by ? { by } : {}) },
      }
    }
  }

  // Neighbours: "just above Canada", "right after France", "above and below India".
  if (listed.length === 1) {
    const e = listed[0] as Entity
    if (NEIGHBOURS_BOTH.test(lower) && /\b(which|who|what)\b/.test(lower))
      return { op: 'neighbour', table: t.id, column, entity: e, offset: 'both' }
    for (const [re, offset] of [
      [NEIGHBOUR_ABOVE, -1],
      [NEIGHBOUR_BELOW, 1],
    ] as const) {
      const m = re.exec(lower)
      if (
        m &&
        catalog.find(m[1] ?? '').some((x) => x.entity === e) &&
        /\b(which|who|what)\b/.test(lower)
      )
        return { op: 'neighbour', table: t.id, column, entity: e, offset }
    }
    if (
      /\b(same|tied|equal|as much as|as many as|also has)\b/.test(lower) &&
      /\b(which|who|what|other|another)\b/.test(lower)
    )
      return { op: 'same', table: t.id, column, entity: e }
    // "Which economies have more coauthored papers than the UK?": rows beyond a named row's value.
    const beyond = BEYOND_A_ROW.exec(lower)
    const row = t.block.rows.find((r) => registry.nameOf(t, r) === e.name)
    const value = row?.values[column]
    if (
      beyond &&
      typeof value === 'number' &&
      catalog.find(lower.slice(beyond.index)).some((x) => x.entity === e) &&
      new RegExp(
        `\\b(?:which|what|how many)\\b.*\\b(?:${t.entityNoun.many}|countries|economies|nations|ones)\\b`,
      ).test(lower)
    ) {
      const more = /^(?:more|higher|greater|larger|bigger)$/.test(beyond[1] ?? '')
      return {
        op: 'filter',
        table: t.id,
        column,
        range: { kind: more ? 'above' : 'below', value, inclusive: false },
        countOnly: /\bhow many\b/.test(lower),
      }
    }
  }

  // Ranges and equality: "between 30% and 40%", "500 to 1,000", "below 2", "exactly 1.0".
  if (listed.length === 0 && amounts.length > 0) {
    const range = rangeOf(lower, amounts)
    if (range)
      return { op: 'filter', table: t.id, column, range, countOnly: /\bhow many\b/.test(lower) }
  }

  // Positions: "ranked sixth", "third-highest", "second to fourth".
  if (listed.length === 0 && ordinals.length > 0) {
    const k = (ordinals[0] as NumberMention).value
    // "second to fourth"; "second, third and fourth": a run of positions.
    const run = ordinals.map((n) => n.value)
    const consecutive =
      run.length > 2 && run.every((v, i) => i === 0 || v === (run[i - 1] as number) + 1)
    const to = consecutive ? run[run.length - 1] : ordinals[1]?.value
    const dir: Direction = direction ?? (column === 'rank' ? 'min' : 'max')
    const col = column === 'rank' ? (t.defaultColumn ?? column) : column
    return {
      op: 'kth',
      table: t.id,
      column: col,
      direction: column === 'rank' ? 'max' : dir,
      k,
      ...(to && to > k ? { to } : {}),
    }
  }

  if (listed.length >= 2)
    return {
      op: 'compare',
      table: t.id,
      column,
      entities: listed,
      direction: /\b(which|who)\b/.test(lower) ? direction : null,
    }
  if (listed.length === 1) {
    if (
      /\b(?:what|which) (?:rank|ranking|position|place)\b|\bwhere (?:does|do|did|is) .*\b(?:rank|stand|place|come)\b|\brank(?:ed|s)? (?:does|is|did)\b|\bhow (?:does|is|did) .*\b(?:rank|ranked|placed)\b|^(?:what is |what's )?\S+(?:'s|s') (?:rank|ranking|position)\b/.test(
        lower,
      )
    )
      return {
        op: 'rank',
        table: t.id,
        column:
          picked.columns.find(
            (c) => c.column !== 'rank' && t.columns.some((x) => x.key === c.column),
          )?.column ??
          t.defaultColumn ??
          column,
        entities: listed,
      }
    const cols = picked.columns.filter((c) => c.column !== 'rank')
    return {
      op: 'lookup',
      entities: listed,
      columns:
        cols.length > 0
          ? cols.map((c) => resolveColumnTable(c, listed[0] as Entity, t, registry))
          : [{ table: t.id, column }],
      ...(cols.length === 0 && !picked.column ? { everything: true } : {}),
    }
  }
  if (direction) {
    const k =
      topK(lower, amounts) ??
      (/\b(which|what) (?:are|were) the\b/.test(lower) &&
      /(ies|s)\b/.test(lower.split(/\b(?:highest|lowest|most|least|top)\b/)[1] ?? '')
        ? 3
        : 1)
    return { op: k > 1 ? 'top' : 'kth', table: t.id, column, direction, k }
  }
  return null
}

/** Words that say a row is not in a table: "do not appear in", "but not in", "missing from". */
const NOT_IN = /\b(?:not|n't|never|missing|absent|excluded|left out|without|only (?:in|on))\b/

/**
 * "Which economies listed in Table 8.3 do not appear in Table 8.4?": two tables named, and a row
 * in one that the other lacks. The table said before the negation is the one listed from; one
 * said after it ("Which economies not in Table 8.3 are in Table 8.4?"), or the subject of "does
 * not list" ("… that Table 8.4 does not list are in Table 8.3"), is the other.
 */
function exceptQuery(lower: string, registry: TableRegistry): TableQuery | null {
  const named = [...lower.matchAll(/\btables?\s*(\d+\.\d+)(?:\s*(?:and|or|,)\s*(\d+\.\d+))?/g)]
  const ids = named.flatMap((m) => [
    { id: m[1] as string, at: m.index },
    ...(m[2] ? [{ id: m[2], at: m.index + m[0].length }] : []),
  ])
  const distinct = [...new Set(ids.map((x) => x.id))]
  const not = NOT_IN.exec(lower)
  if (distinct.length !== 2 || !not || !/\b(?:which|what|list|name|how many)\b/.test(lower))
    return null
  const [a, b] = distinct as [string, string]
  const ta = registry.get(a)
  const tb = registry.get(b)
  // Rows of the same kind: economies against countries, fields against fields.
  if (
    !ta ||
    !tb ||
    ta.columns.length === 0 ||
    tb.columns.length === 0 ||
    (ta.entityKey === 'field') !== (tb.entityKey === 'field')
  )
    return null
  const firstAt = ids.find((x) => x.id === a)?.at ?? 0
  // "… that Table 8.4 does not list": the table before the negation is the one that lacks them.
  const lacks =
    /^(?:not|n't)\s+(?:list|include|have|contain|show|cover|mention|feature)/.test(
      lower.slice(not.index),
    ) && not.index > firstAt
  return not.index < firstAt || lacks
    ? { op: 'except', table: b, other: a }
    : { op: 'except', table: a, other: b }
}

/**
 * A question that asks for a figure or a position: only such a question is refused for a field
 * the table does not list ("Which two bodies published the study on clean power?" asks for none).
 */
const ASKS_A_VALUE =
  /\bhow (?:many|much)\b|\b(?:numbers?|count|share|percentage|proportion|portion|rate|ratio|figures?|statistics|total|most|least|fewest|highest|lowest|largest|smallest|rank\w*|position|place)\b/

/** "… share of coauthored papers in biotechnology": a field the tables do not list, if the question ends on one. */
function unlistedField(
  lower: string,
  picked: ReturnType<typeof pickTable>,
  input: TableQueryInput,
  registry: TableRegistry,
): TableQuery | null {
  const column = picked.column ?? picked.columns[0]?.column
  const fieldTable = registry.tables.find((x) => x.entityKey === 'field')
  if (
    (picked.explicit && picked.table !== fieldTable) ||
    !column ||
    column === 'centrality' ||
    input.entities.length > 0 ||
    !ASKS_A_VALUE.test(lower)
  )
    return null
  // "How many papers on quantum computing are listed in Table 8.2?": the field, without the table.
  const asked = lower.replace(
    /\s*\b(?:(?:are|is|were|was)\s+)?(?:(?:listed|shown|given|reported|counted)\s+)?in\s+table\s*\d+\.\d+\b/,
    '',
  )
  const tail = (/\b(?:in|on|for)\s+(?:the\s+)?(?:field of\s+)?([a-z][a-z -]{2,40}?)\s*\??$/.exec(
    asked,
  ) ??
    // "How many coauthored papers on quantum computing were published …": the topic of the papers.
    FIELD_OF_PAPERS.exec(asked))?.[1]?.trim()
  if (
    tail &&
    fieldTable &&
    !GENERIC_TAIL.test(tail) &&
    !isTablesTopic(tail, registry) &&
    registry.columnsNamedIn(tail).length === 0 &&
    !registry.tables.some((x) => x.cue.test(tail))
  )
    return { op: 'absent', table: fieldTable.id, name: tail, column, reason: 'not-listed' }
  return null
}

/** A column named for an entity goes to the table that has both ("its centrality" → Table 8.4). */
function resolveColumnTable(
  c: ColumnRef,
  e: Entity,
  t: TableSpec,
  registry: TableRegistry,
): ColumnRef {
  if (t.columns.some((x) => x.key === c.column) && e.tables.includes(t.id))
    return { table: t.id, column: c.column }
  const other = registry.tables.find(
    (x) => e.tables.includes(x.id) && x.columns.some((y) => y.key === c.column),
  )
  return { table: other?.id ?? c.table, column: c.column }
}

/** "top 3", "three highest", "first five": k, if the question gives one. */
function topK(lower: string, amounts: NumberMention[]): number | null {
  const m =
    /\b(?:top|bottom|first|last|leading)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(
      lower,
    ) ??
    // Not a table's number ("in Table 8.3 has the highest": no 3).
    /(?<![\d.])\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z0-9.]+\s+){0,6}?(?:highest|lowest|largest|smallest|biggest|greatest|most|least|fewest|leading|top|strongest|weakest)\b/.exec(
      lower,
    )
  if (!m) return null
  const words: Record<string, number> = {
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
  const raw = m[1] as string
  return words[raw] ?? (Number(raw) || amounts[0]?.value || null)
}

/**
 * After a number, a noun that makes it a count of something no column holds: "authors from more
 * than one country", "over ten nations", "more than two decades" describe, they set no condition
 * on a value ("more than 1,000 papers" does).
 */
const COUNTS_ANOTHER_THING =
  /^\s+(?:countr(?:y|ies)|nations?|econom(?:y|ies)|regions?|authors?|co-?authors?|partners?|institutions?|people|persons?|researchers?|scientists?|years?|decades?|months?)\b/

/** A numeric condition from the words around the question's numbers. */
function rangeOf(lower: string, amounts: NumberMention[]): Range | null {
  const a = amounts[0] as NumberMention
  const b = amounts[1]
  if (COUNTS_ANOTHER_THING.test(lower.slice(a.end)) && !b) return null
  const before = (n: NumberMention) => lower.slice(Math.max(0, n.start - 24), n.start)
  if (
    b &&
    (/\bbetween\s*$/.test(lower.slice(0, a.start).slice(-10)) ||
      /^\s*(?:%|percent)?\s*(?:to|and|-|–)\s*$/.test(lower.slice(a.end, b.start)))
  )
    return { kind: 'between', low: Math.min(a.value, b.value), high: Math.max(a.value, b.value) }
  const w = before(a)
  if (/\b(exactly|equal to|equals|of exactly|tied at|precisely)\s*$/.test(w))
    return { kind: 'equal', value: a.value }
  if (
    /\b(at least|no less than|not less than|or more)\s*$/.test(w) ||
    /^\s*(?:%|percent)?\s*or (?:more|higher|above)/.test(lower.slice(a.end))
  )
    return { kind: 'above', value: a.value, inclusive: true }
  if (
    /\b(at most|no more than|not more than)\s*$/.test(w) ||
    /^\s*(?:%|percent)?\s*or (?:less|fewer|lower|below)/.test(lower.slice(a.end))
  )
    return { kind: 'below', value: a.value, inclusive: true }
  if (
    /\b(more than|greater than|higher than|above|over|exceeding|exceeds?|bigger than|larger than)\s*$/.test(
      w,
    )
  )
    return { kind: 'above', value: a.value, inclusive: false }
  if (/\b(less than|fewer than|lower than|below|under|smaller than)\s*$/.test(w))
    return { kind: 'below', value: a.value, inclusive: false }
  // "Which countries have 1.0?", "List the countries with a centrality of 1.0", "Name the
  // economies whose centrality is 1.7".
  if (
    /\b(which|what|who|whose)\b|^(?:please\s+)?(?:list|name|give|show|find)\b/.test(lower) &&
    /\b(ha[sd]|have|with|of|score[sd]?|at|is|are|was|were|equals?)\s*$/.test(w)
  )
    return { kind: 'equal', value: a.value }
  return null
}

/**
 * The column a table query is about (the first, for a lookup of several), or `null` for the
 * operations that have none (items, whole tables, counts, refusals).
 */
export function columnOfQuery(q: TableQuery): ColumnRef | null {
  switch (q.op) {
    case 'lookup':
      return q.columns[0] ?? null
    case 'kth':
    case 'top':
    case 'filter':
    case 'same':
    case 'arith':
    case 'neighbour':
    case 'compare':
    case 'rank':
      return { table: q.table, column: q.column }
    case 'item':
    case 'all':
    case 'count':
    case 'except':
    case 'absent':
      return null
  }
}
