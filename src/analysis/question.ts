import { normalizeText, searchTerm, wordTokens } from '../text/normalize.ts'
import { ORDINAL_WORDS } from '../text/number-words.ts'
import type { Entity, EntityCatalog } from './entities.ts'
import { type NumberMention, notPlainReads, numbersIn, withNumberReading } from './numbers.ts'
import type { Correction, Speller } from './spelling.ts'
import { parseTableQuery, type TableQuery } from './table-query.ts'
import type { TableRegistry } from './tables.ts'
import type { Truecaser } from './truecase.ts'

/** What a question wants done. */
export type Intent =
  | 'lookup'
  | 'list'
  | 'define'
  | 'why'
  | 'yes-no'
  | 'compare'
  | 'compute'
  | 'summarise'
  | 'locate'
  | 'refuse'

/** The kind of thing a right answer holds. */
export type AnswerType =
  | 'number'
  | 'date'
  | 'place'
  | 'person'
  | 'organisation'
  | 'list'
  | 'reason'
  | 'text'

/** A part of the chapter a question names: "Box 8.2", "footnote 2", "section II.3", "Figure 8.1", "Table 8.3". */
export interface StructureRef {
  kind: 'box' | 'footnote' | 'section' | 'figure' | 'table'
  id: string
}

/**
 * One reading of a question, made once; every answering strategy consumes it and none re-parses
 * the text.
 */
export interface Question {
  /** As the user sent it. */
  raw: string
  /** The question itself, cut out of a long message. */
  core: string
  /** `core` normalized (the corpus's OCR repairs) and spelling-corrected: what retrieval and scoring read. */
  text: string
  corrections: Correction[]
  intent: Intent
  answerType: AnswerType
  entities: Entity[]
  numbers: NumberMention[]
  /** Years the question asks about ("in 2015"). */
  years: number[]
  /** The part of the chapter it names, if any. */
  target: StructureRef | null
  /** For a yes/no question: the claim it checks, as a statement. */
  claim: string | null
  /** Two or more sub-questions, each read on its own; empty for a single question. */
  parts: Question[]
  /** The sub-questions after the first {@link MAX_PARTS}, read and answered no further. */
  moreParts?: string[]
  /** The table operation, when the tables can answer. */
  table: TableQuery | null
}

/** What question analysis needs from the chapter side. */
export interface QuestionContext {
  catalog: EntityCatalog
  tables: TableRegistry
  speller: Speller
  /** Restores names typed in lower case (optional: without it, case stays as typed). */
  truecaser?: Truecaser
  /**
   * Reads one part of a question (as `analyzeQuestion(text, ctx, 1)`), where a host remembers
   * readings: a part is read again as a follow-up of the part before it.
   */
  part?: (text: string) => Question
}

const YES_NO_START =
  /^(?:so\s+|and\s+|but\s+|also\s+)?(is|are|was|were|does|do|did|has|have|had|can|could|will|would|should|isn't|aren't|wasn't|doesn't|didn't|hasn't)\b/i
const TRUE_THAT =
  /^(?:is it (?:true|correct|right|the case) that|true or false:?|am i right that|is it correct to say that|did the chapter say that|does the chapter (?:say|claim|state) that)\s+/i
const INSTRUCTION =
  /\b(ignore (?:the|your|all|previous|prior)|forget (?:the|your|all|previous)|disregard|system prompt|hidden instructions|your instructions|write (?:me )?(?:a|an) (?:poem|song|story|essay|joke)|pretend (?:you|to)|act as|jailbreak|reveal your)\b/i
/** The tags that turn a statement into a check. */
const TAGS =
  "right|correct|true|yes|no|isn't it|is that right|is that correct|is that true|is that so|am i right|don't they|doesn't it|didn't it|didn't they|aren't they|isn't that so|wasn't it|weren't they|hasn't it|haven't they|or not"
/**
 * A statement turned into a check by a tag: "The chapter calls data the fourth factor, right?",
 * "China leads, doesn't it?".
 */
const TAG_QUESTION = new RegExp(
  // With its question mark, or after a comma without one ("…, right").
  `(?:,?\\s+(?:${TAGS})\\s*\\?+|,\\s*(?:${TAGS})\\s*[.!]*)\\s*$`,
  'i',
)
/**
 * A prepositional lead-in before a question's verb: "By 2023, had …", "In 2022 did …",
 * "According to the chapter, is …" (up to six words, then a comma or the auxiliary).
 */
const LEAD_IN =
  /^(?:(?:by|in|as of|since|after|before|during|until|according to|per|based on)\s+(?!(?:[\w.'’-]+\s+){0,5}?(?:what|which|who|whom|whose|when|where|why|how)\b)(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+(?:,\s*|\s+)|(?:by|in|as of|since|after|before|during|until|according to|per|based on|among|amongst|with|given|for|from|of|on|under|besides|apart from|unlike|like|compared (?:to|with)|looking at|regarding|concerning|in terms of)\s+(?![^,?]*\b(?:what|which|who|whom|whose|when|where|why|how)\b)[^,?]{1,120},\s*)(?=(?:is|are|was|were|does|do|did|has|have|had|can|could|will|would|should)\b)/i

/** A lead-in phrase and its comma before any question: "In Table 8.3, why …", "According to the chapter, why …". */
const PLAIN_LEAD_IN = /^(?:in|from|for|according to|per|based on)\s+[^,?]{1,60},\s*/i

/** "The runner-up", "runners up": the second place, an ordinal numbers are read with. */
const RUNNER_UP = /\brunners?[- ]up\b/gi
const WH = /\b(what|which|who|whom|whose|when|where|why|how)\b/i
/** A sentence about the user, not the chapter: "I run a startup in Vietnam", "Our team …". */
const ABOUT_THE_USER =
  /^(?:context:\s*|background:\s*|some background:\s*)?(?:i|i'm|i’m|i've|i'd|we|we're|we’re|we've|my|our)\b/i

/** What follows a year that dates a source: "the 2023 report", "its 2021 edition". */
const SOURCE_AFTER_YEAR =
  /^\s+(?:report|reports|study|survey|edition|publication|yearbook|paper|data ?set|index|ranking)\b/i

/** Abbreviations after which a period does not end a sentence. */
const NO_BREAK_AFTER =
  /\b(?:rep|fig|figs|e\.g|i\.e|etc|vs|no|nos|u\.s|u\.k|mr|mrs|ms|dr|prof|approx|inc|ltd|co|st)\.$/i

/** The sentences of a user's message: a break is `.`, `!` or `?` followed by white space (not "Table 8.3", not "Rep. of Korea"). */
export function sentencesOf(text: string): string[] {
  const out: string[] = []
  let current = ''
  for (const piece of text.split(/(?<=[.!?]["')\]]?)\s+/)) {
    current = current ? `${current} ${piece}` : piece
    if (!NO_BREAK_AFTER.test(current)) {
      out.push(current.trim())
      current = ''
    }
  }
  if (current.trim()) out.push(current.trim())
  return out.filter((x) => x.length > 0)
}

/** A sentence that commands rather than asks: "List all …", "Summarise section II.3". */
const IMPERATIVE =
  /^(?:please\s+)?(?:list|name|give|tell|explain|describe|summari[sz]e|compare|show|define|outline|enumerate|identify)\b/i

/** A message shorter than this is read as it is, unless it has more than one sentence. */
const SHORT_MESSAGE_CHARS = 140

/**
 * A message without the social words around its question: a greeting or a lead-in before it
 * ("Hi!", "Quick question:", "One more thing -", "According to the chapter,") and thanks after it
 * ("Thanks!", "Thank you in advance."). What is left is what is asked; a message that is only
 * pleasantries stays as it is.
 *
 * @example
 * withoutPleasantries('Hi there! Quick question: which field has the most papers? Thanks!')
 * // 'which field has the most papers?'
 */
export function withoutPleasantries(message: string): string {
  let text = message
  for (let before = ''; before !== text; ) {
    before = text
    text = text
      .replace(LEADING_PLEASANTRY, '')
      .replace(TRAILING_THANKS, '')
      .replace(CHAPTER_LEAD_IN, '')
      .replace(CHAPTER_TAIL, '')
      .replace(ASKING_ASIDE, '?')
      .trim()
  }
  return text.length > 0 ? text : message
}

/** A greeting or a lead-in at the start of a message, with its punctuation. */
const LEADING_PLEASANTRY =
  /^(?:(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening)|dear (?:assistant|bot))(?: there| all| team)?\s*[,!.:;-]*\s+|(?:(?:thanks|thank you|thx|great|good|ok(?:ay)?|cool|nice|got it|perfect|interesting|i see|alright|awesome|sure|understood|makes sense)(?: so much| a lot)?|(?:a |one )?quick (?:question|one|check)|(?:a |one )?question|(?:one|a) more (?:thing|question)|another (?:question|one)|follow-up(?: question)?|side note|by the way|btw|ok(?:ay)?|so|hmm+|sorry|excuse me|well)\s*[,!.:;—–-]+\s*)/i
/**
 * "According to the chapter, …", "…, per the text?": the chapter is the only source there is, so
 * saying so asks nothing more ("According to the 2023 report, …" names a source and stays).
 */
const CHAPTER_LEAD_IN =
  /^(?:according to|per|based on|from|in|going by|as (?:stated|said|described|explained) in)\s+(?:the|this)\s+(?:chapter|text|book|document|passage|article|reading)\s*[,:]?\s+(?=\S)/i
/** The same said at the end of the question, before its mark. */
const CHAPTER_TAIL =
  /,?\s+(?:according to|per|based on|in|going by)\s+(?:the|this)\s+(?:chapter|text|book|document|passage|article|reading)(?=\s*[?.!]*\s*$)/i
/** "… - that's what I'm trying to figure out.", "… is what I'd like to know": the question before it is what is asked. */
const ASKING_ASIDE =
  /\s*(?:[-–—,:]\s*(?:that's|that is|this is)\s+(?:what|all|the thing)\s+|\s+is (?:what|all)\s+)(?:i'm|i am|i|we're|we are|we|i'd|i would|we'd)\s+(?:[a-z']+\s+){0,5}?(?:know|find out|figure out|understand|ask|asking|check|confirm|sure about|wondering|wondering about|curious about|after)\b[^?!]*?[.!]*\s*$/i
/** A sentence of a message that only greets or thanks ("Thanks so much.", "Hello there!"). */
const GREETING_OR_THANKS = /^(?:thanks|thank you|cheers|much appreciated|hi|hello|hey)\b/i
/** Thanks, sign-offs and emoji at the end of a message. */
const TRAILING_THANKS =
  /(?:^|(?<=[.?!])\s*|\s+)(?:(?:thanks|thank you|thx|ty|cheers|much appreciated|many thanks|appreciate it|i appreciate it|thanks a lot|thanks so much|thank you so much|thanks in advance|thank you in advance)(?: (?:a lot|so much|in advance|again))?\s*[.!:)]*\s*(?:[:;]-?\)|🙏|🙂|😊)?\s*)$/i

/**
 * The question inside a long message: its sentences that ask something (a question mark, a
 * request such as "could you tell me", "I'd like to know"), without greetings, context and thanks.
 *
 * @example
 * coreQuestion("Hi! I'm a student. Could you tell me how many papers India published? Thanks!")
 * // 'how many papers India published?'
 */
export function coreQuestion(message: string): string {
  const text = withoutPleasantries(message.replace(/\s+/g, ' ').trim())
  // A short message of one sentence is its question; one with a sentence of context before
  // ("I'm preparing a class on this chapter. Does Germany …?") is read as a long one.
  if (text.length < SHORT_MESSAGE_CHARS && sentencesOf(text).length < 2) return stripRequest(text)
  const sentences = sentencesOf(text)
  // "My uncle keeps bragging that China has every industry. Is he right?": a check of what was
  // said before is a check of that claim.
  const checked = claimChecked(sentences)
  if (checked) return checked
  // A question without its mark after another ("… in 2011-2020? Also, which economy tops
  // Table 8.3").
  const unmarkedLast = (s: string) =>
    s === sentences.at(-1) &&
    sentences.length > 1 &&
    /\?\s*$/.test(sentences.at(-2) ?? '') &&
    ASKS.test(s.replace(/^(?:also|and|plus|separately|additionally|then)[,:]?\s+/i, ''))
  const marked = sentences.some((s) => /\?\s*$/.test(s))
  const asks = sentences.filter(
    (s) =>
      /\?\s*$/.test(s) ||
      /^(?:so |and |but |now |basically |my question is:? |question:? )?(?:could|can|would|will) you\b/i.test(
        s,
      ) ||
      /\b(i(?:'d| would) like to know|i want to know|i(?:'m| am) (?:curious|wondering)|please (?:tell|explain|list|give|summari[sz]e)|tell me|help me (?:understand|find)|i need (?:to know|the))\b/i.test(
        s,
      ) ||
      // A command: "List all the regions …", "summarise section II.3".
      IMPERATIVE.test(s) ||
      unmarkedLast(s) ||
      // No sentence asks with a mark: one that opens as a question does ("… how many papers
      // Germany has").
      (!marked && ASKS.test(s.replace(/^(?:so|and|but|basically|anyway)[,:]?\s+/i, ''))),
  )
  // "I'm curious how big Chinese exports really are. … what are the export values?": a stated
  // wish gives way to the question that follows it.
  const direct = asks.filter((s) =>
    !/\?\s*$/.test(s) ? STATES_REQUEST.test(s) || unmarkedLast(s) : true,
  )
  const chosen = (
    asks.length > 0 ? (asks.some((s) => /\?\s*$/.test(s)) ? direct : asks) : sentences.slice(-2)
  )
    .filter((s) => !GREETING_OR_THANKS.test(s))
    .map((s) => s.replace(DISCOURSE_MARKER, ''))
  const core = stripRequest(chosen.join(' ') || text)
  // "Could you tell me?" asks for what the sentence before it says: "… asked what it says
  // enterprises should be guided to do."
  let first = chosen[0]
  let asked = core
  // "Could you help us out?", "Can you find it in the chapter?": a request that says nothing of
  // what it wants asks what the sentence before it says.
  if ((/^\W*$/.test(core) || CONTENT_FREE_REQUEST.test(core)) && first) {
    const before = sentences[sentences.indexOf(first) - 1]
    if (!before) return core
    first = before
    asked = stripRequest(before.replace(REPORTED_ASK, '').replace(STATED_NEED, 'What is ')).replace(
      /[.!]?$/,
      '?',
    )
  }
  // A question that points back ("these collaborations", "what examples does it give?") is read
  // with the sentences before it, as a follow-up is read with the previous turn.
  // "… how many categories it says China has": "it says" is the chapter's, unless a part of it
  // was named before ("The part about … gives some examples. What examples does it give?").
  const partNamed = sentences.some((s) => s !== first && NAMES_A_PART.test(s))
  const earlier = sentences.slice(0, Math.max(0, first ? sentences.indexOf(first) : 0)).join(' ')
  // "Is it true that …": a dummy "it" points at nothing.
  const back = POINTS_BACK.exec(
    (partNamed ? asked : asked.replace(CHAPTER_SAYS, ' ')).replace(TRUE_THAT, ''),
  )
  const found = back ?? introducedBefore(asked, earlier)
  // "… have there?" points back only into a part of the chapter the message named ("a table with
  // centrality values"); a place the user mentions is no context of the question.
  const pointer = found && /^there$/i.test(found[0]) && !partNamed ? null : found
  // "… renew their MOU": a name before the pronoun is what it points at, inside the question.
  // "There" and "about that" point past the names of their own question.
  const namedBefore =
    pointer && pointer === back && !/^(?:there|about|of|on|with|for)\b/i.test(pointer[0])
      ? /\s[A-Z]/.test(asked.slice(0, pointer.index))
      : false
  // "Since what year?": a question with no subject of its own is read with what comes before it.
  const subjectless = UNDERSPECIFIED.test(asked.trim())
  if (first && ((pointer && !namedBefore) || subjectless)) {
    const at = sentences.indexOf(first)
    // The two nearest sentences before it about the chapter: not greetings, not what the user or
    // someone else thinks ("He says it's just heavy machinery.").
    const context = sentences
      .slice(0, Math.max(0, at))
      .filter((s) => !GREETING_OR_THANKS.test(s) && !SOMEONES_VIEW.test(s))
      .slice(-2)
      .join(' ')
    // "… what people mean by 'hard technology' … What does it say about that?": the term the
    // user quoted is what "that" is.
    const quoted = /^(?:about|of|on|with|for) (?:that|this)$/i.test(pointer?.[0] ?? '')
      ? QUOTED_TERM.exec(sentences.slice(0, Math.max(0, at)).join(' '))?.[1]
      : undefined
    if (quoted)
      return asked.replace(
        /\b(about|of|on|with|for) (?:that|this)(?=\s*[?.!]*\s*$)/i,
        (_m, p: string) => `${p} '${quoted}'`,
      )
    if (context)
      return `${asked.replace(/[?.!\s]+$/, '')}, regarding "${context.replace(/"/g, "'")}"?`
  }
  return asked
}

/**
 * A question that asks only whether what was said before holds: "Is that true?", "Is he right?",
 * "Can you confirm?", "Does the chapter back him up?", "Is there anything in it that supports his
 * claim?".
 */
const CHECKS_WHAT_WAS_SAID =
  /^(?:(?:so|and|but|well|ok(?:ay)?)[,]?\s+)?(?:(?:is|was) (?:that|this|it|he|she|they|my \w+|the \w+) (?:really |actually |even )?(?:true|right|correct|accurate|wrong|so|the case|a fact)|are (?:they|we|you) (?:right|correct|wrong)|am i (?:right|correct|wrong)|(?:can|could) you (?:confirm|verify|check)(?: (?:that|this|it))?(?: for me)?|does (?:the chapter|it|the book|the text) (?:back (?:him|her|them|me|us|this|that|it) up|(?:back up|support|confirm|agree with|bear out) (?:him|her|them|me|us|this|that|it|(?:his|her|their|my|this|that|the) (?:claim|view|point|statement)))|is there anything (?:in (?:it|the chapter|the text|there) )?(?:that |to )?(?:backs? up|supports?|confirms?|proves?) (?:him|her|them|this|that|it|(?:his|her|their|my|this|that|the) (?:claim|view|point|statement))|true or false|right or wrong)\s*[?.!]*$/i

/**
 * A sentence that tells what someone said, with the claim after "that": "My uncle keeps bragging
 * at dinner that …", "I read that …", "A colleague claimed that …".
 */
const REPORTED_CLAIM =
  /^(?:(?:but|and|so|well)[,]?\s+)?(?:[\w'’-]+\s+){0,4}?(?:says?|said|saying|claims?|claimed|claiming|brag(?:s|ged|ging)?|boasts?|boasted|boasting|argues?|argued|arguing|insists?|insisted|insisting|maintains?|told (?:me|us)|tells (?:me|us)|telling (?:me|us)|thinks?|thought|believes?|believed|reckons?|wrote|writes|heard|read|was told|learned|mentioned|mentions)\b(?:\s+[\w'’-]+){0,4}?\s+that\s+(.{8,})$/i
/**
 * The same without "that": "My friend says China has every industry." (Not of the user: "I read
 * the whole chapter twice" tells what they did, not a claim.)
 */
const REPORTED_CLAIM_BARE =
  /^(?:(?:but|and|so|well)[,]?\s+)?(?!(?:i|we)\b)(?:[\w'’-]+\s+){0,4}?(?:says?|said|saying|claims?|claimed|claiming|brag(?:s|ged|ging)?|boasts?|boasted|boasting|argues?|argued|arguing|insists?|insisted|insisting|maintains?|told (?:me|us)|tells (?:me|us)|telling (?:me|us)|thinks?|thought|believes?|believed|reckons?|wrote|writes|heard|read|was told|learned|mentioned|mentions)\s+(?!that\b)(.{8,})$/i

/**
 * The check a message asks when its question asks only whether what was said before holds: the
 * claim of the sentence before (after "… says that", or the sentence itself when it states a
 * fact), as "Is it true that …?". `null` when the message is no such check.
 *
 * @example
 * claimChecked(['My uncle says China has every industry.', 'Is he right?'])
 * // 'Is it true that China has every industry?'
 */
function claimChecked(sentences: readonly string[]): string | null {
  const at = sentences.length - 1
  const last = sentences[at]
  if (at < 1 || !last || !CHECKS_WHAT_WAS_SAID.test(last.trim())) return null
  // The claim: the sentence before, or one of the two before it that tells what someone said
  // ("My uncle keeps bragging that …. I'm reading this for a seminar. Is he right?").
  for (let i = at - 1; i >= Math.max(0, at - 2); i--) {
    const before = (sentences[i] as string).trim()
    // A question, with its mark or without ("Which economy leads Table 8.3."), states nothing.
    if (/\?\s*$/.test(before) || ASKS.test(before)) return null
    const reported = (REPORTED_CLAIM.exec(before) ?? REPORTED_CLAIM_BARE.exec(before))?.[1]
    if (reported) return checkOf(reported)
    if (!ABOUT_THE_USER.test(before)) return i === at - 1 ? checkOf(before) : null
  }
  return null
}

/** A hedge after a claim: ", but I'm not sure", "… or so I think". */
const HEDGE =
  /(?:,?\s*but (?:i'm|i am|we're|we are) not (?:sure|certain)\b.*|,?\s*or so (?:i|we|he|she|they) (?:think|thought|heard|believe)\b.*)$/i

/**
 * "Is it true that …?" of a claim, its first word in lower case unless it is an acronym ("Around
 * 5.3% …" → "around 5.3% …"; names get their capital back from the truecaser after this).
 */
function checkOf(claim: string): string {
  const body = claim
    .replace(HEDGE, '')
    .replace(/[\s.!;:]+$/, '')
    .replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())
  return `Is it true that ${body}?`
}

/** A term a user puts in quotes: 'hard technology', "patient capital" (one to six words). */
const QUOTED_TERM = /(?<!\w)['"‘“]((?:[\w-]+ ){0,5}[\w-]+)['"’”](?!\w)/

/** A question with no subject of its own: "Since what year?", "When was that?", "Who did it?". */
const UNDERSPECIFIED =
  /^(?:and |so |but )?(?:since |in |from |until )?(?:what|which|when|where|who|how)(?: (?:year|date|month|time|country|place|many|much|long|exactly))?(?: (?:was|is|did|does|were|are) (?:that|it|this|they|he|she))?\??$/i
/** "it says", "does it mention": the chapter speaking, when no part of it was named. */
const CHAPTER_SAYS =
  /\bit (?:says?|said|mentions?|describes?|states?|claims?|lists?|gives?|notes?|calls?)\b/gi
/** A sentence that names a part of the chapter "it" may stand for. */
const NAMES_A_PART = /\b(?:box|section|part|footnote|paragraph|passage|table|figure)\b/i

/** What the user or someone else thinks: "He says …", "I think …", "my friend argues …". */
const SOMEONES_VIEW =
  /^(?:(?:but|and|so|though)\s+)?(?:he|she|they|my \w+|our \w+|i|we)\s+(?:says?|said|thinks?|thought|believes?|believed|argues?|argued|claims?|claimed|reckons?|feels?)\b/i

/** "My boss specifically asked what …": the question someone else asked, reported. */
const REPORTED_ASK =
  /^.*?\b(?:asked|asks|is asking|wants to know|wanted to know|wonders|wondered|needs to know|would like to know)\s+(?=(?:(?:in|on|at|for|from|by|with|to|since|of|during)\s+)?(?:what|which|who|whom|when|where|why|how|whether|if)\b)/i

/** A sentence that asks for something without a question mark: "Could you …", "Please list …". */
const STATES_REQUEST =
  /^(?:so |and |but |now |basically |my question is:? |question:? )?(?:could|can|would|will) you\b|\bplease (?:tell|explain|list|give|summari[sz]e)\b|\btell me\b/i

/** "Anyway, …", "By the way, …": words that open a sentence without saying anything. */
const DISCOURSE_MARKER =
  /^(?:anyway|anyhow|by the way|btw|also|so|ok(?:ay)?|well|oh|right|now|according to (?:it|this|that|the chapter|this chapter|the text|the book))\s*,\s*/i

/** Words that point back to something said before. */
const POINTS_BACK =
  /\b(?:there(?=\s*[?.!]*\s*$)|(?:about|of|on|with|for) (?:that|this)(?=\s*[?.!]*\s*$)|it|its|they|them|their|this(?! (?:chapter|book|text)\b)|these|those|that (?:initiative|section|box|part|project|report|cooperation|law|agreement|one)|the (?:box|section|part|footnote|passage|paragraph|list)\b(?! (?:about|on|of|in|that|which|where)\b))/i

/**
 * A request that names nothing it wants: "Could you help us out?", "Can you find it in the
 * chapter?", "Any idea?". (Read after {@link stripRequest}.)
 */
const CONTENT_FREE_REQUEST =
  /^(?:(?:could|can|would|will) you (?:please )?)?(?:help(?: (?:me|us))?(?: (?:out|with (?:it|that|this)))?|find (?:it|that|this|them|out|(?:that|this|the) (?:number|figure|amount|date|name|one|answer))(?: for (?:me|us))?|look (?:it|that|this) up|check (?:it|that|this)|answer (?:it|that|this)|any ideas?|(?:does|did) (?:it|the chapter|the text) say)(?: (?:in|from) (?:the|this) (?:chapter|text|book))?\s*[?.!]*$/i

/** "What I still need is the amount …": a need stated as a sentence, asked as "What is …". */
const STATED_NEED =
  /^(?:what|the thing) (?:i|we) (?:still |really )?(?:need|want|am missing|'m missing)(?: to know)? is\s+/i

/**
 * "What stages does that pathway run through?" after "The chapter mentions a complete pathway":
 * a demonstrative before a noun the message said before it, or "that same …", points back.
 */
function introducedBefore(asked: string, earlier: string): RegExpExecArray | null {
  // "… the same": as what the earlier sentences give (a value or a name), not as a sentence about
  // the user ("I'm preparing a class on this chapter.").
  const same = /\b(?:that|this|the) same\b/i.exec(asked)
  if (same && GIVES_SOMETHING.test(earlier)) return same
  if (!earlier) return null
  const before = new Set(
    wordTokens(earlier)
      .map((w) => searchTerm(w))
      .filter((t): t is string => t !== null),
  )
  for (const m of asked.matchAll(/\b(?:that|this|these|those) ([a-z]+)\b/gi)) {
    const t = searchTerm((m[1] as string).toLowerCase())
    if (t && before.has(t)) return m
  }
  return null
}

/** A text that gives something to be the same as: a number, or a name inside a sentence. */
const GIVES_SOMETHING = /\d|[a-z,]\s+[A-Z]/

/** "Could you tell me how many …" → "how many …"; "Please list …" → "list …". */
function stripRequest(s: string): string {
  return s
    .replace(
      /^(?:(?:so|and|but|ok(?:ay)?|now|basically|anyway|quick question|my question is|question)[,:]?\s+)*(?:(?:could|can|would|will) you (?:please )?(?:tell me|let me know|explain|say|confirm|check)|(?:please )?tell me|i(?:'d| would) like to know|i want to know|i(?:'m| am) (?:curious|wondering)(?: about)?|do you know)\s*,?\s*/i,
      '',
    )
    .replace(
      /^(?:(?:could|can|would) you (?:please )?)(?=list|give|name|summari[sz]e|explain|describe)/i,
      '',
    )
    .replace(/^please\s+/i, '')
    .trim()
}

/** The opening of something that asks ("In Table 8.2 which field …": after the part it is asked of). */
const ASKS =
  /^(?:[^:,]{1,40}:\s*)?(?:(?:in|from|for|according to)\s+(?:the\s+)?(?:table|box|figure|section|footnote)\s+[\divx.]+,?\s+)?(?:(?:in|on|at|for|from|by|with|to|since|of|among|during|under|after|before)\s+(?=(?:what|which|whom|whose|when|how)\b))?(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|does|do|did|has|have|had|can|could|would|will|should|list|name|give|tell|compare|show|describe|explain)\b/i

/**
 * Splits a two-part question: "What is Germany's centrality, and how many papers does it have?"
 * → two questions. A part that refers back with "it"/"its"/"they" gets the first part's entity.
 */
export function splitParts(text: string, firstEntity: string | null): string[] {
  // "What is the capacity of the projects and the output of the line?": one question word asked
  // of two things, each with its own "of".
  const two = TWO_OF.exec(text)
  if (two && !/\bbetween\b/i.test(text)) {
    const [, ask, first, second] = two as unknown as [string, string, string, string]
    return [`${ask}${first}?`, `${ask}${second}?`]
  }
  const pieces = text
    .split(
      /(?<=\?)\s+(?=[A-Za-z])|\s*(?:;\s+|,?\s+(?:and|also|plus|as well as)\s+(?=(?:(?:in|on|at|for|from|by|with|to|since|of|during|under|among)\s+(?=(?:what|which|whom|whose|how)\b))?(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|does|do|did|has|have|list|name|give)\b)|,\s+(?=(?:what|which|who|when|where|why|how)\b)|,?\s+and\s+(?=(?:those|the ones|ones)\s+(?:with|at|of|scoring|having)\s+\d))/i,
    )
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  // "In Table 8.3, which economies …", "Besides land, …, what input …": a piece that does not
  // ask belongs to the question after it.
  for (let i = pieces.length - 2; i >= 0; i--) {
    const p = pieces[i] as string
    // "the chapter says … — which ones does it name": a question after a dash or colon asks.
    const asksAfterDash = /\s[—–:-]\s*(?:what|which|who|when|where|why|how)\b/i.test(p)
    if (!ASKS.test(p) && !/\?$/.test(p) && !asksAfterDash)
      pieces.splice(i, 2, `${p}, ${pieces[i + 1]}`)
  }
  // "Which economy has the most papers, how many, and …": an elliptic "how many" asks it of the
  // piece before.
  for (let i = pieces.length - 1; i > 0; i--)
    if (ELLIPTIC_ASK.test(pieces[i] as string))
      pieces.splice(i - 1, 2, `${pieces[i - 1]}, ${pieces[i]}`)
  // "Which countries share a centrality of 1.2, and which share 1.0?", "… of 1.0, and those with
  // 1.2": a piece that gives only another value asks the first piece again of that value.
  const firstValues = [...(pieces[0] ?? '').matchAll(VALUE)]
  for (let i = 1; i < pieces.length && firstValues.length === 1; i++) {
    const other = ANOTHER_VALUE.exec(pieces[i] as string)?.[1]
    const at = firstValues[0] as RegExpExecArray
    if (other)
      pieces[i] =
        `${(pieces[0] as string).slice(0, at.index)}${other}${(pieces[0] as string).slice(at.index + at[0].length)}`
  }
  if (pieces.length < 2 || pieces.some((p) => p.split(/\s+/).length < 3)) return [text]
  return pieces.map((p, i) => {
    let q = p.replace(/\?*$/, '?')
    if (i > 0 && firstEntity) {
      q = q
        .replace(/\b(its|their)\b/i, `${possessive(firstEntity)}`)
        .replace(
          /\b(?:does|did|do) (it|they) (have|get|hold|rank|publish)\b/i,
          `does ${firstEntity} $2`,
        )
        .replace(
          /\b(it|they)\b(?=\s+(?:have|has|had|rank|ranks|ranked|publish|published|score|scores|is|are|was|were)\b)/i,
          firstEntity,
        )
    }
    return q
  })
}

/** A question word asked of two things, each with its own "of": "what is the A of B and the C of D?". */
const TWO_OF =
  /^(.*?\b(?:what|which) (?:is|are|was|were) )(the (?:[\w-]+ ){0,4}[\w-]+ of .+?) and (the (?:[\w-]+ ){0,4}[\w-]+ of .+?)\s*\?$/i
/** A value in a question: "1.0", "21.5%", "1,000" (not a table's number: "Table 8.4"). */
const VALUE = /(?<!\btable\s)(?<![\d.,])\d+(?:[.,]\d+)*%?(?![\d.,]*\d)/gi
/** A piece that only gives another value: "which share 1.0?", "those with 1.2". */
const ANOTHER_VALUE =
  /^(?:and\s+)?(?:which|what|who|those|the ones|ones)(?:\s+[a-z]+){0,2}?\s+(\d+(?:[.,]\d+)*%?)\s*[?.!]*$/i
/** A piece that only asks how many or how much, of what the piece before names. */
const ELLIPTIC_ASK = /^(?:and\s+)?(?:how (?:many|much)|when|where|since when)\s*\??$/i

const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`)

/**
 * A message that mixes an instruction to the assistant ("Ignore all previous instructions …")
 * with a real question keeps only the question; a message that is only an instruction stays as it
 * is (and is refused).
 */
export function withoutInstructions(text: string): string {
  if (!INSTRUCTION.test(text)) return text
  const sentences = sentencesOf(text)
  const rest = sentences
    .filter((x) => !INSTRUCTION.test(x))
    .join(' ')
    .trim()
  return rest && (WH.test(rest) || /\?\s*$/.test(rest)) ? rest : text
}

/**
 * A question for things of a kind, given as an alternation: "which companies", "what firm", "name
 * the carmakers", "list all the universities" (one word may stand between: "which German firm").
 *
 * @example
 * asksForKind('compan(?:y|ies)').test('name the companies mentioned') // true
 */
export function asksForKind(kinds: string): RegExp {
  return new RegExp(
    `\\b(?:which|what|(?:name|list)(?: all)?(?: of)? the|(?:name|list) all) (?:[a-z-]+ )?(?:${kinds})\\b`,
  )
}

/** The kind of answer a question expects, from its wording. */
export function answerTypeOf(lower: string, intent: Intent): AnswerType {
  if (intent === 'why') return 'reason'
  if (intent === 'list') return 'list'
  if (
    /^(?:in )?when\b|\b(what|which) (year|date|month|day)\b|\bin what year\b|\bsince when\b/.test(
      lower,
    )
  )
    return 'date'
  if (
    /\bhow (many|much)\b|\bwhat (?:is the |was the |are the |were the )?(shares?|percentages?|proportions?|portions?|fractions?|numbers?|amounts?|values?|figures?|scores?|centrality|total|count)\b|\bhow (big|large|high|low|long|far|tall|wide|deep|heavy)\b/.test(
      lower,
    )
  )
    return 'number'
  if (
    /^(?:in )?where\b|\b(which|what) (city|cities|place|country|countries|nations?|econom(?:y|ies)|region|village|location)\b/.test(
      lower,
    )
  )
    return 'place'
  if (
    /^who\b|\bwhich (person|official|leader|minister|president|scholar|author|expert)\b/.test(lower)
  )
    return 'person'
  if (
    asksForKind(
      'company|companies|organi[sz]ations?|institutions?|universit(?:y|ies)|firms?|enterprises?|carmakers?|agenc(?:y|ies)|bod(?:y|ies)',
    ).test(lower)
  )
    return 'organisation'
  return 'text'
}

/** What the question wants done. */
export function intentOf(core: string, lower: string, target: StructureRef | null): Intent {
  if (INSTRUCTION.test(lower)) return 'refuse'
  // "By 2023, had China signed …?", "According to the chapter, is …", "Among the top 20 economies,
  // does Switzerland …?": the check after the lead-in (a phrase of up to 120 characters and a comma).
  core = core.replace(LEAD_IN, '')
  if (
    TRUE_THAT.test(core) ||
    (TAG_QUESTION.test(core) && !WH.test(core.split(/\s+/).slice(0, 2).join(' '))) ||
    (YES_NO_START.test(core) &&
      // "Are there more papers on X than on Y?" checks a comparison; "Are there any …?" asks for things.
      (!/^(?:is|are|was|were) there\b/i.test(core) ||
        /^(?:is|are|was|were) there (?:more|fewer|less|as many)\b/i.test(core)) &&
      !/^(?:do|does|did|can|could|would|will) you\b/i.test(core) &&
      !WH.test(core.split(/\s+/).slice(0, 2).join(' ')))
  )
    return 'yes-no'
  if (
    /\b(which|what) (sections?|parts?|chapter|subsections?|box(?:es)?|tables?|figures?)\b.*\b(talks?|discuss\w*|covers?|deals?|mentions?|about|describes?|addresses?|lists?|shows?|includes?|contains?|names?|features?)\b|\bwhere (?:in the chapter |does the chapter |is )\b.*\b(discuss\w*|mention\w*|talk\w*|covered)\b|\bin which (section|part|box)\b/.test(
      lower,
    )
  )
    return 'locate'
  if (
    /^(?:summari[sz]e|summary|overview|outline|give (?:me )?(?:a |an )?(?:summary|overview)|tl;?dr)\b|\b(summari[sz]e|summary of|overview of|gist of|main points? of|key points? of)\b/.test(
      lower,
    )
  )
    return 'summarise'
  if (
    target &&
    (target.kind === 'box' ||
      target.kind === 'section' ||
      target.kind === 'footnote' ||
      target.kind === 'figure') &&
    /^(?:tell me about|what(?:'s| is| does)? (?:in|inside)|what does .* (?:say|cover|discuss|describe|show)|explain|describe|about)\b|^(?:box|footnote|section|figure|note)\b|\b(say|says|cover|covers|about)\s*\??$/.test(
      lower,
    )
  )
    return 'summarise'
  // "In Table 8.3, why does …": asked after its lead-in.
  if (
    /^why\b|\bwhat (?:is|was|are) the reasons?\b|\bfor what reason\b|\bhow come\b/.test(lower) ||
    /^why\b/i.test(core.replace(PLAIN_LEAD_IN, ''))
  )
    return 'why'
  if (
    /\b(list|enumerate|name all|what are all|which are all)\b|\ball (?:the )?(?:\w+ )?(fields|regions|economies|countries|titles|achievements|dimensions|types|areas|projects|subsections)\b/.test(
      lower,
    )
  )
    return 'list'
  if (
    /\b(difference|ratio|how many times|average|combined|sum|total of|how much (?:more|higher|lower)|how many (?:more|fewer))\b/.test(
      lower,
    )
  )
    return 'compute'
  if (
    /\b(compare|comparison|versus|vs\.?|higher than|lower than|more than|less than)\b/.test(lower)
  )
    return 'compare'
  if (
    /^(?:what (?:is|are|does) (?:meant by |the meaning of )?|define |definition of |what do (?:they|you|we) mean by )/.test(
      lower,
    ) &&
    lower.split(/\s+/).length <= 8
  )
    return 'define'
  return 'lookup'
}

/** "the fourth subsection of Part III", "the 2nd section in section II": a subsection by its place. */
const NTH_SUBSECTION = new RegExp(
  `\\b(${ORDINAL_WORDS.slice(0, 9).join('|')}|[1-9](?:st|nd|rd|th))\\s+(?:sub-?)?(?:section|part|heading)\\s+(?:of|in|under)\\s+(?:the\\s+)?(?:part|section)\\s+(iii|ii|i)\\b`,
)

/** The part of the chapter a question names. */
export function targetOf(lower: string): StructureRef | null {
  const box = /\bbox\s*(\d+\.\d+)\b/.exec(lower)
  if (box) return { kind: 'box', id: box[1] as string }
  const foot = /\b(?:foot)?notes?\s*(?:no\.?\s*|number\s*)?(\d+)\b/.exec(lower)
  if (foot) return { kind: 'footnote', id: foot[1] as string }
  const fig = /\b(?:figure|fig\.?)\s*(\d+\.\d+)\b/.exec(lower)
  if (fig) return { kind: 'figure', id: fig[1] as string }
  // "the fourth subsection of Part III": section III.4.
  const nth = NTH_SUBSECTION.exec(lower)
  if (nth) {
    const word = nth[1] as string
    const n = /^\d/.test(word) ? Number.parseInt(word, 10) : ORDINAL_WORDS.indexOf(word) + 1
    if (n >= 1) return { kind: 'section', id: `${(nth[2] as string).toUpperCase()}.${n}` }
  }
  const sec =
    /\b(?:section|subsection|part|chapter section)\s+((?:iii|ii|i)(?:\.\d)?|intro(?:duction)?)\b/.exec(
      lower,
    ) ?? /(?<![\w.])((?:iii|ii|i)\.\d)(?![\w.])/.exec(lower)
  if (sec)
    return {
      kind: 'section',
      id: (sec[1] as string).toUpperCase().replace(/^INTRO(DUCTION)?$/, 'intro'),
    }
  const table = /\btable\s*(\d+\.\d+)\b/.exec(lower)
  if (table) return { kind: 'table', id: table[1] as string }
  return null
}

/** The claim a yes/no question checks: "Did X happen in 2023?" → "X happen in 2023". */
export function claimOf(core: string): string {
  // The lead-in is part of the claim, after it: "China had signed … by 2023".
  const lead = LEAD_IN.exec(core)?.[0].replace(/[,\s]+$/, '')
  const claim = core
    .replace(LEAD_IN, '')
    .replace(TAG_QUESTION, '')
    .replace(TRUE_THAT, '')
    .replace(YES_NO_START, '')
    .replace(
      /^\s*(?:the chapter|the text|the book|the author|the authors|box \d+\.\d+)\s+(?:say|says|state|states|claim|claims|argue|argues|call|calls|describe|describes|portray|portrays|characteri[sz]e|characteri[sz]es|present|presents|see|sees|view|views|regard|regards|treat|treats|consider|considers)\s+(?:that\s+)?/i,
      '',
    )
    .replace(/\?+\s*$/, '')
    .trim()
  return lead && !/^according to|^per |^based on/i.test(lead)
    ? `${claim} ${lead.toLowerCase()}`
    : claim
}

/**
 * Sub-questions of one message answered at most. Each is answered as a question of its own (its
 * analysis, its reading of the conversation, its search), so a message of a dozen "…? …?" would
 * cost a dozen answers; the evaluation's messages have at most three. The others are named in the
 * answer, to be asked again.
 */
export const MAX_PARTS = 4
/**
 * Parts of a message whose numbers compromise reads (≈ 2–15 ms each), at most: the first part
 * that needs it. The others' numbers are read loosely (plain numbers and lone number words, see
 * `looseNumbers`), so that a message's parts cost one compromise read, not four, besides the
 * message's own.
 */
export const MAX_FULL_PARTS = 1

/**
 * Characters of a message's question (its core) read at most. A question is a sentence or two;
 * a longer core (a pasted page without a question mark) is cut at a word, so that reading it
 * (spelling, entities, numbers, parts) costs what a long question costs, not what a page does.
 */
export const MAX_CORE_CHARS = 600

/** `text`, cut before `max` characters at a word boundary when it is longer. */
function atMost(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.lastIndexOf(' ', max)
  return text.slice(0, cut > 0 ? cut : max)
}

/**
 * Reads a question once: the core of a long message, normalization, capitals read as their
 * countries, and spelling correction,
 * intent, expected answer type, entities, numbers and years, the named part of the chapter, the
 * claim of a yes/no question, its parts, and the table operation.
 *
 * @example
 * analyzeQuestion('whats the centrallity score of germnay', ctx)
 * // { text: 'what is the centrality score of germany', intent: 'lookup', answerType: 'number', entities: [Germany], table: { op: 'lookup', … } }
 */
export function analyzeQuestion(raw: string, ctx: QuestionContext, depth = 0): Question {
  const core = atMost(withoutInstructions(coreQuestion(raw)), MAX_CORE_CHARS)
  const normalized = possessivesRestored(
    normalizeText(core).replace(WH_CONTRACTION, '$1 is'),
    ctx.catalog,
  )
  // "Washington and Beijing": capitals standing for their governments are read as the countries.
  const capitals = ctx.catalog.readCapitals(normalized)
  const spelled = ctx.speller.correct(capitals.text)
  const text = ctx.truecaser ? ctx.truecaser.apply(spelled.text) : spelled.text
  const corrections = [...capitals.read, ...spelled.corrections]
  const lower = text.toLowerCase()
  // "… regarding 'I run a startup in Vietnam. It says …'": what the user says of themselves
  // names nothing asked about.
  const entityText = text.replace(
    /, regarding "([^"]*)"\?$/,
    (_, context: string) =>
      `, regarding "${sentencesOf(context)
        .filter((x) => !ABOUT_THE_USER.test(x))
        .join(' ')}"?`,
  )
  const entities = uniqueEntities(ctx.catalog.find(entityText).map((m) => m.entity))
  // "the runner-up" is the second: read as an ordinal in place (the same length, so offsets hold).
  const numbers = numbersIn(
    text.replace(RUNNER_UP, (m) => 'second'.padEnd(m.length)),
    ctx.tables.chapterNumbers(),
  )
  // "per the 2023 report": a year that dates a source is no year asked about.
  const years = numbers
    .filter((n) => n.year && !SOURCE_AFTER_YEAR.test(text.slice(n.end)))
    .map((n) => n.value)
  const target = targetOf(lower)
  const intent = intentOf(text, lower, target)
  const answerType = answerTypeOf(lower, intent)
  const pieces =
    depth === 0 && intent !== 'refuse' ? splitParts(text, entities[0]?.name ?? null) : [text]
  // Parts are read when first asked for (only the question answered asks for them): the first
  // whose numbers compromise must parse is read in full, the others' numbers loosely.
  const readParts = (): Question[] => {
    if (pieces.length <= 1) return []
    let fullLeft = MAX_FULL_PARTS
    return pieces.slice(0, MAX_PARTS).map((p) => {
      const read = () => (ctx.part ? ctx.part(p) : analyzeQuestion(p, ctx, depth + 1))
      if (fullLeft === 0) return withNumberReading('loose', read)
      const before = notPlainReads()
      const part = withNumberReading('full', read)
      if (notPlainReads() !== before) fullLeft--
      return part
    })
  }
  // A table gives figures, never the reasons for them: "why" is asked of the prose.
  const table =
    intent === 'refuse' ||
    intent === 'why' ||
    target?.kind === 'box' ||
    target?.kind === 'footnote' ||
    target?.kind === 'figure'
      ? null
      : parseTableQuery(
          {
            lower: withColumnOfContext(lower, raw, core, entities, ctx.tables),
            entities,
            numbers,
            years,
          },
          ctx.tables,
          ctx.catalog,
        )
  return withPartsOnDemand(
    {
      raw,
      core,
      text,
      corrections,
      intent,
      answerType,
      entities,
      numbers,
      years,
      target,
      claim: intent === 'yes-no' ? claimOf(text) : null,
      ...(pieces.length > MAX_PARTS ? { moreParts: pieces.slice(MAX_PARTS) } : {}),
      table,
    },
    readParts,
  )
}

/** A word for a table figure that names no column: "What's Canada's score?". */
const GENERIC_FIGURE = /\b(?:value|score|figure|number|level|rating|result)\b/

/**
 * "… a table of centrality scores for 2020. I'm Canadian. What's Canada's score?": a question
 * that asks a named row's figure without naming its column reads it from the sentences of the
 * message before it, when they name exactly one column (as a follow-up keeps the previous
 * question's column). Otherwise the question as it is.
 */
function withColumnOfContext(
  lower: string,
  raw: string,
  core: string,
  entities: readonly Entity[],
  tables: TableRegistry,
): string {
  const generic = GENERIC_FIGURE.exec(lower)
  if (!generic || entities.length === 0 || tables.columnsNamedIn(lower).length > 0) return lower
  // The message's other sentences: not those the question was read from (`core` may be a
  // rewriting of them: a request stripped, a claim checked), whose words it mostly has.
  const coreWords = new Set(wordTokens(core.toLowerCase()))
  const others = sentencesOf(raw).filter((x) => {
    const words = wordTokens(x.toLowerCase())
    return words.filter((w) => coreWords.has(w)).length < words.length / 2
  })
  // ("the table of centrality scores": here the words that name a table's topic name its column.)
  const context = normalizeText(others.join(' '))
    .toLowerCase()
    .replace(/\btables?\b/g, ' ')
  if (context.trim().length === 0) return lower
  const named = [
    ...new Set(tables.columnsNamedIn(context).map((c) => `${c.table}\u0000${c.column}`)),
  ]
  if (named.length !== 1) return lower
  const [id = '', key = ''] = (named[0] as string).split('\u0000')
  const spec = tables.get(id)
  const column = spec ? tables.column(spec, key) : undefined
  if (!column || !entities.some((e) => e.tables.includes(id))) return lower
  return `${lower.slice(0, generic.index)}${column.name.toLowerCase()} ${lower.slice(generic.index)}`
}

/**
 * "Who's", "where's", "when's": the question word and "is", as the patterns after read them.
 * ("What's" stays: "what is the X of …" would read X as the thing asked about, which an ordinal's
 * entry or a title is not.)
 */
const WH_CONTRACTION = /\b(who|where|when)['’]s\b/gi

/**
 * Possessives typed without their apostrophe, restored where the word without its "s" is a name
 * the catalog knows and the word itself is not: "Chinas share" → "China's share", "South Africas"
 * → "South Africa's" ("Netherlands", "United States" stay).
 *
 * @example
 * possessivesRestored('What is Swedens share?', catalog) // "What is Sweden's share?"
 */
export function possessivesRestored(text: string, catalog: EntityCatalog): string {
  return text.replace(/\b([A-Za-z]{3,})s\b(?!['’])/g, (word: string, stem: string) => {
    if (catalog.find(word).length > 0) return word
    const named = catalog.find(stem)
    return named.some((m) => m.start === 0 && m.end === stem.length) ? `${stem}'s` : word
  })
}

/**
 * `q` with its parts read when they are first asked for, then kept (frozen): only the question
 * being answered needs them, while the earlier turns of a conversation, read as questions to
 * resolve a follow-up, never do (they were half of a long conversation's number readings).
 */
function withPartsOnDemand(q: Omit<Question, 'parts'>, read: () => Question[]): Question {
  let parts: Question[] | undefined
  return Object.defineProperty(q, 'parts', {
    enumerable: true,
    get: () => {
      parts ??= Object.freeze(read()) as Question[]
      return parts
    },
  }) as Question
}

function uniqueEntities(list: Entity[]): Entity[] {
  return list.filter((e, i) => list.indexOf(e) === i)
}
