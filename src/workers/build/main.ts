// `npm run build:worker`: writes the Workers host's data (dist/worker/) from the committed model
// and index. `-- --vocabulary N` keeps the N most frequent words besides the chapter's own;
// `-- --measure` compares vocabulary sizes with the full model instead (prints a table).
import {
  DEFAULT_MOST_FREQUENT,
  dataSize,
  openBuildSources,
  WORKER_DATA_DIR,
  workerDataFiles,
  writeWorkerData,
} from './build-data.ts'
import { measureVocabularies } from './measure.ts'

const args = process.argv.slice(2)
const at = args.indexOf('--vocabulary')
const mostFrequent = at === -1 ? DEFAULT_MOST_FREQUENT : Number(args[at + 1])
if (!Number.isInteger(mostFrequent) || mostFrequent < 0) {
  console.error('--vocabulary takes a whole number of words')
  process.exit(2)
}
const sources = await openBuildSources()
if (args.includes('--measure')) {
  // Compares vocabulary sizes with the full model on the Node host (answers, retrieval, size).
  const sizes = [0, 5_000, 10_000, 20_000, 50_000, sources.table.words.length]
  const rows = await measureVocabularies(sources, sizes)
  console.log(
    '| most frequent words | rows | data gzipped | dense R@5 (Workers / Node) | dev top-5 differs | answers differing |',
  )
  console.log('|---:|---:|---:|---|---:|---|')
  for (const r of rows) {
    const answers = r.answers.map((a) => `${a.set} ${a.differ}/${a.turns}`).join(', ')
    console.log(
      `| ${r.mostFrequent} | ${r.rows} | ${(r.gzipBytes / 2 ** 20).toFixed(2)} MiB | ${r.denseRecallAt5.worker.toFixed(3)} / ${r.denseRecallAt5.node.toFixed(3)} | ${r.retrievalDiffers} | ${answers} |`,
    )
  }
  for (const r of rows)
    for (const a of r.answers)
      for (const e of a.examples) console.log(`  ${r.mostFrequent} ${a.set}: ${e}`)
  process.exit(0)
}
const t0 = performance.now()
const files = workerDataFiles(sources, mostFrequent)
const wrote = writeWorkerData(WORKER_DATA_DIR, files)
const size = dataSize(files)
console.error(
  `${wrote ? 'wrote' : 'unchanged:'} ${WORKER_DATA_DIR}: ${files.size} files, ${(size.bytes / 2 ** 20).toFixed(2)} MiB (${(size.gzip / 2 ** 20).toFixed(2)} MiB gzipped) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
)
