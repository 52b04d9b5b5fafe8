import type { ChapterAnalysis } from '../analysis/chapter.ts'
import type { Entity } from '../analysis/entities.ts'
import type { Question } from '../analysis/question.ts'
import { arithmeticIn, columnOfQuery } from '../analysis/table-query.ts'
import type { TableSpec } from '../analysis/tables.ts'
import { queryTerms } from '../analysis/terms.ts'
import { rowsByColumn } from './table-executor.ts'
import { possessive } from './table-text.ts'

/** The previous exchange, as the answerer reads it. */
export interface PreviousTurn {
  /** The previous question, standalone, analysed. */
  question: Question
  /** The previous answer's text (with its [n] markers). */
  answer: string
  /**
   * The table entities of the last answer that listed two or more, in its order: what "the first
   * of them" means when the previous answer named only one.
   */
  lastList?: readonly Entity[]
}

const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
}
const ORDINAL_REF = new RegExp(
  `\\bthe (${Object.keys(ORDINALS).join('|')}|last) (?:one|of them|country|economy|field|item|title|entry|achievement|name)(?: (?:that |which )?(?:you|it) (?:mentioned|listed|named|gave|said))?\\b`,
  'i',
)
/** "that" standing for the previous answer's figure. */
const VALUE_REF =
  /\b(?:than that|is that|of that|from that|that (?:value|figure|number|score|share|amount|one)|the same (?:value|score|figure|number|share|amount|centrality))\b/i
/**
 * A follow-up that asks a difference or a ratio of two rows' figures ("how much higher", "by how
 * many points", "how many times bigger"): the table questions' own arithmetic words.
 */
function asksTwoRowArithmetic(text: string): boolean {
  const fn = arithmeticIn(text.toLowerCase())
  return fn === 'difference' || fn === 'ratio' || DIFFERENCE_WORDS.test(text)
}
/** Words of a difference a follow-up may use beyond the table questions' ("in percentage points?"). */
const DIFFERENCE_WORDS =
  /\b(how (?:much|many) (?:more|higher|lower|less|fewer|bigger|smaller)|difference|gap|percentage points?|how far (?:above|below|apart))\b/i
/** The question a two-row difference or ratio follow-up stands for. */
function twoRowsQuestion(
  text: string,
  column: string,
  a: string,
  b: string,
  table: string,
): string {
  return arithmeticIn(text.toLowerCase()) === 'ratio'
    ? `What is the ratio of ${column} between ${a} and ${b} in Table ${table}?`
    : `What is the difference in ${column} between ${a} and ${b} in Table ${table}?`
}
const SUPERLATIVE =
  /^(?:and|but|so|what about|how about)?\s*(?:the|which is the|what is the|what's the|who is the|who has the)?\s*((?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?:lowest|highest|fewest|most|least|largest|smallest|bottom|top|weakest|strongest|biggest))(?: one)?\s*\??$/i
/** A follow-up that only names a year: "And in 2021?", "what about 2019?". */
const YEAR_ONLY =
  /^(?:and|but|so|what about|how about)?\s*(?:in|for|during|by)?\s*((?:19|20)\d{2})\s*\??$/i
/** A follow-up that only names a place in an order: "And 11th?", "what about the fourth one?". */
const ORDINAL_ONLY = new RegExp(
  `^(?:and|but|so|what about|how about)?\\s*(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINALS).join('|')})(?:\\s+(?:one|place|spot|position))?\\s*\\??$`,
  'i',
)
/** An ordinal in a question: "ranked 9th", "the second-largest", "the fourth item". */
const ORDINAL_IN = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINALS).join('|')})\\b`,
  'i',
)
/** A follow-up that only names another table: "What about in Table 8.4?", "And Table 8.3?". */
const TABLE_ONLY =
  /^(?:and|but|so|what about|how about)?\s*(?:in|for|from)?\s*(?:the\s+)?table\s*(\d+\.\d+)\s*\??$/i
/** "the one after it", "the next one": the neighbour of the last row by the same column. */
const NEXT =
  /\b(?:the )?(?:next(?: one)?|one (?:after|below) (?:it|that)|after (?:it|that)|below (?:it|that)|behind (?:it|that)|the following one)\b/i
const PREVIOUS =
  /\b(?:the )?(?:one (?:before|above) (?:it|that)|before (?:it|that)|above (?:it|that)|ahead of (?:it|that)|the previous one)\b/i
/** "How does that compare with Korea?", "versus Korea?" */
const COMPARE = /\b(compare[sd]?|comparison|versus|vs\.?|against|relative to)\b/i
/** "Which is bigger?", "which one is higher?" */
const WHICH_MORE =
  /^(?:so |and )?(?:which|who)(?: one)? (?:is|has|was|had) (?:the )?(bigger|higher|larger|greater|more|smaller|lower|less|fewer)\b/i
const PREV_SUPERLATIVE =
  /\b(lowest|highest|fewest|most|least|largest|smallest|bottom|top|weakest|strongest|biggest)\b/i

/** "And which come last?", "the bottom one?": the other end of the column just asked by. */
const OTHER_END =
  /^(?:and|but|so|what about|how about)?\s*(?:which|who|what)?\s*(?:one|ones|country|countries|economy|economies|field|fields)?\s*(?:is|are|comes?|came|ranks?|sits?|was|were)?\s*(?:the |at the )?(last|bottom|lowest|least|fewest|smallest|weakest|first|top|highest|most|biggest|largest|strongest)(?: one| ones| place| spot)?\s*\??$/i

/** A question for a row of its own ("which has the highest share"), not more of the last one. */
const ASKS_ANOTHER_ROW =
  /\b(?:which|who|highest|lowest|most|least|largest|smallest|biggest|top|bottom|fewest|ranked?|\d+(?:st|nd|rd|th))\b/i

/** "And together?", "combined?", "in total?": a sum. */
const TOGETHER =
  /\b(?:together|combined|in total|altogether|added up|sum of (?:them|those|both)|both of them combined)\b/i
/** "What's that as a percentage?", "what percent is that?" */
const AS_PERCENTAGE =
  /\b(?:as a percentage|what percent(?:age)?|in percent|percentage-wise|as a share)\b/i

/** A word for "the figure" that names no column: it means the previous answer's column. */
const GENERIC_VALUE = /\b(?:value|score|figure|number|level|reading|result)\b/i

/** "What is Canada's centrality in Table 8.4?": one row's figure, as a standalone question. */
function figureQuestion(row: string, column: string, table: string): string {
  return `What is ${possessive(row)} ${column} in Table ${table}?`
}

/** The column the previous question's table query was about, with its table. */
function columnOf(
  prev: PreviousTurn,
  analysis: ChapterAnalysis,
): {
  spec: TableSpec
  column: NonNullable<ReturnType<ChapterAnalysis['tables']['column']>>
  name: string
} | null {
  // Only when the previous answer came from a table: a question a table could answer may have
  // been answered from the prose ("the US and China account for 37.9 and 21.5 percent").
  // (The answer is tested first: the previous question is read only when it may matter.)
  const table = /\bTable 8\.\d/.test(prev.answer) ? prev.question.table : null
  const col = table ? columnOfQuery(table) : null
  const spec = col ? analysis.tables.get(col.table) : undefined
  const column = spec && col ? analysis.tables.column(spec, col.column) : undefined
  return spec && column ? { spec, column, name: column.name } : null
}

/** `f`'s value, computed on the first call only. */
function once<T>(f: () => T): () => T {
  let done = false
  let value: T | undefined
  return () => {
    if (!done) {
      value = f()
      done = true
    }
    return value as T
  }
}

/** Table entities named in a text (an answer's [n] markers ignored), in order, each once. */
export function entitiesIn(text: string, analysis: ChapterAnalysis): Entity[] {
  const out: Entity[] = []
  for (const m of analysis.catalog.find(text.replace(/\[\d+\]/g, '')))
    if (m.entity.tables.length > 0 && !out.includes(m.entity)) out.push(m.entity)
  return out
}

/**
 * Resolves what a follow-up refers to in the previous exchange, beyond what the text-level
 * rewriting of `conversation.ts` does: an ordinal reference to the previous answer's items ("the
 * second one"), "that" standing for the previous figure ("how much higher is the UK's than that",
 * "which other country has the same value", "which field has a higher share than that"), a flipped
 * superlative ("And the lowest?"), and an elliptical question about the same topic ("In what
 * year?", "Who signed it?"). Returns a readable standalone question, or `null` when the question
 * needs nothing from the previous turn.
 *
 * @example
 * resolveReferences(analysis.question('And the fewest?'), { question: analysis.question('Which economy has the most papers in Table 8.3?'), answer: '…' }, () => [], analysis)
 * // 'Which economy has the fewest papers in Table 8.3?'
 */
export function resolveReferences(
  q: Question,
  prev: PreviousTurn,
  /**
   * The table entities named so far, most recent last; asked for only by the strategies that
   * need them (a function, so that a resolution that needs none does not find them in every turn).
   */
  earlier: () => readonly Entity[],
  analysis: ChapterAnalysis,
  /** Read a question with no subject of its own together with the previous one. */
  allowElliptical = true,
): string | null {
  const elliptical = (x: Question, p: PreviousTurn) =>
    allowElliptical ? continueTopic(x, p) : null
  const text = q.text.trim()
  // "And in 2021?", "what about 2019?": the previous question, for that year.
  const year = YEAR_ONLY.exec(text)?.[1]
  if (year) {
    const before = prev.question.text.replace(/[?.!\s]+$/, '')
    return /\b(?:19|20)\d{2}\b/.test(before)
      ? `${before.replace(/\b(?:19|20)\d{2}\b/, year)}?`
      : `${before} in ${year}?`
  }
  // "And 11th?" after "Which economy is ranked 9th in Table 8.3?": the previous question, for
  // that place.
  const place = ORDINAL_ONLY.exec(text)?.[1]
  if (place && ORDINAL_IN.test(prev.question.text))
    return prev.question.text.replace(ORDINAL_IN, place)
  // "What about in Table 8.4?" after Poland's share in Table 8.3: the same row, in that table, by
  // the same column if it has one, else by the column its order follows.
  const otherTable = TABLE_ONLY.exec(text)?.[1]
  if (otherTable) {
    const spec = analysis.tables.get(otherTable)
    const rows = prev.question.entities.filter((e) => e.tables.includes(otherTable))
    const was = columnOf(prev, analysis)
    const column =
      (spec && was ? analysis.tables.column(spec, was.column.key) : undefined) ??
      (spec?.defaultColumn ? analysis.tables.column(spec, spec.defaultColumn) : undefined)
    if (spec && column && rows.length === 1)
      return figureQuestion((rows[0] as Entity).name, column.name, spec.id)
    const before = prev.question.text.replace(/[?.!\s]+$/, '')
    if (/\bTable \d+\.\d+\b/i.test(before))
      return `${before.replace(/\bTable \d+\.\d+\b/i, `Table ${otherTable}`)}?`
  }
  // What the previous exchange named, read only when a strategy below asks (`prev.question` is a
  // reading of the previous question, made on demand by the caller).
  const prevEntities = once(() => {
    const answerEntities = entitiesIn(prev.answer, analysis)
    return answerEntities.length > 0 ? answerEntities : prev.question.entities
  })
  // "the second one (you mentioned)"
  const ord = ORDINAL_REF.exec(text)
  // "How much higher is the first one than that?", "how many times bigger is the first one?": an
  // earlier answer's row compared with the last answer's, below.
  // (Not "the first one and the second one" after a list: two items of that list.)
  const twoOrdinals = ord !== null && ORDINAL_REF.test(text.slice((ord.index ?? 0) + ord[0].length))
  const comparesWithLast =
    asksTwoRowArithmetic(text) &&
    !twoOrdinals &&
    (VALUE_REF.test(text) || (ord !== null && q.entities.length === 0))
  if (ord && !comparesWithLast) {
    const list = prevEntities().length >= 2 ? prevEntities() : (prev.lastList ?? prevEntities())
    const k =
      ord[1]?.toLowerCase() === 'last' ? list.length : (ORDINALS[ord[1]?.toLowerCase() ?? ''] ?? 0)
    // "And the second one?" after the first-ranked row's figure: the row at that place in the
    // table's printed order, asked the same figure.
    const prevColumn = list.length < 2 ? columnOf(prev, analysis) : null
    if (!list[k - 1] && prevColumn && k >= 1) {
      const row = prevColumn.spec.block.rows[k - 1]
      if (row)
        return figureQuestion(
          analysis.tables.nameOf(prevColumn.spec, row),
          prevColumn.name,
          prevColumn.spec.id,
        )
    }
    const e = list[k - 1]
    if (e) {
      const named = text.replace(ORDINAL_REF, e.name)
      // "What's the second one's value?", "And the first of them?": the previous answer's column.
      const column = columnOf(prev, analysis)
      const rest = named
        .replace(e.name, ' ')
        .replace(/^\s*(?:and|so|what about|how about|and for|for)\b/i, ' ')
      if (
        column &&
        (GENERIC_VALUE.test(named) || queryTerms(rest).length === 0) &&
        analysis.tables.columnsNamedIn(named.toLowerCase()).length === 0 &&
        e.tables.includes(column.spec.id)
      )
        return figureQuestion(e.name, column.name, column.spec.id)
      return named
    }
  }
  const prevColumn = columnOf(prev, analysis)
  const spec = prevColumn?.spec
  const column = prevColumn?.column
  // "And the lowest?"
  const sup = SUPERLATIVE.exec(text)
  if (sup && PREV_SUPERLATIVE.test(prev.question.text))
    return prev.question.text.replace(PREV_SUPERLATIVE, (was) => {
      // "the bottom one" after "the most papers" is the fewest; "the top one" the most.
      const asked = (sup[1] ?? '').toLowerCase()
      const counted = /^(?:most|fewest|least)$/i.test(was)
      if (asked === 'bottom') return counted ? 'fewest' : 'lowest'
      if (asked === 'top') return counted ? 'most' : 'highest'
      return asked
    })
  // "And which come last?" after "Which country tops Table 8.4?": the other end of that column.
  const end = OTHER_END.exec(text)?.[1]?.toLowerCase()
  const prevTable = end && q.entities.length === 0 ? prev.question.table : null
  if (
    end &&
    q.entities.length === 0 &&
    prevTable &&
    (prevTable.op === 'kth' || prevTable.op === 'top') &&
    (prevTable.op === 'top' || prevTable.k === 1)
  ) {
    const spec = analysis.tables.get(prevTable.table)
    const col = spec ? analysis.tables.column(spec, prevTable.column) : undefined
    const wantsMax = /^(?:first|top|highest|most|biggest|largest|strongest)$/.test(end)
    if (spec && col && wantsMax !== (prevTable.direction === 'max'))
      return `Which ${spec.entityNoun.one} has the ${wantsMax ? 'highest' : 'lowest'} ${col.name} in Table ${spec.id}?`
  }
  // "And the one right after it?" after "Item 4 of Table 8.1 is …": the next item.
  const item = /\bItem (\d+) of Table (\d+\.\d+)\b/.exec(prev.answer)
  if (item && q.entities.length === 0 && (NEXT.test(text) || PREVIOUS.test(text))) {
    const k = Number(item[1]) + (NEXT.test(text) ? 1 : -1)
    if (k >= 1) return `What is item ${k} of Table ${item[2]}?`
  }
  if (!spec || !column) return elliptical(q, prev)
  const last = prevEntities()[0]
  const lastRow = last
    ? spec.block.rows.find((r) => analysis.tables.nameOf(spec, r) === last.name)
    : undefined
  const noun = spec.entityNoun
  const by = `by ${column.name} in Table ${spec.id}`
  if (last && q.entities.length === 0) {
    // "the field ranked right after it": by the table's own order, whatever was asked last.
    const ranked =
      /\b(?:rank(?:ed|s|ing)?|listed|placed)\b/i.test(text) && spec.defaultColumn
        ? analysis.tables.column(spec, spec.defaultColumn)
        : undefined
    const order = ranked ? `by ${ranked.name} in Table ${spec.id}` : by
    // "How many papers did it have?" … "And the one ranked just above it?": that row's figure.
    const step = NEXT.test(text) ? 1 : PREVIOUS.test(text) ? -1 : 0
    // ("Which field is ranked right after it?" asks which, answered by the order itself.)
    if (
      step !== 0 &&
      lastRow &&
      prev.question.table?.op === 'lookup' &&
      !/\b(?:which|who|what)\b/i.test(text)
    ) {
      const rows = ranked
        ? spec.block.rows
        : rowsByColumn(spec, column.key, column.higherIsBetter ? 'max' : 'min')
      const neighbour = rows[rows.indexOf(lastRow) + step]
      // "How many more than the one ranked just below it?": the two rows compared.
      if (neighbour && asksTwoRowArithmetic(text))
        return twoRowsQuestion(
          text,
          column.name,
          last.name,
          analysis.tables.nameOf(spec, neighbour),
          spec.id,
        )
      if (neighbour)
        return figureQuestion(analysis.tables.nameOf(spec, neighbour), column.name, spec.id)
    }
    if (NEXT.test(text)) return `Which ${noun.one} is just below ${last.name} ${order}?`
    if (PREVIOUS.test(text)) return `Which ${noun.one} is just above ${last.name} ${order}?`
  }
  const fresh = q.entities.filter((e) => e !== last && e.tables.includes(spec.id))
  // "And what share is that?" after a row's count: another column of the same table, same row.
  const otherColumn = analysis.tables
    .columnsNamedIn(text.toLowerCase())
    .find((c) => c.table === spec.id && c.column !== column.key && c.column !== 'rank')
  if (
    last &&
    lastRow &&
    q.entities.length === 0 &&
    otherColumn &&
    !asksTwoRowArithmetic(text) &&
    !ASKS_ANOTHER_ROW.test(text)
  ) {
    const other = analysis.tables.column(spec, otherColumn.column)
    if (other) return figureQuestion(last.name, other.name, spec.id)
  }
  // "So how much higher is the UK's?": the entity named against the previous answer's.
  if (last && fresh.length === 1 && asksTwoRowArithmetic(text) && !VALUE_REF.test(text))
    return twoRowsQuestion(text, column.name, fresh[0]?.name ?? '', last.name, spec.id)
  // "And together?", "What's the difference between those two?", "what's that as a percentage?":
  // arithmetic on the conversation's last two rows, or the last row's percentage column.
  const two = earlier()
    .filter((e) => e.tables.includes(spec.id))
    .slice(-2)
  if (q.entities.length === 0 && two.length === 2) {
    const [a, b] = two as [Entity, Entity]
    // "How many papers does it have in total?" is about one row.
    if (TOGETHER.test(text) && !/\b(?:it|its|this|that one)\b/i.test(text))
      return `What is the combined ${column.name} of ${a.name} and ${b.name} in Table ${spec.id}?`
    // (A ratio of the last two rows is left to the answers' own figures: "how many times higher is
    // the top score than theirs?" after two answers, the last of them a tie.)
    if (DIFFERENCE_WORDS.test(text) && !VALUE_REF.test(text))
      return twoRowsQuestion(text, column.name, a.name, b.name, spec.id)
  }
  const percentColumn = spec.columns.find((c) => c.kind === 'percent')
  if (
    last &&
    q.entities.length === 0 &&
    AS_PERCENTAGE.test(text) &&
    percentColumn &&
    percentColumn.key !== column.key
  )
    return figureQuestion(last.name, percentColumn.name, spec.id)
  // "And the UK's score?", "What about Canada's value?": the previous column.
  if (
    fresh.length === 1 &&
    GENERIC_VALUE.test(text) &&
    analysis.tables.columnsNamedIn(text.toLowerCase()).length === 0
  )
    return figureQuestion(fresh[0]?.name ?? '', column.name, spec.id)
  if (
    last &&
    fresh.length > 0 &&
    COMPARE.test(text) &&
    analysis.tables.columnsNamedIn(text.toLowerCase()).length === 0
  )
    return `Compare ${last.name} and ${fresh.map((e) => e.name).join(' and ')} ${by}`
  const which = WHICH_MORE.exec(text)
  if (which && q.entities.length === 0) {
    const two = earlier()
      .filter((e) => e.tables.includes(spec.id))
      .slice(-2)
    if (two.length === 2) {
      const more = /bigger|higher|larger|greater|more/i.test(which[1] ?? '')
      return `Which of ${two[0]?.name} and ${two[1]?.name} has the ${more ? 'higher' : 'lower'} ${column.name} in Table ${spec.id}?`
    }
  }
  if ((VALUE_REF.test(text) || comparesWithLast) && last && lastRow) {
    const value = lastRow.printed[column.key] ?? ''
    const unit = column.kind === 'percent' ? '%' : ''
    // "Which other country has the same value?"
    if (/\bsame\b/i.test(text))
      return `Which other ${noun.one} in Table ${spec.id} has the same ${column.name} as ${last.name}?`
    // "How much higher is the UK's than that?", "How many more is that?"
    if (asksTwoRowArithmetic(text)) {
      const named = q.entities.filter((e) => e.tables.includes(spec.id) && e !== last)
      const before = earlier().filter((e) => e !== last && e.tables.includes(spec.id))
      // "the first one": the conversation's first such row, "the second one" its second.
      const place = ord ? (ORDINALS[ord[1]?.toLowerCase() ?? ''] ?? 0) : 0
      // (An ordinal past the rows the conversation named points at none: no rewriting.)
      const other = named[0] ?? (place >= 1 ? before[place - 1] : before.at(-1))
      if (other) return twoRowsQuestion(text, column.name, other.name, last.name, spec.id)
    }
    // "Which field has a higher share than that?"
    const higher = /\b(higher|more|larger|bigger|greater|above)\b/i.test(text)
    const lower = /\b(lower|less|fewer|smaller|below)\b/i.test(text)
    if (higher !== lower)
      return `Which ${noun.many} in Table ${spec.id} have a ${column.name} ${higher ? 'above' : 'below'} ${value}${unit}?`
  }
  return elliptical(q, prev)
}

/** "The other four", "the others", "the rest": what a list holds besides what was answered. */
const OTHERS =
  /\b(?:the )?(?:other (?:two|three|four|five|six|seven|eight|nine|ten|\d+|ones)|others|rest)\b/i
/** A sentence with a list in it: "X, Y, Z, and W". */
const LISTS = /[^,]+,[^,]+,[^,]+,? (?:and|or) /

/**
 * A short question with no subject of its own ("In what year?", "Who signed it?", "And how many
 * companies have they helped?") continues the previous one: it is read together with it.
 */
function continueTopic(q: Question, prev: PreviousTurn): string | null {
  if (q.entities.length > 0 || q.table || q.target || q.intent === 'refuse') return null
  const own = queryTerms(
    q.text.replace(/\b(it|its|they|them|their|he|she|this|that|these|those|there)\b/gi, ' '),
  )
  if (own.length > 2) return null
  // "What are the other four?" after "data … the fifth factor after land, labor force, capital, and
  // technology": the rest of a list the last answer quoted; read with that sentence.
  if (OTHERS.test(q.text)) {
    const listed = prev.answer
      .replace(/\s*\[\d+\]/g, '')
      .split(/(?<=[.!?])\s+/)
      .find((x) => LISTS.test(x))
    if (listed)
      return `${q.text.replace(/\?+\s*$/, '')}, regarding "${listed.replace(/["?]/g, '')}"?`
  }
  // A chain of short follow-ups keeps the first topic: 'regarding "…"' is not nested.
  const topic = (
    /, regarding "(.*)"\?$/.exec(prev.question.text)?.[1] ?? prev.question.text
  ).replace(/\?+\s*$/, '')
  return `${q.text.replace(/\?+\s*$/, '')}, regarding "${topic}"?`
}
