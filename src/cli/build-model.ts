import { buildDefaultModel } from '../node/build-model.ts'

/** `build:model [--out DIR]` */
export function runBuildModelCommand(args: string[]): number {
  const i = args.indexOf('--out')
  const out = i === -1 ? undefined : args[i + 1]
  const r = buildDefaultModel(out)
  console.log(`built ${r.dir} (${(r.bytes / 1e6).toFixed(1)} MB) in ${(r.ms / 1000).toFixed(1)} s`)
  return 0
}
