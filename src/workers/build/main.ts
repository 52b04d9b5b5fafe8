// `npm run build:worker`: writes the Workers host's data (dist/worker/) from the committed model
// and index. `-- --vocabulary N` keeps the N most frequent words besides the chapter's own.
import {
  DEFAULT_MOST_FREQUENT,
  dataSize,
  openBuildSources,
  WORKER_DATA_DIR,
  workerDataFiles,
  writeWorkerData,
} from './build-data.ts'

const args = process.argv.slice(2)
const at = args.indexOf('--vocabulary')
const mostFrequent = at === -1 ? DEFAULT_MOST_FREQUENT : Number(args[at + 1])
if (!Number.isInteger(mostFrequent) || mostFrequent < 0) {
  console.error('--vocabulary takes a whole number of words')
  process.exit(2)
}
const t0 = performance.now()
const files = workerDataFiles(await openBuildSources(), mostFrequent)
writeWorkerData(WORKER_DATA_DIR, files)
const size = dataSize(files)
console.error(
  `wrote ${WORKER_DATA_DIR}: ${files.size} files, ${(size.bytes / 2 ** 20).toFixed(2)} MiB (${(size.gzip / 2 ** 20).toFixed(2)} MiB gzipped) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
)
