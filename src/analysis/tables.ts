import type { ChapterDocument, TableBlock, TableRow } from '../corpus/types.ts'
import { normalizeText } from '../text/normalize.ts'

/** What a value column measures, which decides how it is phrased and compared. */
export type ColumnKind = 'count' | 'percent' | 'score' | 'rank' | 'text'

/** A column a question can ask about, with the words readers use for it. */
export interface ColumnSpec {
  /** Key of the parsed row's `values` / `printed`. */
  key: string
  /** The chapter's own name, used in answers ("share of internationally coauthored papers"). */
  name: string
  kind: ColumnKind
  /** Words and phrases that name this column in a question (matched on lower-case text). */
  synonyms: RegExp
  /** Larger numbers rank first when the table is read by this column (false for `rank`). */
  higherIsBetter: boolean
  /**
   * For a share: the bases a question may give that this column is no share of. Table 8.3's share
   * is of each economy's own papers, so "what share of the global total does the US account
   * for" is not asked of it.
   */
  notOf?: RegExp
}

/** One table, described once: what it lists, its columns, its years and what its order means. */
export interface TableSpec {
  id: string
  block: TableBlock
  caption: string
  /** Key of the column naming each row. */
  entityKey: string
  /** What a row is: `economy`, `country`, `field`, `achievement`. */
  entityNoun: { one: string; many: string }
  /** Value columns a question can ask about (never the entity column). */
  columns: ColumnSpec[]
  /** The column the printed order follows, and the column a bare "highest" means. */
  defaultColumn: string | null
  /** Years the figures cover, inclusive; a question about another year is not answered from it. */
  years: { from: number; to: number } | null
  /** Question words that point at this table even without a column ("fields", "achievements"). */
  cue: RegExp
}

const SHARE =
  /\b(shares?|percentages?|proportions?|portions?|fractions?|percent|per cent|rates?|ratio of (?:internationally )?co-?authored)\b|%/
const CENTRALITY =
  /\b(centrality|centrality score|hub score|hubs?|central|position in the (?:research |scientific |cooperation )?network|network position|(?:research|collaboration|cooperation|science|scientific)[- ]network(?: score)?|network score|connectedness|connected|connectors?)\b/
const COAUTHORED =
  /\b(co-?authored|co-?authorship|co-?written|written with foreign|foreign (?:partners|co-?authors)|jointly (?:written|authored)|joint(?:ly)? papers?|internationally (?:collaborat|cooperat|co-?author)\w*|international (?:co-?authorship|collaborations?|papers)|intl|with foreign|(?:partners|co-?authors) (?:abroad|from abroad|from other countries)|(?:co-?)?written abroad|cross-border papers?)\b/
const PAPERS =
  /\b(papers?|publications?|articles?|publish(?:ed|es|ing)?|output|studies|research output)\b/
const RANK = /\b(rank(?:ing|ed|s)?|position|place)\b/

/** A share of everyone's total, not of one row's own: "of the global total", "the world's papers". */
const OF_THE_WORLD =
  /\b(?:global|world(?:wide)?|worldwide|international|overall) (?:total|sum|output)\b|\bof (?:the )?(?:world|globe|all (?:the )?(?:countries|economies|nations))\b|\bthe world's\b|\bworldwide total\b/

/** The columns of Tables 8.2 and 8.3 (they share a layout). */
const PAPER_COLUMNS: ColumnSpec[] = [
  {
    key: 'share',
    name: 'share of internationally coauthored papers',
    kind: 'percent',
    synonyms: SHARE,
    higherIsBetter: true,
    notOf: OF_THE_WORLD,
  },
  {
    key: 'coauthored',
    name: 'internationally coauthored papers',
    kind: 'count',
    synonyms: COAUTHORED,
    higherIsBetter: true,
  },
  { key: 'papers', name: 'papers', kind: 'count', synonyms: PAPERS, higherIsBetter: true },
  { key: 'rank', name: 'ranking', kind: 'rank', synonyms: RANK, higherIsBetter: false },
]

/** Per table id: what the printed columns mean. Adding a table is one entry here. */
const SPECS: Record<string, Omit<TableSpec, 'id' | 'block' | 'caption' | 'entityKey'>> = {
  '8.1': {
    entityNoun: { one: 'achievement', many: 'achievements' },
    columns: [],
    defaultColumn: null,
    years: { from: 2023, to: 2023 },
    cue: /\b(achievements?|outcomes?|titles?|entr(?:y|ies)|items?|documents?|initiatives?|declarations?)\b.*\b(brf|belt and road forum|digital cooperations?)\b|\btable 8\.1\b/,
  },
  '8.2': {
    entityNoun: { one: 'field', many: 'fields' },
    columns: PAPER_COLUMNS,
    defaultColumn: 'papers',
    years: { from: 2011, to: 2020 },
    cue: /\b(fields?|technolog(?:y|ies)|areas?|subfields?|domains?|topics?|disciplines?)\b/,
  },
  '8.3': {
    entityNoun: { one: 'economy', many: 'economies' },
    columns: PAPER_COLUMNS,
    defaultColumn: 'papers',
    years: { from: 2011, to: 2020 },
    cue: /\b(econom(?:y|ies)|countr(?:y|ies)|nations?)\b/,
  },
  '8.4': {
    entityNoun: { one: 'country', many: 'countries' },
    columns: [
      {
        key: 'centrality',
        name: 'centrality',
        kind: 'score',
        synonyms: CENTRALITY,
        higherIsBetter: true,
      },
    ],
    defaultColumn: 'centrality',
    years: { from: 2020, to: 2020 },
    cue: /\b(countr(?:y|ies)|nations?|econom(?:y|ies))\b/,
  },
}

/** "share" used as a verb: "countries that share a centrality", "fields sharing the same score". */
const SHARE_VERB =
  /\b(?:share|shares|shared|sharing)(?=\s+(?:a|an|the|same|their|its|this|that)\b)/g

/**
 * The chapter's tables, each described once (see {@link TableSpec}). Table ids come from the
 * parsed document; nothing else in the code needs to spell them.
 *
 * @example
 * const tables = new TableRegistry(doc)
 * tables.get('8.4')?.columns[0]?.name // 'centrality'
 * tables.columnsNamedIn("what is germany's centrality score") // [{ table: '8.4', column: 'centrality' }]
 */
export class TableRegistry {
  readonly tables: TableSpec[]
  private chapters: readonly string[] | undefined
  private readonly byId: Map<string, TableSpec>

  constructor(doc: ChapterDocument) {
    this.tables = doc.blocks
      .filter((b): b is TableBlock => b.kind === 'table')
      .map((block) => {
        const spec = SPECS[block.tableId]
        if (!spec) throw new Error(`no description of Table ${block.tableId} in the table registry`)
        return {
          id: block.tableId,
          block,
          caption: block.caption,
          entityKey: block.entityKey,
          ...spec,
        }
      })
    this.byId = new Map(this.tables.map((t) => [t.id, t]))
  }

  /**
   * The chapter numbers the tables' ids start with ("8" for Tables 8.1–8.4): a reference to a
   * part of another chapter ("table 12.5") is no reference of this one.
   */
  chapterNumbers(): readonly string[] {
    this.chapters ??= [...new Set(this.tables.map((t) => t.id.split('.')[0] as string))]
    return this.chapters
  }

  get(id: string): TableSpec | undefined {
    return this.byId.get(id)
  }

  /** Ids of all tables, in the chapter's order. */
  ids(): string[] {
    return this.tables.map((t) => t.id)
  }

  /**
   * Whether words name the only value column of a table ("the centrality table"): then they name
   * that column as well as the table.
   */
  private onlyColumnNamedBy(words: string): boolean {
    return this.tables.some((t) => {
      const values = t.columns.filter((c) => c.key !== 'rank')
      return values.length === 1 && new RegExp(values[0]?.synonyms.source ?? '$^').test(words)
    })
  }

  /**
   * The value columns a (lower-case, normalized) question names, most specific first: "share of
   * internationally coauthored papers" names `share`, not also `coauthored` and `papers`.
   */
  columnsNamedIn(text: string): Array<{ table: string; column: string; at: number }> {
    // "Which countries share a centrality of 1.7?": "share" the verb names no column.
    // "the table on co-authorship in advanced manufacturing": words that name a table, not a column.
    const lower = text
      .replace(SHARE_VERB, (m) => ' '.repeat(m.length))
      .replace(TABLE_NAMED_BY_TOPIC, (m) => ' '.repeat(m.length))
      .replace(TOPIC_BEFORE_TABLE, (m, topic: string) =>
        NOT_A_TOPIC.test(topic.trim()) || this.onlyColumnNamedBy(topic) ? m : ' '.repeat(m.length),
      )
    const out: Array<{ table: string; column: string; at: number }> = []
    const keys = new Set<string>()
    for (const t of this.tables)
      for (const c of t.columns) {
        const m = c.synonyms.exec(lower)
        if (m) {
          out.push({ table: t.id, column: c.key, at: m.index })
          keys.add(c.key)
        }
      }
    // Nested names: "share of … coauthored papers" is the share; "coauthored papers" is not papers.
    const drop = new Set<string>()
    if (keys.has('share')) {
      const share = out.find((x) => x.column === 'share')?.at ?? 0
      for (const x of out)
        if ((x.column === 'coauthored' || x.column === 'papers') && x.at > share) drop.add(x.column)
    }
    if (keys.has('coauthored')) drop.add('papers')
    // "ranked sixth" asks for a position, not the ranking column, when another column is named.
    if (out.some((x) => x.column !== 'rank' && !drop.has(x.column))) drop.add('rank')
    return out.filter((x) => !drop.has(x.column))
  }

  /** The words of a (lower-case) question that name columns ("published", "co-written with foreign partners"). */
  columnWordsIn(lower: string): string[] {
    const out: string[] = []
    for (const t of this.tables)
      for (const c of t.columns)
        for (const m of lower.matchAll(new RegExp(c.synonyms.source, 'g'))) out.push(m[0])
    return out
  }

  /** The name of a row (`China`, `Laser manufacturing`). */
  nameOf(t: TableSpec, r: TableRow): string {
    return String(r.values[t.entityKey])
  }

  /** A column of a table, if it has it. */
  column(t: TableSpec, key: string): ColumnSpec | undefined {
    return t.columns.find((c) => c.key === key)
  }
}

/** "the table on co-authorship …", "the table of centrality scores": a table named by its topic. */
const TABLE_NAMED_BY_TOPIC = /\btables?\s+(?:on|of|about|for|listing|showing)\s+[^,;?]*/g
/** "the international co-authorship table": the words before "table" name its topic. */
const TOPIC_BEFORE_TABLE = /(?<=\bthe\s+)((?:[a-z][a-z-]*\s+){1,3}?)(?=tables?\b)/g
/** Words before "table" that pick a table rather than name its topic: "the same table", "the first table". */
const NOT_A_TOPIC =
  /^(?:same|first|second|third|fourth|last|next|other|previous|whole|entire|full|above|below|following)$|\b(?:in|of|on|for|from|with|by|at|to|and|or|than|most|least|fewest|highest|lowest|largest|smallest|top|bottom)\b/

/** The value columns of Tables 8.2–8.4, as keys of a parsed row's `values` and `printed`. */
export type ValueColumn = 'papers' | 'coauthored' | 'share' | 'centrality'

/**
 * Words that name a value column, most specific first. Coarser than the registry's
 * {@link ColumnSpec} synonyms, and independent of any table: claim checking and follow-up
 * resolution read columns with these.
 */
const VALUE_COLUMN_WORDS: Array<[ValueColumn, RegExp]> = [
  ['share', /\b(shares?|percentages?|proportions?|portions?|percent|per cent)\b|%/],
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

/**
 * The value columns a text mentions, most specific first: "share of internationally coauthored
 * papers" names `share` only, not also `coauthored` and `papers`.
 *
 * @example
 * columnsIn("What is Germany's hub score?") // ['centrality']
 */
export function columnsIn(text: string): ValueColumn[] {
  const t = normalizeText(text).toLowerCase()
  const found = VALUE_COLUMN_WORDS.filter(([, re]) => re.test(t)).map(([c]) => c)
  if (found.includes('share')) return ['share', ...found.filter((c) => c === 'centrality')]
  if (found.includes('coauthored'))
    return ['coauthored', ...found.filter((c) => c === 'centrality')]
  return found
}

/** The tables of a document, by id ("8.3"). */
export function tablesOf(doc: ChapterDocument): Map<string, TableBlock> {
  return new Map(
    doc.blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => [t.tableId, t]),
  )
}
