import { modelDir } from './model-files.ts'
import { StaticEmbeddings } from './static-embeddings.ts'
import { STATIC_MODEL_ID } from './static-model/build.ts'
import { readStaticTable } from './static-model/read.ts'
import type { TransformersEmbeddings } from './transformers-embeddings.ts'

/** ONNX variants whose file is the static model's table (`onnx/model_quantized.onnx`). */
const TABLE_DTYPES = new Set([undefined, 'q8'])

/**
 * The static model of a transformers.js pipeline computed in TypeScript
 * ({@link StaticEmbeddings}), for embedding at request time: its vectors are bit-identical to
 * the pipeline's (test/embed/static-embeddings.test.ts, on every dev question, every chunk and
 * generated texts), and it costs a table lookup and a mean, where the pipeline costs ≈ 1–5 ms a
 * call in its tokenizer, tensors and onnxruntime (a conversation's answer embeds its question and
 * sentences for each of its parts: ≈ 10–25 ms a request). `null` for another model (a
 * transformer), another ONNX variant, or a model not read from a local folder.
 *
 * @example
 * const fast = staticTwin(embeddings) ?? embeddings
 * await fast.embedQuery('Which economy has the highest share?') // the pipeline's vector
 */
export function staticTwin(embeddings: TransformersEmbeddings): StaticEmbeddings | null {
  const { config, resolved } = embeddings
  if (config.modelId !== STATIC_MODEL_ID || !TABLE_DTYPES.has(config.dtype) || !resolved.root)
    return null
  return new StaticEmbeddings(
    readStaticTable(modelDir(config.modelId, resolved.root)),
    config.modelId,
  )
}
