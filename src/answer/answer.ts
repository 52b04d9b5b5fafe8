import { LRUCache } from 'lru-cache'
import type { Chunk } from '../chunk/chunk.ts'
import type { ChapterDocument, TableBlock } from '../corpus/types.ts'
import type { RetrievalOptions, SearchHit } from '../retrieve/hybrid.ts'
import { expandGlossary } from '../text/glossary.ts'
import {
  type AbstentionThresholds,
  DEFAULT_THRESHOLDS,
  decideAbstention,
  type SupportFeatures,
  supportFeatures,
} from './abstain.ts'
import { resolveFollowUp } from './conversation.ts'
import { EntityCatalog } from './entities.ts'
import { findListGroups, type ListGroup } from './lists.ts'
import {
  chunkSentenceIndex,
  lexicalCoverage,
  openingOf,
  queryTerms,
  questionCues,
  type ScoredSentence,
  scoreSentences,
  selectSentences,
  TermStats,
} from './passage.ts'
import {
  columnWordsIn,
  executeTableQuery,
  parseTableQuestion,
  type TableAnswer,
  tablesOf,
} from './table-engine.ts'
import type { Answer, ChatTurn, Citation, Cited } from './types.ts'

/** What the answerer needs; the Node and Workers hosts pass it in. */
export interface AnswererDeps {
  doc: ChapterDocument
  chunks: readonly Chunk[]
  search: (query: string, options?: Partial<RetrievalOptions>) => Promise<SearchHit[]>
  embed: (texts: string[]) => Promise<number[][]>
  thresholds?: AbstentionThresholds
  /** Term statistics and the entity catalog of the chapter, if the host already built them (they are pure and can be shared). */
  shared?: { stats: TermStats; catalog: EntityCatalog }
}

/** Why an answer was given or withheld; for evaluation and debugging. */
export interface AnswerTrace {
  route: 'table' | 'passage' | 'list' | 'abstain' | 'table-absent'
  features?: SupportFeatures
  reason?: string
  /** What retrieval returned for the standalone question. */
  hits: SearchHit[]
}

export const NOT_COVERED =
  'The chapter does not cover this question. The closest passages are listed as related, for you to judge.'

/**
 * The grounded, extractive answerer. Every sentence of an answer is either a sentence quoted from
 * the chapter or a fact computed from a parsed table, each followed by its citation marker.
 *
 * @example
 * const answerer = new Answerer({ doc, chunks, search: (q, o) => retriever.search(q, o), embed: (t) => embeddings.embedDocuments(t) })
 * const a = await answerer.answer('And Canada?', [{ role: 'user', content: "What is Spain's share of internationally coauthored papers?" }])
 * a.standaloneQuestion // "What is Canada's share of internationally coauthored papers?"
 */
export class Answerer {
  private readonly deps: AnswererDeps
  readonly catalog: EntityCatalog
  private readonly tables: Map<string, TableBlock>
  private readonly lists: ListGroup[]
  private readonly stats: TermStats
  private readonly chunksById: Map<string, Chunk>
  private readonly thresholds: AbstentionThresholds
  private readonly chunkSentences: ReturnType<typeof chunkSentenceIndex>
  private readonly expanded = new LRUCache<string, string>({ max: 10_000 })
  private readonly vectors = new LRUCache<string, number[]>({ max: 10_000 })

  constructor(deps: AnswererDeps) {
    this.deps = deps
    this.catalog = deps.shared?.catalog ?? new EntityCatalog(deps.doc)
    this.tables = tablesOf(deps.doc)
    this.lists = findListGroups(deps.doc)
    this.stats = deps.shared?.stats ?? new TermStats(deps.chunks)
    this.chunksById = new Map(deps.chunks.map((c) => [c.id, c]))
    this.thresholds = deps.thresholds ?? DEFAULT_THRESHOLDS
    this.chunkSentences = chunkSentenceIndex(deps.doc, this.chunksById)
  }

  /** Glossary expansion of a chapter sentence, computed once. */
  private readonly expand = (text: string): string => {
    let e = this.expanded.get(text)
    if (e === undefined) {
      e = expandGlossary(text)
      this.expanded.set(text, e)
    }
    return e
  }

  /** Embeds texts, reusing vectors already computed (the chapter's sentences recur on every query). */
  private readonly embed = async (texts: string[]): Promise<number[][]> => {
    const missing = [...new Set(texts.filter((t) => !this.vectors.has(t)))]
    if (missing.length > 0) {
      const fresh = await this.deps.embed(missing)
      for (const [i, t] of missing.entries()) this.vectors.set(t, fresh[i] as number[])
    }
    return texts.map((t) => this.vectors.get(t) as number[])
  }

  /** The rewritten, standalone form of a (follow-up) question. */
  standalone(question: string, history: readonly ChatTurn[] = []): string {
    return resolveFollowUp(question, history, this.catalog)
  }

  /** Answers a question, resolving it against the conversation first. */
  async answer(question: string, history: readonly ChatTurn[] = []): Promise<Answer> {
    return (await this.answerWithTrace(question, history)).answer
  }

  async answerWithTrace(
    question: string,
    history: readonly ChatTurn[] = [],
    rewritten?: string,
  ): Promise<{ answer: Answer; trace: AnswerTrace }> {
    const standaloneQuestion = rewritten ?? this.standalone(question, history)
    const hits = await this.deps.search(standaloneQuestion, { k: 8 })
    const related = () => toCitations(hits.slice(0, 3).map(hitToCited))

    const tq = parseTableQuestion(standaloneQuestion, this.catalog, this.tables)
    const table = tq ? executeTableQuery(tq, this.tables, this.deps.doc, this.catalog) : null
    if (table && !table.answerable) {
      const answer = table.sentences.map((s) => s.text).join(' ')
      const rel = dedupe([...table.related, ...hits.slice(0, 2).map(hitToCited)])
      return {
        answer: {
          answer,
          answerable: false,
          citations: [],
          standaloneQuestion,
          related: toCitations(rel),
        },
        trace: { route: 'table-absent', hits },
      }
    }

    const terms = queryTerms(standaloneQuestion)
    const scored = await scoreSentences({
      question: standaloneQuestion,
      hits,
      chunksById: this.chunksById,
      doc: this.deps.doc,
      stats: this.stats,
      embed: this.embed,
      terms,
      chunkSentences: this.chunkSentences,
      expand: this.expand,
    })
    // "What else …?": leave out what the last answer already said, and prefer what follows it.
    const supportBest = scored[0]
    const lastAnswer = [...history].reverse().find((t) => t.role === 'assistant')?.content
    if (lastAnswer && /\b(else|besides|other than|apart from)\b/i.test(question)) {
      const said = lastAnswer.replace(/\s*\[\d+\]/g, '')
      const removed = scored.filter((x) => said.includes(x.text))
      if (removed.length > 0) {
        const rest = scored
          .filter((x) => !removed.includes(x))
          .map((x) =>
            removed.some((r) => r.blockId === x.blockId && Math.abs(r.index - x.index) === 1)
              ? { ...x, score: x.score + 0.3 }
              : x,
          )
          .sort((a, b) => b.score - a.score)
        scored.splice(0, scored.length, ...rest)
      }
    }
    const picked = selectSentences(scored, standaloneQuestion, this.stats, terms)
    const passageCoverage = lexicalCoverage(terms, picked.map((p) => p.text).join(' '), this.stats)

    const best = supportBest
    const features = supportFeatures(standaloneQuestion, best, terms, this.stats, this.catalog)
    // A table answers only for what the chapter measures: "the highest number of unicorn
    // startups" is not a column, however close "number of" comes to one.
    if (
      table &&
      !features.unknownFocus &&
      !this.proseStates(table, scored, standaloneQuestion) &&
      lexicalCoverage(
        terms,
        `${table.coveredText} ${columnWordsIn(standaloneQuestion).join(' ')}`,
        this.stats,
      ) >=
        passageCoverage - 0.05
    ) {
      return {
        answer: compose(table.sentences, standaloneQuestion),
        trace: { route: 'table', hits },
      }
    }

    const reason = best ? decideAbstention(features, this.thresholds) : 'nothing was retrieved'
    if (!best || reason) {
      return {
        answer: {
          answer: NOT_COVERED,
          answerable: false,
          citations: [],
          standaloneQuestion,
          related: related(),
        },
        trace: { route: 'abstain', features, hits, ...(reason ? { reason } : {}) },
      }
    }

    const list = questionCues(standaloneQuestion).list ? this.listAnswer(scored) : null
    if (list)
      return { answer: compose(list, standaloneQuestion), trace: { route: 'list', features, hits } }
    return {
      answer: compose(mergeNeighbours(picked), standaloneQuestion),
      trace: { route: 'passage', features, hits },
    }
  }

  /**
   * Whether the prose itself gives the figures a table lookup would compute: a top sentence names
   * every entity of the lookup and has a number, and the question does not point at the tables.
   * ("What share of the world's internationally collaborated papers do the US and China account
   * for?" is answered by a sentence of §II.4, not by Table 8.3.)
   */
  private proseStates(
    table: TableAnswer,
    scored: readonly ScoredSentence[],
    question: string,
  ): boolean {
    const q = table.query
    if (q.op !== 'lookup' && q.op !== 'compare') return false
    if (/\b(table|advanced manufacturing|centrality|rank|ranks|ranking)\b/i.test(question))
      return false
    const names = q.entities.map((e) => e.name)
    return scored
      .slice(0, 3)
      .some(
        (s) =>
          s.cite.kind !== 'table-row' &&
          hasFigure(s.text) &&
          names.every((n) => this.catalog.find(s.text).some((m) => m.entity.name === n)),
      )
  }

  /**
   * A list answer when the question asks for one and the best sentences sit in one of the
   * chapter's lists: the group whose members hold the most of the top-scored sentences.
   */
  private listAnswer(
    scored: readonly ScoredSentence[],
  ): Array<{ text: string; cites: Cited[] }> | null {
    const top = scored.slice(0, 8)
    let group: ListGroup | null = null
    let bestWeight = 0
    for (const g of this.lists) {
      const members = top.filter(
        (s) => g.itemBlockIds.includes(s.blockId) || g.leadBlockId === s.blockId,
      )
      const distinct = new Set(members.map((s) => s.blockId)).size
      const weight = members.reduce((w, s) => w + s.score, 0)
      const leadOnTop = top.slice(0, 3).some((s) => s.blockId === g.leadBlockId)
      if ((distinct >= 2 || leadOnTop) && weight > bestWeight) {
        group = g
        bestWeight = weight
      }
    }
    if (!group) return null
    const blocks = new Map(this.deps.doc.blocks.map((b) => [b.id, b]))
    const chunkOf = (id: string) => this.deps.chunks.find((c) => c.blockId === id)
    const out: Array<{ text: string; cites: Cited[]; bullet?: boolean }> = []
    const lead = group.leadBlockId ? blocks.get(group.leadBlockId) : undefined
    if (lead) {
      // The lead's last sentence introduces the list ("… the following four types of advancements:").
      const s = scored.find((x) => x.blockId === lead.id)
      const intro = s ?? null
      if (intro) out.push({ text: intro.text, cites: [intro.cite] })
    }
    for (const id of group.itemBlockIds) {
      const b = blocks.get(id)
      if (!b) continue
      const chunk = chunkOf(id)
      const cite = openingOf(b, chunk?.label ?? id, chunk)
      out.push({ text: `- ${cite.quote}`, cites: [cite], bullet: true })
    }
    return out
  }
}

/** A number in a sentence other than a reference to a table, figure or box ("see table 8.4"). */
const hasFigure = (text: string) =>
  /\d/.test(
    text.replace(/\b(tables?|figs?\.?|figures?|box(?:es)?)\s+\d+\.\d+(?:\s+and\s+\d+\.\d+)?/gi, ''),
  )

export function hitToCited(h: SearchHit): Cited {
  return {
    id: h.id,
    label: h.label,
    section: h.section,
    sectionTitle: h.sectionTitle,
    kind: h.kind,
    quote: h.quote,
    start: h.start,
    end: h.end,
    score: h.score,
  }
}

function dedupe(list: Cited[]): Cited[] {
  const seen = new Set<string>()
  return list.filter((c) => {
    if (seen.has(c.id)) return false
    seen.add(c.id)
    return true
  })
}

const toCitations = (list: Cited[]): Citation[] => list.map((c, i) => ({ n: i + 1, ...c }))

/** Adjacent sentences of one block become one quote and one citation. */
function mergeNeighbours(
  picked: readonly ScoredSentence[],
): Array<{ text: string; cites: Cited[] }> {
  const out: Array<{ text: string; cites: Cited[]; blockId: string; index: number }> = []
  for (const s of picked) {
    const prev = out.at(-1)
    const c = prev?.cites[0]
    if (
      prev &&
      c &&
      prev.blockId === s.blockId &&
      s.index === prev.index + 1 &&
      s.cite.kind !== 'table-row'
    ) {
      prev.text = `${prev.text} ${s.text}`
      prev.cites = [
        {
          ...c,
          id: `${c.id}-${s.index + 1}`,
          quote: `${c.quote} ${s.cite.quote}`,
          end: s.cite.end,
        },
      ]
      prev.index = s.index
    } else out.push({ text: s.text, cites: [s.cite], blockId: s.blockId, index: s.index })
  }
  return out
}

/**
 * Numbers the citations in order of first use and writes the answer: each sentence followed by
 * its markers; list items on their own lines.
 */
export function compose(
  sentences: ReadonlyArray<{ text: string; cites: Cited[] }>,
  standaloneQuestion: string,
): Answer {
  const citations: Citation[] = []
  const numberOf = (c: Cited): number => {
    const found = citations.find((x) => x.id === c.id)
    if (found) return found.n
    const n = citations.length + 1
    citations.push({ n, ...c })
    return n
  }
  const parts = sentences.map((s) => {
    const markers = s.cites.map((c) => `[${numberOf(c)}]`).join('')
    return markers ? `${s.text} ${markers}` : s.text
  })
  const answer = parts.reduce(
    (acc, p) =>
      acc === '' ? p : p.startsWith('- ') || acc.endsWith(':') ? `${acc}\n${p}` : `${acc} ${p}`,
    '',
  )
  return { answer, answerable: true, citations, standaloneQuestion }
}

export type { AbstentionThresholds, TableAnswer }
