import type { BlockKind } from '../corpus/types.ts'

/** A cited passage or table row, as in the HTTP contract (API.md). */
export interface Citation {
  /** 1-based marker used in the answer text as `[n]`. */
  n: number
  /** Stable id: a chunk, a row (`II.4/table-8.3/row-3`) or a sentence of a block (`I.2/p-2/s-1`). */
  id: string
  label: string
  section: string
  sectionTitle: string
  kind: BlockKind
  /** The cited text, cleaned (OCR-repaired, de-hyphenated, one line). */
  quote: string
  /** `[start, end)` of the original file covers the original text of `quote`. */
  start: number
  end: number
  score?: number
}

/** An answer, as in the HTTP contract. */
export interface Answer {
  answer: string
  answerable: boolean
  citations: Citation[]
  standaloneQuestion: string
  related?: Citation[]
  /** Only for yes/no questions; `answer` then starts with "Yes.", "No." or "The chapter does not say." */
  verdict?: 'yes' | 'no' | 'not-stated'
  /** Up to 3 questions the chapter can answer next, each checked answerable. */
  followUps?: string[]
}

export interface ChatTurn {
  role: 'user' | 'assistant'
  content: string
}

/** A citation before its marker number is assigned. */
export type Cited = Omit<Citation, 'n'>
