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

/** The answer section of the evaluation report. */
export function answersReport(
  scores: import('./answers.ts').AnswerScores,
  byCategory: Record<string, import('./answers.ts').AnswerScores>,
  failures: import('./answers.ts').AnswerResult[],
  dialogs: import('./answers.ts').DialogTurnResult[],
): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const out = [
    `## Answers (${scores.answerable} answerable, ${scores.absent} absent)`,
    '',
    '| metric | value |',
    '|---|---:|',
    `| correct facts **and** a correct citation (answerable) | ${pct(scores.correct)} |`,
    `| fact accuracy: all gold facts in the answer | ${pct(scores.factAccuracy)} |`,
    `| citation accuracy: a cited span overlaps the gold span | ${pct(scores.citationAccuracy)} |`,
    `| abstention precision | ${pct(scores.abstentionPrecision)} |`,
    `| abstention recall | ${pct(scores.abstentionRecall)} |`,
    `| false abstentions (answerable questions refused) | ${pct(scores.falseAbstainRate)} |`,
    `| false answers (absent questions answered) | ${pct(scores.falseAnswerRate)} |`,
    '',
    '### By category',
    '',
    '| category | n | correct | facts | citation | answered when absent / refused when answerable |',
    '|---|---:|---:|---:|---:|---:|',
  ]
  for (const [cat, s] of Object.entries(byCategory)) {
    const n = cat === 'absent' ? s.absent : s.answerable
    const wrongRefusal = cat === 'absent' ? pct(s.falseAnswerRate) : pct(s.falseAbstainRate)
    out.push(
      `| ${cat} | ${n} | ${cat === 'absent' ? '—' : pct(s.correct)} | ${cat === 'absent' ? '—' : pct(s.factAccuracy)} | ${cat === 'absent' ? '—' : pct(s.citationAccuracy)} | ${wrongRefusal} |`,
    )
  }
  const turns = dialogs.length
  const ok = dialogs.filter(
    (t) => t.standaloneOk && t.factsOk && t.citationOk && t.answerableOk,
  ).length
  out.push(
    '',
    `### Multi-turn dialogs (${new Set(dialogs.map((d) => d.dialog)).size} dialogs, ${turns} turns)`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| turns fully right (standalone question, facts, citation, answerability) | ${ok}/${turns} (${pct(ok / Math.max(1, turns))}) |`,
    `| standalone question right | ${dialogs.filter((t) => t.standaloneOk).length}/${turns} |`,
    '',
    '| dialog | turn | question | rewritten as | ok |',
    '|---|---:|---|---|---|',
    ...dialogs.map(
      (t) =>
        `| ${t.dialog} | ${t.turn} | ${t.question} | ${t.standaloneQuestion} | ${t.standaloneOk && t.factsOk && t.citationOk && t.answerableOk ? 'yes' : 'no'} |`,
    ),
  )
  if (failures.length > 0) {
    out.push(
      '',
      '### Questions not answered right',
      '',
      '| id | category | route | question | answer (start) |',
      '|---|---|---|---|---|',
    )
    for (const f of failures)
      out.push(
        `| ${f.id} | ${f.category} | ${f.route} | ${f.question} | ${f.answer.answer.slice(0, 120).replace(/\n/g, ' ').replace(/\|/g, '/')} |`,
      )
  }
  return out.join('\n')
}

/** The citation lookup section of the evaluation report. */
export function citeReport(r: {
  scores: import('./cite.ts').CiteScores
  results: import('./cite.ts').CiteItemResult[]
}): string {
  const s = r.scores
  const pct = (a: number, b: number) =>
    `${a}/${b} (${b === 0 ? '—' : `${((a / b) * 100).toFixed(1)}%`})`
  const out = [
    `## Citation lookup (${r.results.length} items: eval/cite-set.json)`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| altered quotations located, top match overlapping the gold block | ${pct(s.quotesLocated, s.quotes)} |`,
    `| fabricated quotations reported as exact or fuzzy | ${pct(s.fabricatedAccepted, s.fabricated)} |`,
    `| claims with a gold passage in the top 3 | ${pct(s.claimsWithGoldInTop3, s.claims)} |`,
    `| claims marked supported | ${pct(s.claimsSupported, s.claims)} |`,
    `| unsupported claims marked supported | ${pct(s.unsupportedMarkedSupported, s.unsupported)} |`,
    '',
    '| id | kind | alteration | verdict | top match | ok |',
    '|---|---|---|---|---|---|',
    ...r.results.map(
      (x) =>
        `| ${x.item.id} | ${x.item.kind} | ${x.item.alteration} | ${x.verdict} | ${x.topMatch ?? '—'} | ${x.ok ? 'yes' : 'no'} |`,
    ),
  ]
  return out.join('\n')
}
