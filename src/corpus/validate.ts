import type { ChapterDocument, FootnoteBlock, TableBlock } from './types.ts'

/** One failed cross-check, with where to look. */
export interface ValidationProblem {
  check: 'share' | 'rank-sequence' | 'descending' | 'footnote-link' | 'section-sequence'
  where: string
  detail: string
}

/** Largest gap between a printed two-decimal share and coauthored / papers × 100. */
export const SHARE_TOLERANCE = 0.006

/**
 * Cross-checks the parsed chapter against what its own numbers imply, so a parsing or OCR error
 * shows up as a named problem instead of a wrong answer:
 * - Tables 8.2 and 8.3: share ≈ coauthored / papers × 100 on every row;
 * - ranks and numbers run 1, 2, 3, … without gaps;
 * - Table 8.4's values are in descending order (after the recorded decimal-point repair);
 * - every footnote is linked to a call mark; sub-sections are numbered 1, 2, … under each part.
 *
 * @example
 * validateDocument(parseChapter(raw)) // [] when everything checks out
 */
export function validateDocument(doc: ChapterDocument): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  for (const t of doc.blocks.filter((b): b is TableBlock => b.kind === 'table')) {
    problems.push(...validateTable(t))
  }
  for (const f of doc.blocks.filter((b): b is FootnoteBlock => b.kind === 'footnote')) {
    if (f.calledFrom.offset < 0 || !doc.blocks.some((b) => b.id === f.calledFrom.blockId)) {
      problems.push({
        check: 'footnote-link',
        where: f.id,
        detail: 'no call mark links to this footnote',
      })
    }
  }
  for (const parent of doc.sections.filter((s) => s.level === 1)) {
    const subs = doc.sections.filter((s) => s.parentId === parent.id)
    subs.forEach((s, k) => {
      if (s.number !== String(k + 1)) {
        problems.push({
          check: 'section-sequence',
          where: s.id,
          detail: `expected sub-section ${k + 1}`,
        })
      }
    })
  }
  return problems
}

/** The cross-checks of one table (see {@link validateDocument}). */
export function validateTable(t: TableBlock): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  const seqKey = t.columns.find((c) => c.key === 'rank' || c.key === 'number')?.key
  if (seqKey) {
    t.rows.forEach((r, k) => {
      if (r.values[seqKey] !== k + 1) {
        problems.push({
          check: 'rank-sequence',
          where: r.id,
          detail: `${seqKey} ${r.values[seqKey]} where ${k + 1} was expected`,
        })
      }
    })
  }
  if (t.columns.some((c) => c.key === 'share')) {
    for (const r of t.rows) {
      const { papers, coauthored, share } = r.values as {
        papers: number
        coauthored: number
        share: number
      }
      const computed = (coauthored / papers) * 100
      if (!(Math.abs(computed - share) <= SHARE_TOLERANCE)) {
        problems.push({
          check: 'share',
          where: r.id,
          detail: `printed share ${share} but ${coauthored} / ${papers} × 100 = ${computed.toFixed(3)}`,
        })
      }
    }
  }
  const numeric = t.columns.find((c) => c.key === 'centrality')
  if (numeric) {
    t.rows.forEach((r, k) => {
      const prev = t.rows[k - 1]
      if (prev && (r.values[numeric.key] as number) > (prev.values[numeric.key] as number)) {
        problems.push({
          check: 'descending',
          where: r.id,
          detail: `${r.values[numeric.key]} follows ${prev.values[numeric.key]} in a descending column`,
        })
      }
    })
  }
  return problems
}
