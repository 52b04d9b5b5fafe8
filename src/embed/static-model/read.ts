import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StaticTable } from '../static-embeddings.ts'
import { decodeGatherModel } from './onnx.ts'

/**
 * Reads a built static model (`models/glove-sif-100d/`) as a {@link StaticTable}: the vocabulary
 * of `tokenizer.json` in id order and the table of `onnx/model_quantized.onnx`.
 */
export function readStaticTable(dir: string): StaticTable {
  const tokenizer = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')) as {
    model: { vocab: Record<string, number> }
  }
  const words: string[] = []
  for (const [w, id] of Object.entries(tokenizer.model.vocab)) words[id] = w
  const { q, scales, dimensions } = decodeGatherModel(
    readFileSync(join(dir, 'onnx', 'model_quantized.onnx')),
  )
  if (words.length !== scales.length || words.some((w) => w === undefined)) {
    throw new Error(`${dir}: the vocabulary and the table of the model do not match`)
  }
  return { words, q, scales, dimensions }
}
