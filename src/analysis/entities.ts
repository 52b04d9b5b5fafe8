import { continents, countries } from 'countries-list'
import { LRUCache } from 'lru-cache'
import type { ChapterDocument, TableBlock } from '../corpus/types.ts'
import { normalizeText } from '../text/normalize.ts'
import { WordIndexedMatcher } from './entity-matcher.ts'

export type EntityType = 'economy' | 'field' | 'place'

/** Something a question can name: an economy or field of the tables, or another place. */
export interface Entity {
  /** Canonical name, as printed in the chapter's tables when it is there. */
  name: string
  type: EntityType
  /** Ids of the tables whose rows name it (`8.3`, `8.4`, `8.2`); empty when no table has it. */
  tables: string[]
}

export interface EntityMention {
  entity: Entity
  start: number
  end: number
  surface: string
}

/**
 * Reviewed aliases of the tables' names: common names, abbreviations, demonyms, and the field
 * names readers use.
 */
const ALIASES: Record<string, string[]> = {
  'United States': [
    'US',
    'U.S.',
    'USA',
    'U.S.A.',
    'America',
    'American',
    'the States',
    'United States of America',
  ],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain', 'British', 'England'],
  'Rep. of Korea': ['Korea', 'South Korea', 'Republic of Korea', 'Rep of Korea', 'Korean'],
  'Taiwan, China': ['Taiwan'],
  'Czech Rep.': ['Czech Republic', 'Czechia', 'Czech'],
  Netherlands: ['Holland', 'Dutch'],
  China: ['Chinese', 'PRC', "People's Republic of China"],
  Germany: ['German'],
  Japan: ['Japanese'],
  France: ['French'],
  Italy: ['Italian'],
  Spain: ['Spanish'],
  Canada: ['Canadian'],
  India: ['Indian'],
  Russia: ['Russian', 'Russian Federation'],
  Switzerland: ['Swiss'],
  Australia: ['Australian'],
  'Microelectromechanical systems technology': [
    'MEMS',
    'microelectromechanical systems',
    'microelectromechanical',
    'micro-electro-mechanical systems',
  ],
  'Laser manufacturing': ['laser', 'lasers'],
  'Additive manufacturing': ['3D printing', 'additive'],
  'CNC machine tools': ['CNC', 'machine tools', 'computer numerical control'],
  'Flexible electronics': ['flexible electronic'],
  'Industrial robotics': ['robotics', 'industrial robots', 'robots'],
  'Very-large-scale integration circuits': [
    'VLSI',
    'very large scale integration',
    'integration circuits',
    'VLSI circuits',
  ],
  'Smart sensors': ['sensors', 'smart sensor'],
  'Wide bandgap semiconductor': [
    'wide bandgap',
    'wide-bandgap',
    'bandgap',
    'wide bandgap semiconductors',
  ],
  'Digital twins': ['digital twin'],
}

/**
 * Aliases that only count in this exact case (`US` is not `us`). Abbreviations that are no English
 * word ("vlsi", "cnc", "mems") count in any case, as readers type them.
 */
const CASE_SENSITIVE = new Set(['US', 'PRC'])

/** Regions the chapter mentions, for follow-ups like "And in Asia?". */
const REGIONS = [
  'Southeast Asia',
  'Eastern Europe',
  'Central Asia',
  'South America',
  'Latin America',
  'North America',
  'Middle East',
  'Europe',
  'Asia',
  'Africa',
  'Oceania',
]

/** Names in the gazetteer that are ordinary words or clash with the chapter's vocabulary. */
const GAZETTEER_SKIP = new Set(['Jersey', 'Chad', 'Georgia', 'Guinea', 'Niger', 'Jordan', 'Turkey'])

/** Bytes of texts and their mentions {@link EntityCatalog.find} remembers. */
const ENTITY_MEMO_BYTES = 4 * 1024 * 1024
/** Bytes counted per text remembered beyond its characters (the entry, the array). */
const MEMO_ENTRY_BYTES = 160
/** Bytes counted per mention remembered beyond its surface (the object, its offsets; the entity is the catalog's). */
const MENTION_BYTES = 96

/**
 * The catalog of names a question can mention: every economy, country and field of Tables
 * 8.2–8.4 (with reviewed aliases), every other country of the world (from `countries-list`, so a
 * question about an economy the tables lack is recognized as such), and world regions.
 */
export class EntityCatalog {
  readonly entities: Entity[]
  /**
   * One matcher per case mode, longest surface first, each finding what one alternation of its
   * surfaces would (`entity-matcher.ts`); the match's surface finds the entity.
   */
  private readonly matchers: Array<{
    matcher: WordIndexedMatcher
    bySurface: Map<string, Entity>
    fold: boolean
  }>
  /**
   * Mentions found lately, by normalized text (the text they were found in, so that their offsets
   * and surfaces hold for every text that normalizes to it) and by the text as given when it
   * differs; bounded in bytes: a key is as long as a message (up to 64 KB), a count of entries
   * bounds nothing.
   */
  private readonly memo = new LRUCache<string, readonly EntityMention[]>({
    maxSize: ENTITY_MEMO_BYTES,
    sizeCalculation: (found, key) =>
      2 * key.length +
      MEMO_ENTRY_BYTES +
      found.reduce((n, m) => n + MENTION_BYTES + 2 * m.surface.length, 0),
  })
  /** Capitals of the countries the chapter names, by lower-cased name, to the country's name. */
  private readonly capitals: Map<string, string>
  private readonly capitalPattern: RegExp | null

  constructor(doc: ChapterDocument) {
    const byName = new Map<string, Entity>()
    const add = (name: string, type: EntityType, table?: string): Entity => {
      const e = byName.get(name) ?? { name, type, tables: [] }
      if (table && !e.tables.includes(table)) e.tables.push(table)
      byName.set(name, e)
      return e
    }
    for (const t of doc.blocks.filter((b): b is TableBlock => b.kind === 'table')) {
      if (t.entityKey === 'title') continue
      for (const r of t.rows)
        add(String(r.values[t.entityKey]), t.entityKey === 'field' ? 'field' : 'economy', t.tableId)
    }
    const known = new Set([...byName.keys()].map((n) => n.toLowerCase()))
    const aliasOwners = new Set(
      Object.values(ALIASES)
        .flat()
        .map((a) => a.toLowerCase()),
    )
    for (const c of Object.values(countries)) {
      const name = c.name
      if (
        GAZETTEER_SKIP.has(name) ||
        known.has(name.toLowerCase()) ||
        aliasOwners.has(name.toLowerCase())
      )
        continue
      add(name, 'economy')
    }
    for (const r of [...REGIONS, ...Object.values(continents)]) if (!byName.has(r)) add(r, 'place')

    this.entities = [...byName.values()]
    const text = normalizeText(doc.blocks.map((b) => ('text' in b ? b.text : '')).join(' '))
    const surfaces: Array<{ surface: string; entity: Entity; caseSensitive: boolean }> = []
    for (const e of this.entities) {
      surfaces.push({ surface: e.name, entity: e, caseSensitive: false })
      if (e.name.includes('. '))
        surfaces.push({ surface: e.name.replace(/\.\s/g, ' '), entity: e, caseSensitive: false })
      for (const a of ALIASES[e.name] ?? [])
        surfaces.push({ surface: a, entity: e, caseSensitive: CASE_SENSITIVE.has(a) })
    }
    for (const [head, e] of fieldHeads(this.entities, text.toLowerCase()))
      if (!surfaces.some((x) => x.surface.toLowerCase() === head))
        surfaces.push({ surface: head, entity: e, caseSensitive: false })
    const build = (list: typeof surfaces, fold: boolean) => {
      // Longest first: "South Korea" before "Korea", "South Africa" before "Africa".
      const sorted = [...list].sort((a, b) => b.surface.length - a.surface.length)
      const bySurface = new Map(sorted.map((x) => [canonicalSurface(x.surface, fold), x.entity]))
      const matcher = new WordIndexedMatcher(
        sorted.map((x) => x.surface),
        fold,
      )
      return { matcher, bySurface, fold }
    }
    this.matchers = [
      build(
        surfaces.filter((x) => x.caseSensitive),
        false,
      ),
      build(
        surfaces.filter((x) => !x.caseSensitive),
        true,
      ),
    ]
    // The countries the chapter names, found as any question's names are.
    const named = new Set(this.scan(text).map((m) => m.entity.name))
    this.capitals = capitalsOf(byName, named)
    this.capitalPattern =
      this.capitals.size > 0
        ? new RegExp(
            `(?<![\\p{L}\\p{N}-])(${[...this.capitals.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])`,
            'giu',
          )
        : null
  }

  /**
   * A text with each capital that stands for its country's government ("Washington and Beijing
   * held talks") read as the country, for the countries the chapter names. A capital is a city,
   * not a government, after a preposition of place ("held in Beijing", "University of Tokyo") and
   * inside a longer name ("the Beijing Initiative", "Seoul National University").
   *
   * @example
   * catalog.readCapitals('When did Beijing and Bangkok sign it?').text // 'When did China and Thailand sign it?'
   */
  readCapitals(text: string): { text: string; read: Array<{ from: string; to: string }> } {
    const re = this.capitalPattern
    if (!re) return { text, read: [] }
    const read: Array<{ from: string; to: string }> = []
    const out = text.replace(re, (m: string, _c: string, at: number) => {
      const country = this.capitals.get(foldAccents(m).toLowerCase())
      if (
        !country ||
        CITY_BEFORE.test(text.slice(0, at)) ||
        NAME_GOES_ON.test(text.slice(at + m.length))
      )
        return m
      read.push({ from: m, to: country })
      return country
    })
    return { text: out, read }
  }

  /** An entity by canonical name. */
  get(name: string): Entity | undefined {
    return this.entities.find((e) => e.name === name)
  }

  /**
   * The entities a text mentions, in order, longest match first and never overlapping.
   *
   * @example
   * catalog.find('Compare South Korea and the USA').map((m) => m.entity.name) // ['Rep. of Korea', 'United States']
   */
  find(text: string): EntityMention[] {
    // The text as given first: a conversation's turns are looked up again and again, and
    // normalizing a long turn costs more than the lookup.
    const seen = this.memo.get(text)
    if (seen) return seen as EntityMention[]
    const t = normalizeText(text)
    const cached = this.memo.get(t)
    if (cached) {
      this.memo.set(text, cached)
      return cached as EntityMention[]
    }
    const out = this.scan(t)
    // Shared by every caller that finds in the same text: read-only.
    for (const m of out) Object.freeze(m)
    this.memo.set(t, Object.freeze(out))
    if (text !== t) this.memo.set(text, out)
    return out
  }

  /** The mentions of a normalized text, in order, longest match first and never overlapping. */
  private scan(t: string): EntityMention[] {
    const out: EntityMention[] = []
    for (const { matcher, bySurface, fold } of this.matchers) {
      // A matcher's matches never overlap one another: only those of the matchers before it may.
      const before = out.slice()
      for (const m of matcher.matchAll(t)) {
        const entity = bySurface.get(canonicalSurface(m.name, fold))
        const start = m.index
        const end = start + m.text.length
        if (!entity || before.some((x) => start < x.end && x.start < end)) continue
        // "South American", "North Korea": a compass word before a name makes another place.
        if (
          entity.type === 'economy' &&
          REGION_BEFORE.test(t.slice(Math.max(0, start - 10), start))
        )
          continue
        out.push({ entity, start, end, surface: m.text })
      }
    }
    return out.sort((a, b) => a.start - b.start)
  }
}

/**
 * Each field's head noun, as printed (and its plural), when it names that field alone: no other field ends
 * in it and the chapter never uses it outside the field's name. "bendable electronics" is
 * Flexible electronics, whatever word a reader puts before it; "manufacturing" names no field.
 */
function fieldHeads(entities: readonly Entity[], text: string): Map<string, Entity> {
  const fields = entities.filter((e) => e.type === 'field')
  const headOf = (name: string) => (name.toLowerCase().split(/\s+/).at(-1) ?? '').replace(/s$/, '')
  const out = new Map<string, Entity>()
  for (const e of fields) {
    const head = headOf(e.name)
    if (head.length < 4 || fields.some((f) => f !== e && headOf(f.name) === head)) continue
    const uses = text.match(new RegExp(`\\b${escapeRegExp(head)}s?\\b`, 'g'))?.length ?? 0
    const inName = text.split(e.name.toLowerCase()).length - 1
    if (uses > inName) continue
    // As printed, and its plural: "electronic" alone is an adjective, not the field.
    const printed = e.name.toLowerCase().split(/\s+/).at(-1) as string
    out.set(printed, e)
    if (!printed.endsWith('s')) out.set(`${printed}s`, e)
  }
  return out
}

/** Before a capital, words that make it the city: a preposition of place or "the city of". */
const CITY_BEFORE =
  /\b(?:in|at|near|from|to|of|outside|inside|around|across|via|within|into|visit(?:ed|ing)?|city|capital)\s+(?:the\s+)?$/i

/** After a capital, what makes it part of a longer name: a capitalized word or a hyphen. */
const NAME_GOES_ON = /^(?:\s+[A-Z]|-)/

/** Letters without their accents: "Bogotá" is typed "Bogota". */
const foldAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '')

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The capitals of the countries the chapter's text names (from `countries-list`), accent-folded
 * and lower-cased, each to the name the catalog knows the country by. A capital that is its
 * country's own name ("Singapore") or that the chapter's text never uses as a country is left out.
 */
function capitalsOf(
  byName: ReadonlyMap<string, Entity>,
  /** The names of the entities the chapter's text mentions. */
  named: ReadonlySet<string>,
): Map<string, string> {
  const owner = new Map<string, string>()
  for (const [name, aliases] of Object.entries(ALIASES))
    for (const a of [name, ...aliases]) owner.set(a.toLowerCase(), name)
  const out = new Map<string, string>()
  for (const c of Object.values(countries)) {
    const capital = foldAccents(c.capital.replace(/\s+D\.C\.$/, '')).trim()
    const name = owner.get(c.name.toLowerCase()) ?? (byName.has(c.name) ? c.name : null)
    if (!capital || !name || capital.toLowerCase() === c.name.toLowerCase()) continue
    if (!named.has(name)) continue
    out.set(capital.toLowerCase(), name)
  }
  return out
}

/**
 * A capitalized compass or region word just before a name: "South American", "North Korea",
 * "Latin America" name other places than the United States or the Republic of Korea.
 */
const REGION_BEFORE = /\b(?:north|south|east|west|latin|central)[\s-]$/i

/** The key a matched surface is looked up by: hyphens as spaces, and lower-cased when folding. */
function canonicalSurface(s: string, fold: boolean): string {
  const t = s.replace(/-/g, ' ')
  return fold ? t.toLowerCase() : t
}
