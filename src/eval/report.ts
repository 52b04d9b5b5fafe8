import type { RetrievalScores } from './metrics.ts'
import type { RetrievalEvalResult } from './retrieval.ts'

const f = (x: number) => x.toFixed(3)

/** A markdown table of scores, one row per system. */
export function scoresTable(systems: Record<string, RetrievalScores | undefined>): string {
  const lines = [
    '| system | n | recall@1 | recall@3 | recall@5 | MRR@10 |',
    '|---|---:|---:|---:|---:|---:|',
  ]
  for (const [name, s] of Object.entries(systems)) {
    if (s)
      lines.push(
        `| ${name} | ${s.n} | ${f(s.recallAt1)} | ${f(s.recallAt3)} | ${f(s.recallAt5)} | ${f(s.mrr)} |`,
      )
  }
  return lines.join('\n')
}

/** The retrieval section of the evaluation report. */
export function retrievalReport(r: RetrievalEvalResult): string {
  const out = [
    `## Retrieval (${r.questions} answerable questions)`,
    '',
    scoresTable(r.systems),
    '',
    '`langchain-baseline` is the default LangChain recipe (RecursiveCharacterTextSplitter 1000/200 on the raw OCR text, the same embeddings, MemoryVectorStore); its hit counts when its span overlaps a gold chunk.',
    '',
    '### Recall@5 by category',
    '',
  ]
  const systems = Object.keys(r.systems)
  out.push(
    `| category | n | ${systems.join(' | ')} |`,
    `|---|---:|${systems.map(() => '---:').join('|')}|`,
  )
  for (const [cat, s] of Object.entries(r.byCategory)) {
    const n = Object.values(s)[0]?.n ?? 0
    out.push(
      `| ${cat} | ${n} | ${systems.map((k) => f(s[k as keyof typeof s]?.recallAt5 ?? 0)).join(' | ')} |`,
    )
  }
  const misses = r.ranks.filter((x) => x.ranks.hybrid === null || (x.ranks.hybrid ?? 99) > 3)
  if (misses.length > 0) {
    out.push(
      '',
      '### Hybrid: gold not in the top 3',
      '',
      '| id | question | hybrid rank |',
      '|---|---|---:|',
    )
    for (const m of misses) out.push(`| ${m.id} | ${m.question} | ${m.ranks.hybrid ?? '—'} |`)
  }
  return out.join('\n')
}
