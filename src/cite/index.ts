import { EntityCatalog } from '../analysis/entities.ts'
import { columnsIn, tablesOf } from '../analysis/tables.ts'
import { TermStats } from '../analysis/terms.ts'
import { unknownNamesIn } from '../answer/abstain.ts'
import { chunkSentenceIndex } from '../answer/passage.ts'
import type { Citation } from '../answer/types.ts'
import type { Chunk } from '../chunk/chunk.ts'
import type { Block, ChapterDocument, TableBlock } from '../corpus/types.ts'
import type { SearchHit } from '../retrieve/hybrid.ts'
import { type ClaimSupport, supportForClaim } from './claims.ts'
import {
  type BibliographicRecord,
  type CitationStyle,
  formatCitation,
  type Pinpoint,
} from './format.ts'
import { type QuoteLocation, QuoteLocator, type WordDiff } from './locate.ts'

export {
  BibliographicRecord,
  CITATION_STYLES,
  type CitationStyle,
  formatCitation,
} from './format.ts'
export { verifyQuote } from './verify.ts'

/** One match, as in the HTTP contract (`Citation` plus `match` and `similarity`). */
export interface CiteMatch extends Citation {
  match: 'exact' | 'fuzzy' | 'related'
  similarity: number
  /** Fuzzy quotes: the writer's words against the chapter's. */
  diff?: WordDiff[]
  /** Claims: whether this sentence supports the claim (a related sentence does not). */
  supports?: boolean
  conflicts?: string[]
}

export interface CiteResult {
  matches: CiteMatch[]
  /** The formatted citation, with a pinpoint to the best match (the chapter alone if none). */
  citation: string
  /** Whether the text was found as a quote, or weighed as a claim. */
  mode: 'quote' | 'claim'
  verdict: 'exact' | 'fuzzy' | 'supported' | 'unsupported'
}

export interface CiteDeps {
  doc: ChapterDocument
  chunks: readonly Chunk[]
  search: (query: string, options?: { k?: number }) => Promise<SearchHit[]>
  embed: (texts: string[]) => Promise<number[][]>
  record: BibliographicRecord
  /** Term statistics and the entity catalog of the chapter, if the host already built them (they are pure and can be shared). */
  shared?: { stats: TermStats; catalog: EntityCatalog }
}

/**
 * Characters of a claim weighed at most. A claim is a sentence or two; the rest of a longer text
 * (a pasted page that is not a quote) would only make the search and the sentence scoring cost
 * more (they grow with the claim's words), not find better support.
 */
export const MAX_CLAIM_CHARS = 600

/** `text` cut before `max` characters at a word boundary, when it is longer. */
function firstChars(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.lastIndexOf(' ', max)
  return text.slice(0, cut > 0 ? cut : max)
}

/**
 * Citation lookup for writers: locates a quotation (exact or fuzzy, with a word-level diff), or
 * else finds the sentences that support a claim, and formats the citation with a pinpoint.
 *
 * @example
 * const r = await citer.cite('Openness is a distinctive feature of Chinese modernization.', 'apa')
 * r.matches[0].match // 'exact'
 */
export class CiteService {
  private readonly deps: CiteDeps
  private readonly locator: QuoteLocator
  private readonly stats: TermStats
  private readonly catalog: EntityCatalog
  private readonly chunksById: Map<string, Chunk>
  private readonly chunkSentences: ReturnType<typeof chunkSentenceIndex>
  private readonly tables: Map<string, TableBlock>

  constructor(deps: CiteDeps) {
    this.deps = deps
    this.locator = new QuoteLocator(deps.doc)
    this.stats = deps.shared?.stats ?? new TermStats(deps.chunks)
    this.catalog = deps.shared?.catalog ?? new EntityCatalog(deps.doc)
    this.chunksById = new Map(deps.chunks.map((c) => [c.id, c]))
    this.chunkSentences = chunkSentenceIndex(deps.doc, this.chunksById)
    this.tables = tablesOf(deps.doc)
  }

  /** Finds a quotation only (no claim search). */
  locate(text: string): QuoteLocation | null {
    const found = this.locator.locate(text)
    if (found?.match !== 'fuzzy') return found
    // "A few changed words" may not change a number or a name: that would be another claim.
    if (found.diff?.some((d) => d.op === 'changed' && /\d/.test(d.quote + d.chapter))) return null
    const named = (t: string) => new Set(this.catalog.find(t).map((m) => m.entity.name))
    const inChapter = named(found.chapterText)
    if ([...named(text)].some((n) => !inChapter.has(n))) return null
    return found
  }

  /**
   * Checks a claim that names one economy or field with a superlative against its table:
   * "Japan has the highest centrality" is contradicted by Table 8.4.
   */
  private tableConflict(claim: string): string | null {
    const lower = claim.toLowerCase()
    const max = /\b(highest|most|largest|biggest|greatest|top|leading|leads|first)\b/.test(lower)
    const min = /\b(lowest|least|smallest|fewest|last)\b/.test(lower)
    const column = columnsIn(claim)[0]
    const named = this.catalog.find(claim).filter((m) => m.entity.tables.length > 0)
    if ((!max && !min) || !column || named.length !== 1) return null
    const entity = (named[0] as (typeof named)[number]).entity
    const table = column === 'centrality' ? '8.4' : entity.type === 'field' ? '8.2' : '8.3'
    const t = this.tables.get(table)
    if (!t || !entity.tables.includes(table)) return null
    const sorted = [...t.rows].sort(
      (a, b) => (b.values[column] as number) - (a.values[column] as number),
    )
    const top = (max ? sorted[0] : sorted.at(-1)) as (typeof sorted)[number]
    const own = t.rows.find((r) => r.values[t.entityKey] === entity.name)
    if (!own || own.values[column] === top.values[column]) return null
    return `Table ${table} gives the ${max ? 'highest' : 'lowest'} ${column} to ${String(top.values[t.entityKey])} (${top.printed[column]}), not ${entity.name} (${own.printed[column]})`
  }

  async cite(text: string, style: CitationStyle = 'apa'): Promise<CiteResult> {
    const found = this.locate(text)
    if (found) {
      const m: CiteMatch = {
        n: 1,
        ...this.citationFor(found.blocks, found.span, found.chapterText),
        match: found.match,
        similarity: found.similarity,
        ...(found.diff ? { diff: found.diff } : {}),
      }
      return {
        matches: [m],
        citation: formatCitation(this.deps.record, style, this.pinpoint(found.blocks[0])),
        mode: 'quote',
        verdict: found.match,
      }
    }
    const supports = await this.support(text)
    const matches: CiteMatch[] = supports.map((s, i) => ({
      n: i + 1,
      ...s.cite,
      match: 'related',
      similarity: s.support,
      supports: s.supports,
      ...(s.conflicts.length ? { conflicts: s.conflicts } : {}),
    }))
    const best = supports.find((s) => s.supports)
    const bestBlock = best ? this.blockOfCite(best.cite.id) : undefined
    return {
      matches,
      citation: formatCitation(
        this.deps.record,
        style,
        bestBlock ? this.pinpoint(bestBlock) : null,
      ),
      mode: 'claim',
      verdict: best ? 'supported' : 'unsupported',
    }
  }

  /** Sentences that support a claim, best first (a long claim is weighed on its first {@link MAX_CLAIM_CHARS} characters). */
  support(text: string): Promise<ClaimSupport[]> {
    const claim = firstChars(text, MAX_CLAIM_CHARS)
    return supportForClaim(claim, {
      doc: this.deps.doc,
      chunksById: this.chunksById,
      chunkSentences: this.chunkSentences,
      stats: this.stats,
      search: this.deps.search,
      embed: this.deps.embed,
      namesIn: (t) =>
        this.catalog
          .find(t)
          .filter((m) => m.entity.tables.length > 0)
          .map((m) => m.entity.name),
      unknownNames: (t) => unknownNamesIn(t, this.stats, this.catalog, true),
      tableConflict: (t) => this.tableConflict(t),
    })
  }

  /** The pinpoint of a block: section, box/table/figure/footnote, paragraph number. */
  pinpoint(block: Block | undefined): Pinpoint | null {
    if (!block) return null
    const element =
      block.kind === 'table' || block.kind === 'table-row'
        ? `Table ${block.tableId}`
        : block.kind === 'figure'
          ? `Figure ${block.figureId}`
          : block.kind === 'footnote'
            ? `footnote ${block.footnoteNumber}`
            : 'boxId' in block && block.boxId
              ? `Box ${block.boxId}`
              : null
    const paragraph = 'ordinal' in block ? block.ordinal : null
    return { section: block.sectionId === 'intro' ? null : block.sectionId, element, paragraph }
  }

  private blockOfCite(id: string): Block | undefined {
    const blocks = this.deps.doc.blocks
    return (
      blocks.find((b) => b.id === id) ??
      [...blocks].sort((a, b) => b.id.length - a.id.length).find((b) => id.startsWith(`${b.id}/`))
    )
  }

  private citationFor(
    blocks: Block[],
    span: { start: number; end: number },
    quote: string,
  ): Omit<Citation, 'n'> {
    const first = blocks[0] as Block
    const chunk =
      this.deps.chunks.find(
        (c) => c.blockId === first.id && c.start <= span.start && span.start < c.end,
      ) ?? this.deps.chunks.find((c) => c.blockId === first.id)
    return {
      id: blocks.length === 1 ? first.id : `${first.id}..${(blocks.at(-1) as Block).id}`,
      label: chunk?.label ?? first.id,
      section: first.sectionId,
      sectionTitle: chunk?.sectionTitle ?? '',
      kind: first.kind,
      quote,
      start: span.start,
      end: span.end,
    }
  }
}
