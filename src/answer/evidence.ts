import type { Entity, EntityCatalog } from '../analysis/entities.ts'
import type { Question } from '../analysis/question.ts'
import { glossaryMeaning } from '../text/glossary.ts'
import { MONTH_NAMES } from '../text/months.ts'
import { normalizeText } from '../text/normalize.ts'
import { clausesOf, splitSentences } from '../text/sentences.ts'

/** Money in a sentence: "$33.4 billion", "1.2 billion yuan", "USD 5 million". */
const MONEY =
  /[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:billion|million|thousand|trillion)?\s*(?:dollars|yuan|rmb|usd|euros?)\b|\b(?:usd|rmb|cny)\s?\d/i
/** A question that asks for an amount of money. */
const ASKS_MONEY =
  /\b(cost|costs|costed|price|budget|spent|spend|spending|invest(?:ed|ment)?|funding|fund(?:ed)?|how much (?:[a-z-]+ )?money|prize|award|worth|paid|pay|pays|paying|charge[sd]?|charging|fees?|value of the (?:deal|contract|investment))\b/i
/** A row or field of a plot asked for by its rank: "which country has the strongest advantage …". */
const TOP_OF_A_PLOT =
  /\bwhich (?:countr(?:y|ies)|econom(?:y|ies)|nations?|fields?|areas?|technolog(?:y|ies)|regions?)\b.*\b(?:most|least|strongest|weakest|highest|lowest|largest|biggest|best|top)\b/

/**
 * What a question about a figure's values asks for and the chapter does not print.
 *
 * @example
 * plottedValues('8.2') // 'the values plotted in Figure 8.2 (the chapter prints only its caption and source)'
 */
export function plottedValues(figureId: string): string {
  return `the values plotted in Figure ${figureId} (the chapter prints only its caption and source)`
}

/** The months, as a regex alternation. */
const MONTHS = MONTH_NAMES.join('|')
const DATE = new RegExp(`\\b(?:19|20)\\d{2}\\b|\\b(?:${MONTHS})\\b`)
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|multiple)\b/i
/** A named organisation or company: capitalised words ending in an organisation word, or a known form. */
/** A named company, university or other body. */
export const ORGANISATION =
  /\b(?:[A-Z][\w&.-]*\s+){1,6}(?:Group|Company|Corporation|Corp\.?|Co\.|Inc\.?|Ltd\.?|Limited|University|Institute|Academy|Agency|Council|Ministry|Bank|Fund|Foundation|Association|Organization|Organisation|Commission|Administration|Motors|Automobile|Technologies|Telecom)\b|\b[A-Z]{3,6}\b(?<!\b(?:CNC|PCT|MEMS|VLSI))|\b(?:Huawei|ZTE|Volkswagen|Xiaopeng|XPeng|Stellantis|Leapmotor|BYD|Alibaba|Tencent|Baidu|IEA|UNEP|WIPO|OECD|United Nations)\b/
/** Words that ask for a person by role. */
const PERSON_ROLE =
  /\bon (?:\w+(?:'s|’s)? )?(?:behalf|side)\b|\b(?:led|headed|chaired|represented)\b.*\b(?:side|delegations?|team|talks|negotiations)\b|\b(?:which|what) (?:officials?|representatives?|ministers?|ceos?|envoys?|delegates?|chairs?|chairman|ambassadors?)\b|\b(?:who (?:are|is|were|was) the (?:authors?|writers?|editors?|founders?|ceo|leaders?|heads?|ministers?|presidents?|signator(?:y|ies)|speakers?|researchers?)|(?:name|names) of the (?:authors?|editors?|researchers?|officials?|ministers?)|which (?:person|official|minister|scholar|researcher|scientist|author))\b/i
/** A personal name: a title, or Firstname Lastname followed by speech or a comma. */
const PERSON =
  /\b(?:Mr|Ms|Mrs|Dr|Prof|President|Premier|Minister|Secretary|Chairman|Director|Professor)\.?\s+[A-Z]|\b[A-Z][a-z]+\s+[A-Z][a-z]+(?:,\s+(?:former|the|then)\b|\s+(?:said|noted|stated|praised|argued|remarked))/
/** A question that asks what something is called. */
const ASKS_NAMES =
  /\b(?:names? of|what (?:is|are|were|was) (?:it|they|the \w+) called|what (?:is|are) (?:it|they) named)\b/
/** A capitalized word. */
const CAPITALIZED = /\b[A-Z][\w-]*\b/g
/** A run of capitalized words: one name. */
const NAME_RUN = /\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*/g
/** A year, which is no figure about an economy. */
const YEAR = /\b(?:19|20)\d{2}\b/g
/** "How many households …": the thing counted (up to four words, before the verb or the end). */
const HOW_MANY =
  /\bhow many ((?:[a-z-]+\s+){0,3}?[a-z-]+?)(?=\s+(?:did|does|do|has|have|had|are|were|is|was|will|can|could|would|should|in|of|for|on|from|by|to|that|which|with|at|get|gets|got|receive|receives|received|go|goes|went|come|came|make|made|take|took|need|needs|use|used|benefit|benefited)\b|\s*\?|$)/
/** Words of a counted phrase that name no thing: "how many more", "how many different …". */
const COUNT_FILLER =
  /^(?:more|fewer|less|different|other|new|total|such|separate|individual|distinct|in|all)$/
/** Units of measure a count may ask for. */
const MEASURE_UNIT =
  /^(?:(?:giga|mega|kilo)?watts?|(?:kilo|centi|milli)?met(?:er|re)s?|km|miles?|tons?|tonnes?|kwh|gwh|mw|gw|hectares?|acres?|litres?|liters?|barrels?|dollars?|yuan|euros?)$/
/** A word that starts what follows a counted noun: a participle, an article, an adverb. */
const POST_MODIFIER =
  /^(?:[a-z]+(?:ed|ing|ly)|a|an|the|per|each|every|so|worldwide|overall|altogether)$/
/** "In which Indonesian city …", "what town": a place's name the question does not give. */
const ASKS_PLACE_NAME =
  /\b(?:which|what) (?:[a-z]+ )?(?:city|cities|town|towns|province|provinces|port|ports)\b/

/**
 * A body described by where it is from: "the German car giant", "a German auto-parts supplier",
 * "which American university". The nationality describes the company, university or group (the
 * chapter may name it, "Volkswagen", without its country); it does not ask about the economy.
 * State bodies ("the Argentine government") stand for their country and are not in this list.
 */
const BODY_AFTER_NATIONALITY =
  /^\s+(?:[a-z][\w-]*\s+){0,2}(?:company|companies|firm|firms|carmakers?|car-makers?|automakers?|auto-makers?|makers?|manufacturers?|suppliers?|giants?|groups?|brands?|conglomerates?|corporations?|enterprises?|start-?ups?|universit(?:y|ies)|partners?|investors?)\b/

/** The economies a question names only as the nationality of a body ({@link BODY_AFTER_NATIONALITY}). */
function describedBodies(text: string, catalog: EntityCatalog): Set<Entity> {
  // Mentions' offsets are into the normalized text.
  const t = normalizeText(text)
  const mentions = catalog.find(t)
  const described = new Set<Entity>()
  const plain = new Set<Entity>()
  for (const m of mentions)
    (BODY_AFTER_NATIONALITY.test(t.slice(m.end)) ? described : plain).add(m.entity)
  for (const e of plain) described.delete(e)
  return described
}

/** Evidence that is only a figure's caption and its source line. */
const FIGURE_CAPTION = /^\s*Figure (\d+\.\d+)\b(?:(?!\.\s+[A-Z])[\s\S])*?(?:Source:[\s\S]*)?$/

/** The label a table row is quoted with: "Table 8.1 (Achievements …), item 6:". */
const TABLE_LABEL = /\bTable \d+\.\d+ \([^)]*\)(?:,? item \d+)?:?/g

/**
 * A question for a length, a distance or a duration: "how long is the railway?". "How far do the
 * nodes reach?" asks for an extent ("160 countries"), "how far apart" for a difference.
 */
const MEASURE_ASKED =
  /\bhow (long|far|tall|wide|deep|heavy)\b(?!\s+apart\b)(?!.*\b(?:reach|reaches|reached|extend|extends|extended|spread|spreads|stretch|stretches)\b)/
/** A number with a unit of what each of those asks for. */
const LENGTH_UNIT = '(?:kilomet(?:er|re)s?|km|met(?:er|re)s?|miles?|feet|foot)'
const DURATION_UNIT = '(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)'
/** Counts in words that a duration may be given in: "several consecutive years". */
const COUNT_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|many|a few|some|consecutive'
const MEASURE_GIVEN = {
  long: new RegExp(
    `\\d[\\d,.]*\\s*(?:-\\s*)?(?:${LENGTH_UNIT}|${DURATION_UNIT})\\b|\\b(?:${COUNT_WORDS})\\s+(?:consecutive\\s+|straight\\s+)?${DURATION_UNIT}\\b|\\bsince\\s+(?:19|20)\\d{2}\\b`,
    'i',
  ),
  far: new RegExp(`\\d[\\d,.]*\\s*(?:-\\s*)?${LENGTH_UNIT}\\b`, 'i'),
  tall: new RegExp(`\\d[\\d,.]*\\s*(?:-\\s*)?${LENGTH_UNIT}\\b`, 'i'),
  wide: new RegExp(`\\d[\\d,.]*\\s*(?:-\\s*)?${LENGTH_UNIT}\\b`, 'i'),
  deep: new RegExp(`\\d[\\d,.]*\\s*(?:-\\s*)?${LENGTH_UNIT}\\b`, 'i'),
  heavy: /\d[\d,.]*\s*(?:-\s*)?(?:tons?|tonnes?|kilograms?|kg)\b/i,
} as const

/** A number and the words it counts: "over 3,000 companies", "six new energy projects". */
const COUNTED =
  /(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|multiple))\s*(?:%|percent\b|billion\b|million\b|thousand\b)?((?:\s*[\w’'-]+){1,5})/gi
/** "January 5," "May 26": the day of a date, which counts nothing. */
const DAY_OF_MONTH = new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}\\b`, 'g')
/**
 * What a place name and its adjective share: "argenti" (Argentina, Argentine), "colomb"
 * (Colombia, Colombian), "indonesi"; short or multi-word names stay whole.
 */
function adjectiveStem(name: string): string {
  return name.length > 6 && !name.includes(' ') ? name.slice(0, name.length - 2) : name
}

/**
 * The heads of what a "how many" phrase counts, one per conjunct: "households", "nations and
 * territories" → nations, territories; "patents filed worldwide" → patents.
 */
function countHeads(counted: string): string[] {
  return counted
    .split(/\s+(?:and|or)\s+/)
    .map((part) => {
      // The noun phrase ends where a modifier after it starts ("patents filed worldwide",
      // "years running", "homes a year").
      const words = part.split(/\s+/)
      const end = words.findIndex((w, i) => i > 0 && POST_MODIFIER.test(w))
      return (end === -1 ? words : words.slice(0, end)).filter((w) => !COUNT_FILLER.test(w)).at(-1)
    })
    .filter((w): w is string => w !== undefined)
}

/** The words that follow a number in a text, lower case: what it counts ("41 major industrial categories"). */
function countedWords(text: string): string[] {
  return (
    [...text.replace(DAY_OF_MONTH, ' ').replace(YEAR, ' ').matchAll(COUNTED)]
      .flatMap((m) => (m[1] ?? '').toLowerCase().split(/\s+/))
      // A scale counts nothing: "$149 million".
      .filter((w) => !/^(?:hundreds?|thousands?|millions?|billions?|trillions?|percent)$/.test(w))
  )
}

/** Words that name a kind of thing: "how many kinds of industry" is counted by "41 categories". */
const CLASSIFIER = /^(?:kinds?|types?|sorts?|categor(?:y|ies)|class(?:es)?|varieties|variety)$/

/** A number and the noun phrase it counts, up to a comma, a preposition or a clause word. */
const COUNTED_PHRASE =
  /(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|multiple))\s*(?:%|percent\b|billion\b|million\b|thousand\b)?((?:\s+(?!(?:of|in|on|at|to|for|from|with|by|and|or|that|which|who|as|across|than|per|each|were|was|are|is|have|has|had)\b)[a-z’'-]+){1,4})/gi

/** The head nouns numbers count in a text: "41 major industrial categories" → categories. */
function countedHeads(text: string): string[] {
  return [...text.replace(DAY_OF_MONTH, ' ').replace(YEAR, ' ').matchAll(COUNTED_PHRASE)]
    .map((m) => (m[1] ?? '').trim().toLowerCase().split(/\s+/).at(-1) ?? '')
    .filter(
      (w) =>
        w !== '' && !/^(?:hundreds?|thousands?|millions?|billions?|trillions?|percent)$/.test(w),
    )
}

/**
 * The heads of what a "how many" question counts, read once per question; empty when it counts
 * nothing.
 *
 * @example
 * countedThings('How many nations and territories joined?') // ['nations', 'territories']
 */
export function countedThings(question: string): string[] {
  const counted = HOW_MANY.exec(question.toLowerCase())?.[1]
  return counted ? countHeads(counted) : []
}

/**
 * Whether a sentence counts one of the things a "how many" question asks about
 * ({@link countedThings}): a number followed (within a few words) by the thing or a close word
 * for it.
 *
 * @example
 * countsAskedThing(['sectors'], 'China boasts 41 major industrial categories …', words)
 * // true when `words.says('sectors', 'categories')`
 */
export function countsAskedThing(
  heads: readonly string[],
  sentence: string,
  words: EvidenceWords,
): boolean {
  if (heads.length === 0) return false
  const nouns = countedHeads(sentence.replace(FIGURE_REF, ' '))
  return heads.some((w) => nouns.some((n) => countsAs(w, n, words)))
}

/** Whether a counted noun of a sentence is the asked thing: the word, its singular, a close word, or both classifiers. */
function countsAs(asked: string, noun: string, words: EvidenceWords): boolean {
  // A unit is only itself: "how many gigawatts" is not counted in megawatts.
  if (MEASURE_UNIT.test(asked) || MEASURE_UNIT.test(noun))
    return asked.replace(/s$/, '').toLowerCase() === noun.replace(/s$/, '').toLowerCase()
  return (
    words.says(asked, noun) ||
    words.says(asked.replace(/s$/, ''), noun) ||
    (CLASSIFIER.test(asked) && CLASSIFIER.test(noun))
  )
}

/** A reference to a numbered part: "(see table 8.4)", "fig. 8.1". */
const FIGURE_REF = /\b(?:table|fig\.?|figure|box|footnote)\s*\d+(?:\.\d+)?/gi
const ORDINAL_WORDS = 'first|second|third|fourth|fifth|sixth|next|last'

/** What {@link missingEvidence} knows of words. */
export interface EvidenceWords {
  /**
   * Whether a word of the question is said by a word of the evidence (the same term, or a close
   * one): "how many nations" is counted by "160 countries".
   */
  says(questionWord: string, evidenceWord: string): boolean
  /** Whether the chapter uses a word anywhere. */
  known(word: string): boolean
}

/** Without word statistics: a word says only itself, and every word is known. */
const SAME_WORDS_ONLY: EvidenceWords = {
  says: (a, b) => a.toLowerCase() === b.toLowerCase(),
  known: () => true,
}

/**
 * Why the chosen sentences do not answer what was asked, or `null` when they do: the expected
 * answer type must be there, bound to what the question names. An amount of money needs a sum of
 * money; a "when" a date; "which company" a named organisation; the authors a person's name; a
 * figure's values are never in the text; an ordinal ("the second meeting") must not be another
 * ("the first meeting"); and a number about a named economy must come from a sentence that names it.
 *
 * @example
 * missingEvidence(analysis.question('How much did the Mali village cost to build?'), 'The … village … installed 1,195 off-grid solar home systems …', catalog)
 * // 'the cost'
 */
export function missingEvidence(
  q: Question,
  evidence: string,
  catalog: EntityCatalog,
  /** The paragraphs the evidence sentences stand in: a name may be said in a neighbouring sentence. */
  context: string = evidence,
  /**
   * Each evidence sentence with what its paragraph says before it: a figure about a named economy
   * must be given by a sentence that names it or comes after it is named ("… between China and
   * Colombia. … these projects can provide …"), not by one a later sentence adds it to.
   */
  numberContext: ReadonlyArray<{ sentence: string; before: string }> = [
    { sentence: evidence, before: context },
  ],
  words: EvidenceWords = SAME_WORDS_ONLY,
): string | null {
  // What is asked, without the earlier question a follow-up is read with (', regarding "…"?').
  const text = q.text.replace(/, regarding "[^"]*"\?$/, '?')
  const lower = text.toLowerCase()
  // "In Figure 8.2, which country has the strongest advantage in hydrogen?": a row or field of the
  // plot, asked by name, is a value too.
  if (
    q.target?.kind === 'figure' &&
    (q.answerType === 'number' ||
      /\b(value|index|level|which of|in which|how (?:much|many|high))\b/.test(lower) ||
      TOP_OF_A_PLOT.test(lower))
  )
    return plottedValues(q.target.id)
  // "By 2019, what was the index value …?" answered by a figure's caption alone: its values are
  // plotted, never printed.
  const caption = FIGURE_CAPTION.exec(evidence)
  if (
    caption &&
    (q.answerType === 'number' ||
      /\b(value|index|level|share|percentage|rate|how (?:much|many|high))\b/.test(lower))
  )
    return plottedValues(caption[1] as string)
  // A change asked about ("by how much has the cost come down?") is answered by its size, which
  // need not be a sum of money.
  const change =
    /\b(fall(?:en)?|fell|drop(?:ped)?|declin\w*|decreas\w*|ris(?:e|en)|rose|increas\w*|gr[eo]w\w*|chang\w*|reduc\w*|cut|shr[iau]nk\w*|plung\w*|slid|sunk|soar\w*|climb\w*|jump\w*)\b|\bby how much\b|\b(?:come|came|comes|coming|go|goes|went|gone|going)\s+(?:down|up)\b/.test(
      lower,
    )
  // "How many lamps went up in the village China funded?" counts lamps, not money.
  const asksMoney =
    (q.answerType === 'number' && !/\bhow many\b/.test(lower)) ||
    /\bwhat(?:'s| is| was| were| are)\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:cost|costs|price|budget|value|investment|funding)\b|\bwhat (?:budget|funding|sum|price|fee)\b|\bhow much (?:[a-z-]+ )?(?:money|funding|cash|capital)\b|\bcosts?\s*\??\s*$/.test(
      lower.replace(/, regarding "[^"]*"\?$/, '?'),
    )
  if (asksMoney && ASKS_MONEY.test(lower) && !change && !MONEY.test(evidence)) {
    const what = ASKS_MONEY.exec(lower)?.[0] ?? 'amount'
    return /^(?:cost|costs|costed|price|budget)$/.test(what)
      ? `the ${what.replace(/s$|ed$/, '')}`
      : 'that amount of money'
  }
  // "How long is the railway?": a length (or a duration) needs a number with such a unit.
  const measure = MEASURE_ASKED.exec(lower)?.[1]
  if (measure && !MEASURE_GIVEN[measure as keyof typeof MEASURE_GIVEN].test(evidence))
    return measure === 'long' ? 'the length or duration' : 'that measure'
  // A count is no date: "In January 2024, … signed …" gives no number of researchers.
  const counts = evidence.replace(DAY_OF_MONTH, ' ').replace(YEAR, ' ').replace(FIGURE_REF, ' ')
  if (q.answerType === 'number' && !NUMBER.test(counts)) return 'that number'
  // "How many households …": a number must count the thing asked about (or a close word for it),
  // not something else the passage counts ("3.2 billion kilowatt-hours").
  const counted = HOW_MANY.exec(lower)?.[1]
  if (counted && !q.table) {
    const asked = countHeads(counted)
    // Only the sentences said of the places asked about count ("… in Laos": not the Colombian
    // projects' 25,000 households beside it).
    const places = q.entities.filter((e) => e.type === 'economy' && e.name !== 'China')
    const about = numberContext
      .filter((t) => {
        const said = `${t.before} ${t.sentence}`
        const found = new Set(catalog.find(said).map((m) => m.entity))
        const lowerSaid = said.toLowerCase()
        return places.every(
          (e) => found.has(e) || lowerSaid.includes(adjectiveStem(e.name.toLowerCase())),
        )
      })
      .map((t) => t.sentence)
      .join(' ')
    const countedText = places.length > 0 ? about : counts
    const countedNouns = countedWords(countedText)
    // Only a thing the chapter names somewhere is checked: a word it never uses ("sectors" for
    // its "categories", "kits" for its "systems") may be a paraphrase no word vector binds.
    // A unit of measure is never a paraphrase: "how many gigawatts" needs gigawatts.
    const checked = asked.filter((w) => words.known(w) || MEASURE_UNIT.test(w))
    if (checked.length > 0 && !asked.some((w) => countedNouns.some((n) => countsAs(w, n, words))))
      return `the number of ${counted}`
  }
  // "… in 2021": a year the question asks about must be the passage's, when it names others.
  const askedYears = q.years.filter(
    (y) =>
      !new RegExp(
        `\\b(?:since|by|before|after|until|till|through|from|between|over)\\s+${y}\\b`,
      ).test(lower),
  )
  if (!q.table && askedYears.length > 0) {
    const given = new Set((context.match(YEAR) ?? []).map(Number))
    const absent = askedYears.filter((y) => !given.has(y))
    if (given.size > 0 && absent.length > 0) return `that for ${absent.join(' and ')}`
  }
  if (q.answerType === 'date' && !DATE.test(evidence)) return 'that date'
  // "In what year did GAC start working with Bosch?": the date must be said of what the question
  // names, in the same clause ("GAC New Energy and Bosch have collaborated, and Volkswagen and
  // Xiaopeng … set to launch in 2026" dates Volkswagen's models, not the collaboration).
  if (q.answerType === 'date') {
    // Each name as its words: a name of several words is said only by all of them ("the Digital
    // Silk Road" is not "the Belt and Road … Digital Economy" for sharing "Road" and "Digital").
    const names: string[][] = [
      ...q.entities.filter((e) => e.name !== 'China').map((e) => [e.name.toLowerCase()]),
      ...(text.match(NAME_RUN) ?? []).flatMap((run) => {
        const words = run
          .split(/[\s–—-]+/)
          .filter(
            (w) => !/^(?:When|What|Which|In|On|By|Did|Does|Was|Is|The|China|Chinese)$/.test(w),
          )
        // "VW" is said as "Volkswagen".
        const spelled = words.flatMap((w) => glossaryMeaning(w)?.split(/\s+/).slice(0, 1) ?? [])
        return [
          ...(words.length > 0 ? [words.map((w) => w.toLowerCase())] : []),
          ...spelled.map((w) => [w.toLowerCase()]),
        ]
      }),
    ]
    const dated = splitSentences(evidence).flatMap((span) => {
      const sentence = evidence.slice(span.start, span.end)
      return clausesOf(sentence)
        .filter((c) => DATE.test(c))
        .map((clause) => ({
          clause: clause.toLowerCase(),
          sentence: sentence.toLowerCase(),
          // Names are found in the clause as written ("US" is a name, "us" is not).
          found: catalog.find(clause).map((m) => m.entity.name.toLowerCase()),
        }))
    })
    // "African" is said by "Africa": a name matches by its first letters too.
    const stemOf = (n: string) => (n.length > 5 ? n.slice(0, n.length - 2) : n)
    if (
      names.length > 0 &&
      !dated.some(({ clause, sentence, found }) => {
        // A name of several words is said in the dated clause's sentence, and one of its words in
        // the clause ("In January 2024, the University of Chicago …, and Seoul National University").
        return names.some((words) =>
          words.length === 1
            ? clause.includes(stemOf(words[0] as string)) || found.includes(words[0] as string)
            : words.every((n) => sentence.includes(stemOf(n))) &&
              words.some((n) => clause.includes(stemOf(n))),
        )
      })
    )
      return 'that date'
  }
  // "Why does Switzerland have such a high share?": a table row gives a figure, never its reason.
  if (
    q.answerType === 'reason' &&
    evidence
      .split(/(?=\bTable \d+\.\d+ \()/)
      .every((x) => x.trim() === '' || /^Table \d+\.\d+ \(/.test(x.trim()))
  )
    return 'the reason for it'
  if (PERSON_ROLE.test(lower) && !PERSON.test(evidence)) return 'the names of those people'
  // "What are the names of the first two models?": a name the question does not already give.
  // "Who won the 5th IKCEST … Competition?": the same, for a person or body asked by "who".
  if (ASKS_NAMES.test(lower) || /^who\b/.test(lower) || ASKS_PLACE_NAME.test(lower)) {
    // "the Volkswagen–Xiaopeng partnership" names Volkswagen and Xiaopeng.
    const asked = new Set((text.match(CAPITALIZED) ?? []).flatMap((w) => [w, ...w.split(/[-–]/)]))
    // A run of capitalized words with an asked word in it is the asked name ("Xiaopeng Motors").
    for (const run of evidence.match(NAME_RUN) ?? [])
      if (run.split(/\s+/).some((w) => asked.has(w))) for (const w of run.split(/\s+/)) asked.add(w)
    // Only the clauses about what the question names: "GAC New Energy and Bosch have collaborated,
    // and Volkswagen and Xiaopeng …" gives no name for Volkswagen's models.
    // A table row's label ("Table 8.1 (Achievements … from BRF), item 6:") names no answer.
    const clauses = clausesOf(evidence.replace(TABLE_LABEL, ' '), true)
    const about = clauses.filter((c) =>
      (c.match(CAPITALIZED) ?? []).some((n) => asked.has(n) && !/^(?:What|Which|Who)$/.test(n)),
    )
    // For a place: a name of what the question names, in another form ("Indonesia" for
    // "Indonesian"), is no answer. (For "who", "Chinese companies" is one.)
    const asksPlace = ASKS_PLACE_NAME.test(lower)
    const given = ((about.length > 0 ? about : clauses).join(' ').match(CAPITALIZED) ?? []).filter(
      (n) =>
        !asked.has(n) &&
        !/^(?:The|In|On|For|And|This|These|It|Its|As|By|With|From)$/.test(n) &&
        // A country or region is no answer to "which city" (nor a nationality: "Chinese").
        !(asksPlace && catalog.find(n).length > 0) &&
        !(
          asksPlace &&
          [...asked].some(
            (a) =>
              a.length > 4 &&
              n.length > 4 &&
              (a.startsWith(adjectiveStem(n)) || n.startsWith(adjectiveStem(a))),
          )
        ),
    )
    if (given.length === 0)
      return ASKS_PLACE_NAME.test(lower) ? 'the name of that place' : 'those names'
  }
  if (
    /\b(?:which|what) (?:\w+ )?(?:company|companies|firm|firms|enterprise|enterprises|carmaker|carmakers|organi[sz]ation|organi[sz]ations)\b/.test(
      lower,
    ) &&
    !ORGANISATION.test(evidence)
  )
    return 'the name of that company or organisation'
  // "the second meeting" where the chapter speaks of the first one.
  const ord = new RegExp(`\\b(${ORDINAL_WORDS})\\s+([a-z]+)`, 'i').exec(text)
  if (ord && !q.table) {
    const noun = (ord[2] as string).toLowerCase()
    const said = new RegExp(`\\b(${ORDINAL_WORDS})\\s+${noun}`, 'gi')
    const others = [...evidence.matchAll(said)].map((m) => (m[1] as string).toLowerCase())
    if (others.length > 0 && !others.includes((ord[1] as string).toLowerCase()))
      return `anything about the ${ord[1]} ${noun}`
  }
  // Anything asked about a named economy must come from a passage that names it ("What is the
  // capital of Peru?" is not answered by a sentence on patient capital). China is the chapter's
  // own subject, named or not.
  if (!q.table) {
    const describing = describedBodies(text, catalog)
    const economies = q.entities.filter(
      (e) => e.type === 'economy' && e.name !== 'China' && !describing.has(e),
    )
    const named = new Set(catalog.find(context).map((m) => m.entity))
    // "the Argentine government" names Argentina: a name is said by its adjective too.
    const lowerContext = context.toLowerCase()
    const absent = economies.filter(
      (e) => !named.has(e) && !lowerContext.includes(adjectiveStem(e.name.toLowerCase())),
    )
    if (economies.length > 0 && absent.length === economies.length)
      return `what was asked about ${absent.map((e) => e.name).join(' and ')}`
  }
  // A number about a named economy must be said of it.
  if (q.answerType === 'number' && !q.table) {
    const describing = describedBodies(text, catalog)
    const economies = q.entities.filter(
      (e) => e.type === 'economy' && e.name !== 'China' && !describing.has(e),
    )
    // Named in a passage that gives a figure, not only listed beside one ("Japan … ranking among
    // the top" after a sentence with the world's total).
    // A sentence that names economies itself gives its figures of those ("the United States and
    // China … accounting for 37.9 percent and 21.5 percent"), not of one its paragraph named before.
    const named = new Set(
      numberContext
        .filter((t) => NUMBER.test(t.sentence.replace(FIGURE_REF, ' ').replace(YEAR, ' ')))
        .flatMap((t) => {
          const own = catalog
            .find(t.sentence)
            .filter((m) => m.entity.type === 'economy' && m.entity.name !== 'China')
          return (own.length > 0 ? own : catalog.find(`${t.before} ${t.sentence}`)).map(
            (m) => m.entity,
          )
        }),
    )
    const absent = economies.filter((e) => !named.has(e))
    if (absent.length > 0) return `that figure for ${absent.map((e) => e.name).join(' and ')}`
  }
  return null
}
