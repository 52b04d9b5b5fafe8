import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  evaluateAnswers,
  evaluateDialogs,
  failuresOf,
  loadDialogs,
  scoreAnswers,
  scoreByCategory,
} from '../eval/answers.ts'
import { evaluateCitations, loadCiteSet } from '../eval/cite.ts'
import { loadDevSet } from '../eval/dataset.ts'
import { answersReport, citeReport, retrievalReport } from '../eval/report.ts'
import { evaluateRetrieval } from '../eval/retrieval.ts'
import {
  evaluateRobust,
  loadRobustSplit,
  overlappingIds,
  ROBUST_SPLITS,
  type RobustItem,
  type RobustResult,
  type RobustSplit,
  robustReport,
  TUNE_SPLITS,
} from '../eval/robust.ts'
import { openAssistant } from '../node/assistant.ts'
import { projectPath } from '../paths.ts'

/** Where `npm run eval` writes its report. */
export const EVAL_REPORT_PATH = projectPath('eval', 'reports', 'latest.md')

/** Where `npm run eval -- --robust` writes its report. */
export const ROBUST_REPORT_PATH = projectPath('eval', 'reports', 'robust.md')

/** Runs both splits of the robustness set (those present) through the answer service. */
async function runRobust(ctx: Awaited<ReturnType<typeof openAssistant>>): Promise<string> {
  const out: Partial<Record<RobustSplit, RobustResult[]>> = {}
  const items = Object.fromEntries(
    ROBUST_SPLITS.map((split) => [split, loadRobustSplit(split, ctx.corpus.raw)]),
  ) as Record<RobustSplit, RobustItem[]>
  for (const split of ROBUST_SPLITS)
    out[split] = await evaluateRobust((q, h) => ctx.answerer.answer(q, h), items[split])
  return robustReport(out, overlappingIds(items.test, ...TUNE_SPLITS.map((s) => items[s])))
}

function write(path: string, report: string): void {
  mkdirSync(fileURLToPath(new URL('.', `file://${path}`)), { recursive: true })
  writeFileSync(path, report)
  console.log(report)
  console.log(`\nwrote ${path}`)
}

/**
 * `eval [--no-baseline] [--robust] [--no-soft]`: runs the evaluation harness and writes
 * `eval/reports/latest.md`; with `--robust`, only the robustness set (`eval/reports/robust.md`);
 * `--no-soft` turns soft matching of question words off (an ablation, `robust-no-soft.md`).
 */
export async function runEvalCommand(args: string[]): Promise<number> {
  const softMatch = !args.includes('--no-soft')
  const ctx = await openAssistant({ build: true, softMatch })
  if (args.includes('--robust')) {
    const flags = softMatch ? '--robust' : '--robust --no-soft'
    write(
      softMatch ? ROBUST_REPORT_PATH : ROBUST_REPORT_PATH.replace(/\.md$/, '-no-soft.md'),
      `# Robustness report\n\nProduced by \`npm run eval -- ${flags}\`${softMatch ? '' : ' (soft matching of question words off: the ablation)'}.\n\n${await runRobust(ctx)}\n`,
    )
    return 0
  }
  const questions = loadDevSet(new Set(ctx.chunks.map((c) => c.id)))
  const retrieval = await evaluateRetrieval({
    retriever: ctx.retriever,
    chunks: ctx.chunks,
    raw: ctx.corpus.raw,
    embeddings: ctx.embeddings,
    questions,
    baseline: !args.includes('--no-baseline'),
  })
  const answers = await evaluateAnswers(ctx.answerer, questions, ctx.chunks)
  const dialogs = await evaluateDialogs(ctx.answerer, loadDialogs(), ctx.chunks)
  const { citer } = ctx
  const citations = await evaluateCitations(citer, ctx.corpus.doc, ctx.chunks, loadCiteSet())
  const report = [
    '# Evaluation report',
    '',
    `Dev set: ${questions.length} questions (eval/dev-set.json). Embedding model: ${ctx.embeddings.modelId}. Produced by \`npm run eval\`.`,
    '',
    retrievalReport(retrieval),
    '',
    answersReport(scoreAnswers(answers), scoreByCategory(answers), failuresOf(answers), dialogs),
    '',
    citeReport(citations),
    '',
    await runRobust(ctx),
    '',
  ].join('\n')
  write(EVAL_REPORT_PATH, report)
  return 0
}
