import { LRUCache } from 'lru-cache'
import type { Entity, EntityCatalog, EntityMention } from '../analysis/entities.ts'
import { columnsIn, type ValueColumn } from '../analysis/tables.ts'
import { queryTerms } from '../analysis/terms.ts'
import { isStopWord, normalizeText } from '../text/normalize.ts'
import { ORDINAL_WORDS } from '../text/number-words.ts'
import { joinAnd, possessive } from './table-text.ts'
import type { ChatTurn } from './types.ts'

/** What the conversation so far is about. */
export interface DialogState {
  /** Standalone form of the last user question. */
  lastQuestion: string | null
  /** Entities of the last user question (or, if it named none, of the last answer). */
  entities: Entity[]
  /** Every entity named so far, most recent last: "both of them" takes the last two. */
  mentioned: Entity[]
  column: ValueColumn | null
  /** Text of the last exchange, to find what "that initiative" or "those projects" refers to. */
  recentText: string
  /**
   * The last named thing the last question asked about that is not an entity ("the Global AI
   * Governance Initiative"): what a later "it" means, before an economy the question also named.
   */
  thing: string | null
  /** The last person the conversation named ("Erik Solheim"): what a later "he" or "she" means. */
  person: string | null
}

const EMPTY: DialogState = {
  lastQuestion: null,
  entities: [],
  mentioned: [],
  column: null,
  recentText: '',
  thing: null,
  person: null,
}

/**
 * A person's name in a text: asked about ("Who is Erik Solheim?"), or said with what they said
 * or were ("Erik Solheim, the former …", "Erik Solheim stated …").
 */
const PERSON_NAMED =
  /\bwho (?:is|was) ([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b|\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?:,\s+(?:the\s+)?(?:former|then|current|late)\b|\s+(?:said|stated|noted|remarked|argued|praised|added|wrote))/

/** The last person a text names (see {@link PERSON_NAMED}), if any. */
function personIn(text: string): string | null {
  const m = PERSON_NAMED.exec(text)
  return m ? ((m[1] ?? m[2]) as string) : null
}

const COLUMN_PHRASE: Record<ValueColumn, string> = {
  papers: 'number of papers',
  coauthored: 'number of internationally coauthored papers',
  share: 'share of internationally coauthored papers',
  centrality: 'centrality',
}

const ELLIPSIS =
  /^(?:and|but|also|so|then|now|ok|okay)?\s*(?:what|how)\s+about\s+(.+?)\s*\??$|^(?:and|but|also|same for|and for|and in|and also|what of)\s+(.+?)\s*\??$/i

/** A follow-up that names only a place: "the second", "third one", "the runner-up", "next". */
const ORDINAL_ONLY = new RegExp(
  `^(?:the\\s+)?(${ORDINAL_WORDS.join('|')}|next|runners?[- ]up)(?:\\s+(?:one|place|spot|position|in line))?$`,
  'i',
)
/** A superlative of a ranking, with the place it already names: "the most", "the third highest". */
const SUPERLATIVE = new RegExp(
  `\\b(?:(${ORDINAL_WORDS.join('|')})[\\s-]+)?(most|highest|largest|biggest|greatest|lowest|least|fewest|smallest)\\b`,
  'i',
)

/**
 * "What about X, when was that proposed?", "And the AI draft law, when was it made public?": a
 * thing, then a question about it.
 */
const ABOUT_THEN_ASK =
  /^(?:and\s+|but\s+|so\s+|now\s+)?(?:(?:what|how)\s+about\s+([^,?]+)|((?:the|that|this)\s+[^,?]{2,80})),\s*((?:when|where|who|whose|what|which|why|how|is|are|was|were|did|does|do|has|have)\b[^?]*)\??$/i

/**
 * Rewrites a follow-up into a standalone question using the conversation the client sent (the
 * server keeps no state): ellipsis ("And Canada's?", "What about Spain?"), pronouns and
 * demonstratives ("its", "both of them", "that initiative", "those projects") and comparisons
 * over entities named in earlier turns.
 *
 * @example
 * resolveFollowUp('And Canada?', [{ role: 'user', content: "What is Spain's share of internationally coauthored papers?" }], catalog)
 * // "What is Canada's share of internationally coauthored papers?"
 */
export function resolveFollowUp(
  question: string,
  history: readonly ChatTurn[],
  catalog: EntityCatalog,
  /** Standalone forms of earlier user turns already known (by index into `history`). */
  resolved: readonly (string | undefined)[] = [],
  /** Of the candidates, the word closest in meaning to a word (see `SoftMatcher.closest`), if any. */
  closest: ClosestWord = () => null,
): string {
  let state = EMPTY
  for (let i = 0; i < history.length; i++) {
    const turn = history[i] as ChatTurn
    if (turn.role === 'user') {
      const standalone = resolved[i] ?? rewrite(turn.content, state, catalog, closest)
      state = observeQuestion(state, standalone, catalog)
    } else state = observeAnswer(state, turn.content, catalog)
  }
  return rewrite(question, state, catalog, closest)
}

/**
 * A yes/no check of the last answer's figure against the table: "is that the lowest share in
 * that table?", "was it the highest?" (the verb, the extreme, the rest after the column words).
 */
const FIGURE_CHECK =
  /^(?:and\s+|so\s+)?(is|was)\s+(?:that|this|it)\s+(?:really\s+)?the\s+(highest|lowest|largest|smallest|biggest|most|least|fewest|top|bottom)\b(?:\s+(?:share|percentage|proportion|number|count|centrality|score|figure|value|one))*(.*)$/i

/** Words of one scale: "And minor?" after "medium categories" swaps one for the other. */
const SCALE = new Set(
  'major medium minor small large big top bottom high low upper lower first second third last new old early late'.split(
    ' ',
  ),
)

/** Follow-ups that name no thing to put in the last question's place ("and together?", "why?"). */
const NOT_A_THING =
  /\b(?:together|combined|total|altogether|more|less|fewer|difference|gap|percentage|percent|then|too|also|why|how|so|else|first|second|third|last|next|previous|lowest|highest|most|least)\b/i

/** Picks, of some candidate words, the one closest in meaning to a word. */
export type ClosestWord = (word: string, candidates: readonly string[]) => string | null

function observeQuestion(
  state: DialogState,
  standalone: string,
  catalog: EntityCatalog,
): DialogState {
  const { subjects: entities, column, thing } = questionFacts(standalone, catalog)
  return {
    lastQuestion: standalone,
    entities: entities.length > 0 ? entities : state.entities,
    mentioned: remember(state.mentioned, entities),
    column: column ?? (entities.length > 0 ? null : state.column),
    recentText: standalone,
    thing,
    person: personIn(standalone) ?? state.person,
  }
}

/** What a question says of itself, whatever came before it (see {@link observeQuestion}). */
interface QuestionFacts {
  subjects: Entity[]
  column: ValueColumn | undefined
  thing: string | null
}

/**
 * Bytes of texts' facts remembered, per catalog. A conversation is read again for every
 * question resolved against it (each earlier turn, each part of the last message, the parts
 * each as a follow-up of the one before): a long conversation's turns were read ≈ 3–4 times per
 * answer, each read of an 8,000-character turn ≈ 1–2 ms.
 */
const FACTS_CACHE_BYTES = 4 * 1024 * 1024
/** Bytes counted per remembered text beyond its characters (its entities, its named thing). */
const FACTS_OVERHEAD_BYTES = 512

const factsCaches = new WeakMap<EntityCatalog, LRUCache<string, QuestionFacts | Entity[]>>()

/** The facts remembered for `key` in `catalog`'s cache, or `read()`'s, remembered (read-only). */
function rememberedFacts<T extends QuestionFacts | Entity[]>(
  catalog: EntityCatalog,
  key: string,
  read: () => T,
): T {
  let cache = factsCaches.get(catalog)
  if (!cache) {
    cache = new LRUCache({
      maxSize: FACTS_CACHE_BYTES,
      sizeCalculation: (_, k) => 2 * k.length + FACTS_OVERHEAD_BYTES,
    })
    factsCaches.set(catalog, cache)
  }
  const known = cache.get(key)
  if (known) return known as T
  const fresh = read()
  if (!Array.isArray(fresh)) Object.freeze((fresh as QuestionFacts).subjects)
  Object.freeze(fresh)
  cache.set(key, fresh)
  return fresh
}

/** The subjects, first value column and named thing of a question (the same for the same text). */
function questionFacts(text: string, catalog: EntityCatalog): QuestionFacts {
  return rememberedFacts(catalog, `q${text}`, () => ({
    subjects: subjectsOf(text, catalog),
    column: columnsIn(text)[0],
    thing: namedThingIn(text, catalog) ?? topicOf(text, catalog),
  }))
}

/**
 * The thing a "when/where/how was X done?" question is about, when it has no capitalized name:
 * "When was the AI draft law made public?" → "the AI draft law". Not an economy of the catalog
 * (those are its entities).
 */
function topicOf(text: string, catalog: EntityCatalog): string | null {
  const m = TOPIC_ASKED.exec(text)
  const np = m?.[1]
  if (!np || catalog.find(np).length > 0) return null
  return np
}

/** "When was the AI draft law made public", "Where did the first dialogue take place": the subject before its verb. */
const TOPIC_ASKED =
  /^(?:when|where|how|why|who|whose \w+)\s+(?:was|is|were|are|did|does|do|has|have|had)\s+(the\s+(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:[a-z]+ed|made|held|built|set|put|done|given|taken|shown|known|seen|begun|won|led|sent|paid|brought|found|signed|take|happen|start|begin|come|go|issue|sign|propose|publish|launch|open)\b/i

/** Small words inside a name: "Belt and Road", "Digital Silk Road of the …". */
const NAME_GLUE = 'of|on|and|for|the|in|to'
const NAMED_THING = new RegExp(
  `\\b[A-Z][\\w’'-]*(?:\\s+(?:(?:${NAME_GLUE})\\s+)*[A-Z][\\w’'-]*)+`,
  'g',
)
/** Question words that may open a question with a capital. */
const OPENERS =
  /^(?:What|Which|When|Where|Who|Whom|Whose|Why|How|Did|Does|Do|Is|Are|Was|Were|Has|Have|Had|Can|Could|And|But|So|In|On|For|The|A|An)\s+/

/**
 * The last name of two or more capitalized words in a question that is not an entity of the
 * catalog (an economy, a company): an initiative, a declaration, a forum.
 */
function namedThingIn(text: string, catalog: EntityCatalog): string | null {
  const entities = catalog.find(text)
  const things = [...text.matchAll(NAMED_THING)]
    .map((m) => ({ start: m.index, name: (m[0] as string).replace(OPENERS, '') }))
    .filter(({ name }) => name.split(/\s+/).length >= 2)
    .filter(({ start, name }) => !covers(entities, start + 1, start + name.length - 1))
  const last = things.at(-1)
  return last ? `the ${last.name.replace(/^the\s+/i, '')}` : null
}

/**
 * Whether a mention starts at or before `from` and ends at or after `to`. The mentions are the
 * catalog's for one text: in order and never overlapping, so their ends rise with their starts,
 * and of those starting at or before `from` the last ends latest; it is found by bisection (a
 * test of every mention for every named thing cost names × mentions: ≈ 25 ms on a 5,000-character
 * turn of names).
 */
export function covers(mentions: readonly EntityMention[], from: number, to: number): boolean {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((mentions[mid] as EntityMention).start <= from) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && (mentions[lo - 1] as EntityMention).end >= to
}

/**
 * Where a text names things, from the first named thing to the last ("the China-Africa
 * Initiative for Building a Community of Shared Future in Cyberspace" is one span), or `null`.
 */
function namedThingSpan(
  text: string,
  catalog: EntityCatalog,
): { start: number; end: number } | null {
  const entities = catalog.find(text)
  const things = [...text.matchAll(NAMED_THING)]
    .map((m) => {
      const name = (m[0] as string).replace(OPENERS, '')
      const start = m.index + (m[0] as string).length - name.length
      return { start, end: start + name.length, name }
    })
    .filter(({ name }) => name.split(/\s+/).length >= 2 || name.includes('-'))
    .filter(({ start, end }) => !covers(entities, start + 1, end - 1))
  const first = things[0]
  const last = things.at(-1)
  return first && last ? { start: first.start, end: last.end } : null
}

function observeAnswer(before: DialogState, answer: string, catalog: EntityCatalog): DialogState {
  let state = before
  const firstSentence = answer.split(/(?<=[.!?])\s/)[0] ?? answer
  const fromAnswer = subjectsOf(firstSentence.replace(/\([^)]*\)/g, ''), catalog).slice(0, 2)
  const questionNamed = state.lastQuestion
    ? named(catalog.find(state.lastQuestion)).length > 0
    : false
  // "Which field is just below X?": the answer's field is what a later "it" means.
  const asksWhich = state.lastQuestion ? /^(?:which|who|what)\b/i.test(state.lastQuestion) : false
  const questionEntities = state.lastQuestion ? subjectsOf(state.lastQuestion, catalog) : []
  const found = fromAnswer.filter((e) => !questionEntities.includes(e))
  // "What's the second one?" — "Item 2 of Table 8.1 … is The Global AI Governance Initiative.":
  // the thing the answer named is what a later "it" means.
  // One line: a list's items are many things, not the one "it" means.
  const oneLine = firstSentence.split('\n')[0] ?? ''
  const answered =
    asksWhich && !firstSentence.includes('\n')
      ? namedThingIn(oneLine.replace(/\([^)]*\)/g, ''), catalog)
      : null
  if (
    answered &&
    !state.lastQuestion?.toLowerCase().includes(answered.replace(/^the /, '').toLowerCase())
  )
    state = { ...state, thing: answered }
  if (asksWhich && questionNamed && found.length > 0)
    return {
      ...state,
      entities: found.slice(0, 1),
      mentioned: remember(state.mentioned, found.slice(0, 1)),
      recentText: `${state.recentText}\n${answer}`,
    }
  const useAnswer = !questionNamed && fromAnswer.length > 0
  return {
    ...state,
    person: state.person ?? personIn(firstSentence),
    entities: useAnswer ? fromAnswer : state.entities,
    mentioned: useAnswer ? remember(state.mentioned, fromAnswer) : state.mentioned,
    recentText: `${state.recentText}\n${answer}`,
  }
}

/** Characters kept before a text's trailing word ("the", a quote mark and the `\b` before them). */
const END_CONTEXT = 5

/**
 * The end of `text` that the tests of {@link subjectsOf} read, `["“][\w-]*-?$` and
 * `\b(?:the|a|an)\s+$`: its trailing spaces, then its trailing run of word characters and
 * hyphens, then END_CONTEXT characters more. Either test gives the same answer on it as on the
 * whole text, in time that does not grow with the text.
 */
export function endOf(text: string): string {
  let i = text.length
  while (i > 0 && /\s/.test(text[i - 1] as string)) i--
  while (i > 0 && /[\w-]/.test(text[i - 1] as string)) i--
  return text.slice(Math.max(0, i - END_CONTEXT))
}

/**
 * The entities a text is about, leaving out names used only to qualify a thing ("the Mali solar
 * village", "the China-Aid … village"): a later "it" does not stand for those.
 */
function subjectsOf(text: string, catalog: EntityCatalog): Entity[] {
  return rememberedFacts(catalog, `s${text}`, () => subjectsRead(text, catalog))
}

/** {@link subjectsOf}, not remembered. */
function subjectsRead(text: string, catalog: EntityCatalog): Entity[] {
  return named(
    catalog.find(text).filter((m) => {
      const after0 = text.slice(m.end)
      const demonym0 = m.surface !== m.entity.name && /(?:ese|ian|an|ish|ch|ine)$/i.test(m.surface)
      // "Chinese companies", "the Argentine government": a demonym qualifying a thing is not
      // what a later "it" means, unless it qualifies one of the tables' figures ("the Chinese share").
      if (
        demonym0 &&
        /^\s+[a-z]/.test(after0) &&
        !/^\s+(?:share|centrality|papers|rank|ranking|score)\b/.test(after0)
      )
        return false
      // Only the end of the text before the mention is read: its last word and the space after
      // it (a test of the whole text before each mention costs its length, per mention).
      const before = `${endOf(text.slice(0, m.start))}${/^the\s/i.test(m.surface) ? 'the ' : ''}`
      const after = text.slice(m.end)
      const inName = /^[\s-]+[A-Z]/.test(after) || /["“][\w-]*-?$/.test(before)
      // "the China-Aid Mali Solar Demonstration Village": a name inside another is no subject.
      if (inName && /^-/.test(after)) return false
      if (m.entity.tables.length > 0) return true
      const qualifies = /\b(?:the|a|an)\s+$/i.test(before) && /^[\s-]+[a-z]/.test(after)
      const demonym = m.surface !== m.entity.name && /(?:ese|ian|an|ish|ch)$/i.test(m.surface)
      return !(inName || qualifies || (demonym && /^\s+[a-z]/.test(after)))
    }),
  )
}

const remember = (list: Entity[], fresh: Entity[]): Entity[] => [
  ...list.filter((e) => !fresh.includes(e)),
  ...fresh,
]

const named = (mentions: EntityMention[]): Entity[] => {
  const out: Entity[] = []
  for (const m of mentions) if (!out.includes(m.entity)) out.push(m.entity)
  return out
}

/** One question rewritten against the state. */
function rewrite(
  question: string,
  state: DialogState,
  catalog: EntityCatalog,
  closest: ClosestWord = () => null,
): string {
  let q = normalizeText(question).trim().replace(/\s+/g, ' ')
  if (!state.lastQuestion) return q
  // "What about the China-Africa initiative, when was that proposed?": a question of its own,
  // whose "that" is the thing named before it.
  const own = ABOUT_THEN_ASK.exec(q)
  if (own) {
    const [, about, topic, ask = ''] = own
    const thing = about ?? topic ?? ''
    const asked = ask.replace(/\b(?:that|it|this)\b/i, thing.trim())
    if (asked !== ask) return `${asked.charAt(0).toUpperCase()}${asked.slice(1)}?`
  }
  // "Is that the lowest share in that table?" after a row's figure: the check is of that row's figure.
  const figureCheck = FIGURE_CHECK.exec(q)
  const row = state.entities.length === 1 ? state.entities[0] : undefined
  const figureColumn = (figureCheck ? columnsIn(q)[0] : undefined) ?? state.column
  if (figureCheck && row && figureColumn) {
    const [, verb = 'is', extreme = '', rest = ''] = figureCheck
    const where = replacePronouns(rest.replace(/\bthe table\b/i, 'that table'), state).replace(
      /\?$/,
      '',
    )
    return `${verb.charAt(0).toUpperCase()}${verb.slice(1).toLowerCase()} ${possessive(row.name)} ${COLUMN_PHRASE[figureColumn]} the ${extreme.toLowerCase()}${where}?`
  }
  q = replacePronouns(q, state)
  const ellipsis = ELLIPSIS.exec(q)
  if (!ellipsis) {
    // "Compare France and Italy" after a question about centrality: keep the column.
    const comparing =
      /\b(compare|comparison|versus|vs\.?|which of|which one|more|higher|lower|bigger|smaller|difference)\b/i.test(
        q,
      )
    if (comparing && state.column && columnsIn(q).length === 0 && catalog.find(q).length >= 2) {
      return `${q.replace(/\?$/, '')} by ${COLUMN_PHRASE[state.column]}${q.endsWith('?') ? '?' : ''}`
    }
    return q
  }
  const said = (ellipsis[1] ?? ellipsis[2] ?? '').trim()
  // "And how many solar pump systems?" is a question of its own once the "and" is dropped.
  // "And where?", "And when?": nothing of its own to ask about; read with the last question.
  if (
    /^(?:how|what|which|who|when|where|why)(?:\s+(?:many|much|exactly|so|then))?\s*\??$/i.test(said)
  )
    return q
  if (/^(how|what|which|who|when|where|why|is|are|was|were|did|does|do)\b/i.test(said)) {
    return `${said.charAt(0).toUpperCase()}${said.slice(1).replace(/\?$/, '')}?`
  }
  const rest = said.replace(/^(?:in|for|on)\s+/i, '').trim()
  if (rest.split(/\s+/).length > 8) return q
  const mentions = catalog.find(rest)
  const newEntities = named(mentions)
  const restColumns = columnsIn(rest)
  const prev = state.lastQuestion

  // "When did China propose the China-Africa Initiative …?" — "And the cybersecurity memorandum
  // with Thailand?": a named thing of its own takes the place of the last question's.
  const ownWords = queryTerms(
    mentions.reduce((t, m) => t.replace(m.surface, ' '), rest).replace(/\d+/g, ' '),
  )
  const prevThing = namedThingSpan(prev, catalog)
  if (newEntities.length > 0 && restColumns.length === 0 && ownWords.length > 0 && prevThing) {
    const before = prev.slice(0, prevThing.start).replace(/\bthe\s*$/i, '')
    return `${before}${rest.replace(/^the\s+/i, 'the ')}${prev.slice(prevThing.end)}`
  }
  if (newEntities.length > 0) {
    const prevMentions = catalog.find(prev)
    const sameType = prevMentions.filter((m) => m.entity.type === (newEntities[0] as Entity).type)
    if (restColumns.length > 0 || (sameType.length === 0 && state.column)) {
      const column = restColumns[0] ?? state.column
      if (column)
        return `What is ${possessive(joinAnd(newEntities.map((e) => e.name)))} ${COLUMN_PHRASE[column]}?`
    }
    if (sameType.length > 0) return substitute(prev, sameType, newEntities)
    return `${prev.replace(/\?$/, '')} for ${joinAnd(newEntities.map((e) => e.name))}?`
  }
  if (restColumns.length > 0 && state.entities.length > 0) {
    return `What is ${possessive(joinAnd(state.entities.map((e) => e.name)))} ${COLUMN_PHRASE[restColumns[0] as ValueColumn]}?`
  }
  // "And the runner-up?", "the third one?" after "Which economy published the most papers?": the
  // same ranking, another place in it.
  const place = ORDINAL_ONLY.exec(rest.replace(/\?$/, ''))?.[1]?.toLowerCase()
  const superlative = SUPERLATIVE.exec(prev)
  if (place && superlative) {
    const had = superlative[1] ? ORDINAL_WORDS.indexOf(superlative[1].toLowerCase()) + 1 || 1 : 1
    const k =
      place === 'next'
        ? had + 1
        : /^runners?[- ]up$/.test(place)
          ? 2
          : ORDINAL_WORDS.indexOf(place) + 1
    if (k >= 2 && k <= ORDINAL_WORDS.length)
      return prev.replace(SUPERLATIVE, `${ORDINAL_WORDS[k - 1]} ${superlative[2]}`)
  }
  // "And together?", "Why?": nothing to put in the last question's place; read with it later.
  if (NOT_A_THING.test(rest) && rest.split(/\s+/).length <= 3) return q
  // "And photovoltaic?" after "… China's wind product exports …": the word of the last question
  // it stands in for, by meaning.
  const words = rest.replace(/\?$/, '').split(/\s+/)
  if (words.length <= 3) {
    // Capitalized words too ("Asian" for "European"), but not the question word that opens it.
    const candidates = [
      ...new Set(prev.replace(/^\S+\s*/, ' ').match(/\b[A-Za-z][a-z-]{2,}\b/g) ?? []),
    ].filter((w) => !isStopWord(w.toLowerCase()) && !words.includes(w))
    // The head noun first ("photovoltaic"), then its modifiers ("minor" of "minor ones"); but a
    // proper adjective first: in "European countries" it is what is new ("Asian economies").
    const proper = new Set(words.filter((w) => /^[A-Z][a-z]/.test(w)).map((w) => w.toLowerCase()))
    const own = words
      .map((w) => w.toLowerCase())
      .filter((w) => !isStopWord(w) && !/^(?:one|ones)$/.test(w))
      .reverse()
      .sort((a, b) => Number(proper.has(b)) - Number(proper.has(a)))
    for (const w of own) {
      const swapped = closest(w, candidates)
      const said = words.find((x) => x.toLowerCase() === w) ?? w
      if (swapped) return prev.replace(new RegExp(`\\b${swapped}\\b`), said)
    }
  }
  // "And minor ones?", "And minor?" after "How many medium industrial categories …?" (when no
  // word of the last question is close in meaning): the new modifier in place of the first word
  // of the thing the last question asked about.
  const ones = /^(?:the\s+)?([a-z][a-z-]+)(?:\s+ones?)?$/i.exec(rest.replace(/\?$/, ''))
  const asked =
    /\b(?:how many|which|what)\s+((?:[a-z-]+\s+){1,3}?[a-z-]+)\s+(?:does|do|did|is|are|was|were|has|have|had|in|of|for)\b/i.exec(
      prev,
    )
  const np = asked?.[1] ?? ''
  const first = np.split(/\s+/)[0] ?? ''
  const modifier = ones?.[1]?.toLowerCase() ?? ''
  // Without "ones", only a word of the same scale ("minor" for "medium") stands in for another.
  const sameScale = SCALE.has(first.toLowerCase()) && SCALE.has(modifier)
  if (modifier && np.split(/\s+/).length >= 2 && (/\bones?$/i.test(rest) || sameScale)) {
    const swapped = np.replace(/^\S+/, modifier)
    return prev.replace(np, swapped)
  }
  return `What does the chapter say about ${said.replace(/\?$/, '')}?`
}

/** Replaces the previous question's entities with the new ones (one for one, or the last one). */
function substitute(prev: string, old: EntityMention[], fresh: Entity[]): string {
  const targets = fresh.length === old.length ? old : old.slice(-1)
  const names =
    fresh.length === old.length ? fresh.map((e) => e.name) : [joinAnd(fresh.map((e) => e.name))]
  let out = normalizeText(prev)
  targets
    .map((m, i) => ({ m, name: names[i] ?? (names[0] as string) }))
    .sort((a, b) => b.m.start - a.m.start)
    .forEach(({ m, name }) => {
      const owns = /['’]s$/.test(m.surface)
      const the = /^the\s/i.test(m.surface) && !/^the\s/i.test(name) ? '' : ''
      out = `${out.slice(0, m.start)}${the}${owns ? possessive(name) : name}${out.slice(m.end)}`
    })
  return out
}

const HEADS =
  'initiative|initiatives|project|projects|agreement|agreements|report|reports|forum|forums|law|laws|model|models|partnership|partnerships|dialogue|statement|memorandum|memoranda|cooperation|village|line|field|fields|table|box|section|program|plan|planning|conference|competition|platform|zone|zones|system|systems|cluster|clusters|tools|technology|technologies|countries|economies'

/** "its", "their", "it", "they", "them", "both (of them)", "that initiative", "those projects". */
function replacePronouns(q: string, state: DialogState): string {
  // "that table", "this box": the last table, box or figure the conversation named by number.
  let out = q.replace(
    /\b(?:that|this|the same)\s+(table|box|figure)\b/gi,
    (whole, kind: string) => {
      const ids = [...state.recentText.matchAll(new RegExp(`\\b${kind}\\s+(\\d+\\.\\d+)`, 'gi'))]
      const id = ids.at(-1)?.[1]
      return id ? `${kind.charAt(0).toUpperCase()}${kind.slice(1).toLowerCase()} ${id}` : whole
    },
  )
  const demonstrative = new RegExp(`\\b(?:that|this|these|those|the same)\\s+(${HEADS})\\b`, 'gi')
  out = out.replace(
    demonstrative,
    (whole, head: string) => antecedent(head, state.recentText) ?? whole,
  )
  // "it" is the thing the last question asked about, before an economy it also named ("When did
  // China propose the Global AI Governance Initiative?" … "Which table lists it?").
  // A person is "he" or "she", never "it".
  if (state.thing && !(state.person && state.thing.includes(state.person)))
    out = out.replace(/\bit\b(?!['’])/gi, state.thing)
  // "What did he say about China?" after "Who is Erik Solheim?".
  if (state.person) {
    const person = state.person
    out = out
      .replace(/\b(?:he|she)\b/gi, person)
      .replace(/\bhis\b/gi, possessive(person))
      .replace(/\bhim\b/gi, person)
  }
  const last = state.entities.at(-1)
  if (!last) return out
  // Plural references take the entities of the last question if it named several, else the
  // last two named in the conversation; singular ones the last entity.
  const plural = joinAnd(
    (state.entities.length >= 2 ? state.entities : state.mentioned.slice(-2)).map((e) => e.name),
  )
  const single = state.entities.length === 1 ? last.name : plural
  // "they" plan, do and sign: people or bodies, never a region ("Eastern Europe" of "Chinese
  // companies entered markets in Eastern Europe"). Without such a referent "they" stays.
  const agents = (state.entities.length >= 2 ? state.entities : state.mentioned.slice(-2)).some(
    (e) => e.type === 'place',
  )
    ? null
    : plural
  return (
    out
      .replace(
        /\b(?:both of them|both of these|the two of them|the two|both|each of them|these two|those two)\b/gi,
        plural,
      )
      .replace(/\b(which|who) of them\b/gi, (_m, w: string) => `${w} of ${plural}`)
      .replace(/\btheir\b/gi, (m) => (agents ? possessive(agents) : m))
      .replace(/\bits\b/gi, possessive(single))
      .replace(/\b(?:they|them)\b(?!['’])/gi, (m) => agents ?? m)
      // "How many of those were coauthored?": "those" standing alone, for what was just named.
      .replace(
        /\bof (?:those|these)\b(?=\s+(?:were|are|was|is|have|had|did|do)\b)/gi,
        `of ${single}`,
      )
      // "When did China propose it?": "it" is never a name its own question already says.
      .replace(/\bit\b(?!['’])/gi, (m) =>
        q.toLowerCase().includes(single.toLowerCase()) ? m : single,
      )
  )
}

/**
 * The phrase of the recent conversation that "that <head>" points at: the last mention of a name
 * or noun phrase ending in the same head word ("the Global AI Governance Initiative", "green
 * energy projects").
 */
function antecedent(head: string, text: string): string | null {
  const singular = head
    .toLowerCase()
    .replace(/(ies)$/, 'y')
    .replace(/s$/, '')
  const anyCase = (w: string) => `[${(w[0] as string).toUpperCase()}${w[0]}]${w.slice(1)}`
  const heads = `${anyCase(singular)}s?|${anyCase(singular.replace(/y$/, 'ies'))}`
  const proper = new RegExp(
    `((?:[A-Z][\\w’'-]*\\s+)(?:(?:[A-Z][\\w’'-]*|of|on|and|for|in|the|to)\\s+){0,10}(?:${heads}))\\b`,
    'g',
  )
  const properHits = [...text.matchAll(proper)].map((m) =>
    (m[1] as string).replace(/^(?:The|A|An|In|On|For|And|What|Which|When|How|Who|Where)\s+/, ''),
  )
  const lastProper = properHits.filter((h) => /^[A-Z]/.test(h) && h.split(/\s+/).length >= 2).at(-1)
  if (lastProper) return `the ${lastProper}`
  const common = new RegExp(`\\b((?:[a-z][\\w-]*\\s+){1,3}(?:${heads}))\\b`, 'g')
  const stop =
    /^(the|a|an|of|in|on|for|and|to|are|is|was|were|did|does|do|how|many|what|which|there|that|this|these|those|with|by|has|have|had)$/
  const commonHits = [...text.matchAll(common)]
    .map((m) => (m[1] as string).split(/\s+/))
    .map((words) => {
      // Keep what follows the last determiner: "issued a joint statement" → "joint statement".
      const det = words.findLastIndex((w) => /^(a|an|the|its|their|this|that)$/.test(w))
      const kept = det >= 0 ? words.slice(det + 1) : words
      while (kept.length > 1 && stop.test(kept[0] as string)) kept.shift()
      return kept.join(' ')
    })
    .filter((h) => h.split(/\s+/).length >= 2)
  const lastCommon = commonHits.at(-1)
  return lastCommon ? `the ${lastCommon}` : null
}
