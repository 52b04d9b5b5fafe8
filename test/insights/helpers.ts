import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnswerRecord } from '../../src/insights/types.ts'

/** A fresh folder for database files; removed by the returned function. */
export function tempDir(prefix = 'insights-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

const DAY = 86_400_000

/** An answer record with sensible fields; `over` replaces any of them. */
export function answerRecord(id: string, over: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    id,
    at: Date.now(),
    question: `Question ${id}?`,
    standaloneQuestion: `Question ${id}?`,
    route: 'passage',
    answerable: true,
    answer: `Answer ${id}. [1]`,
    citations: [
      {
        id: 'II.4/table-8.3/row-3',
        label: '§II.4, Table 8.3 (Germany)',
        section: 'II.4',
        kind: 'table-row',
        start: 100,
        end: 120,
      },
    ],
    latencyMs: 1.5,
    ...over,
  }
}

/** `days` days ago. */
export const daysAgo = (days: number, now = Date.now()) => now - days * DAY
