import { isDeepStrictEqual } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseChapter } from '../../src/corpus/parse.ts'
import { STATIC_MODEL_ID } from '../../src/embed/index.ts'
import { modelDir, modelVocabulary } from '../../src/embed/model-files.ts'
import { loadWorkerData } from '../../src/workers/assistant.ts'
import {
  asModules,
  type BuildSources,
  chapterWords,
  openBuildSources,
  workerDataFiles,
} from '../../src/workers/build/build-data.ts'
import {
  spellerVocabulary,
  WORKER_DATA_FILES,
  type WorkerDataFiles,
} from '../../src/workers/data-format.ts'

let sources: BuildSources
beforeAll(async () => {
  sources = await openBuildSources()
})

describe('the Workers data (npm run build:worker)', () => {
  it('is deterministic: two builds give the same bytes', () => {
    const a = workerDataFiles(sources)
    const b = workerDataFiles(sources)
    expect([...a.keys()].sort()).toEqual(Object.values(WORKER_DATA_FILES).sort())
    for (const [name, data] of a)
      expect(Buffer.from(data).equals(Buffer.from(b.get(name) ?? '')), name).toBe(true)
  })

  it('holds the parsed chapter exactly as parseChapter gives it, and the chunks of the index', () => {
    const data = loadWorkerData(asModules(workerDataFiles(sources)))
    expect(isDeepStrictEqual(data.doc, parseChapter(sources.corpus.raw))).toBe(true)
    expect(data.chunks.map((c) => c.id)).toEqual(sources.index.manifest.chunkIds)
    expect(data.raw).toBe(sources.corpus.raw)
  })

  it('keeps every chapter word and the most frequent ones, and embeds every chunk as the full model', async () => {
    const data = loadWorkerData(asModules(workerDataFiles(sources, 1000)))
    const words = chapterWords(sources)
    expect(words.size).toBeGreaterThan(1000)
    const rows = data.meta.vocabulary.rows
    expect(rows).toBeGreaterThan(1000)
    expect(rows).toBeLessThan(1005 + words.size)
    const { exact } = sources.index
    const texts = data.chunks.map((c) => c.embedText)
    const full = loadWorkerData(asModules(workerDataFiles(sources, sources.table.words.length)))
    expect(await data.embeddings.embedDocuments(texts)).toEqual(
      await full.embeddings.embedDocuments(texts),
    )
    expect(Array.from(new Float32Array(asModules(workerDataFiles(sources)).vectors))).toEqual(
      Array.from(exact.vectors),
    )
  })

  it('gives the speller the Node host’s word list, whole and in order, at every vocabulary size', () => {
    const node = modelVocabulary(modelDir(STATIC_MODEL_ID))
    expect(node.length).toBeGreaterThan(90_000)
    for (const size of [0, 1000, 20_000]) {
      const files: WorkerDataFiles = asModules(workerDataFiles(sources, size))
      const words = spellerVocabulary(files.vocab, files.speller)
      expect(words.length).toBe(node.length)
      expect(words.every((w, i) => w === node[i])).toBe(true)
    }
    const files = asModules(workerDataFiles(sources))
    expect(() => spellerVocabulary(files.vocab, files.speller.slice(1))).toThrow(/build:worker/)
  })

  it('refuses data whose chunks are not the ones this code produces', () => {
    const files = asModules(workerDataFiles(sources))
    files.meta = { ...files.meta, chunkIds: files.meta.chunkIds.slice(1) }
    expect(() => loadWorkerData(files)).toThrow(/npm run build:worker/)
  })
})
