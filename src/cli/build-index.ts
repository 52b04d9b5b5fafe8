import { chunkDocument } from '../chunk/chunk.ts'
import { loadCorpus } from '../corpus/index.ts'
import {
  embeddingConfigFromEnv,
  isDefaultModelBuilt,
  STATIC_MODEL_ID,
  TransformersEmbeddings,
} from '../embed/index.ts'
import { DEFAULT_INDEX_DIR } from '../index/index.ts'
import { buildIndexWithProgress } from '../node/assistant.ts'
import { buildDefaultModel } from '../node/build-model.ts'

/** `index [--dir DIR]`: (re)builds the search index; builds the offline model first if missing. */
export async function runIndexCommand(args: string[]): Promise<number> {
  const i = args.indexOf('--dir')
  const dir =
    i === -1 ? (process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR) : (args[i + 1] ?? DEFAULT_INDEX_DIR)
  const config = embeddingConfigFromEnv()
  if (config.modelId === STATIC_MODEL_ID && !isDefaultModelBuilt()) buildDefaultModel()
  const t0 = performance.now()
  const corpus = loadCorpus()
  const chunks = chunkDocument(corpus.doc)
  const embeddings = new TransformersEmbeddings(config)
  const manifest = await buildIndexWithProgress(dir, corpus, chunks, embeddings)
  console.log(
    `indexed ${manifest.chunkCount} chunks (${manifest.model.id}, ${manifest.model.dimensions} dimensions) into ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
  return 0
}
