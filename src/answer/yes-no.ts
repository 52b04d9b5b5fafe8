import type { Entity } from '../analysis/entities.ts'
import type { NumberMention } from '../analysis/numbers.ts'
import type { Question } from '../analysis/question.ts'
import type { TableRegistry, TableSpec, ValueColumn } from '../analysis/tables.ts'
import type { ChapterDocument, TableRow } from '../corpus/types.ts'
import { normalizeText, searchTerms, wordTokens } from '../text/normalize.ts'
import { CARDINAL_WORDS } from '../text/number-words.ts'
import { clausesOf } from '../text/sentences.ts'
import { describeRow, describeValue, possessive, rowCitation, source } from './table-text.ts'
import type { Cited } from './types.ts'

/** A decided yes/no question: the verdict and the decisive facts, cited. */
export interface Verdict {
  verdict: 'yes' | 'no'
  sentences: Array<{ text: string; cites: Cited[] }>
}

const HIGHER =
  /\b(higher|more|larger|bigger|greater|ahead of|above|exceeds?|outnumbers?|outperforms?|better)\b/
const LOWER = /\b(lower|less|fewer|smaller|behind|below|under|worse)\b/
const TOP =
  /\b(highest|most|largest|biggest|greatest|leads?|leading|top|tops|first|best|number one|no\.? 1)\b/
const BOTTOM = /\b(lowest|least|smallest|fewest|last|bottom|weakest)\b/

const value = (r: TableRow, c: string) => r.values[c] as number

/**
 * Decides a yes/no question (or checks the premise of a "why" question) against the tables:
 * comparisons ("Is X higher than Y?"), superlatives ("Does Japan lead in centrality?"),
 * thresholds ("Is China's share below 15 percent?") and values ("Is it exactly 2.7?").
 * Returns `null` when the tables do not decide it.
 *
 * @example
 * tableVerdict(analysis.question('Is the Netherlands’ centrality lower than Canada’s?'), registry, doc)
 * // { verdict: 'no', sentences: [Netherlands 3.1 …, Canada 3.0 …] }
 */
export function tableVerdict(
  q: Question,
  registry: TableRegistry,
  doc: ChapterDocument,
): Verdict | null {
  const lower = q.text.toLowerCase()
  const named = registry.columnsNamedIn(lower).filter((c) => c.column !== 'rank')
  const listedIn = (t: TableSpec) => q.entities.filter((e) => e.tables.includes(t.id))
  // The table: one whose column is named and that lists the entities.
  // ("the 2020 table 12.5": no such table; 12.5 is the claimed value.)
  const written = /\btable\s*(\d+\.\d+)\b/.exec(lower)?.[1]
  const explicit = written && registry.get(written) ? written : undefined
  const candidates = registry.tables.filter(
    (t) => t.columns.length > 0 && (!explicit || t.id === explicit) && listedIn(t).length > 0,
  )
  let t: TableSpec | undefined
  let column: string | undefined
  for (const c of named) {
    t = candidates.find((x) => x.columns.some((y) => y.key === c.column))
    if (t) {
      column = c.column
      break
    }
  }
  if (!t && named.length === 0 && /\brank(?:s|ed)?\b/.test(lower)) {
    t = candidates[0]
    column = t?.defaultColumn ?? undefined
  }
  if (!t || !column) return null
  const spec = t
  const col = column
  const rowOf = (e: Entity) => spec.block.rows.find((r) => registry.nameOf(spec, r) === e.name)
  const rows = listedIn(spec)
    .map((e) => ({ e, r: rowOf(e) }))
    .filter((x): x is { e: Entity; r: TableRow } => !!x.r)
  if (rows.length === 0) return null
  // "Is the Netherlands ranked above France?": the whole row, with its printed rank.
  const asksRank = /\b(?:rank(?:s|ed|ing)?|position)\b/.test(lower)
  const say = (r: TableRow) => ({
    text:
      col === 'centrality' || asksRank
        ? describeRow(spec.block, r)
        : describeValue(spec.block, r, col as ValueColumn),
    cites: [rowCitation(spec.block, r, doc)],
  })
  const claimed = claimedValue(q, lower)

  // Two named rows compared.
  if (rows.length >= 2 && (HIGHER.test(lower) || LOWER.test(lower))) {
    const [a, b] = rows as [{ e: Entity; r: TableRow }, { e: Entity; r: TableRow }]
    const higher = HIGHER.exec(lower)
    const lowerWord = LOWER.exec(lower)
    const claimsHigher = higher && (!lowerWord || higher.index < lowerWord.index)
    // "ranked above": earlier in the table's printed order.
    const at = (r: TableRow) => spec.block.rows.indexOf(r)
    const holds =
      asksRank && named.length === 0
        ? claimsHigher
          ? at(a.r) < at(b.r)
          : at(a.r) > at(b.r)
        : claimsHigher
          ? value(a.r, col) > value(b.r, col)
          : value(a.r, col) < value(b.r, col)
    return { verdict: holds ? 'yes' : 'no', sentences: [say(a.r), say(b.r)] }
  }
  // A position about one row ("Does Germany come third in centrality?", "Is India ranked fifth?").
  // "the third tier" is a group the prose names, not a position in the table.
  const place = q.numbers.find(
    (n) => n.ordinal && n.value >= 2 && !NOT_A_POSITION.test(lower.slice(n.end)),
  )
  if (rows.length === 1 && place && claimed === null) {
    const { e, r } = rows[0] as { e: Entity; r: TableRow }
    const c = registry.column(spec, col)
    const better = c?.higherIsBetter === false ? 1 : -1
    const order = [...spec.block.rows].sort((x, y) => better * (value(x, col) - value(y, col)))
    const at = order.findIndex((x) => value(x, col) === value(r, col)) + 1
    const sentences = [say(r)]
    const there = order[place.value - 1]
    if (at !== place.value && there)
      sentences.push({
        text: `${ordinalWord(place.value)} by ${c?.name ?? col} in ${source(spec.block)} is ${registry.nameOf(spec, there)}, not ${e.name}, which is ${ordinalWord(at).toLowerCase()}.`,
        cites: [rowCitation(spec.block, there, doc)],
      })
    return { verdict: at === place.value ? 'yes' : 'no', sentences }
  }
  // A superlative about one row ("Does Japan lead …", "Why does X have the most …").
  const top = TOP.exec(lower)
  const bottom = BOTTOM.exec(lower)
  if (rows.length === 1 && (top || bottom) && claimed === null) {
    const { e, r } = rows[0] as { e: Entity; r: TableRow }
    const direction = top && (!bottom || top.index < bottom.index) ? 'max' : 'min'
    const best = [...spec.block.rows].sort((x, y) =>
      direction === 'max' ? value(y, col) - value(x, col) : value(x, col) - value(y, col),
    )[0] as TableRow
    const holds = value(best, col) === value(r, col)
    const sentences = [say(r)]
    if (!holds) {
      const c = registry.column(spec, col)
      sentences.push({
        text: `The ${direction === 'max' ? 'highest' : 'lowest'} ${c?.name ?? col} in ${source(spec.block)} is ${possessive(registry.nameOf(spec, best))}, not ${possessive(e.name)}: ${best.printed[col]}${c?.kind === 'percent' ? '%' : ''}.`,
        cites: [rowCitation(spec.block, best, doc)],
      })
    }
    return { verdict: holds ? 'yes' : 'no', sentences }
  }
  // A value or a threshold about one row.
  if (rows.length === 1 && claimed !== null) {
    const { r } = rows[0] as { e: Entity; r: TableRow }
    const v = value(r, col)
    const before = lower.slice(Math.max(0, claimed.start - 24), claimed.start)
    const holds = /\b(more than|greater than|higher than|above|over|exceed\w*|at least)\s*$/.test(
      before,
    )
      ? /at least/.test(before)
        ? v >= claimed.value
        : v > claimed.value
      : /\b(less than|fewer than|lower than|below|under|at most)\s*$/.test(before)
        ? /at most/.test(before)
          ? v <= claimed.value
          : v < claimed.value
        : Math.abs(v - claimed.value) < 1e-9
    return { verdict: holds ? 'yes' : 'no', sentences: [say(r)] }
  }
  return null
}

/** "Third", "11th": a position in words. */
function ordinalWord(n: number): string {
  const words = [
    'First',
    'Second',
    'Third',
    'Fourth',
    'Fifth',
    'Sixth',
    'Seventh',
    'Eighth',
    'Ninth',
    'Tenth',
  ]
  if (words[n - 1]) return words[n - 1] as string
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/**
 * The amount a claim states ("below 15 percent" → 15), if any; "number one" is a position, and
 * "among the top 20 economies" counts the table's rows, it claims no value.
 */
function claimedValue(q: Question, lower: string): NumberMention | null {
  return (
    q.numbers.find(
      (n) =>
        !n.ordinal &&
        !n.year &&
        !/\b(?:number|no\.?|#|top)\s*$/.test(lower.slice(0, n.start)) &&
        !ROWS_COUNTED.test(lower.slice(n.end)),
    ) ?? null
  )
}

/** After a number, the rows of a table it counts: "20 economies", "ten fields", "30 countries". */
const ROWS_COUNTED =
  /^\s+(?:leading\s+|top\s+|listed\s+)?(?:econom(?:y|ies)|countr(?:y|ies)|nations?|fields?|areas?)\b/

/** What an ordinal may count other than a position: "the third tier", "the second group". */
const NOT_A_POSITION =
  /^[\s-]*(?:tiers?|groups?|waves?|rounds?|batch(?:es)?|categor(?:y|ies)|levels?|class(?:es)?|circles?|meetings?|forums?)\b/

/** The amounts of a lower-case text: value, digits without separators, the unit word after, the words before. */
function amountsOf(text: string): Array<{
  value: number
  digits: string
  unit: string
  before: string
  year: boolean
  /** The words of what it counts, up to {@link COUNTED_WORDS}: "solar streetlight systems". */
  counted: string[]
}> {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => {
    const at = m.index ?? 0
    const digits = m[0].replace(/,/g, '').replace(/\.$/, '')
    const value = Number(digits)
    const unit = (
      /^\s*(%|percent|per cent|[a-z]+)/.exec(text.slice(at + m[0].length))?.[1] ?? ''
    ).replace(/^(%|per cent)$/, 'percent')
    // A sum of money: "$500 million" is not "500-kilowatt".
    const money = text[at - 1] === '$'
    return {
      value,
      digits,
      unit: money ? `$${unit}` : unit,
      before: text.slice(Math.max(0, at - 24), at).replace(/\$$/, ''),
      year: Number.isInteger(value) && value >= 1900 && value <= 2100 && !m[0].includes(','),
      counted: countedAfter(text.slice(at + m[0].length)),
    }
  })
}

/** Words that end what a number counts: "17 solar pump systems and 2 …", "200 systems in …". */
const COUNT_STOP =
  /^(?:and|or|in|of|to|for|by|on|at|from|with|than|as|is|are|was|were|each|that|which|who|across|during|since|between)$/

/** How many words after a number may say what it counts. */
const COUNTED_WORDS = 3

/** The words after a number that say what it counts, up to a comma or a joining word: " solar pump systems, and …". */
function countedAfter(rest: string): string[] {
  const words: string[] = []
  for (const w of (/^[a-z\s-]*/.exec(rest)?.[0] ?? '').split(/\s+/).filter(Boolean)) {
    if (COUNT_STOP.test(w) || words.length === COUNTED_WORDS) break
    words.push(w)
  }
  return words
}

/** Adjectives and their opposites (alternations as regex source): a claim saying one where the sentence says the other is false. */
const ANTONYMS: ReadonlyArray<readonly [string, string]> = [
  ['short', 'long'],
  ['small|smaller|smallest', 'large|larger|largest|big|bigger|biggest'],
  ['low|lower|lowest', 'high|higher|highest'],
  ['slow|slower|slowly', 'fast|faster|rapid|rapidly|quick|quickly'],
  ['few|fewer', 'many|numerous'],
  ['weak|weaker', 'strong|stronger'],
  ['easy|easier|simple', 'difficult|hard|harder|complex'],
  ['closed', 'open'],
  ['narrow', 'broad|wide'],
  ['minor', 'major'],
  ['temporary', 'permanent|lasting'],
  // "Was the report put out by the IEA on its own?" against "released jointly by the IEA and …".
  [
    'alone|on (?:its|their) own|by (?:itself|themselves)|solely|single-handedly|unilaterally',
    'jointly|together|in (?:cooperation|collaboration|partnership) with',
  ],
  // "Was China's AI law passed in March 2024?" against "The AI draft law, made public in March 2024".
  ['passed|adopted|enacted|approved|ratified', 'draft'],
]

/** A small count, in digits or words (a year is no count). */
const COUNT_WORD = new RegExp(`\\b(?:${CARDINAL_WORDS.join('|')}|\\d{1,3})\\b(?![,.]\\d)`, 'g')
/** "All ten of …", "all 20 …": a claim about every one of a number of things. */
const ALL_OF = new RegExp(`\\ball (?:of the )?(${CARDINAL_WORDS.join('|')}|\\d{1,3})\\b`)

/** The value of a small count in digits or words. */
function countValue(word: string): number {
  const i = CARDINAL_WORDS.indexOf(word)
  return i >= 0 ? i + 1 : Number(word)
}

const NEGATION =
  /\b(not|no|never|neither|nor|cannot|can't|won't|isn't|aren't|doesn't|didn't|without)\b/

/** An ordinal in words: a position a claim can get wrong. */
const ORDINAL_WORD =
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th)\b/g

/** Words of a change upwards and downwards. */
const UPWARDS =
  /\b(?:increas\w*|ris(?:e|es|en|ing)|rose|gr[eo]w(?:s|n|ing|th)?|expand\w*|climb\w*|surg\w*|soar\w*|(?:go|goes|went|gone|going) up)\b/
const DOWNWARDS =
  /\b(?:decreas\w*|fall(?:s|en|ing)?|fell|declin\w*|drop(?:s|ped|ping)?|shr[iau]nk\w*|reduc\w*|plung\w*|slump\w*|(?:go|goes|went|gone|going) down)\b/

/**
 * The direction of change a text states: up, down, or none (or both).
 *
 * @example
 * directionOf('has fallen by over 90 percent') // 'down'
 */
export function directionOf(text: string): 'up' | 'down' | null {
  const up = UPWARDS.test(text)
  const down = DOWNWARDS.test(text)
  return up === down ? null : up ? 'up' : 'down'
}

/** What a sentence says of a claim: it bears it out, it says otherwise, or it does not decide. */
export type ProseVerdict = 'yes' | 'no' | 'not-stated'

/**
 * A list of names that gives only some of its members: "over ten countries, including China",
 * "partners such as Bosch" (a name follows), "and others".
 */
const OPEN_LIST =
  /\b(?:including|such as|among them|e\.g\.)\s+(?:the\s+)?[A-Z]|\b(?:and others|among others)\b|\b(?:over|more than|nearly|about|some|several|many)\s+(?:\w+\s+)?(?:countries|economies|nations|regions|companies|enterprises|firms|organi[sz]ations|institutions|universities|partners)\b/

/**
 * Words after a number that say nothing of what it measures ("100,000 in 2025", "20 of them"):
 * such an amount is compared with every amount of the sentence.
 */
const NO_MEASURE =
  /^(?:in|of|to|for|and|or|by|on|at|from|with|than|as|the|a|an|is|are|was|were|per|each|times|new|more|major|over|across|during|since|before|after|between)$/

/**
 * Compares a claim with the sentence that supports it best: "no" when the sentence states another
 * number or year, another name in the same place, or negates what the claim asserts; else "yes".
 *
 * @param claimNames capitalized names of the claim the chapter uses somewhere
 */
export function proseVerdict(
  claim: string,
  sentence: string,
  claimNames: readonly string[],
): ProseVerdict {
  const c = normalizeText(claim).toLowerCase()
  const s = normalizeText(sentence).toLowerCase()
  const amounts = amountVerdict(c, s)
  if (amounts) return amounts
  // "all ten of the fields" against "in seven areas" of "the ten … fields": not all.
  const all = ALL_OF.exec(c)?.[1]
  if (all) {
    const n = countValue(all)
    const counts = [...s.matchAll(COUNT_WORD)].map((m) => countValue(m[0]))
    if (counts.some((m) => m >= 1 && m < n)) return 'no'
  }
  // A name the sentence leaves out of an open list ("over ten countries, including China") is
  // neither in nor out of it.
  for (const name of claimNames)
    if (!s.includes(name.toLowerCase()))
      return OPEN_LIST.test(normalizeText(sentence)) ? 'not-stated' : 'no'
  // "the fourth major production factor" against "the fifth major production factor".
  const claimOrdinals = c.match(ORDINAL_WORD) ?? []
  const sentenceOrdinals = new Set(s.match(ORDINAL_WORD) ?? [])
  if (claimOrdinals.some((o) => !sentenceOrdinals.has(o)) && sentenceOrdinals.size > 0) return 'no'
  // "GAC New Energy and Bosch have collaborated, and Volkswagen and Xiaopeng …": names the claim
  // pairs must be paired by one clause of the sentence, not each by its own.
  if (claimNames.length >= 2) {
    const clauses = clausesOf(s)
    const names = claimNames.map((n) => n.toLowerCase())
    if (!clauses.some((cl) => names.every((n) => cl.includes(n)))) return 'no'
  }
  // "a short phase" against "a long phase": a word the sentence says the opposite of.
  for (const [a, b] of ANTONYMS)
    for (const [said, other] of [
      [a, b],
      [b, a],
    ] as const)
      if (
        new RegExp(`\\b(?:${said})\\b`).test(c) &&
        !new RegExp(`\\b(?:${said})\\b`).test(s) &&
        new RegExp(`\\b(?:${other})\\b`).test(s) &&
        // "Was the draft law later adopted?" asks past what the sentence says: not a contradiction.
        !new RegExp(`\\b(?:${other})\\b`).test(c)
      )
        return 'no'
  // "Is the partnership focused on building quantum computers?" against "focuses on the
  // cultivation of quantum talent": what it focuses on is another thing.
  const claimFocus = FOCUS_ON.exec(c)?.[1]
  const sentenceFocus = FOCUS_ON.exec(s)?.[1]
  if (claimFocus && sentenceFocus) {
    const said = new Set(searchTerms(sentenceFocus))
    // Its head word: "quantum computers" is not "quantum talent".
    const head = searchTerms(claimFocus.split(/,| and | or /)[0] ?? '')
      .filter((t) => !FOCUS_FILLER.test(t))
      .at(-1)
    if (head && !said.has(head)) return 'no'
  }
  // "Has the number been falling?" against "has increased for three consecutive years".
  const claimDirection = directionOf(c)
  const sentenceDirection = directionOf(s)
  if (claimDirection && sentenceDirection && claimDirection !== sentenceDirection) return 'no'
  const claimNeg = NEGATION.test(c)
  // The sentence negates the claim's own words ("should not be politicized").
  const words = wordTokens(c).filter((w) => w.length > 4)
  const negated = words.some((w) =>
    new RegExp(`\\b(?:not|never|no)\\s+(?:\\w+\\s+){0,2}${w.slice(0, 6)}`).test(s),
  )
  if (negated !== claimNeg && negated) return 'no'
  return 'yes'
}

/** What something focuses on: "focused on building quantum computers". */
const FOCUS_ON = /\bfocus(?:es|ed|ing)? (?:mainly |primarily |chiefly )?on ([a-z][a-z ,-]{2,80})/
/** Words of a focus that name no thing of it. */
const FOCUS_FILLER = /^(?:build|develop|the|a|an)$/

/**
 * Pairs of event words where one rules the other out: a premise that says one where the chapter
 * says the other is false ("Why did they cancel the memorandum?" against "signed a memorandum").
 * Stems, matched at the start of a word.
 */
const CONTRARIES: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [
    ['sign', 'renew', 'conclud', 'ratif'],
    ['cancel', 'terminat', 'scrap', 'revok', 'abandon', 'withdr', 'suspend', 'tore up'],
  ],
  [
    ['join', 'enter', 'expand'],
    ['leav', 'left', 'quit', 'exit', 'withdr', 'pull out', 'pulled out', 'pulling out'],
  ],
  [
    ['accept', 'approv', 'adopt', 'pass'],
    ['reject', 'veto', 'refus', 'block'],
  ],
  [
    ['open', 'launch', 'start', 'began', 'begin'],
    ['clos', 'halt', 'stop', 'end', 'shut'],
  ],
  [
    ['win', 'won', 'succe'],
    ['los', 'lost', 'fail'],
  ],
]

/**
 * What a sentence says of the amounts a claim states (both lower case): `null` when it gives each
 * of them, or gives no number; else whether it bears out the first one it does not give, compared
 * with its amounts of the same unit ("more than 40 percent" against "37.9 percent": 'no'; "more
 * than $500 million" against "$149 million": 'no', whatever "500-kilowatt" says).
 */
export function amountVerdict(claim: string, sentence: string): ProseVerdict | null {
  const sentenceAmounts = amountsOf(countsInDigits(sentence))
  if (sentenceAmounts.length === 0) return null
  for (const a of amountsOf(countsInDigits(claim))) {
    // "17 solar streetlight systems" against "200 solar streetlight systems, 17 solar pump
    // systems": the sentence counts the claim's thing, with another number.
    const bound =
      a.counted.length >= MIN_COUNTED_WORDS
        ? sentenceAmounts.filter((x) => !x.year && countsSameThing(a.counted, x.counted))
        : []
    if (bound.length > 0 && !bound.some((x) => x.digits === a.digits))
      return compareAmount(
        a,
        bound.map((x) => x.value),
      )
    if (sentenceAmounts.some((x) => x.digits === a.digits && sameUnit(a.unit, x.unit))) continue
    // "serves 10,000 residents" against "1,195 solar home systems": the sentence gives no number
    // of what the claim counts, so it neither bears it out nor says otherwise.
    if (
      !a.year &&
      /^[a-z]{3,}$/.test(a.unit) &&
      !NO_MEASURE.test(a.unit) &&
      !sentenceAmounts.some((x) => !x.year && sameMeasure(a.unit, x.unit))
    )
      return 'not-stated'
    // "Did the village cost more than $10 million?" against a sentence that counts solar systems:
    // no sum of money, so the cost is not stated.
    if (a.unit.startsWith('$') && !sentenceAmounts.some((x) => x.unit.startsWith('$')))
      return 'not-stated'
    // Compare, do not match; and only with the sentence's amounts of the same unit ("90 percent"
    // with "80 percent", not "200 countries").
    return compareAmount(
      a,
      sentenceAmounts.filter((x) => !x.year && (!a.unit || x.unit === a.unit)).map((x) => x.value),
    )
  }
  return null
}

/** Whether one of the sentence's values bears out a claimed amount, with its comparator ("more than 40"). */
function compareAmount(
  a: { value: number; before: string },
  values: readonly number[],
): ProseVerdict {
  const before = a.before
  if (/\b(more than|over|above|greater than|exceed\w*|at least)\s*$/.test(before))
    return values.some((x) => (/at least/.test(before) ? x >= a.value : x > a.value)) ? 'yes' : 'no'
  if (/\b(less than|under|below|fewer than|at most)\s*$/.test(before))
    return values.some((x) => (/at most/.test(before) ? x <= a.value : x < a.value)) ? 'yes' : 'no'
  if (/\b(about|around|roughly|approximately|nearly|almost)\s*$/.test(before))
    return values.some((x) => Math.abs(x - a.value) <= 0.1 * Math.abs(a.value)) ? 'yes' : 'no'
  return 'no'
}

/**
 * A claimed amount is bound to what it counts only when that takes this many words ("solar
 * streetlight systems"): one word ("projects", "percent") is too common a unit to tell two counts apart.
 */
const MIN_COUNTED_WORDS = 2

/** Whether two counted phrases name one thing: every word of the claim's is in the sentence's (same first five letters). */
function countsSameThing(claimed: readonly string[], said: readonly string[]): boolean {
  return claimed.every((w) => said.some((x) => x.slice(0, 5) === w.slice(0, 5)))
}

/**
 * Counts written in words ("three consecutive years", "five projects") in digits, so that they
 * compare with the claim's ("for five consecutive years" against "for three consecutive years").
 * "one" is left alone ("one of the …" counts nothing), as is a number word before a joining word.
 */
function countsInDigits(text: string): string {
  return text
    .replace(ONE_SCALE, '1 $1')
    .replace(SPELLED_COUNT, (w: string) => String(CARDINAL_WORDS.indexOf(w) + 1))
}

/** "one million", "a billion": one of a large unit, in digits so that it compares ("over one million" against "more than 10 million"). */
const ONE_SCALE = /\b(?:one|a|an)\s+(hundred|thousand|million|billion|trillion)\b/g

/** A number word from two to twenty before a word it counts (not "and", "of", "or", "to"). */
const SPELLED_COUNT = new RegExp(
  `\\b(?:${CARDINAL_WORDS.slice(1).join('|')})\\b(?=\\s+(?!(?:and|of|or|to|the|in|on|at|by|for)\\b)[a-z]{3,})`,
  'g',
)

/** Whether two unit words may measure one thing: the same word or the same root ("project", "projects"). */
function sameMeasure(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5))
}

/**
 * Whether two amounts with the same digits may name one quantity: both sums of money or neither
 * ("$500 million" is not the "500" of "500-kilowatt"; "20 projects" is "20 new projects").
 */
function sameUnit(a: string, b: string): boolean {
  return a.startsWith('$') === b.startsWith('$')
}

/**
 * Whether the chapter's evidence contradicts the premise of a "why" question: the premise states
 * a change or an event whose contrary the evidence states, and not the event itself ("Why has the
 * number fallen?" against "has increased"; "Why did they cancel the MOU?" against "signed the MOU").
 */
export function contradictsPremise(premise: string, evidence: string): boolean {
  const p = normalizeText(premise).toLowerCase()
  const e = normalizeText(evidence).toLowerCase()
  const pd = directionOf(p)
  const ed = directionOf(e)
  if (pd && ed && pd !== ed) return true
  // "Why did the line cost more than $500 million?" against "nearly $149 million".
  if (amountVerdict(p, e) === 'no') return true
  const has = (text: string, stems: readonly string[]) =>
    stems.some((st) => new RegExp(`\\b${st}`).test(text))
  for (const [a, b] of CONTRARIES) {
    if (has(p, a) && !has(e, a) && has(e, b)) return true
    if (has(p, b) && !has(e, b) && has(e, a)) return true
  }
  return false
}
