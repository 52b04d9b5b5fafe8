import type { Entity } from '../analysis/entities.ts'
import type { ColumnRef, Direction, Range, TableQuery } from '../analysis/table-query.ts'
import type { ColumnSpec, TableRegistry, TableSpec, ValueColumn } from '../analysis/tables.ts'
import { ordinal } from '../chunk/chunk.ts'
import type { ChapterDocument, TableRow } from '../corpus/types.ts'
import {
  describeRow,
  describeValue,
  joinAnd,
  possessive,
  rankBy,
  rowCitation,
  source,
  superlative,
  tableCitation,
  unit,
} from './table-text.ts'
import type { Cited } from './types.ts'

/** One sentence of a table answer and the rows (or whole table) it rests on. */
export interface TableSentence {
  text: string
  cites: Cited[]
}

/** The result of running a {@link TableQuery}. */
export interface TableResult {
  query: TableQuery
  /** False when the tables do not hold what was asked (an absent row, year or column). */
  answerable: boolean
  sentences: TableSentence[]
  /** Rows or tables worth showing when the answer is a refusal. */
  related: Cited[]
  /** The rows the answer used, in order, with their table: for follow-ups and yes/no checks. */
  rows: Array<{ table: string; row: TableRow }>
}

const value = (r: TableRow, c: string) => r.values[c] as number
const printed = (r: TableRow, c: string) => r.printed[c] as string

/** Rows ordered by a column: `max` puts the largest first. Ties keep the printed order. */
export function rowsByColumn(t: TableSpec, column: string, direction: Direction): TableRow[] {
  return [...t.block.rows].sort((a, b) =>
    direction === 'max' ? value(b, column) - value(a, column) : value(a, column) - value(b, column),
  )
}

/** A value with its unit: "49.77%", "2,381 papers", "2.7". */
function valueText(c: ColumnSpec, r: TableRow): string {
  if (c.kind === 'rank') return `ranked ${ordinal(value(r, c.key))}`
  return unit(c.key as ValueColumn, printed(r, c.key))
}

/**
 * `x.toLocaleString('en-US')`, with one formatter made once: `toLocaleString` with a locale builds
 * a new `Intl.NumberFormat` on every call (≈ 1.5–2 ms a request in a table answer's many figures);
 * the output is the same.
 */
const EN_US = new Intl.NumberFormat('en-US')
/** `x.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })`, made once. */
const EN_US_TWO_DECIMALS = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 2,
  minimumFractionDigits: 2,
})

/** A computed number with the precision of its column (shares 2 decimals, scores 1, counts whole). */
function formatNumber(c: ColumnSpec, x: number, decimals?: number): string {
  if (decimals !== undefined) return x.toFixed(decimals)
  if (c.kind === 'percent') return x.toFixed(2)
  if (c.kind === 'score') return (Math.round(x * 10) / 10).toFixed(1)
  return Number.isInteger(x) ? EN_US.format(x) : EN_US_TWO_DECIMALS.format(x)
}

const noun = (t: TableSpec, n: number) => (n === 1 ? t.entityNoun.one : t.entityNoun.many)

function rangeWords(c: ColumnSpec, r: Range): string {
  const v = (x: number) => (c.kind === 'percent' ? `${x}%` : EN_US.format(x))
  switch (r.kind) {
    case 'above':
      return `${r.inclusive ? 'at least' : 'above'} ${v(r.value)}`
    case 'below':
      return `${r.inclusive ? 'at most' : 'below'} ${v(r.value)}`
    case 'between':
      return `between ${v(r.low)} and ${v(r.high)}`
    case 'equal':
      return `of exactly ${v(r.value)}`
  }
}

/**
 * The condition of a filter in words: "a share of internationally coauthored papers above 40%",
 * and for a count, as one says it, "more than 20,000 papers".
 */
function conditionWords(c: ColumnSpec, r: Range): string {
  if (c.kind !== 'count') return `a ${c.name} ${rangeWords(c, r)}`
  const n = (x: number) => EN_US.format(x)
  switch (r.kind) {
    case 'above':
      return `${r.inclusive ? 'at least' : 'more than'} ${n(r.value)} ${c.name}`
    case 'below':
      return `${r.inclusive ? 'at most' : 'fewer than'} ${n(r.value)} ${c.name}`
    case 'between':
      return `between ${n(r.low)} and ${n(r.high)} ${c.name}`
    case 'equal':
      return `exactly ${n(r.value)} ${c.name}`
  }
}

function inRange(x: number, r: Range): boolean {
  switch (r.kind) {
    case 'above':
      return r.inclusive ? x >= r.value : x > r.value
    case 'below':
      return r.inclusive ? x <= r.value : x < r.value
    case 'between':
      return x >= r.low && x <= r.high
    case 'equal':
      return Math.abs(x - r.value) < 1e-9
  }
}

/**
 * Runs a table query over the registry's tables and phrases the result: sentences generated from
 * the data, numbers as printed, computed figures with how they were computed, each sentence citing
 * the rows it used. Never lists a whole table unless the whole table was asked for.
 */
export function executeTable(
  q: TableQuery,
  registry: TableRegistry,
  doc: ChapterDocument,
): TableResult {
  const sentences: TableSentence[] = []
  const related: Cited[] = []
  const used: TableResult['rows'] = []
  let answerable = true
  const tableOf = (id: string): TableSpec => {
    const t = registry.get(id)
    if (!t) throw new Error(`no table ${id}`)
    return t
  }
  const rowOf = (t: TableSpec, e: Entity) =>
    t.block.rows.find((r) => registry.nameOf(t, r) === e.name)
  const cite = (t: TableSpec, r: TableRow) => {
    used.push({ table: t.id, row: r })
    return rowCitation(t.block, r, doc)
  }
  const columnOf = (t: TableSpec, key: string): ColumnSpec => {
    const c = registry.column(t, key)
    if (!c) throw new Error(`Table ${t.id} has no column ${key}`)
    return c
  }
  const name = (t: TableSpec, r: TableRow) => registry.nameOf(t, r)

  switch (q.op) {
    case 'lookup': {
      const refs: ColumnRef[] = q.columns
      for (const e of q.entities) {
        for (const ref of refs) {
          const t = tableOf(ref.table)
          const r = rowOf(t, e)
          if (!r) {
            sentences.push({ text: `${source(t.block)} does not list ${e.name}.`, cites: [] })
            related.push(tableCitation(t.block, doc))
            continue
          }
          const text =
            ref.column === 'rank' || ref.column === 'centrality'
              ? describeRow(t.block, r)
              : describeValue(t.block, r, ref.column as ValueColumn)
          sentences.push({ text, cites: [cite(t, r)] })
        }
        // An economy asked about without a column: every table that lists it.
        if (q.everything && q.entities.length === 1) {
          for (const id of e.tables) {
            if (refs.some((x) => x.table === id)) continue
            const t = tableOf(id)
            const r = rowOf(t, e)
            if (r) sentences.push({ text: describeRow(t.block, r), cites: [cite(t, r)] })
          }
        }
      }
      if (!sentences.some((s) => s.cites.length > 0)) answerable = false
      break
    }
    case 'kth': {
      const t = tableOf(q.table)
      const c = columnOf(t, q.column)
      // A rank's top is its smallest number: "ranked 1st" is the best.
      const rows = rowsByColumn(
        t,
        c.key,
        c.kind === 'rank' ? (q.direction === 'max' ? 'min' : 'max') : q.direction,
      )
      const last = Math.min(q.to ?? q.k, rows.length)
      if (q.k < 1 || q.k > rows.length) {
        answerable = false
        sentences.push({
          text: `${source(t.block)} lists only ${rows.length} ${t.entityNoun.many}.`,
          cites: [],
        })
        related.push(tableCitation(t.block, doc))
        break
      }
      const picked = rows.slice(q.k - 1, last)
      const dirWord = (k: number) =>
        c.kind === 'rank'
          ? `ranked ${ordinal(k)}`
          : `${k === 1 ? '' : `${ordinal(k)}-`}${q.direction === 'max' ? (c.kind === 'count' ? 'most' : 'highest') : c.kind === 'count' ? 'fewest' : 'lowest'}`
      const tied = (r: TableRow) =>
        rows.filter((x) => x !== r && value(x, c.key) === value(r, c.key)).map((x) => name(t, x))
      if (picked.length === 1 && q.k === 1 && c.kind !== 'rank') {
        const r = picked[0] as TableRow
        const ties = tied(r)
        sentences.push({
          text: `In ${source(t.block)}, ${name(t, r)}${ties.length > 0 ? ` (tied with ${joinAnd(ties)})` : ''} has ${superlative(c.key as ValueColumn, q.direction)}: ${valueText(c, r)}.`,
          cites: [
            cite(t, r),
            ...ties
              .map((x) => rows.find((y) => name(t, y) === x))
              .filter((x): x is TableRow => !!x)
              .map((x) => cite(t, x)),
          ],
        })
      } else if (picked.length === 1) {
        const r = picked[0] as TableRow
        const ties = tied(r)
        sentences.push({
          text: `In ${source(t.block)}, the ${t.entityNoun.one} with the ${dirWord(q.k)} ${c.name} is ${name(t, r)} (${valueText(c, r)})${ties.length > 0 ? `, tied with ${joinAnd(ties)}` : ''}.`,
          cites: [cite(t, r)],
        })
      } else {
        sentences.push({
          text: `In ${source(t.block)}, the ${t.entityNoun.many} ${ordinal(q.k)} to ${ordinal(last)} by ${c.name} (${q.direction === 'max' ? 'largest first' : 'smallest first'}) are ${joinAnd(picked.map((r) => `${name(t, r)} (${valueText(c, r)})`))}.`,
          cites: picked.map((r) => cite(t, r)),
        })
      }
      break
    }
    case 'top': {
      const t = tableOf(q.table)
      const c = columnOf(t, q.column)
      const rows = rowsByColumn(t, c.key, q.direction)
      const picked = rows.slice(0, Math.min(q.k, rows.length))
      const boundary = value(picked.at(-1) as TableRow, c.key)
      for (const r of rows.slice(picked.length)) if (value(r, c.key) === boundary) picked.push(r)
      sentences.push({
        text: `In ${source(t.block)}, the ${picked.length} ${noun(t, picked.length)} with ${superlative(c.key as ValueColumn, q.direction)} are ${joinAnd(picked.map((r) => `${name(t, r)} (${valueText(c, r)})`))}.`,
        cites: picked.map((r) => cite(t, r)),
      })
      break
    }
    case 'filter': {
      const t = tableOf(q.table)
      const c = columnOf(t, q.column)
      const rows = rowsByColumn(t, c.key, 'max').filter((r) => inRange(value(r, c.key), q.range))
      const cond = conditionWords(c, q.range)
      if (rows.length === 0) {
        sentences.push({
          text: `In ${source(t.block)}, none of the ${t.block.rows.length} ${t.entityNoun.many} has ${cond}.`,
          cites: [tableCitation(t.block, doc)],
        })
      } else {
        sentences.push({
          text: `In ${source(t.block)}, ${rows.length} of ${t.block.rows.length} ${t.entityNoun.many} ${rows.length === 1 ? 'has' : 'have'} ${cond}: ${joinAnd(rows.map((r) => `${name(t, r)} (${valueText(c, r)})`))}.`,
          cites: rows.map((r) => cite(t, r)),
        })
      }
      break
    }
    case 'same': {
      const t = tableOf(q.table)
      const c = columnOf(t, q.column)
      const r = rowOf(t, q.entity)
      if (!r) {
        answerable = false
        sentences.push({ text: `${source(t.block)} does not list ${q.entity.name}.`, cites: [] })
        break
      }
      const same = t.block.rows.filter((x) => x !== r && value(x, c.key) === value(r, c.key))
      sentences.push({
        text:
          same.length === 0
            ? `In ${source(t.block)}, no other ${t.entityNoun.one} has the same ${c.name} as ${q.entity.name} (${valueText(c, r)}).`
            : `In ${source(t.block)}, ${joinAnd(same.map((x) => name(t, x)))} ${same.length === 1 ? 'has' : 'have'} the same ${c.name} as ${q.entity.name}: ${valueText(c, r)}.`,
        cites: [cite(t, r), ...same.map((x) => cite(t, x))],
      })
      break
    }
    case 'arith': {
      const t = tableOf(q.table)
      const c = columnOf(t, q.column)
      const rows =
        q.rows.kind === 'named'
          ? q.rows.entities.map((e) => rowOf(t, e)).filter((r): r is TableRow => !!r)
          : rowsByColumn(t, q.rows.by ? columnOf(t, q.rows.by).key : c.key, q.rows.direction).slice(
              0,
              q.rows.k,
            )
      if (rows.length < (q.fn === 'difference' || q.fn === 'ratio' ? 2 : 1)) {
        answerable = false
        sentences.push({ text: `${source(t.block)} does not list all of them.`, cites: [] })
        break
      }
      const cites = rows.map((r) => cite(t, r))
      const listing = joinAnd(rows.map((r) => `${name(t, r)} ${valueText(c, r)}`))
      const pr = (r: TableRow) => printed(r, c.key)
      let text: string
      switch (q.fn) {
        case 'difference': {
          const [a, b] = rows as [TableRow, TableRow]
          const d = value(a, c.key) - value(b, c.key)
          const [hi, lo] = d >= 0 ? [a, b] : [b, a]
          const diff = formatNumber(c, Math.abs(d))
          text = `In ${source(t.block)}, ${name(t, hi)} has ${valueText(c, hi)} and ${name(t, lo)} ${valueText(c, lo)}: a difference of ${diff}${c.kind === 'percent' ? ' percentage points' : ''} (${pr(hi)} − ${pr(lo)} = ${diff}).`
          break
        }
        case 'ratio': {
          const [a, b] = rows as [TableRow, TableRow]
          const ratio = value(a, c.key) / value(b, c.key)
          text = `In ${source(t.block)}, ${name(t, a)} has ${valueText(c, a)} and ${name(t, b)} ${valueText(c, b)}: ${ratio.toFixed(2)} times as ${c.kind === 'count' ? 'many' : 'much'} (${pr(a)} ÷ ${pr(b)} ≈ ${ratio.toFixed(2)}).`
          break
        }
        case 'sum': {
          const s = rows.reduce((acc, r) => acc + value(r, c.key), 0)
          text = `In ${source(t.block)}, ${listing} add up to ${formatNumber(c, s)} (${rows.map(pr).join(' + ')} = ${formatNumber(c, s)}).`
          break
        }
        case 'average': {
          const s = rows.reduce((acc, r) => acc + value(r, c.key), 0)
          const avg = s / rows.length
          const shown = formatNumber(c, avg, c.kind === 'score' ? 2 : undefined)
          text = `In ${source(t.block)}, the average ${c.name} of ${listing} is ${shown} ((${rows.map(pr).join(' + ')}) ÷ ${rows.length} ≈ ${shown}).`
          break
        }
      }
      sentences.push({ text, cites })
      break
    }
    case 'neighbour': {
      const t = tableOf(q.table)
      const c = columnOf(t, q.column)
      // "Above" is the better side: a higher share, or a smaller rank number.
      const rows = rowsByColumn(t, c.key, c.higherIsBetter === false ? 'min' : 'max')
      const r = rowOf(t, q.entity)
      if (!r) {
        sentences.push({ text: `${source(t.block)} does not list ${q.entity.name}.`, cites: [] })
        answerable = false
        break
      }
      const i = rows.indexOf(r)
      for (const offset of q.offset === 'both' ? ([-1, 1] as const) : [q.offset]) {
        const other = rows[i + offset]
        sentences.push(
          other
            ? {
                text: `In ${source(t.block)}, the ${t.entityNoun.one} just ${offset < 0 ? 'above' : 'below'} ${q.entity.name} (${valueText(c, r)}) by ${c.name} is ${name(t, other)} (${valueText(c, other)}).`,
                cites: [cite(t, other), cite(t, r)],
              }
            : {
                text: `In ${source(t.block)}, ${q.entity.name} is ${offset < 0 ? 'first' : 'last'} by ${c.name} (${valueText(c, r)}).`,
                cites: [cite(t, r)],
              },
        )
      }
      break
    }
    case 'compare': {
      const t = tableOf(q.table)
      const c = columnOf(t, q.column)
      const rows = q.entities.map((e) => rowOf(t, e)).filter((r): r is TableRow => !!r)
      for (const r of rows)
        sentences.push({
          text:
            c.key === 'centrality' || c.kind === 'rank'
              ? describeRow(t.block, r)
              : describeValue(t.block, r, c.key as ValueColumn),
          cites: [cite(t, r)],
        })
      if (rows.length >= 2) {
        const sorted = [...rows].sort((a, b) => value(b, c.key) - value(a, c.key))
        const top = sorted[0] as TableRow
        const second = sorted[1] as TableRow
        const bottom = sorted.at(-1) as TableRow
        const d = value(top, c.key) - value(second, c.key)
        const text =
          d === 0 && rows.length === 2
            ? `${joinAnd(rows.map((r) => name(t, r)))} have the same ${c.name}: ${valueText(c, top)}.`
            : q.direction === 'min'
              ? `Of the ${rows.length}, ${name(t, bottom)} has ${superlative(c.key as ValueColumn, 'min')}: ${valueText(c, bottom)}.`
              : rows.length > 2
                ? `Of the ${rows.length}, ${name(t, top)} has ${superlative(c.key as ValueColumn, 'max')}: ${valueText(c, top)}.`
                : `${name(t, top)} has ${c.kind === 'count' ? `more ${c.name}` : `the higher ${c.name}`}: ${valueText(c, top)} against ${valueText(c, second)} for ${name(t, second)}, a difference of ${formatNumber(c, d)}${c.kind === 'percent' ? ' percentage points' : ''}.`
        sentences.push({ text, cites: rows.map((r) => rowCitation(t.block, r, doc)) })
      }
      if (rows.length === 0) answerable = false
      break
    }
    case 'rank': {
      const t = tableOf(q.table)
      for (const e of q.entities) {
        const r = rowOf(t, e)
        if (!r) continue
        const c = columnOf(t, q.column)
        const { rank, tiedWith } = rankBy(t.block, r, c.key as ValueColumn)
        const tie = tiedWith.length > 0 ? `, tied with ${joinAnd(tiedWith)}` : ''
        sentences.push({
          text: `In ${source(t.block)}, ${e.name} ranks ${ordinal(rank)} of ${t.block.rows.length} ${t.entityNoun.many} by ${c.name} (${valueText(c, r)})${tie}.`,
          cites: [cite(t, r)],
        })
      }
      if (sentences.length === 0) answerable = false
      break
    }
    case 'item': {
      const t = tableOf(q.table)
      for (const p of q.positions) {
        const r = t.block.rows.find((x) => x.position === p || x.values.number === p)
        if (!r) {
          sentences.push({
            text: `${source(t.block)} has ${t.block.rows.length} items, so it has no item ${p}.`,
            cites: [],
          })
          related.push(tableCitation(t.block, doc))
          continue
        }
        sentences.push({
          text: `Item ${p} of ${source(t.block)} is ${r.values.title}.`,
          cites: [cite(t, r)],
        })
      }
      if (!sentences.some((s) => s.cites.length > 0)) answerable = false
      break
    }
    case 'all': {
      const t = tableOf(q.table)
      sentences.push({
        text: `${source(t.block)} lists ${t.block.rows.length} ${t.entityNoun.many}:`,
        // The caption says what the table is about: the whole table is cited for it.
        cites: [tableCitation(t.block, doc)],
      })
      for (const r of t.block.rows) {
        const c = t.columns.find((x) => x.key === t.defaultColumn)
        sentences.push({
          text: `- ${name(t, r)}${c ? ` (${valueText(c, r)})` : ''}`,
          cites: [cite(t, r)],
        })
      }
      break
    }
    case 'except': {
      const t = tableOf(q.table)
      const o = tableOf(q.other)
      const inOther = new Set(o.block.rows.map((r) => registry.nameOf(o, r)))
      const rows = t.block.rows.filter((r) => !inOther.has(registry.nameOf(t, r)))
      sentences.push({
        text: `${rows.length} of the ${t.block.rows.length} ${t.entityNoun.many} in ${source(t.block)} are not in ${source(o.block)}${rows.length > 0 ? ':' : '.'}`,
        cites: [tableCitation(o.block, doc)],
      })
      for (const r of rows) sentences.push({ text: `- ${name(t, r)}`, cites: [cite(t, r)] })
      break
    }
    case 'count': {
      const t = tableOf(q.table)
      sentences.push({
        text: `${source(t.block)} lists ${t.block.rows.length} ${t.entityNoun.many}.`,
        cites: [tableCitation(t.block, doc)],
      })
      break
    }
    case 'absent': {
      answerable = false
      const t = tableOf(q.table)
      related.push(tableCitation(t.block, doc))
      const c = q.column ? registry.column(t, q.column) : undefined
      const other = q.column
        ? registry.tables.find((x) => x.columns.some((y) => y.key === q.column) && x.id !== t.id)
        : undefined
      switch (q.reason) {
        case 'year':
          sentences.push({
            text: `The chapter does not give figures for ${q.year}: ${source(t.block)} covers ${t.years?.from === t.years?.to ? t.years?.from : `${t.years?.from}–${t.years?.to}`} only.`,
            cites: [],
          })
          break
        case 'column':
          sentences.push({
            text: `${source(t.block)} has no ${q.column} column${other ? `; ${q.column} is given in ${source(other.block)}` : ''}.`,
            cites: [],
          })
          if (other) related.push(tableCitation(other.block, doc))
          break
        case 'cross': {
          const byField = registry.tables.find((x) => x.entityKey === 'field')
          const byEconomy = registry.tables.find((x) => x.entityKey === 'economy')
          sentences.push({
            text: `The chapter does not give figures for ${q.name}: ${byField ? source(byField.block) : 'one table'} counts papers by field and ${byEconomy ? source(byEconomy.block) : 'another'} by economy, never one by the other.`,
            cites: [],
          })
          if (byField && byField !== t) related.push(tableCitation(byField.block, doc))
          if (byEconomy && byEconomy !== t) related.push(tableCitation(byEconomy.block, doc))
          break
        }
        case 'not-listed': {
          const what = c
            ? c.kind === 'count'
              ? `the number of ${c.name} of ${q.name}`
              : `${possessive(q.name)} ${c.name}`
            : `figures for ${q.name}`
          sentences.push({
            text: `The chapter does not give ${what}: ${source(t.block)} lists ${t.block.rows.length} ${t.entityNoun.many} and ${q.name} is not among them.`,
            cites: [],
          })
          for (const x of registry.tables) {
            const r = x.block.rows.find((y) => registry.nameOf(x, y) === q.name)
            if (r) {
              sentences.push({
                text: `${q.name} appears in ${source(x.block)}: ${describeRow(x.block, r, false)}`,
                cites: [],
              })
              related.push(rowCitation(x.block, r, doc))
            }
          }
          break
        }
      }
      break
    }
  }
  // Name each caption once: later sentences say only "Table 8.3".
  const seen = new Set<string>()
  for (const s of sentences)
    s.text = s.text.replace(/Table (\d+\.\d+) \(([^()]|\([^()]*\))*\)/g, (m, id: string) => {
      if (seen.has(id)) return `Table ${id}`
      seen.add(id)
      return m
    })
  return { query: q, answerable, sentences, related, rows: used }
}
