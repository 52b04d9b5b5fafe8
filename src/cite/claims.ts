import { lexicalCoverage, queryTerms, type TermStats } from '../analysis/terms.ts'
import { type chunkSentenceIndex, scoreSentences } from '../answer/passage.ts'
import type { Cited } from '../answer/types.ts'
import type { Chunk } from '../chunk/chunk.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import type { SearchHit } from '../retrieve/hybrid.ts'
import { normalizeText } from '../text/normalize.ts'

/** A sentence weighed as support for a claim. */
export interface ClaimSupport {
  cite: Cited
  /** 0–1: how well the sentence supports the claim. */
  support: number
  supports: boolean
  /** Why the score was lowered, if it was. */
  conflicts: string[]
}

/** A sentence supports a claim from this score up (calibrated on the claims of the eval set). */
export const SUPPORT_THRESHOLD = 0.5

const numbersIn = (s: string) =>
  (normalizeText(s).match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) =>
    n.replace(/,/g, '').replace(/\.$/, ''),
  )

export interface ClaimInputs {
  doc: ChapterDocument
  chunksById: ReadonlyMap<string, Chunk>
  stats: TermStats
  /** The candidate sentences of each chunk, memoized (see `chunkSentenceIndex`). */
  chunkSentences?: (chunkId: string) => ReturnType<ReturnType<typeof chunkSentenceIndex>>
  search: (query: string, options?: { k?: number }) => Promise<SearchHit[]>
  embed: (texts: string[]) => Promise<number[][]>
  /** Names the claim mentions that the sentence must mention too (economies, fields). */
  namesIn: (text: string) => string[]
  /** Names in the claim that the chapter never uses at all ("Huawei"). */
  unknownNames: (text: string) => string[]
  /** A check of the claim against the typed tables: a contradiction, if any ("Japan is not the highest"). */
  tableConflict: (text: string) => string | null
}

/**
 * The sentences that best support a claim in the writer's own words, each with a support score:
 * its share of the claim's terms (in the sentence itself, idf-weighted) and its closeness in
 * meaning, lowered when the claim has a number or a name the sentence does not. A sentence that
 * is only related — about the same thing but not saying it — stays below the threshold.
 */
export async function supportForClaim(
  claim: string,
  inputs: ClaimInputs,
  k = 3,
): Promise<ClaimSupport[]> {
  const hits = await inputs.search(claim, { k: 8 })
  const scored = await scoreSentences({
    question: claim,
    hits,
    chunksById: inputs.chunksById,
    doc: inputs.doc,
    stats: inputs.stats,
    embed: inputs.embed,
    ...(inputs.chunkSentences ? { chunkSentences: inputs.chunkSentences } : {}),
  })
  const terms = queryTerms(claim)
  const claimNumbers = numbersIn(claim)
  const claimNames = inputs.namesIn(claim)
  const strangers = inputs.unknownNames(claim)
  const contradiction = inputs.tableConflict(claim)
  const seen = new Set<string>()
  const out: ClaimSupport[] = []
  for (const s of scored) {
    if (seen.has(s.cite.id)) continue
    seen.add(s.cite.id)
    const own = lexicalCoverage(terms, s.text, inputs.stats)
    let support = 0.6 * own + 0.4 * Math.max(0, s.dense)
    const conflicts: string[] = []
    const sentenceNumbers = new Set(numbersIn(s.text))
    const missingNumbers = claimNumbers.filter((n) => !sentenceNumbers.has(n))
    if (missingNumbers.length > 0) {
      support *= 0.5
      conflicts.push(`the sentence does not give ${missingNumbers.join(', ')}`)
    }
    const sentenceNames = new Set(inputs.namesIn(s.text))
    const missingNames = claimNames.filter((n) => !sentenceNames.has(n))
    if (missingNames.length > 0) {
      support *= 0.7
      conflicts.push(`the sentence does not name ${missingNames.join(', ')}`)
    }
    if (strangers.length > 0) {
      support *= 0.6
      conflicts.push(`the chapter never names ${strangers.join(', ')}`)
    }
    if (contradiction) {
      support *= 0.3
      conflicts.push(contradiction)
    }
    out.push({
      cite: s.cite,
      support: Math.round(support * 1000) / 1000,
      supports: support >= SUPPORT_THRESHOLD,
      conflicts,
    })
  }
  return out.sort((a, b) => b.support - a.support).slice(0, k)
}
