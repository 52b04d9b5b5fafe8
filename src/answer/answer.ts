import { LRUCache } from 'lru-cache'
import { ChapterAnalysis } from '../analysis/chapter.ts'
import type { Entity, EntityCatalog } from '../analysis/entities.ts'
import { withNumberReading } from '../analysis/numbers.ts'
import { claimOf, MAX_PARTS, type Question, withoutPleasantries } from '../analysis/question.ts'
import { DEFAULT_SOFT_MATCH, type SoftTerms, softHit } from '../analysis/soft-match.ts'
import { columnOfQuery } from '../analysis/table-query.ts'
import { lexicalCoverage, queryTerms, rootsOf, VARIANT_ROOT_LETTERS } from '../analysis/terms.ts'
import type { WordFrequency } from '../analysis/word-frequency.ts'
import type { Chunk } from '../chunk/chunk.ts'
import type { Block, ChapterDocument } from '../corpus/types.ts'
import type { RetrievalOptions, SearchHit } from '../retrieve/hybrid.ts'
import { listLengths } from '../text/enumerations.ts'
import { expandGlossary } from '../text/glossary.ts'
import { normalizeText, searchTerm, searchTerms, wordTokens } from '../text/normalize.ts'
import { CARDINAL_WORDS, ORDINAL_WORDS } from '../text/number-words.ts'
import { recentMemo } from '../text/recent-memo.ts'
import { splitSentences } from '../text/sentences.ts'
import {
  type AbstentionThresholds,
  DEFAULT_THRESHOLDS,
  decideAbstention,
  type SupportFeatures,
  supportFeatures,
} from './abstain.ts'
import { arithmeticAsked, computeFromAnswers } from './answer-arithmetic.ts'
import {
  blockCitation,
  boxDescribed,
  FIGURE_WORDS,
  figureDescribed,
  outlineSentences,
  SECTION_WORDS,
  sectionDescribed,
} from './chapter-parts.ts'
import { resolveFollowUp } from './conversation.ts'
import {
  countedThings,
  countsAskedThing,
  type EvidenceWords,
  missingEvidence,
  plottedValues,
} from './evidence.ts'
import { entitiesIn, type PreviousTurn, resolveReferences } from './follow-up.ts'
import { findListGroups, type ListGroup } from './lists.ts'
import {
  chunkSentenceIndex,
  openingOf,
  questionCues,
  type ScoredSentence,
  scoreSentences,
  selectSentences,
} from './passage.ts'
import { type ProseSum, proseSum } from './prose-sum.ts'
import { recentTurns } from './recent-turns.ts'
import { MAX_FOLLOW_UPS, suggestFollowUps } from './suggest.ts'
import { executeTable, type TableResult } from './table-executor.ts'
import { joinAnd, source, tableCitation } from './table-text.ts'
import type { Answer, ChatTurn, Citation, Cited } from './types.ts'
import { contradictsPremise, directionOf, proseVerdict, tableVerdict } from './yes-no.ts'

/** What the answerer needs; the Node and Workers hosts pass it in. */
export interface AnswererDeps {
  doc: ChapterDocument
  chunks: readonly Chunk[]
  search: (query: string, options?: Partial<RetrievalOptions>) => Promise<SearchHit[]>
  embed: (texts: string[]) => Promise<number[][]>
  thresholds?: AbstentionThresholds
  /** The chapter's analysis (term statistics, entities, tables, speller), if the host already built it: it is pure and shared with the cite service. */
  analysis?: ChapterAnalysis
}

/** How an answer was reached. */
export type AnswerRoute =
  | 'table'
  | 'passage'
  | 'list'
  | 'abstain'
  | 'table-absent'
  | 'yes-no'
  | 'structure'
  | 'multi-part'
  | 'refuse'
  /** Arithmetic on the figures the conversation already answered ("and together?"). */
  | 'computed'

/** Why an answer was given or withheld; for evaluation and debugging. */
export interface AnswerTrace {
  route: AnswerRoute
  features?: SupportFeatures
  reason?: string
  /** What retrieval returned for the standalone question. */
  hits: SearchHit[]
  /** The analysed question. */
  question?: Question
}

export const NOT_COVERED =
  'The chapter does not cover this question. The closest passages are listed as related, for you to judge.'

/** What a request to do something other than answer from the chapter gets. */
export const OUT_OF_SCOPE =
  'I answer questions about this chapter only, from its text; that request is not a question the chapter answers.'

/** One sentence of an answer and its citations. */
type Sentence = { text: string; cites: Cited[] }

/** An answer before its citations are numbered. */
interface Draft {
  sentences: Sentence[]
  answerable: boolean
  route: AnswerRoute
  related?: Cited[]
  verdict?: 'yes' | 'no' | 'not-stated'
  features?: SupportFeatures
  reason?: string
  hits: SearchHit[]
  /** For a table answer: the rows it used and the column asked about (for suggested follow-ups). */
  table?: { rows: TableResult['rows']; column: string | null }
}

/** Words a table answer accounts for besides names, captions and columns: for arbitration with passages. */
const TABLE_WORDS =
  'table ranks rank ranking ranked highest lowest most least fewest top largest smallest which economy economies country countries field fields figure value number share percentage score position place compare difference ratio average sum total times more less higher lower between above below exactly same tied just next after before'

/** A comparison of rows that names no column: "how far ahead is it of the UK?", "which is higher?". */
const ROW_OPERATION =
  /\b(?:how far (?:ahead|behind|above|below|apart)|how much (?:more|less|higher|lower)|difference|gap|ahead of|behind|higher|lower|more|less|ratio|times)\b/

/**
 * How much of a thing no table lists a prose sentence must say for the question to be the prose's
 * ("internationally co-applied PCT patents": "PCT patents with international cooperation").
 */
const PROSE_NAMES_ABSENT = 0.8

/**
 * Query expansion for retrieval: each question word the chapter never uses adds its `perTerm`
 * closest chapter words from `minSimilarity` (word-vector cosine; see `soft-match.ts`), and the
 * expanded query adds up to `extraHits` hits to the question's own.
 */
const QUERY_EXPANSION = { minSimilarity: 0.65, perTerm: 1, extraHits: 4 } as const

/**
 * Search terms not worth expanding: degrees ("smallest", "cheaper"), close to their opposites in
 * word vectors, and adverbs ("broadli"), close to anything.
 */
const DEGREE = /(?:est|er|li)$/

/** A year in a text. */
const YEAR_IN = /\b(?:19|20)\d{2}\b/

/**
 * How much of what a "list all …" question adds to a table's own words (its caption, columns and
 * rows' noun) a prose sentence must say for the list to be the prose's: "the countries in the
 * third tier of centrality" is a group the chapter names, not the whole of Table 8.4.
 */
const PROSE_QUALIFIES_LIST = 0.6

/** A question about a table itself: what it is about, shows, covers, the years it spans. */
const ABOUT_A_TABLE =
  /\b(?:about|show(?:s|n)?|cover(?:s|ed)?|period|years?|span|describe[sd]?|present(?:s|ed)?|contain(?:s)?)\b/i
/** A question for one of a table's rows: "which economy is last", "the highest". */
const ASKS_A_ROW =
  /\b(?:which|what) (?:economy|economies|country|countries|field|fields|one|row|rows|item|items|entry)\b|\b(?:first|last|top|bottom|highest|lowest|most|least|fewest|rank(?:s|ed)?)\b/i

/** Words that point a question at the tables rather than the prose. */
const POINTS_AT_TABLES = /\b(table|advanced manufacturing|centrality|rank|ranks|ranking)\b/i
/** A question that names a table by its number: "… in Table 8.3", "tables 8.3 and 8.4". */
const NAMES_A_TABLE = /\btables?\s*\d/i
/**
 * A ranking question the prose answers in its own words: its best sentence names at least this
 * many economies and covers this much more of the question than the table answer does.
 */
const RANKING_NAMES = 3
const PROSE_RANKING_MARGIN = 0.2

/** A question read together with the previous one (see `continueTopic` in `follow-up.ts`). */
const CONTINUES_TOPIC = /, regarding "[^"]*"\?$/
/**
 * What a sentence of the passage the last answer quoted gains for a question that continues its
 * topic: about the weight of a third of the question's terms.
 */
const CONTINUATION_BOOST = 0.2

/**
 * What a sentence said of the place a question names gains (see `lookupDraft`): about a third
 * of a full lexical match. Chosen on the robustness set's tune splits.
 */
const PLACE_BOOST = 0.15

/** A name in a claim: a run of capitalized words ("GAC New Energy", "Volkswagen"). */
/**
 * Whether a word of the question is said by a word of a passage: the same search term, or one
 * close in meaning (at least {@link DEFAULT_SOFT_MATCH}'s binding similarity).
 */
function saysWord(soft: SoftTerms | undefined, questionWord: string, passageWord: string): boolean {
  const a = searchTerm(questionWord)
  const b = searchTerm(passageWord)
  if (a === null || b === null) return false
  // Variants of one word: "applications" and "applied", "installations" and "installed".
  const sameRoot =
    a.length >= SAME_ROOT_LETTERS &&
    b.length >= SAME_ROOT_LETTERS &&
    a.slice(0, SAME_ROOT_LETTERS) === b.slice(0, SAME_ROOT_LETTERS)
  return a === b || sameRoot || softHit(soft, a, new Set([b]), DEFAULT_SOFT_MATCH.minBinding) > 0
}

/**
 * A later part of a question with this few search terms ("who makes up the third tier?") is read
 * with the part before it as context.
 */
const UNDERSPECIFIED_TERMS = 3

/** Sentences of each paragraph that summarise a part of one or two paragraphs. */
const SUMMARY_SENTENCES = 3

/**
 * A looser word similarity (GloVe cosine) at which the thing a count counts is the thing asked
 * about: "homes" and "households" (0.43), "sectors" and "categories" (0.44); not "universities"
 * and "enterprises" (0.36) nor "households" and "kilowatt-hours" (0.33). Chosen on the tune splits.
 */
const COUNTED_SIMILARITY = 0.4

/**
 * How much of a "why" premise (idf-weighted, its economy left out) a sentence must say for the
 * premise to be about that sentence with another economy (see `swappedPremise`).
 */
const SWAP_COVERAGE = 0.5

/** The kind of thing a question asks for: "what obstacles are …", "which single trait is …". */
const ASKED_KIND =
  /^(?:what|which)\s+(?:(?:sort|kind|type)s? of\s+)?(?:[a-z-]+\s+)?([a-z]{4,})\s+(?:are|is|was|were|do|does|did|has|have|had|can|could|should|would|will)\b/
/**
 * What a sentence naming the kind of thing asked for gains (times the similarity of its word):
 * a tie-breaker, a fifth of a full lexical match. Chosen on the tune splits.
 */
const FOCUS_BOOST = 0.1
/** At most this many of the asked-for words count toward {@link FOCUS_BOOST}. */
const MAX_FOCUS_HITS = 2

/** A question for what hinders something: "what holds back …", "what gets in the way of …". */
const HINDRANCE =
  /\b(?:hold(?:s|ing)?(?: (?:it|them|this|that|us|things))? back|held(?: (?:it|them|this|that|us|things))? back|hinder\w*|hamper\w*|imped\w*|obstruct\w*|get(?:s|ting)? in the way|stand(?:s|ing)? in the way|block(?:s|ing)?|slow(?:s|ing)? down|stopp?(?:s|ing)?|prevent(?:s|ing)?|limit(?:s|ing)?|restrain\w*)\b/i
/** The words for what hinders: a hindrance question asks for these. */
const HINDRANCE_WORDS = 'challenges obstacles barriers restrictions'

/**
 * What a sentence with a number counting the thing a "how many" question asks about gains: a
 * fifth of a full lexical match, like {@link FOCUS_BOOST}.
 */
const COUNT_BOOST = 0.1

/**
 * A resolved follow-up keeps the years its question asked about: "what about Japan in 2019?"
 * resolved to "What's Japan's centrality in Table 8.4?" asks it for 2019.
 */
function withYearsOf(question: string, resolved: string): string {
  const years = question.match(/\b(?:19|20)\d{2}\b/g) ?? []
  const missing = years.filter((y) => !resolved.includes(y))
  return missing.length === 0
    ? resolved
    : `${resolved.replace(/[?.!\s]+$/, '')} in ${missing.join(' and ')}?`
}

/** Stems that share this many first letters are variants of one word ("appli-cations", "appli-ed"). */
const SAME_ROOT_LETTERS = 5

/** A claim that the chapter says something: "the chapter give the number of engineers". */
const CHAPTER_SAYS =
  /^(?:the chapter|the text|the book|the report|it)\s+(?:gives?|says?|mentions?|states?|tells?(?: us)?|specif(?:y|ies)|lists?|names?|explains?|reports?|provides?|includes?|discuss(?:es)?)\s+(.+)$/i

/** What the chapter is asked to give rather than claim: "what penalties …", "the number of …". */
const ASKS_WITHIN =
  /^(?:what|how|who|whom|whose|when|where|why|which)\b|^(?:the|any)\s+(?:exact\s+)?(?:number|numbers|name|names|amount|cost|price|date|year|figure|figures|list|share|percentage|value|size|total)\s+of\b/i

/**
 * A claim word this rare in English (see {@link WordFrequency}) names a thing: when neither the
 * chapter nor a close word of the passage says it, the claim is not stated ("battery", rank
 * 5,386; "penalties", 4,567). Everyday words ("score", 1,538; "edge", 2,073) are left to the
 * passage. Chosen on the tune splits.
 */
const RARE_CLAIM_RANK = 3_000

/**
 * Whether a sentence holds something of the answer type a question asks for, beyond what the
 * question itself names: a place or economy it does not name, a date, or a number. `true` for the
 * other types, which are not checked this way.
 */
function carriesAnswerType(q: Question, text: string, catalog: EntityCatalog): boolean {
  switch (q.answerType) {
    case 'place': {
      const asked = new Set(q.entities)
      const t = normalizeText(text)
      // "the 2023 Report on the Status of China's International Scientific Research Cooperation":
      // a name inside a title names no place.
      return catalog
        .find(t)
        .some(
          (m) =>
            !asked.has(m.entity) && !(/['’]s$/.test(m.surface) && /^\s+[A-Z]/.test(t.slice(m.end))),
        )
    }
    case 'date':
      return /\b(?:19|20)\d{2}\b/.test(text)
    case 'number':
      return figureBesidesYears(text)
    default:
      return true
  }
}

/** Whether a text holds a number that is not a year. */
const figureBesidesYears = (text: string) => /\d/.test(text.replace(/\b(?:19|20)\d{2}\b/g, ' '))

/** The sentence after `s` among the scored ones (with `nextBlock`, also the next block's first). */
function sentenceAfter(
  scored: readonly ScoredSentence[],
  s: ScoredSentence,
  nextBlock = false,
): ScoredSentence | undefined {
  return scored.find(
    (x) =>
      (x.blockId === s.blockId && x.index === s.index + 1) ||
      (nextBlock && x.blockOrder === s.blockOrder + 1 && x.index === 0),
  )
}

/** A heading run into its text: "Factor dimension: Data as a driving force for …" (a label of up to four words and a colon). */
const HEADING_SENTENCE = /^[A-Z][a-z-]+(?: [a-z-]+){0,3}:\s+\S/

/**
 * Whether a sentence reports something its paragraph's opening does not: a figure (a number that
 * is not a year) when the opening has none, or a place or economy the opening does not name.
 */
function addsToOpening(sentence: string, opening: string, catalog: EntityCatalog): boolean {
  if (figureBesidesYears(sentence) && !figureBesidesYears(opening)) return true
  const named = new Set(catalog.find(opening).map((m) => m.entity))
  return catalog.find(sentence).some((m) => !named.has(m.entity))
}

/** What a sentence listing as many things as a question asks for gains (see {@link listCountAsked}). */
const LIST_COUNT_BOOST = 0.2
/**
 * What of the question a sentence must say to gain {@link LIST_COUNT_BOOST}: a list of four
 * production factors says nothing of "the four types of advancements".
 */
const LIST_COUNT_MIN_LEXICAL = 0.4

/** The number of things a question asks for by count ("what four traits", "which three angles"), or 0. */
function listCountAsked(text: string): number {
  const m =
    /\b(?:what|which|name|list|give(?: me)?|are)\s+(?:the\s+|its\s+|their\s+)?(three|four|five|six|seven|3|4|5|6|7)\s+(?:[a-z-]+\s+)?[a-z-]+s\b/i.exec(
      text,
    )
  if (!m) return 0
  const word = (m[1] as string).toLowerCase()
  return /^\d$/.test(word) ? Number(word) : CARDINAL_WORDS.indexOf(word) + 1
}

/** Whether a sentence lists exactly `k` things: "a, b, c, and d" (see {@link listLengths}). */
function listsExactly(sentence: string, k: number): boolean {
  return listLengths(sentence).includes(k)
}

/** Whether every passage a draft cites was cited by an earlier draft (it says nothing new). */
function repeatsEarlier(d: Draft, earlier: readonly Draft[]): boolean {
  const said = new Set(earlier.flatMap((e) => e.sentences.flatMap((x) => x.cites.map((c) => c.id))))
  const cites = d.sentences.flatMap((x) => x.cites.map((c) => c.id))
  return cites.length > 0 && cites.every((id) => said.has(id))
}

/** A paragraph's opening this short (in words) is read with the sentence after it, when it is all that was picked. */
const TOPIC_SENTENCE_WORDS = 20

/** Passages searched for prose that ranks a table answer's rows (see `proseSaying`). */
const PROSE_SEARCH_K = 6

/**
 * A passage that tells of a plan, a draft or an intention ("set to launch in 2026", "the AI draft
 * law", "signaling intents for cooperation"), not of what came of it.
 */
const PLANNED =
  /\b(?:set to|plans? to|planned|planning to|expected to|aims? to|intends? to|intents?|intentions?|draft|scheduled to|due to (?:launch|open|start|begin)|(?:is|are) to be)\b/i

/** Words that question a claim's truth rather than add to it: "did it actually launch?". */
const DOUBT_WORDS = /^(?:actually|really|truly|indeed|ever|still|already|also|even|just)$/

const CLAIM_NAME = /\b(?:[A-Z][a-z]{2,}|[A-Z]{3,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))*\b/g

/** Bytes of standalone forms remembered (with their turns; see `Answerer.resolvedTurns`). */
const RESOLVED_CACHE_BYTES = 8 * 1024 * 1024

/** Characters of turns remembered as resolved ({@link Answerer}'s `asked`), with their forms. */
const ASKED_MEMO_CHARS = 500_000

/** An arithmetic follow-up is short ("so how much more is that than wind?"). */
const MAX_ARITHMETIC_WORDS = 10

/**
 * How close in meaning a word of an elliptical follow-up ("And photovoltaic?") must be to the word
 * of the last question it replaces ("wind"); below it, the follow-up is asked about on its own.
 */
const ELLIPSIS_SIMILARITY = 0.35

/**
 * The words of a question that ask for a box or section as a whole ("summarise the first
 * subsection of box 8.3"): what is left names something particular inside it. (Ordinals up to
 * "ninth": no box or section has more parts.)
 */
const ASKS_FOR_THE_PART = new RegExp(
  `\\b(summari[sz]e|summary|overview|gist|main|key|points?|say|says|said|cover|covers|about|inside|contains?|tell|me|explain|describe|what|is|in|the|of|does|do|whats?|please|give|sub-?sections?|sections?|parts?|headings?|${ORDINAL_WORDS.slice(0, 9).join('|')}|\\d(?:st|nd|rd|th))\\b`,
  'gi',
)

/**
 * The grounded, extractive answerer. Every sentence of an answer is either a sentence quoted from
 * the chapter or a fact computed from a parsed table, each followed by its citation marker.
 * Questions are read once by the analysis layer (`src/analysis/`); the strategies here (table,
 * yes/no, structure, list, passage, parts) consume that reading.
 *
 * @example
 * const answerer = new Answerer({ doc, chunks, search: (q, o) => retriever.search(q, o), embed: (t) => embeddings.embedDocuments(t) })
 * const a = await answerer.answer('And Canada?', [{ role: 'user', content: "What is Spain's share of internationally coauthored papers?" }])
 * a.standaloneQuestion // "What is Canada's share of internationally coauthored papers?"
 */
export class Answerer {
  private readonly deps: AnswererDeps
  readonly analysis: ChapterAnalysis
  readonly catalog: EntityCatalog
  private readonly lists: ListGroup[]
  private readonly chunksById: Map<string, Chunk>
  private readonly blocks: Map<string, Block>
  /** The chunks' text, lower-cased once, for {@link isChapterName}. */
  private readonly chapterText: string
  /** Whether a suggested structure question is answered (by question; the parts are fixed). */
  private readonly structureAnswered = new Map<string, boolean>()
  private readonly thresholds: AbstentionThresholds
  private readonly chunkSentences: ReturnType<typeof chunkSentenceIndex>
  private readonly expanded = new LRUCache<string, string>({ max: 10_000 })
  private readonly vectors = new LRUCache<string, number[]>({ max: 10_000 })
  /**
   * Standalone forms of questions lately resolved, by the question and the turns before it: a
   * chat sends its whole history with every message, and each part of a multi-part question reads
   * it again, so the same turns were resolved over and over. Bounded in bytes (keys hold turns).
   */
  private readonly resolvedTurns = new LRUCache<string, string>({
    maxSize: RESOLVED_CACHE_BYTES,
    sizeCalculation: (value, key) => 2 * (key.length + value.length) + 64,
  })

  /**
   * A turn as it is resolved: without pleasantries, names truecased. Remembered by its text: a
   * conversation's turns are read again for every message part and every later turn (two
   * passes over a turn of up to 8,000 characters each time, before the resolved form's cache
   * could answer).
   */
  private readonly asked = recentMemo(
    (text: string) => this.analysis.truecaser.apply(withoutPleasantries(text)),
    ASKED_MEMO_CHARS,
  )

  constructor(deps: AnswererDeps) {
    this.deps = deps
    this.analysis = deps.analysis ?? new ChapterAnalysis(deps.doc, deps.chunks)
    this.catalog = this.analysis.catalog
    this.lists = findListGroups(deps.doc)
    this.chunksById = new Map(deps.chunks.map((c) => [c.id, c]))
    this.blocks = new Map(deps.doc.blocks.map((b) => [b.id, b]))
    this.chapterText = deps.chunks.map((c) => c.text.toLowerCase()).join('\n')
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

  /**
   * The rewritten, standalone form of a (follow-up) question: the text-level rewriting of
   * `conversation.ts` ("And Canada's?", "its", "that initiative"), then what it leaves unresolved
   * (`follow-up.ts`: "the second one", "than that", "And the lowest?", "In what year?"). Earlier
   * turns are resolved the same way first, so a chain of follow-ups keeps its subject.
   */
  standalone(question: string, fullHistory: readonly ChatTurn[] = []): string {
    const history = recentTurns(fullHistory)
    // The turns are read as questions only to resolve references: their numbers are read without
    // compromise (one read per turn with numbers it must parse, 2–15 ms each), the question they
    // resolve to is read in full afterwards.
    return withNumberReading('loose', () => {
      const resolved: string[] = []
      for (const [i, t] of history.entries())
        if (t.role === 'user')
          resolved[i] = this.resolveOne(t.content, history.slice(0, i), resolved)
      return this.resolveOne(question, history, resolved)
    })
  }

  /**
   * One question made standalone, given the earlier turns and their standalone forms (by index),
   * which follow from the turns: the turns are the key of the form remembered.
   */
  private resolveOne(
    question: string,
    history: readonly ChatTurn[],
    resolved: readonly string[],
  ): string {
    // "Thanks! And Canada?", "ok and the us?": what is asked, with names as the chapter writes them.
    question = this.asked(question)
    const key = `${question}\u0001${history.map((t) => `${t.role}\u0002${t.content}`).join('\u0001')}`
    const known = this.resolvedTurns.get(key)
    if (known !== undefined) return known
    const out = this.resolveAfresh(question, history, resolved)
    this.resolvedTurns.set(key, out)
    return out
  }

  private resolveAfresh(
    question: string,
    history: readonly ChatTurn[],
    resolved: readonly string[],
  ): string {
    const rewritten = resolveFollowUp(question, history, this.catalog, resolved, (w, c) =>
      this.analysis.soft ? this.analysis.soft.closest(w, c, ELLIPSIS_SIMILARITY) : null,
    )
    const lastUser = history.findLastIndex((t) => t.role === 'user')
    if (lastUser < 0) return rewritten
    const answer = history.slice(lastUser + 1).find((t) => t.role === 'assistant')?.content ?? ''
    const prevText = resolved[lastUser] ?? (history[lastUser] as ChatTurn).content
    // The table entities of the whole conversation, found only if a strategy asks for them.
    const mentioned = (): Entity[] => {
      const out: Entity[] = []
      for (const [k, t] of history.entries())
        for (const m of this.catalog.find((resolved[k] ?? t.content).replace(/\[\d+\]/g, '')))
          if (m.entity.tables.length > 0) {
            const at = out.indexOf(m.entity)
            if (at >= 0) out.splice(at, 1)
            out.push(m.entity)
          }
      return out
    }
    // A rewriting that left a pronoun unresolved ("And what is their combined capacity?" → "What
    // is their combined capacity?") still needs the previous turn.
    const unchanged =
      rewritten.trim() === normalizeText(question).trim().replace(/\s+/g, ' ') ||
      /\b(?:they|them|their|it|its)\b/i.test(rewritten)
    // What resolving needs of the previous turn is read on demand (`resolveReferences` asks for
    // the previous question's reading, the conversation's entities and the last list only in
    // the strategies that use them): a long conversation's turns were each read as a question
    // and scanned for entities whatever the question.
    const analysis = this.analysis
    let prevQuestion: Question | undefined
    let lastList: readonly Entity[] | undefined
    const prev: PreviousTurn = {
      get question() {
        prevQuestion ??= analysis.question(prevText)
        return prevQuestion
      },
      answer,
      // The last answer that listed two or more table entities: "the first of them" after it.
      get lastList() {
        lastList ??=
          history
            .filter((t) => t.role === 'assistant')
            .map((t) => entitiesIn(t.content, analysis))
            .filter((l) => l.length >= 2)
            .at(-1) ?? []
        return lastList
      },
    }
    const resolvedText =
      resolveReferences(
        this.analysis.question(question),
        prev,
        mentioned,
        this.analysis,
        unchanged,
      ) ?? rewritten
    return withYearsOf(question, this.inAnswersTable(resolvedText, answer))
  }

  /**
   * A follow-up about a column of the table the last answer quoted stays in that table: "so is
   * its share bigger than China's?" after a Table 8.3 answer asks Table 8.3, not the prose's world
   * shares. Only when it names no table itself, and every economy it names (if any) is in that table.
   */
  private inAnswersTable(question: string, lastAnswer: string): string {
    const id = /\bTable (\d+\.\d+)\b/.exec(lastAnswer)?.[1]
    const spec = id ? this.analysis.tables.get(id) : undefined
    if (!spec || NAMES_A_TABLE.test(question)) return question
    const lower = question.toLowerCase()
    const columns = this.analysis.tables.columnsNamedIn(lower).filter((c) => c.column !== 'rank')
    const entities = this.catalog.find(question).map((m) => m.entity)
    if (!entities.every((e) => e.tables.includes(spec.id))) return question
    // "How far ahead is it of the UK?" after a Table 8.4 answer: an operation on the table's rows
    // that names no column is about the table the last answer used.
    const operation = entities.length > 0 && columns.length === 0 && ROW_OPERATION.test(lower)
    if (!operation && !columns.some((c) => c.table === spec.id)) return question
    return `${question.replace(/[?.!\s]+$/, '')} in Table ${spec.id}?`
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
    history = recentTurns(history)
    const standaloneQuestion = rewritten ?? this.standalone(question, history)
    const q = this.analysis.question(standaloneQuestion)
    const d = await this.draft(q, question, history)
    const trace: AnswerTrace = {
      route: d.route,
      hits: d.hits,
      question: q,
      ...(d.features ? { features: d.features } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
    }
    if (!d.answerable) {
      const text = d.sentences.map((s) => s.text).join(' ') || NOT_COVERED
      return {
        answer: {
          answer: text,
          answerable: false,
          citations: [],
          standaloneQuestion,
          related: toCitations(dedupe(d.related ?? d.hits.slice(0, 3).map(hitToCited))),
          ...(d.verdict ? { verdict: d.verdict } : {}),
        },
        trace,
      }
    }
    const answer = compose(d.sentences, standaloneQuestion)
    const followUps = d.table
      ? suggestFollowUps(
          d.table.rows,
          d.table.column,
          standaloneQuestion,
          this.analysis,
          this.deps.doc,
        )
      : d.route === 'passage' || d.route === 'list'
        ? this.passageFollowUps(d.sentences, standaloneQuestion)
        : []
    return {
      answer: {
        ...answer,
        ...(d.verdict ? { verdict: d.verdict } : {}),
        ...(followUps.length > 0 ? { followUps } : {}),
      },
      trace,
    }
  }

  /** Picks the strategy for a question and drafts its answer. */
  private async draft(q: Question, asked: string, history: readonly ChatTurn[]): Promise<Draft> {
    if (q.intent === 'refuse')
      return {
        sentences: [{ text: OUT_OF_SCOPE, cites: [] }],
        answerable: false,
        route: 'refuse',
        related: [],
        hits: [],
      }
    // After a table answer, a table follow-up ("and together?" → the combined column) computes it.
    const lastAnswer = history.findLast((t) => t.role === 'assistant')?.content ?? ''
    const computed =
      q.table && /\bTable 8\.\d/.test(lastAnswer) ? null : await this.computedDraft(asked, history)
    if (computed) return computed
    if (q.parts.length > 1) return this.partsDraft(q, asked, history)
    const outline = this.outlineDraft(q)
    if (outline) return outline
    if (q.intent === 'yes-no') return this.yesNoDraft(q)
    // "Why does Japan lead in centrality?": a false premise is corrected, not explained.
    if (q.intent === 'why') {
      const premise = tableVerdict(q, this.analysis.tables, this.deps.doc)
      if (premise?.verdict === 'no')
        return {
          sentences: [{ text: 'No.', cites: [] }, ...premise.sentences],
          answerable: true,
          route: 'yes-no',
          verdict: 'no',
          hits: [],
        }
    }
    // "the chart of the innovation hubs' strengths": the figure whose caption the question names.
    if (!q.target && FIGURE_WORDS.test(q.text)) {
      const figure = figureDescribed(q.text, this.deps.doc, this.analysis)
      if (figure) q = { ...q, target: { kind: 'figure', id: figure } }
    }
    // "What traits does the AI box give …?": the box whose title the question names.
    if (!q.target && /\bbox\b/i.test(q.text)) {
      const box = boxDescribed(q.text, this.deps.doc, this.analysis)
      if (box) q = { ...q, target: { kind: 'box', id: box } }
    }
    // "summarise the part on quantum": the section whose title the question names.
    if (!q.target && SECTION_WORDS.test(q.text)) {
      const section = sectionDescribed(q.text, this.deps.doc, this.analysis)
      if (section) {
        const whole = this.structureDraft({ ...q, target: { kind: 'section', id: section } })
        if (whole) return whole
      }
    }
    const scope = this.scopeOf(q)
    if (
      q.target &&
      !scope &&
      (q.intent === 'summarise' ||
        q.intent === 'lookup' ||
        q.intent === 'define' ||
        q.target.kind === 'footnote' ||
        q.target.kind === 'figure')
    ) {
      // "What growth index does Figure 8.1 show for 2019?": the text has the caption, not the values.
      const plotted =
        q.target.kind === 'figure'
          ? (missingEvidence(q, '', this.catalog) ?? this.plottedOnly(q, q.target.id))
          : null
      const s = this.structureDraft(q)
      if (plotted && s)
        return {
          sentences: [
            {
              text: `The chapter does not give ${plotted}. The figure's caption is listed as related.`,
              cites: [],
            },
          ],
          answerable: false,
          route: 'abstain',
          reason: `no evidence of ${plotted}`,
          related: s.sentences.flatMap((x) => x.cites).slice(0, 3),
          hits: s.hits,
        }
      if (s) return s
    }
    const d = await this.lookupDraft(q, asked, history, scope)
    // "Why did China and Thailand cancel their memorandum?" where the chapter says they signed it.
    if (q.intent === 'why' && d.answerable && d.route === 'passage') {
      const premise = claimOf(q.text.replace(/^\s*why\s+/i, ''))
      if (contradictsPremise(premise, d.sentences.map((x) => x.text).join(' ')))
        return { ...d, sentences: [{ text: 'No.', cites: [] }, ...d.sentences], verdict: 'no' }
    }
    // "Why did China sign its 2022 memorandum with Vietnam?" where the chapter says Thailand.
    if (q.intent === 'why') {
      const swapped = this.swappedPremise(q, d)
      if (swapped) return swapped
    }
    return d
  }

  /**
   * A "why" question whose premise names an economy where the chapter's closest sentence says
   * the same of another: the premise is false ("No."), and that sentence is the decisive fact.
   * The rest of the premise must be found in the sentence ({@link SWAP_COVERAGE} of its terms).
   */
  private swappedPremise(q: Question, d: Draft): Draft | null {
    const asked = q.entities.filter((e) => e.type === 'economy' && e.name !== 'China')
    if (asked.length === 0) return null
    const first = d.answerable
      ? d.sentences.find((x) => x.cites.length > 0)?.cites[0]
      : d.related?.[0]
    if (!first || first.kind === 'table-row') return null
    const sentence = first.quote
    const premise = claimOf(q.text.replace(/^\s*why\s+/i, ''))
    const names = new Set(
      q.entities
        .filter((e) => e.type === 'economy')
        .flatMap((e) => wordTokens(e.name).map((w) => searchTerm(w) ?? w)),
    )
    const rest = queryTerms(premise).filter((t) => !names.has(t))
    const soft = this.analysis.softTerms(premise)
    const coverage = (text: string) => lexicalCoverage(rest, text, this.analysis.stats, soft)
    // The sentence of the quote the premise is about (a quote may join two).
    const about = splitSentences(sentence)
      .map((r) => sentence.slice(r.start, r.end))
      .reduce((b, x) => (b === '' || coverage(x) > coverage(b) ? x : b), '')
    if (coverage(about) < SWAP_COVERAGE) return null
    // China is often the unnamed subject of the chapter's sentences; it counts only as said.
    const named = new Set(q.entities)
    const said = [
      ...new Set(
        this.catalog
          .find(about)
          .map((m) => m.entity)
          .filter((e) => e.type === 'economy'),
      ),
    ]
    const wrong = asked.filter((e) => !said.includes(e))
    const instead = said.filter((e) => !named.has(e))
    if (wrong.length === 0 || instead.length === 0) return null
    return {
      sentences: [
        { text: 'No.', cites: [] },
        {
          text: `The chapter says this of ${instead.map((e) => e.name).join(' and ')}, not ${wrong.map((e) => e.name).join(' and ')}:`,
          cites: [],
        },
        { text: sentence, cites: [first] },
      ],
      answerable: true,
      route: 'yes-no',
      verdict: 'no',
      hits: d.hits,
    }
  }

  /**
   * The blocks of a box or section a question names and asks something particular about ("box
   * 8.3 AI legislation", "what does section III.1 say about dialogues"): passages are then looked
   * for there. `null` when the question names none, or asks for the part as a whole.
   */
  private scopeOf(q: Question): Set<string> | null {
    const target = q.target
    if (!target || (target.kind !== 'box' && target.kind !== 'section')) return null
    const rest = q.text
      .replace(/\b(?:box|section|subsection|part)\s*[\divx.]+\b/gi, ' ')
      .replace(ASKS_FOR_THE_PART, ' ')
    if (queryTerms(rest).length === 0) return null
    const doc = this.deps.doc
    const ids =
      target.kind === 'box'
        ? (doc.boxes.find((b) => b.id === target.id)?.blockIds ?? [])
        : doc.blocks
            .filter((b) => b.sectionId === target.id || b.sectionId.startsWith(`${target.id}.`))
            .map((b) => b.id)
    return ids.length > 0 ? new Set(ids) : null
  }

  /** Each part answered on its own; a part the chapter does not cover is named as such. */
  private async partsDraft(
    q: Question,
    asked: string,
    history: readonly ChatTurn[],
  ): Promise<Draft> {
    const drafts: Draft[] = []
    for (const [i, part] of q.parts.entries()) {
      const prev = drafts[i - 1]
      const prevPart = q.parts[i - 1]
      const p = prev && prevPart ? this.partAfter(part, prevPart, prev, history) : part
      let d = await this.draft(p, asked, history)
      // "What is China's share in the table, and what share of the world's papers does the text
      // give it?": a part answered by what an earlier part already said asks something else; the
      // prose answers it.
      if (i > 0 && p.table && d.answerable && repeatsEarlier(d, drafts)) {
        const prose = await this.draft({ ...p, table: null }, asked, history)
        if (prose.answerable && !repeatsEarlier(prose, drafts)) d = prose
      }
      drafts.push(d)
    }
    const sentences: Sentence[] = []
    for (const [i, d] of drafts.entries()) {
      // A sentence an earlier part already quoted is not quoted again.
      if (d.answerable)
        sentences.push(
          ...d.sentences.filter(
            (x) => x.cites.length === 0 || !sentences.some((y) => y.text === x.text),
          ),
        )
      else
        sentences.push({
          text: `The chapter does not say: "${(q.parts[i] as Question).core}"`,
          cites: [],
        })
    }
    if (q.moreParts?.length)
      sentences.push({
        text: `This message asks more than ${MAX_PARTS} questions; only the first ${MAX_PARTS} are answered here. Please ask the others again: "${q.moreParts.join(' ')}"`,
        cites: [],
      })
    const answerable = drafts.some((d) => d.answerable)
    return {
      sentences,
      answerable,
      route: 'multi-part',
      hits: drafts.flatMap((d) => d.hits),
      related: drafts.flatMap((d) => d.related ?? []),
    }
  }

  /**
   * A later part of a question, read as a follow-up of the part before it and its answer: "which
   * country …, and what is its centrality?" ("its": the country found); "which of the two …"
   * (the rows just given). What a follow-up would not carry over, the part inherits: the table
   * the first part names ("in table 8.2, which field …, and which has the highest share?"), and
   * otherwise its topic, as context ("… centrality, and who makes up the third tier?").
   */
  private partAfter(
    part: Question,
    prevPart: Question,
    prev: Draft,
    history: readonly ChatTurn[],
  ): Question {
    const turns: ChatTurn[] = [
      ...history,
      { role: 'user', content: prevPart.core },
      { role: 'assistant', content: prev.sentences.map((x) => x.text).join(' ') },
    ]
    const resolved = prev.answerable ? this.standalone(part.core, turns) : part.text
    // A part is one question: its resolved form is not split into parts again.
    let p = resolved === part.text ? part : this.analysis.part(resolved)
    // "How many papers on additive manufacturing, and what share were coauthored?": a part that
    // asks a column of no row asks it of the rows the part before named.
    // Only a table question (of an answered part): "how many PCT patent applications …, and what
    // share …" asks no row of "how do you say 'patent' in Spanish?".
    const rows = prev.answerable ? prevPart.entities.filter((e) => e.tables.length > 0) : []
    if (
      p.table !== null &&
      p.entities.length === 0 &&
      rows.length > 0 &&
      !/\b(?:most|least|highest|lowest|largest|smallest|top|bottom|which|who)\b/i.test(p.text) &&
      this.analysis.tables.columnsNamedIn(p.text.toLowerCase()).some((c) => c.column !== 'rank')
    )
      p = this.analysis.part(
        `${p.text.replace(/[?.!\s]+$/, '')} for ${rows.map((e) => e.name).join(' and ')}?`,
      )
    const namesTable = (x: Question) => NAMES_A_TABLE.test(x.text)
    const table = /\btables?\s*(\d+\.\d+)/i.exec(prevPart.text)?.[1]
    if (table && !namesTable(p) && p.entities.length === 0 && !p.target)
      p = this.analysis.question(`${p.text.replace(/[?.!\s]+$/, '')} in Table ${table}?`)
    else if (
      prev.answerable &&
      p.entities.length === 0 &&
      !p.target &&
      !p.table &&
      resolved === part.text &&
      queryTerms(p.text).length <= UNDERSPECIFIED_TERMS
    )
      // The context helps find the passage; it asks no table operation of its own.
      p = {
        ...this.analysis.part(
          `${p.text.replace(/[?.!\s]+$/, '')}, regarding "${prevPart.text.replace(/"/g, "'").replace(/[?.!\s]+$/, '')}"?`,
        ),
        table: null,
      }
    return p
  }

  /**
   * The text to search with: the question, plus the chapter's closest words for each of its words
   * the chapter never uses ("worldwide teamwork" also searches "global cooperation"), so that a
   * passage said only in the chapter's words is among the hits.
   */
  private searchQuery(text: string, soft: SoftTerms | undefined): string {
    if (!soft) return text
    const extra: string[] = []
    for (const [term, near] of soft) {
      if (this.analysis.stats.known(term) || DEGREE.test(term)) continue
      const best = [...near]
        .filter(([, s]) => s >= QUERY_EXPANSION.minSimilarity)
        .sort((a, b) => b[1] - a[1])
        .slice(0, QUERY_EXPANSION.perTerm)
      for (const [t] of best) if (!extra.includes(t)) extra.push(t)
    }
    // "What holds back …?" asks for obstacles, whatever verb it uses.
    if (HINDRANCE.test(text)) extra.push(HINDRANCE_WORDS)
    return extra.length > 0 ? `${text} ${extra.join(' ')}` : text
  }

  /**
   * The question's hits, then those its expansion ({@link searchQuery}) adds: the words a question
   * shares with the chapter keep their hits, and the chapter's words for the others bring theirs.
   */
  private async searchExpanded(
    text: string,
    k: number,
    /** The text's soft terms, when the caller has them already. */
    soft: SoftTerms | undefined = this.analysis.softTerms(text),
  ): Promise<SearchHit[]> {
    const hits = await this.deps.search(text, { k })
    const expanded = this.searchQuery(text, soft)
    if (expanded === text) return hits
    const seen = new Set(hits.map((h) => h.id))
    const more = (await this.deps.search(expanded, { k })).filter((h) => !seen.has(h.id))
    return [...hits, ...more.slice(0, QUERY_EXPANSION.extraHits)]
  }

  /** "Yes." / "No." / "The chapter does not say." and the decisive fact, cited. */
  private async yesNoDraft(q: Question): Promise<Draft> {
    const base = q.claim ?? q.text
    // "Does the chapter say what …" (its claim already stripped of "the chapter says").
    const said =
      CHAPTER_SAYS.exec(base)?.[1] ??
      (/^(?:what|how|who|when|where|why|which)\b/i.test(base) ? base : undefined)
    // "Does it say that AI should be politicized?": the claim is what it would say.
    const claim =
      said && !ASKS_WITHIN.test(said) ? said.replace(/^that\s+/i, '') : (q.claim ?? q.text)
    // "Does the chapter say what penalties the law sets?", "… give the number of engineers?": the
    // question within is looked up; the chapter says it when that question is answered.
    const within = said && ASKS_WITHIN.test(said) ? said : null
    if (within) {
      const inner = /^(?:what|how|who|whom|whose|when|where|why|which)\b/i.test(within)
        ? `${within.charAt(0).toUpperCase()}${within.slice(1)}?`
        : `What is ${within}?`
      const found = await this.lookupDraft(this.analysis.question(inner), inner, [])
      const quoted = found.sentences.flatMap((x) => x.cites.map((c) => c.quote)).join(' ')
      if (
        found.answerable &&
        this.unsaidWords(within, quoted, this.analysis.softTerms(within)).length === 0
      )
        return {
          ...found,
          sentences: [{ text: 'Yes.', cites: [] }, ...found.sentences],
          route: 'yes-no',
          verdict: 'yes',
        }
      return this.notStated(
        found.hits,
        found.reason ?? 'the question within is not answered',
        found.features,
      )
    }
    const hits = await this.searchExpanded(q.text, 8)
    const terms = queryTerms(claim)
    const soft = this.analysis.softTerms(claim)
    const scored = await this.score(claim, hits, terms, soft)
    const best = scored[0]
    // The tables decide, unless the prose itself states the figure ("the US accounted for 37.9
    // percent of the world's internationally collaborated papers" is not Table 8.3's share).
    const proseStates = this.proseStatesFigure(q, scored)
    // "Was Korea's centrality higher in 2021?": a table figure for a year the table does not cover;
    // "Does Saudi Arabia have more than 1,000 coauthored papers?": for a row it does not list.
    if (
      !proseStates &&
      q.table?.op === 'absent' &&
      (q.table.reason === 'year' || q.table.reason === 'not-listed')
    )
      return this.notStated(
        hits,
        `Table ${q.table.table} does not ${q.table.reason === 'year' ? 'cover' : 'list'} ${q.table.name}`,
      )
    const byTable = proseStates ? null : tableVerdict(q, this.analysis.tables, this.deps.doc)
    if (byTable)
      return {
        sentences: [
          { text: byTable.verdict === 'yes' ? 'Yes.' : 'No.', cites: [] },
          ...byTable.sentences,
        ],
        answerable: true,
        route: 'yes-no',
        verdict: byTable.verdict,
        hits,
      }
    const features = supportFeatures(
      claim,
      best,
      terms,
      this.analysis.stats,
      this.catalog,
      soft,
      best ? (this.blocks.get(best.blockId)?.text ?? best.text) : undefined,
    )
    // A claim about someone or something the chapter never names is not stated, however well the
    // rest of it matches ("Did China sign a cybersecurity memorandum with Vietnam?"): a name no
    // passage uses, or an economy the catalog knows that the chapter's text never mentions.
    const unnamed = [
      ...features.unknownNames,
      ...this.catalog
        .find(claim)
        .filter((m) => !this.isChapterName(m.entity.name) && !this.isChapterName(m.surface))
        .map((m) => m.surface),
    ]
    // A rare word of the claim that neither the chapter nor a close word of the passage says
    // ("did the tie-up produce a new battery?"): the claim rests on something never stated.
    const unsaid = best
      ? this.unsaidWords(claim, this.blocks.get(best.blockId)?.text ?? best.text, soft)
      : []
    const reason = best
      ? (decideAbstention(features, this.thresholds) ??
        (unnamed.length > 0
          ? `the chapter never names ${unnamed.join(', ')}`
          : unsaid.length > 0
            ? `the chapter never says "${unsaid.join('", "')}"`
            : null))
      : 'nothing was retrieved'
    if (!best || reason) return this.notStated(hits, reason ?? 'nothing was retrieved', features)
    const window = scored.slice(0, 2).filter((s) => s.blockId === best.blockId || s === best)
    const text = window.map((s) => s.text).join(' ')
    // A name the passage says in another form ("Chinese" for its "China's") is said.
    const inText = new Map<Entity, string>()
    for (const m of this.catalog.find(text))
      if (!inText.has(m.entity)) inText.set(m.entity, m.surface)
    const mentions = this.catalog.find(claim)
    const names = mentions
      .map((m) => (inText.get(m.entity) ?? m.surface).replace(/^the /i, '').replace(/['’]s$/, ''))
      .concat(
        [...claim.matchAll(CLAIM_NAME)]
          .filter((n) => !mentions.some((m) => m.start <= n.index && n.index < m.end))
          .map((n) => n[0]),
      )
    // A year the claim is about that its passage never gives: the chapter says nothing of that
    // year ("Did the enterprises exceed 100,000 in 2025?" against "There are over 75,000 …").
    const paragraph = this.blocks.get(best.blockId)?.text ?? text
    const claimYears = q.years.filter((y) => new RegExp(`\\b${y}\\b`).test(claim))
    if (claimYears.length > 0 && !YEAR_IN.test(paragraph))
      return this.notStated(hits, `the passage gives no year, the claim ${claimYears[0]}`, features)
    const verdict = proseVerdict(
      claim,
      text,
      [...new Set(names)].filter((n) => this.isChapterName(n)),
    )
    if (verdict === 'not-stated')
      return this.notStated(hits, 'the passage neither bears out nor denies the claim', features)
    // "Did the models sell well after their launch?" against "… set to launch in 2026": the
    // passage gives a plan, a draft or an intention, and the claim something it never says, so
    // what came of it is not stated.
    if (verdict === 'yes' && PLANNED.test(text)) {
      const beyond = this.wordsBeyond(claim, paragraph, soft)
      if (beyond.length > 0)
        return this.notStated(
          hits,
          `the passage gives a plan or intention, not "${beyond.join('", "')}"`,
          features,
        )
    }
    return {
      sentences: [
        { text: verdict === 'yes' ? 'Yes.' : 'No.', cites: [] },
        ...mergeNeighbours(window),
      ],
      answerable: true,
      route: 'yes-no',
      verdict,
      features,
      hits,
    }
  }

  /**
   * The rare words of a claim (see {@link RARE_CLAIM_RANK}) that neither the chapter nor a close
   * word of the passage says.
   */
  private unsaidWords(claim: string, passage: string, soft: SoftTerms | undefined): string[] {
    const passageTerms = this.analysis.stats.termsOf(passage)
    // "classification" is said by "classified": a passage word with the same root (the variants
    // lexical coverage credits, `VARIANT_ROOT_LETTERS`).
    const roots = rootsOf(passageTerms)
    return wordTokens(claim).filter((w) => {
      const t = searchTerm(w)
      return (
        t !== null &&
        !(t.length >= VARIANT_ROOT_LETTERS && roots.has(t.slice(0, VARIANT_ROOT_LETTERS))) &&
        /^[a-z]+$/.test(w) &&
        // A change ("fallen") is checked by its direction.
        directionOf(w) === null &&
        this.analysis.frequency.familyRank(w) >= RARE_CLAIM_RANK &&
        !this.analysis.stats.known(t) &&
        softHit(soft, t, passageTerms, DEFAULT_SOFT_MATCH.minBinding) === 0
      )
    })
  }

  /**
   * The content words of a claim that the passage neither says nor says in a close word or
   * another form of the word: names, numbers, changes (checked by their direction) and words of
   * doubt ("actually") are left out.
   */
  private wordsBeyond(claim: string, passage: string, soft: SoftTerms | undefined): string[] {
    const passageTerms = new Set(this.analysis.stats.termsOf(passage))
    const roots = new Set(
      [...passageTerms]
        .filter((t) => t.length >= SAME_ROOT_LETTERS)
        .map((t) => t.slice(0, SAME_ROOT_LETTERS)),
    )
    const names = new Set(
      [...claim.matchAll(CLAIM_NAME)].flatMap((m) => m[0].toLowerCase().split(/\s+/)),
    )
    return wordTokens(claim).filter((w) => {
      const t = searchTerm(w)
      return (
        t !== null &&
        /^[a-z]+$/.test(w) &&
        !names.has(w) &&
        !DOUBT_WORDS.test(w) &&
        directionOf(w) === null &&
        !passageTerms.has(t) &&
        !(t.length >= SAME_ROOT_LETTERS && roots.has(t.slice(0, SAME_ROOT_LETTERS))) &&
        softHit(soft, t, passageTerms, DEFAULT_SOFT_MATCH.minBinding) === 0
      )
    })
  }

  /** "The chapter does not say.": a yes/no question the chapter does not decide. */
  private notStated(hits: SearchHit[], reason: string, features?: SupportFeatures): Draft {
    return {
      sentences: [
        { text: 'The chapter does not say.', cites: [] },
        {
          text: NOT_COVERED.replace(/^The chapter does not cover this question\. /, ''),
          cites: [],
        },
      ],
      answerable: false,
      route: 'yes-no',
      verdict: 'not-stated',
      ...(features ? { features } : {}),
      hits,
      reason,
    }
  }

  /**
   * Questions the chapter can answer next after a passage: the box it stands in, and the section
   * it belongs to, as a whole. Each is read by the analysis layer and kept only if the answerer's
   * structure strategy answers it.
   */
  private passageFollowUps(sentences: readonly Sentence[], asked: string): string[] {
    const cite = sentences.flatMap((x) => x.cites).find((c) => c.kind !== 'heading')
    if (!cite) return []
    const box = /\/box-(\d+\.\d+)\//.exec(cite.id)?.[1]
    const candidates = [
      ...(box ? [`What is in Box ${box}?`] : []),
      `Summarise section ${cite.section}`,
    ]
    const seen = asked.trim().toLowerCase()
    const answered = (c: string) => {
      let ok = this.structureAnswered.get(c)
      if (ok === undefined) {
        ok = this.structureDraft(this.analysis.question(c)) !== null
        this.structureAnswered.set(c, ok)
      }
      return ok
    }
    return candidates
      .filter((c) => c.toLowerCase() !== seen && answered(c))
      .slice(0, MAX_FOLLOW_UPS)
  }

  /**
   * "And together?", "so how much more is that than wind?": a short follow-up computed from the
   * figures of the previous answers, citing the sentences they quoted. `null` when the question
   * is not such a follow-up or the answers give no two figures of one unit.
   */
  private async computedDraft(asked: string, history: readonly ChatTurn[]): Promise<Draft | null> {
    const answers = history.filter((t) => t.role === 'assistant').map((t) => t.content)
    const op = arithmeticAsked(asked)
    if (!op || answers.length === 0 || asked.split(/\s+/).length > MAX_ARITHMETIC_WORDS) return null
    const questions = history.filter((t) => t.role === 'user').map((t) => t.content)
    const result = computeFromAnswers(op, answers.slice(-2), questions.slice(-2), asked)
    if (!result) return null
    // The sentences the answers quoted hold the figures: cite them.
    const quoted = answers
      .slice(-2)
      .join(' ')
      .replace(/\s*\[\d+\]/g, '')
    const hits = await this.deps.search(quoted.slice(0, 400), { k: 8 })
    const holdsPart = (text: string) =>
      result.parts.some((p) =>
        new RegExp(`(?<![\\d.,])${p.text.replace(/[.$]/g, '\\$&')}(?![\\d])`).test(text),
      )
    // A quoted sentence with a figure, or a table row the answers named with its figure (their
    // sentences were written from the row, not quoted).
    const cites = hits
      .flatMap((h) => this.chunkSentences(h.id))
      .filter(
        (c) =>
          holdsPart(c.text) &&
          (quoted.includes(c.text) ||
            (c.cite.kind === 'table-row' &&
              this.catalog.find(c.text).some((m) => quoted.includes(m.entity.name)))),
      )
      .map((c) => c.cite)
    if (cites.length === 0) return null
    return {
      sentences: [
        {
          text: `${op === 'sum' ? 'Together' : op === 'ratio' ? 'The ratio' : 'The difference'}: ${result.shown}.`,
          cites: dedupe(cites),
        },
      ],
      answerable: true,
      route: 'computed',
      hits,
    }
  }

  /** A chosen sentence and what its paragraph says before it (which may name what it speaks of). */
  /** Words as the evidence checks read them: the same term, a close one, or a looser one for counts. */
  private evidenceWords(soft: SoftTerms | undefined): EvidenceWords {
    const stats = this.analysis.stats
    return {
      says: (a, b) =>
        saysWord(soft, a, b) || this.analysis.soft?.closest(a, [b], COUNTED_SIMILARITY) !== null,
      known: (w) => {
        const t = searchTerm(w)
        return t !== null && stats.known(t)
      },
    }
  }

  private withParagraphBefore(p: ScoredSentence): { sentence: string; before: string } {
    const block = this.blocks.get(p.blockId)
    return { sentence: p.text, before: block ? block.text.slice(0, p.at) : '' }
  }

  /** Whether the chapter's text uses a name (so a claim naming it can be checked against a sentence). */
  private isChapterName(name: string): boolean {
    return this.chapterText.includes(name.toLowerCase())
  }

  /** A box, section, footnote or figure the question names: its key sentences, cited, named in the answer. */
  private structureDraft(q: Question): Draft | null {
    const target = q.target
    if (!target) return null
    const doc = this.deps.doc
    let blocks: Block[] = []
    let title = ''
    /** The part's own heading, cited with its title. */
    let heading: Block | undefined
    switch (target.kind) {
      case 'box': {
        const box = doc.boxes.find((b) => b.id === target.id)
        if (!box) return null
        const all = box.blockIds.map((id) => this.blocks.get(id)).filter((b): b is Block => !!b)
        heading = all.find((b) => b.kind === 'heading')
        blocks = all.filter((b) => b.kind !== 'heading')
        title = `Box ${box.id}, "${box.title}"`
        break
      }
      case 'footnote': {
        const f = doc.blocks.find(
          (b) => b.kind === 'footnote' && String(b.footnoteNumber) === target.id,
        )
        if (!f) return null
        blocks = [f]
        title = `Footnote ${target.id}`
        break
      }
      case 'figure': {
        const f = doc.blocks.find((b) => b.kind === 'figure' && b.figureId === target.id)
        if (f?.kind !== 'figure') return null
        // The caption and source, then the source's footnote ("… (2021), figure E9.").
        const notes = doc.blocks.filter(
          (b) => b.kind === 'footnote' && f.footnoteIds.includes(b.footnoteNumber),
        )
        blocks = [f, ...notes]
        title = `Figure ${target.id}`
        break
      }
      case 'section': {
        const sec = doc.sections.find((s) => s.id === target.id)
        if (!sec) return null
        blocks = doc.blocks.filter(
          (b) =>
            (b.sectionId === sec.id || b.sectionId.startsWith(`${sec.id}.`)) &&
            (b.kind === 'paragraph' || b.kind === 'list-item') &&
            !b.id.includes('/box-'),
        )
        title = `Section ${sec.id}, "${sec.title}"`
        heading = doc.blocks.find((b) => b.kind === 'heading' && 'opens' in b && b.opens === sec.id)
        break
      }
      case 'table':
        return this.tableDescribed(q, target.id)
    }
    if (blocks.length === 0) return null
    // A part of one or two paragraphs is summarised by their first sentences, not one opening.
    const short = blocks.length <= 2 && (target.kind === 'section' || target.kind === 'box')
    const seen = new Set<string>()
    const cites = short
      ? blocks.flatMap((b) =>
          this.deps.chunks
            .filter((c) => c.blockId === b.id)
            .flatMap((c) => this.chunkSentences(c.id))
            .filter((x) => !seen.has(x.cite.id) && seen.add(x.cite.id))
            .slice(0, SUMMARY_SENTENCES)
            .map((x) => x.cite),
        )
      : blocks.slice(0, 5).flatMap((b) => {
          const opening = this.blockOpening(
            b,
            target.kind === 'footnote' || target.kind === 'figure',
          )
          if (target.kind !== 'section' && target.kind !== 'box') return [opening]
          // A summary keeps what a paragraph reports: its first later sentence with a figure or a
          // name its opening lacks ("… cover five continents and 160 countries and regions").
          const key = this.deps.chunks
            .filter((c) => c.blockId === b.id)
            .flatMap((c) => this.chunkSentences(c.id))
            .find(
              (x) =>
                x.cite.start >= opening.end && addsToOpening(x.text, opening.quote, this.catalog),
            )
          return key ? [opening, key.cite] : [opening]
        })
    return {
      sentences: [
        { text: `${title}:`, cites: heading ? [this.blockCitation(heading)] : [] },
        ...cites.map((c) => ({ text: `- ${c.quote}`, cites: [c] })),
      ],
      answerable: true,
      route: 'structure',
      hits: [],
    }
  }

  /**
   * "What is Table 8.4 about?", "Which years does Table 8.3 cover?": what the table lists, its
   * columns and its years, from the registry, citing the whole table. `null` when the question asks
   * something of its rows (names a row or a column, or asks a table operation).
   */
  private tableDescribed(q: Question, id: string): Draft | null {
    const spec = this.analysis.tables.get(id)
    if (!spec || q.table || q.entities.length > 0) return null
    if (!ABOUT_A_TABLE.test(q.text) || ASKS_A_ROW.test(q.text)) return null
    if (this.analysis.tables.columnsNamedIn(q.text.toLowerCase()).length > 0) return null
    const years = spec.years
      ? spec.years.from === spec.years.to
        ? `${spec.years.from}`
        : `${spec.years.from}–${spec.years.to}`
      : null
    // The value columns in their printed order.
    const columns = spec.block.columns
      .map((c) => spec.columns.find((x) => x.key === c.key && x.key !== 'rank')?.name)
      .filter((n): n is string => n !== undefined)
    const text = `${source(spec.block)} lists ${spec.block.rows.length} ${spec.entityNoun.many}${columns.length > 0 ? ` with their ${joinAnd(columns)}` : ''}${years ? `; it covers ${years}` : ''}.`
    return {
      sentences: [{ text, cites: [tableCitation(spec.block, this.deps.doc)] }],
      answerable: true,
      route: 'structure',
      hits: [],
    }
  }

  /** The chapter's outline, as an answer (see {@link outlineSentences}). */
  private outlineDraft(q: Question): Draft | null {
    const sentences = outlineSentences(q, this.deps.doc, this.deps.chunks)
    return sentences ? { sentences, answerable: true, route: 'structure', hits: [] } : null
  }

  /** A whole block (a heading, a footnote) as a citation. */
  private blockCitation(b: Block): Cited {
    return blockCitation(b, this.deps.doc, this.deps.chunks)
  }

  /**
   * "In Figure 8.2, which fields does China lead in?": a name the question asks the figure about
   * that neither its caption nor the prose citing it ("As shown in figure 8.2, …") names is only
   * in the plot, whose values the chapter does not print. `null` when the text names them all.
   */
  private plottedOnly(q: Question, figureId: string): string | null {
    if (q.entities.length === 0) return null
    const cites = new RegExp(
      `\\bfig(?:ures?|s?\\.)?\\s*(?:\\d+\\.\\d+\\s*(?:,|and)\\s*)*${figureId.replaceAll('.', '\\.')}\\b`,
      'i',
    )
    const said = this.deps.doc.blocks
      .filter((b) => (b.kind === 'figure' && b.figureId === figureId) || cites.test(b.text))
      .map((b) => b.text)
      .join(' ')
    const named = new Set(this.catalog.find(said).map((m) => m.entity))
    return q.entities.every((e) => named.has(e)) ? null : plottedValues(figureId)
  }

  /** The opening sentence(s) of a block, or the whole block, as a citation. */
  private blockOpening(b: Block, whole: boolean): Cited {
    const chunk = this.deps.chunks.find((c) => c.blockId === b.id)
    if (
      whole &&
      chunk &&
      chunk.blockId === b.id &&
      this.deps.chunks.filter((c) => c.blockId === b.id).length === 1
    )
      return {
        id: chunk.id,
        label: chunk.label,
        section: chunk.section,
        sectionTitle: chunk.sectionTitle,
        kind: chunk.kind,
        quote: chunk.quote,
        start: chunk.start,
        end: chunk.end,
      }
    return openingOf(b, chunk?.label ?? b.id, chunk)
  }

  private score(
    question: string,
    hits: readonly SearchHit[],
    terms: readonly string[],
    soft: SoftTerms | undefined,
  ): Promise<ScoredSentence[]> {
    return scoreSentences({
      soft,
      question,
      hits,
      chunksById: this.chunksById,
      doc: this.deps.doc,
      stats: this.analysis.stats,
      embed: this.embed,
      terms,
      chunkSentences: this.chunkSentences,
      expand: this.expand,
    })
  }

  /** Tables, lists and passages: the strategies for a question that asks for a fact. */
  private async lookupDraft(
    q: Question,
    asked: string,
    history: readonly ChatTurn[],
    scope: Set<string> | null = null,
  ): Promise<Draft> {
    const text = q.text
    // "Which table lists …?", "Which box mentions …?": only that kind of part can answer.
    const kind =
      q.intent === 'locate'
        ? /\b(?:which|what) (table|box)\b/i.exec(text)?.[1]?.toLowerCase()
        : undefined
    const soft = this.analysis.softTerms(text)
    let hits = await this.searchExpanded(text, scope || kind ? 40 : 8, soft)
    if (kind) {
      const inside = hits.filter((h) => {
        const c = this.chunksById.get(h.id)
        return kind === 'table' ? c?.kind === 'table-row' : c?.boxId !== undefined
      })
      hits = inside.length > 0 ? inside.slice(0, 8) : hits.slice(0, 8)
    }
    if (scope) {
      const inside = hits.filter((h) => scope.has(this.chunksById.get(h.id)?.blockId ?? ''))
      hits = inside.length > 0 ? inside.slice(0, 8) : hits.slice(0, 8)
    }
    let table = q.table ? executeTable(q.table, this.analysis.tables, this.deps.doc) : null
    const stats = this.analysis.stats
    const terms = queryTerms(text)
    const scored = await this.score(text, hits, terms, soft)
    if (table && !table.answerable) {
      // "Which five countries rank at the top for internationally co-applied PCT patents?": no
      // field of a table, but a ranking the prose states in those words.
      const absent =
        q.table?.op === 'absent' && q.table.reason === 'not-listed' ? q.table.name : null
      const prose = scored.find((x) => x.cite.kind !== 'table-row')
      // A question that names the table asks the table ("… does Table 8.2 list?").
      const proseNamesIt =
        absent !== null &&
        !NAMES_A_TABLE.test(text) &&
        prose !== undefined &&
        lexicalCoverage(queryTerms(absent), prose.text, stats, soft) >= PROSE_NAMES_ABSENT
      if (!proseNamesIt)
        return {
          sentences: table.sentences,
          answerable: false,
          route: 'table-absent',
          related: dedupe([...table.related, ...hits.slice(0, 2).map(hitToCited)]),
          hits,
        }
      // The table's rows are about other things than the one it does not list.
      table = null
      scored.splice(0, scored.length, ...scored.filter((x) => x.cite.kind !== 'table-row'))
    }
    if (table?.answerable && q.table?.op === 'all' && !/\btables?\b/i.test(text)) {
      const spec = this.analysis.tables.get(q.table.table)
      const own = spec
        ? stats.termsOf(
            [spec.caption, ...spec.columns.map((c) => c.name), spec.entityNoun.many].join(' '),
          )
        : new Set<string>()
      const added = terms.filter((t) => !own.has(t) && stats.known(t))
      const prose = scored.find((x) => x.cite.kind !== 'table-row')
      if (
        prose &&
        added.length > 0 &&
        lexicalCoverage(added, prose.text, stats) >= PROSE_QUALIFIES_LIST
      )
        table = null
    }
    // "What else …?": leave out what the last answer already said, and prefer what follows it.
    const supportBest = scored[0]
    const lastAnswer = [...history].reverse().find((t) => t.role === 'assistant')?.content
    if (lastAnswer && /\b(else|besides|other than|apart from)\b/i.test(asked)) {
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
    // "What is it meant to enhance?" continues the last answer's topic: the rest of the passage it
    // quoted is where the answer is, before the sentences it already gave.
    if (lastAnswer && CONTINUES_TOPIC.test(text)) {
      const said = lastAnswer.replace(/\s*\[\d+\]/g, '')
      const saidBlocks = new Set(scored.filter((x) => said.includes(x.text)).map((x) => x.blockId))
      if (saidBlocks.size > 0) {
        const boosted = scored
          .map((x) =>
            saidBlocks.has(x.blockId) && !said.includes(x.text)
              ? { ...x, score: x.score + CONTINUATION_BOOST }
              : x,
          )
          .sort((a, b) => b.score - a.score)
        scored.splice(0, scored.length, ...boosted)
      }
    }
    // "How many homes will the plants in Colombia supply?": a sentence said of the place asked
    // about (named in it or before it in its paragraph) beats one about another place.
    const places = q.entities.filter((e) => e.type === 'economy' && e.name !== 'China')
    if (places.length > 0 && !q.table) {
      const saysPlaces = (x: ScoredSentence) => {
        const { sentence, before } = this.withParagraphBefore(x)
        const named = new Set(this.catalog.find(`${before} ${sentence}`).map((m) => m.entity))
        return places.every((e) => named.has(e))
      }
      const boosted = scored
        .map((x) => (saysPlaces(x) ? { ...x, score: x.score + PLACE_BOOST } : x))
        .sort((a, b) => b.score - a.score)
      scored.splice(0, scored.length, ...boosted)
    }
    // "What obstacles are slowing …?": a sentence that names the kind of thing asked for (or a
    // close word: "challenges") gains.
    const askedKind = ASKED_KIND.exec(text.toLowerCase())?.[1]
    // A hindrance question asks for any of the words for what hinders, and a sentence that names
    // two of them ("challenges remain … driven by … restrictions") says more of it than one.
    const focusTerms = askedKind
      ? [searchTerm(askedKind)].filter((t): t is string => t !== null)
      : HINDRANCE.test(text)
        ? searchTerms(HINDRANCE_WORDS)
        : []
    if (focusTerms.length > 0 && !q.table) {
      const boosted = scored
        .map((x) => {
          const have = new Set(stats.termsOf(x.text))
          const said = focusTerms.filter((t) => have.has(t)).length
          const hit =
            said > 0
              ? Math.min(MAX_FOCUS_HITS, said)
              : Math.max(...focusTerms.map((t) => softHit(soft, t, have)))
          return hit > 0 ? { ...x, score: x.score + FOCUS_BOOST * hit } : x
        })
        .sort((a, b) => b.score - a.score)
      scored.splice(0, scored.length, ...boosted)
    }
    // "What four traits …?", "From which three angles …?": a sentence that lists that many
    // things ("its advancement, openness, collaboration, and sustainability") gains.
    const listed = listCountAsked(text)
    if (listed >= 3 && !q.table) {
      const boosted = scored
        .map((x) =>
          listsExactly(x.text, listed) && x.lexical >= LIST_COUNT_MIN_LEXICAL
            ? { ...x, score: x.score + LIST_COUNT_BOOST }
            : x,
        )
        .sort((a, b) => b.score - a.score)
      scored.splice(0, scored.length, ...boosted)
    }
    // "How many top-level industry sectors …": a sentence with a number that counts the thing
    // asked about (or a close word: "41 major industrial categories") carries the answer type.
    const evidenceWords = this.evidenceWords(soft)
    const heads = !q.table && q.answerType === 'number' ? countedThings(text) : []
    if (heads.length > 0) {
      const boosted = scored
        .map((x) =>
          x.cite.kind !== 'table-row' && countsAskedThing(heads, x.text, evidenceWords)
            ? { ...x, score: x.score + COUNT_BOOST }
            : x,
        )
        .sort((a, b) => b.score - a.score)
      scored.splice(0, scored.length, ...boosted)
    }
    const picked = selectSentences(scored, text, stats, terms, soft)
    // "Factor dimension: Data as a driving force …" heads what follows it: a heading that is
    // picked is read with the sentence after it.
    const heading = picked.find((p) => p.index === 0 && HEADING_SENTENCE.test(p.text))
    if (heading) {
      const next = sentenceAfter(scored, heading, true)
      if (next && !picked.includes(next)) picked.push(next)
    }
    // "Which countries come right after the US?": a passage whose picked sentences give nothing of
    // the type asked for (only the places the question names) goes on in the next sentence.
    const carries = (t: string) => carriesAnswerType(q, t, this.catalog)
    if (picked.length > 0 && !picked.some((p) => carries(p.text))) {
      const last = picked[picked.length - 1] as ScoredSentence
      const next = sentenceAfter(scored, last)
      if (next && carries(next.text)) picked.push(next)
    }
    // "In South America, green energy is a vital area of bilateral cooperation between China and
    // Colombia.": a paragraph's short opening alone introduces; the sentence after it says what.
    const only = picked.length === 1 ? picked[0] : undefined
    if (
      only &&
      only.index === 0 &&
      only.text.split(/\s+/).length <= TOPIC_SENTENCE_WORDS &&
      !HEADING_SENTENCE.test(only.text)
    ) {
      const next = sentenceAfter(scored, only)
      if (next) picked.push(next)
    }
    picked.sort((a, b) => a.blockOrder - b.blockOrder || a.index - b.index)
    const passageCoverage = lexicalCoverage(terms, picked.map((p) => p.text).join(' '), stats, soft)
    const best = supportBest
    const paragraphs = [...new Set(picked.map((p) => this.blocks.get(p.blockId)?.text ?? p.text))]
    const features = supportFeatures(
      text,
      best,
      terms,
      stats,
      this.catalog,
      soft,
      paragraphs.join(' '),
      this.analysis.frequency,
    )
    if (table && this.tableWins(q, table, scored, terms, passageCoverage, features, soft))
      return {
        sentences: [...table.sentences, ...(await this.proseSaying(table, scored))],
        answerable: true,
        route: 'table',
        hits,
        table: { rows: table.rows, column: askedColumn(table.query) },
      }

    // "How many of those are in Shenzhen?": a figure about a place or body the chapter never names
    // is not given, however many of the question's words match; only a sentence as close in
    // meaning as a place named differently is ("the region linking Guangzhou, Hong Kong and Macau"
    // for the Greater Bay Area; see `nameDenseGuard`).
    const unnamedFigure =
      q.answerType === 'number' &&
      features.unknownNames.length > 0 &&
      features.dense < this.thresholds.nameDenseGuard
        ? `the chapter never names ${features.unknownNames.join(', ')}`
        : null
    const reason = best
      ? (decideAbstention(features, this.thresholds) ?? unnamedFigure)
      : 'nothing was retrieved'
    if (!best || reason)
      return {
        sentences: [],
        answerable: false,
        route: 'abstain',
        features,
        hits,
        ...(reason ? { reason } : {}),
      }

    const list =
      questionCues(text).list || q.intent === 'list' ? this.listAnswer(scored, listed) : null
    if (list) return { sentences: list, answerable: true, route: 'list', features, hits }
    // Refuse by evidence: the chosen sentences must hold what was asked (a sum of money, a date,
    // a named company, a figure about the economy named …); say what the chapter does say instead.
    const missing = missingEvidence(
      q,
      picked.map((p) => p.text).join(' '),
      this.catalog,
      paragraphs.join(' '),
      picked.map((p) => this.withParagraphBefore(p)),
      evidenceWords,
    )
    if (missing)
      return {
        sentences: [
          {
            text: `The chapter does not give ${missing}. The closest passages are listed as related, for you to judge.`,
            cites: [],
          },
        ],
        answerable: false,
        route: 'abstain',
        reason: `no evidence of ${missing}`,
        related: dedupe([...picked.map((p) => p.cite), ...hits.slice(0, 2).map(hitToCited)]).slice(
          0,
          3,
        ),
        features,
        hits,
      }
    const sentences = mergeNeighbours(picked)
    // "How many systems is that altogether?": the total of the counts the sentence lists.
    const summed = picked
      .map((p) => ({ p, sum: proseSum(q, p.text) }))
      .find((x): x is { p: ScoredSentence; sum: ProseSum } => x.sum !== null)
    if (summed)
      sentences.unshift({
        text: `In total: ${summed.sum.parts.join(' + ')} = ${summed.sum.total.toLocaleString('en-US')} ${summed.sum.noun}.`,
        cites: [summed.p.cite],
      })
    const bestChunk = best ? this.chunksById.get(best.cite.id) : undefined
    if (q.intent === 'locate' && bestChunk?.kind === 'table-row' && bestChunk.tableId) {
      sentences.unshift({ text: `Table ${bestChunk.tableId} lists it:`, cites: [] })
    } else if (q.intent === 'locate' && best) {
      const sec = this.deps.doc.sections.find((s) => s.id === best.cite.section)
      const box = /\/box-(\d+\.\d+)\//.exec(best.blockId)?.[1]
      const heading = this.deps.doc.blocks.find(
        (b) => b.kind === 'heading' && 'opens' in b && b.opens === (box ? `box-${box}` : sec?.id),
      )
      if (sec)
        sentences.unshift({
          text: `Section ${sec.id}, "${sec.title}"${box ? `, Box ${box}` : ''}, discusses it:`,
          cites: heading ? [this.blockCitation(heading)] : [],
        })
    }
    return { sentences, answerable: true, route: 'passage', features, hits }
  }

  /**
   * Whether a table answer beats the passages: always for an operation only a table can do
   * (ranks, ranges, arithmetic, positions) or a question that names a table; for a lookup or a
   * comparison, when the prose does not state the figures itself and the table accounts for as
   * much of the question as the best passage does.
   */
  private tableWins(
    q: Question,
    table: TableResult,
    scored: readonly ScoredSentence[],
    terms: readonly string[],
    passageCoverage: number,
    features: SupportFeatures,
    soft: SoftTerms | undefined,
  ): boolean {
    const op = table.query.op
    if (NAMES_A_TABLE.test(q.text)) return true
    if (op === 'kth' || op === 'top')
      // "Which ten countries lead the world in the number of papers written through international
      // collaboration?": a ranking the prose states in the question's own words, for no table's topic.
      return !(
        !POINTS_AT_TABLES.test(q.text) &&
        scored[0]?.cite.kind !== 'table-row' &&
        new Set(
          this.catalog
            .find(scored[0]?.text ?? '')
            .filter((m) => m.entity.type === 'economy')
            .map((m) => m.entity),
        ).size >= RANKING_NAMES &&
        passageCoverage > this.tableCoverage(q, table, terms, soft) + PROSE_RANKING_MARGIN
      )
    if (op !== 'lookup' && op !== 'compare') return !features.unknownFocus
    // An unknown word is no reason to refuse when the question names the table's column itself
    // ("Germany's centrality score").
    const namesColumn = this.analysis.tables
      .columnsNamedIn(q.text.toLowerCase())
      .some((c) => c.column !== 'rank')
    if (features.unknownFocus && !namesColumn) return false
    if (this.proseStates(table, scored, q.text)) return false
    return this.tableCoverage(q, table, terms, soft) >= passageCoverage - 0.05
  }

  /**
   * How much of the question a table answer accounts for: its captions, the rows' names, the
   * question's names, the columns and the words of table operations ({@link TABLE_WORDS}).
   */
  private tableCoverage(
    q: Question,
    table: TableResult,
    terms: readonly string[],
    soft: SoftTerms | undefined,
  ): number {
    const captions = table.rows
      .map((r) => this.analysis.tables.get(r.table)?.caption ?? '')
      .join(' ')
    const names = table.rows.map((r) => {
      const t = this.analysis.tables.get(r.table)
      return t ? this.analysis.tables.nameOf(t, r.row) : ''
    })
    const aliases = q.entities.map((e) => e.name).join(' ')
    const covered = `${captions} ${names.join(' ')} ${aliases} ${TABLE_WORDS} ${this.analysis.tables.tables.flatMap((t) => t.columns.map((c) => c.name)).join(' ')}`
    const columnWords = this.analysis.tables.columnWordsIn(q.text.toLowerCase()).join(' ')
    const surfaces = this.catalog
      .find(q.text)
      .map((m) => m.surface)
      .join(' ')
    return lexicalCoverage(
      terms,
      `${covered} ${surfaces} ${columnWords}`,
      this.analysis.stats,
      soft,
    )
  }

  /**
   * A top sentence of the prose that says what a ranking from a table says ("United Kingdom,
   * Germany, and China rank second to fourth"): it names the rows the answer lists and no other,
   * so it is quoted after the rows, as the chapter's own words for them.
   */
  private async proseSaying(
    table: TableResult,
    scored: readonly ScoredSentence[],
  ): Promise<Sentence[]> {
    const op = table.query.op
    if ((op !== 'kth' && op !== 'top') || table.rows.length < 2) return []
    const names = table.rows.map((r) => {
      const t = this.analysis.tables.get(r.table)
      return t ? this.analysis.tables.nameOf(t, r.row) : ''
    })
    // The same rows and no others: a longer list would blur what "the last of them" means.
    const saysRows = (text: string) => {
      const said = new Set(entitiesIn(text, this.analysis).map((e) => e.name))
      return said.size === names.length && names.every((n) => said.has(n))
    }
    // Any retrieved sentence: naming exactly the same rows is strict enough.
    const found = scored.find((s) => s.cite.kind !== 'table-row' && saysRows(s.text))
    if (found) return [{ text: found.text, cites: [found.cite] }]
    // The question's own words may find only table rows ("who ranks 2nd to 4th in centrality"):
    // the rows' names, with the column, find the prose that ranks them ("United Kingdom, Germany,
    // and China rank second to fourth").
    const column = askedColumn(table.query) ?? ''
    const hits = await this.deps.search(`${names.join(', ')} ${column}`, { k: PROSE_SEARCH_K })
    for (const h of hits)
      for (const c of this.chunkSentences(h.id))
        if (c.cite.kind !== 'table-row' && saysRows(c.text))
          return [{ text: c.text, cites: [c.cite] }]
    return []
  }

  /** Whether a top sentence of the prose names every entity of the question and gives a figure, and the question does not point at the tables. */
  private proseStatesFigure(q: Question, scored: readonly ScoredSentence[]): boolean {
    if (/\b(table|centrality|rank|ranks|ranked|ranking)\b/i.test(q.text) || q.entities.length === 0)
      return false
    return scored
      .slice(0, 2)
      .some(
        (s) =>
          s.cite.kind !== 'table-row' &&
          hasFigure(s.text) &&
          q.entities.every((e) => this.catalog.find(s.text).some((m) => m.entity === e)),
      )
  }

  /**
   * Whether the prose itself gives the figures a table lookup would compute: a top sentence names
   * every entity of the lookup and has a number, and the question does not point at the tables.
   * ("What share of the world's internationally collaborated papers do the US and China account
   * for?" is answered by a sentence of §II.4, not by Table 8.3.)
   */
  private proseStates(
    table: TableResult,
    scored: readonly ScoredSentence[],
    question: string,
  ): boolean {
    const q = table.query
    if (q.op !== 'lookup' && q.op !== 'compare') return false
    // The prose gives no centrality figures: a question naming that column asks the table.
    if (
      POINTS_AT_TABLES.test(question) ||
      this.analysis.tables
        .columnsNamedIn(question.toLowerCase())
        .some((c) => c.column === 'centrality')
    )
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
    /** How many things the question asks for ("the four types"), 0 if it gives no count. */
    counted = 0,
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
      // The list must be where the best sentences are, not merely near them.
      const holdsBest = top
        .slice(0, 2)
        .some((s) => g.itemBlockIds.includes(s.blockId) || g.leadBlockId === s.blockId)
      if ((distinct >= 2 || leadOnTop) && holdsBest && weight > bestWeight) {
        group = g
        bestWeight = weight
      }
    }
    // "… the following four types of advancements:": the best sentence announces a list; that
    // list is the answer, whatever other lists the next sentences sit in.
    // (Unless the question counts other than the sentence does: "the three dimensions" are not
    // "the following four types".)
    const announced = this.lists.find((g) => g.leadBlockId === top[0]?.blockId)
    const opening = top[0]?.text ?? ''
    const countAgrees =
      counted === 0 ||
      new RegExp(`\\b(?:${CARDINAL_WORDS[counted - 1]}|${counted})\\b`, 'i').test(opening)
    if (announced && group !== announced && /:\s*$/.test(opening) && countAgrees) group = announced
    if (!group) return null
    // "List all the areas the draft law covers": the best sentence lists them itself, inside one
    // item of a larger list; the answer is that sentence, not the larger list.
    const best = scored[0]
    if (best && best.index > 0 && INLINE_LIST.test(best.text)) return null
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

/** A sentence that enumerates things itself: "in areas including A, B, C, and D", "installed A, B, C, and D". */
const INLINE_LIST =
  /\b(?:including|such as|namely|areas of|covering)\b[^.;:]*?,[^.;:,]+,[^.;:]*\band\b|(?:[^,.;:]+,){3,}[^,.;:]*\band\b/i

/** The column a table query asked about, if it names one (a lookup of "everything" names none). */
const askedColumn = (q: TableResult['query']): string | null =>
  q.op === 'lookup' && q.everything ? null : (columnOfQuery(q)?.column ?? null)

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

export type { AbstentionThresholds }
