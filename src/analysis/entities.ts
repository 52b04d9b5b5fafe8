import { continents, countries } from 'countries-list'
import { LRUCache } from 'lru-cache'
import type { ChapterDocument, TableBlock } from '../corpus/types.ts'
import { normalizeText } from '../text/normalize.ts'

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

/** Aliases that only count in this exact case (`US` is not `us`). */
const CASE_SENSITIVE = new Set(['US', 'PRC', 'MEMS', 'CNC', 'VLSI'])

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
  /** One alternation per case mode, longest surface first; the match's surface finds the entity. */
  private readonly matchers: Array<{ re: RegExp; bySurface: Map<string, Entity>; fold: boolean }>
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
    const surfaces: Array<{ surface: string; entity: Entity; caseSensitive: boolean }> = []
    for (const e of this.entities) {
      surfaces.push({ surface: e.name, entity: e, caseSensitive: false })
      if (e.name.includes('. '))
        surfaces.push({ surface: e.name.replace(/\.\s/g, ' '), entity: e, caseSensitive: false })
      for (const a of ALIASES[e.name] ?? [])
        surfaces.push({ surface: a, entity: e, caseSensitive: CASE_SENSITIVE.has(a) })
    }
    const surfacePattern = (s: string) =>
      s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]')
    const build = (list: typeof surfaces, fold: boolean) => {
      // Longest first: "South Korea" before "Korea", "South Africa" before "Africa".
      const sorted = [...list].sort((a, b) => b.surface.length - a.surface.length)
      const bySurface = new Map(sorted.map((x) => [canonicalSurface(x.surface, fold), x.entity]))
      const body = sorted.map((x) => surfacePattern(x.surface)).join('|')
      return {
        re: new RegExp(
          `(?<![\\p{L}\\p{N}])(?:the )?(${body})(?:['’]s)?(?![\\p{L}\\p{N}])`,
          fold ? 'giu' : 'gu',
        ),
        bySurface,
        fold,
      }
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
    const out: EntityMention[] = []
    for (const { re, bySurface, fold } of this.matchers) {
      for (const m of t.matchAll(re)) {
        const entity = bySurface.get(canonicalSurface(m[1] as string, fold))
        const start = m.index
        const end = start + m[0].length
        if (!entity || out.some((x) => start < x.end && x.start < end)) continue
        // "South American", "North Korea": a compass word before a name makes another place.
        if (
          entity.type === 'economy' &&
          REGION_BEFORE.test(t.slice(Math.max(0, start - 10), start))
        )
          continue
        out.push({ entity, start, end, surface: m[0] })
      }
    }
    out.sort((a, b) => a.start - b.start)
    // Shared by every caller that finds in the same text: read-only.
    for (const m of out) Object.freeze(m)
    this.memo.set(t, Object.freeze(out))
    if (text !== t) this.memo.set(text, out)
    return out
  }
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
