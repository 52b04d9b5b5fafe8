/**
 * The shapes of the insights store: what is kept per answer, what the dashboard reads, and the
 * storage interface an adapter implements (SQLite on Node, D1 on Workers). Nothing here identifies
 * a visitor: no IP address, no user agent, no cookie.
 */

/** A cited passage or table row, as much of it as the dashboard needs to link to the reader. */
export interface CitedRef {
  id: string
  label: string
  section: string
  kind: string
  /** `[start, end)` in the original chapter file. */
  start: number
  end: number
}

/** One answer sent to a reader. Times are milliseconds since the Unix epoch. */
export interface AnswerRecord {
  id: string
  at: number
  question: string
  standaloneQuestion: string
  /** How it was answered (the answerer's trace `route`: table, passage, list, yes/no, abstain…). */
  route: string
  answerable: boolean
  verdict?: string
  answer: string
  citations: CitedRef[]
  /** From the request's arrival to the answer being ready, in milliseconds. */
  latencyMs: number
}

/** A reader's rating of an answer; a later one replaces an earlier one. */
export interface FeedbackRecord {
  answerId: string
  rating: 'up' | 'down'
  comment?: string
  at: number
}

/** A batch of writes, applied in one transaction: answers first, then feedback. */
export interface WriteBatch {
  answers: readonly AnswerRecord[]
  feedback: readonly FeedbackRecord[]
}

/** `[from, to)` in milliseconds since the epoch. */
export interface TimeRange {
  from: number
  to: number
}

/** One day's counts (UTC dates). */
export interface DayCounts {
  date: string
  asked: number
  answered: number
  abstained: number
  up: number
  down: number
}

/** How often a passage or row was cited. */
export interface CitedCount {
  id: string
  label: string
  section: string
  kind: string
  count: number
}

/** Which answers to list. */
export type ItemStatus = 'unanswered' | 'down' | 'all'

/** An answer as the admin API lists it (API.md `GET /api/admin/questions`). */
export interface InsightItem {
  answerId: string
  /** ISO 8601 time. */
  at: string
  question: string
  standaloneQuestion: string
  answerable: boolean
  verdict?: string
  route: string
  rating?: 'up' | 'down'
  comment?: string
  /** The cited ids. */
  citations: string[]
  answer: string
  /** The citations with their spans, for links to the reader. */
  cited: CitedRef[]
  latencyMs: number
}

/**
 * The storage behind insights. Every method may be asynchronous, so that a remote database (D1)
 * implements it as well as an embedded one (SQLite). Adapters run the SQL migrations of
 * `./migrations/` in order and record them as `wrangler d1 migrations` does (table
 * `d1_migrations`), so one database can be managed by either.
 */
export interface InsightsStore {
  /** Applies the migrations not yet applied; returns the names applied now. */
  migrate(): Promise<string[]>
  /**
   * Writes a batch in one transaction. Returns the answer ids of feedback whose answer does not
   * exist (purged, or never stored); the rest is durable when the promise resolves.
   */
  write(batch: WriteBatch): Promise<{ unknownFeedback: string[] }>
  /** Whether an answer with this id exists at or after `since`. */
  hasAnswer(id: string, since: number): Promise<boolean>
  /** Counts per UTC day that has answers in the range (days without any are absent). */
  days(range: TimeRange): Promise<DayCounts[]>
  /** The most cited passages and rows in the range, most cited first. */
  topCited(range: TimeRange, limit: number): Promise<CitedCount[]>
  /** Answers in the range, newest first. */
  items(range: TimeRange, status: ItemStatus, limit: number): Promise<InsightItem[]>
  /** Every latency in the range, in milliseconds (for the distribution). */
  latencies(range: TimeRange): Promise<number[]>
  /** Deletes everything older than `before`; returns how many answers went. */
  purge(before: number): Promise<number>
  close(): Promise<void>
}

/** A SQL migration: its file name (`0001_answers.sql`) and its text. */
export interface Migration {
  name: string
  sql: string
}
