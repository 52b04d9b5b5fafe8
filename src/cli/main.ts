#!/usr/bin/env node
/**
 * The command line: `chapter-assistant <command> [args]`. Each command lives in its own module;
 * this file only dispatches.
 */
import { runCorpusCommand } from './corpus.ts'

const USAGE = `usage: chapter-assistant <command>

commands:
  corpus [--out FILE]   print the parsed structure, repairs and cross-checks; write it as JSON`

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  switch (command) {
    case 'corpus':
      return runCorpusCommand(args)
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
