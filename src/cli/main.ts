#!/usr/bin/env node
import { runComputeProcess } from '../node/compute-process.ts'
/**
 * The command line: `chapter-assistant <command> [args]`. Each command lives in its own module;
 * this file only dispatches.
 */
import { runAskCommand } from './ask.ts'
import { runBenchCommand } from './bench.ts'
import { runBenchBaselineCommand } from './bench-baseline.ts'
import { runBenchHttpCommand } from './bench-http.ts'
import { runIndexCommand } from './build-index.ts'
import { runBuildModelCommand } from './build-model.ts'
import { runCiteCommand } from './cite.ts'
import { runCorpusCommand } from './corpus.ts'
import { runEvalCommand } from './eval.ts'
import { runServeCommand } from './serve.ts'

const USAGE = `usage: chapter-assistant <command>

commands:
  serve                   the HTTP server (PORT, HOST; builds what is missing)
  ask "question"          answer one question with numbered citations
  ask [--chat]            interactive chat that keeps the conversation
  cite "text" [--style S] find a quotation or support for a claim; format the citation (apa|mla|chicago|bibtex)
  corpus [--out FILE]     print the parsed structure, repairs and cross-checks; write it as JSON
  build-model [--out DIR] build the offline embedding model glove-sif-100d into models/
  index [--dir DIR]       build the search index (HNSW + BM25 + manifest) into index/
  eval [--no-baseline]    run the evaluation harness; writes eval/reports/latest.md
  eval --robust           only the robustness set, both splits; writes eval/reports/robust.md
  bench [--queries N]     time model/index builds, model load, query latency; writes eval/reports/bench.md
  bench-http [--seconds N] [--rounds R] [--soak-seconds N]
                          load-test the HTTP server against a bare Hono baseline; writes eval/reports/bench-http.md
  bench-http --insights-only [--pairs N] [--seconds S]
                          cached /api/ask with insights on vs off, side by side; writes eval/reports/bench-insights.md`

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  switch (command) {
    case 'serve':
      return runServeCommand()
    case 'compute':
      // The server's compute process (forked by the server, not for people).
      return runComputeProcess()
    case 'ask':
      return runAskCommand(args)
    case 'cite':
      return runCiteCommand(args)
    case 'corpus':
      return runCorpusCommand(args)
    case 'build-model':
      return runBuildModelCommand(args)
    case 'index':
      return runIndexCommand(args)
    case 'eval':
      return runEvalCommand(args)
    case 'bench':
      return runBenchCommand(args)
    case 'bench-http':
      return runBenchHttpCommand(args)
    case 'bench-baseline':
      return runBenchBaselineCommand()
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exitCode = 1
  },
)
