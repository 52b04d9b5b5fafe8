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
import { openAssistant } from '../node/assistant.ts'
import { projectPath } from '../paths.ts'

/** Where `npm run eval` writes its report. */
export const EVAL_REPORT_PATH = projectPath('eval', 'reports', 'latest.md')

/** `eval [--no-baseline]`: runs the evaluation harness and writes `eval/reports/latest.md`. */
export async function runEvalCommand(args: string[]): Promise<number> {
  const ctx = await openAssistant({ build: true })
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
  ].join('\n')
  mkdirSync(fileURLToPath(new URL('.', `file://${EVAL_REPORT_PATH}`)), { recursive: true })
  writeFileSync(EVAL_REPORT_PATH, report)
  console.log(report)
  console.log(`\nwrote ${EVAL_REPORT_PATH}`)
  return 0
}
