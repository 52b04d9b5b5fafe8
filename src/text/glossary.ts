import { recentMemo } from './recent-memo.ts'

/**
 * Abbreviations and name variants of the chapter, with what they stand for. Reviewed by hand
 * against the chapter's usage (`BRI`, `FOCAC`, `IEA`, …) plus the common names readers use for
 * the economies in its tables (US/America, UK/Britain, South Korea).
 *
 * Retrieval expands both the indexed text and the user's question with it, so either form finds
 * the other. It is never shown to a user and never used to phrase an answer.
 */
export const GLOSSARY: ReadonlyArray<{ term: string; means: string; caseSensitive: boolean }> = [
  { term: 'AI', means: 'artificial intelligence', caseSensitive: true },
  { term: 'BRI', means: 'Belt and Road Initiative', caseSensitive: true },
  { term: 'BRF', means: 'Belt and Road Forum', caseSensitive: true },
  { term: 'FOCAC', means: 'Forum on China-Africa Cooperation', caseSensitive: false },
  { term: 'IEA', means: 'International Energy Agency', caseSensitive: true },
  { term: 'IRENA', means: 'International Renewable Energy Agency', caseSensitive: false },
  { term: 'IPFs', means: 'international patent families', caseSensitive: true },
  { term: 'IPF', means: 'international patent family', caseSensitive: true },
  { term: 'LCEs', means: 'low-carbon energy technologies', caseSensitive: true },
  { term: 'LCE', means: 'low-carbon energy technology', caseSensitive: true },
  { term: 'PCT', means: 'Patent Cooperation Treaty', caseSensitive: true },
  { term: 'SDGs', means: 'Sustainable Development Goals', caseSensitive: true },
  { term: 'IoT', means: 'Internet of Things', caseSensitive: false },
  { term: 'GX', means: 'green transformation', caseSensitive: true },
  { term: 'UN', means: 'United Nations', caseSensitive: true },
  { term: 'MOU', means: 'memorandum of understanding', caseSensitive: false },
  { term: 'CNC', means: 'computer numerical control', caseSensitive: false },
  {
    term: 'IKCEST',
    means: 'International Knowledge Centre for Engineering Sciences and Technology',
    caseSensitive: false,
  },
  // Readers' abbreviations for things the chapter spells out.
  { term: 'EVs', means: 'electric vehicles', caseSensitive: true },
  { term: 'EV', means: 'electric vehicle', caseSensitive: true },
  { term: 'NEVs', means: 'new energy vehicles', caseSensitive: true },
  { term: 'NEV', means: 'new energy vehicle', caseSensitive: true },
  { term: 'PV', means: 'photovoltaic', caseSensitive: true },
  { term: 'US', means: 'United States', caseSensitive: true },
  { term: 'U.S.', means: 'United States', caseSensitive: true },
  { term: 'USA', means: 'United States', caseSensitive: false },
  { term: 'America', means: 'United States', caseSensitive: false },
  { term: 'American', means: 'United States', caseSensitive: false },
  { term: 'UK', means: 'United Kingdom', caseSensitive: false },
  { term: 'Britain', means: 'United Kingdom', caseSensitive: false },
  { term: 'British', means: 'United Kingdom', caseSensitive: false },
  { term: 'South Korea', means: 'Rep. of Korea', caseSensitive: false },
  { term: 'Republic of Korea', means: 'Rep. of Korea', caseSensitive: false },
  { term: 'Taiwan', means: 'Taiwan, China', caseSensitive: false },
  // Readers' names for the companies the chapter names.
  { term: 'VW', means: 'Volkswagen', caseSensitive: true },
  { term: 'XPeng', means: 'Xiaopeng Motors', caseSensitive: false },
]

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const PATTERNS = GLOSSARY.map((g) => ({
  re: new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(g.term)}(?![\\p{L}\\p{N}])`,
    g.caseSensitive ? 'gu' : 'giu',
  ),
  means: g.means,
}))

/**
 * Appends each glossary expansion after the term it explains, for indexing and querying only.
 *
 * @example
 * expandGlossary('projects of the BRI') // 'projects of the BRI (Belt and Road Initiative)'
 */
export function expandGlossary(text: string): string {
  return expandedRecently(text)
}

/**
 * Characters of texts {@link expandGlossary} remembers (with their expansions): a request
 * expands its question and the chapter's sentences it weighs several times (each call ≈ 40
 * regular-expression passes over the text).
 */
const EXPANDED_MEMO_CHARS = 1_000_000

const expandedRecently = recentMemo((text: string): string => {
  let out = text
  for (const { re, means } of PATTERNS)
    out = out.replace(re, (m) => (m.toLowerCase() === means.toLowerCase() ? m : `${m} (${means})`))
  return out
}, EXPANDED_MEMO_CHARS)

/**
 * What a glossary term stands for, or `null` when it is none.
 *
 * @example
 * glossaryMeaning('EV') // 'electric vehicle'
 */
export function glossaryMeaning(term: string): string | null {
  const g = GLOSSARY.find((x) =>
    x.caseSensitive ? x.term === term : x.term.toLowerCase() === term.toLowerCase(),
  )
  return g?.means ?? null
}
