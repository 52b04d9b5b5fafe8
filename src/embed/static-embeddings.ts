import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import type { WordVectors } from '../analysis/soft-match.ts'
import { SPECIAL_TOKENS } from './static-model/tokenizer.ts'

/**
 * A static model's table: the vocabulary in id order (special tokens first), the int8 rows and a
 * float32 scale per row (`row ≈ q × scale`), as `glove-sif-100d`'s ONNX graph stores them.
 */
export interface StaticTable {
  words: readonly string[]
  q: Int8Array
  scales: Float32Array
  dimensions: number
}

/** The tokenizer's `model_max_length`: transformers.js truncates the encoded sequence to it. */
const MAX_TOKENS = 512
/** The tokenizer's `max_input_chars_per_word`: a longer word is `[UNK]`. */
const MAX_CHARS_PER_WORD = 100
/** BERT's punctuation class, as in the tokenizers library's `BertPreTokenizer`. */
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E'
const WORD = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu')
const SPECIAL = new RegExp(`(${SPECIAL_TOKENS.map((t) => t.replace(/[[\]]/g, '\\$&')).join('|')})`)
/** The normalizer of the model's `tokenizer.json`, after NFKC and before lower-casing. */
const FOLDS: ReadonlyArray<[string, string]> = [
  ['’', "'"],
  ['‘', "'"],
  ['“', '"'],
  ['”', '"'],
  ['–', '-'],
  ['—', '-'],
]

/**
 * The static embedding model computed in plain TypeScript, without an ONNX runtime: tokenize
 * (NFKC, quote and dash folding, lower case, BERT pre-tokenization, whole-word lookup), look up the
 * int8 rows, dequantize, mean over `[CLS] … [SEP]`, L2-normalize, in float32 at the same steps as
 * transformers.js's `feature-extraction` pipeline with mean pooling and normalization. The vectors
 * are bit-identical to that pipeline's (a test checks every dev question and chunk), so an index
 * built on Node serves on Cloudflare Workers, where onnxruntime cannot run.
 *
 * @example
 * const embeddings = new StaticEmbeddings(table, 'glove-sif-100d')
 * const v = await embeddings.embedQuery('Which economy has the highest share?') // number[100]
 */
export class StaticEmbeddings implements EmbeddingsInterface {
  readonly modelId: string
  private readonly table: StaticTable
  private readonly ids: ReadonlyMap<string, number>
  private readonly special: ReadonlyMap<string, number>

  constructor(table: StaticTable, modelId: string) {
    const { words, q, scales, dimensions } = table
    if (scales.length !== words.length || q.length !== words.length * dimensions) {
      throw new Error(
        `the table holds ${scales.length} scales and ${q.length} values for ${words.length} words of ${dimensions} dimensions`,
      )
    }
    this.table = table
    this.modelId = modelId
    this.ids = new Map(words.map((w, i) => [w, i]))
    this.special = new Map(SPECIAL_TOKENS.map((t) => [t, this.idOf(t)]))
  }

  private idOf(token: string): number {
    const id = this.ids.get(token)
    if (id === undefined) throw new Error(`the vocabulary has no ${token}`)
    return id
  }

  /**
   * The pieces of a text as the tokenizer sees them: special tokens typed in the text, and the
   * normalized words (NFKC, quote and dash folding, lower case, BERT pre-tokenization).
   */
  pieces(text: string): string[] {
    const out: string[] = []
    for (const section of text.split(SPECIAL)) {
      if (section.length === 0) continue
      if (this.special.has(section)) {
        out.push(section)
        continue
      }
      let s = section.normalize('NFKC')
      for (const [from, to] of FOLDS) s = s.replaceAll(from, to)
      out.push(...(s.toLowerCase().trim().match(WORD) ?? []))
    }
    return out
  }

  /** Token ids of a text, `[CLS]` and `[SEP]` included, truncated to 512 tokens as the pipeline does. */
  tokenize(text: string): number[] {
    const unk = this.special.get('[UNK]') as number
    const ids = this.pieces(text).map((p) =>
      [...p].length > MAX_CHARS_PER_WORD ? unk : (this.ids.get(p) ?? unk),
    )
    // transformers.js cuts the encoded sequence at 512, so a long text loses its `[SEP]` too.
    return [this.special.get('[CLS]') as number, ...ids, this.special.get('[SEP]') as number].slice(
      0,
      MAX_TOKENS,
    )
  }

  /** The sentence vector of one text (float32 values as numbers). */
  embed(text: string): number[] {
    const { q, scales, dimensions: d } = this.table
    const ids = this.tokenize(text)
    // Mean pooling: the ONNX graph's float32 product `q × scale`, summed in float64 and divided,
    // then stored as float32, as transformers.js's `mean_pooling` does.
    const mean = new Float32Array(d)
    for (let k = 0; k < d; k++) {
      let sum = 0
      for (const id of ids) sum += Math.fround((q[id * d + k] as number) * (scales[id] as number))
      mean[k] = sum / ids.length
    }
    // L2 norm accumulated in a float32 cell, then `** (1 / 2)`, as the tensor's `norm(2)` does.
    const norm = new Float32Array(1)
    for (let k = 0; k < d; k++) norm[0] = (norm[0] as number) + (mean[k] as number) ** 2
    norm[0] = (norm[0] as number) ** (1 / 2)
    for (let k = 0; k < d; k++) mean[k] = (mean[k] as number) / (norm[0] as number)
    return Array.from(mean)
  }

  /**
   * One word's row of the table, dequantized (SIF-weighted, so only its direction means
   * anything), or `undefined` for a word outside the vocabulary and for special tokens.
   */
  wordVector(word: string): Float32Array | undefined {
    const id = this.ids.get(word)
    if (id === undefined || (SPECIAL_TOKENS as readonly string[]).includes(word)) return undefined
    const { q, scales, dimensions: d } = this.table
    const out = new Float32Array(d)
    const scale = scales[id] as number
    for (let k = 0; k < d; k++) out[k] = (q[id * d + k] as number) * scale
    return out
  }

  /** The table's words as {@link WordVectors}, for soft matching. */
  wordVectors(): WordVectors {
    return { dimensions: this.table.dimensions, vector: (w) => this.wordVector(w) }
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t))
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text)
  }
}
