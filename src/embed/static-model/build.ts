import { createHash } from 'node:crypto'
import { encodeGatherModel } from './onnx.ts'
import {
  buildSifTable,
  DEFAULT_SIF_SETTINGS,
  quantizeRows,
  type SifSettings,
  type WordVectorSource,
} from './sif.ts'
import { SPECIAL_TOKENS, tokenizerConfig, tokenizerJson } from './tokenizer.ts'

/** The offline default model's id: also its folder name under `models/`. */
export const STATIC_MODEL_ID = 'glove-sif-100d'

/** Where the vectors come from; recorded in the model card. */
export interface SourceInfo {
  packageName: string
  packageVersion: string
}

/** Steps reported while building (for a progress bar). */
export type BuildStep = 'weights' | 'quantize' | 'onnx' | 'tokenizer' | 'card'

/**
 * Builds every file of the static model in the transformers.js layout, as bytes keyed by relative
 * path. Pure and deterministic: the same source and settings give the same bytes.
 *
 * Files: `config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model_quantized.onnx`,
 * `README.md` (the model card).
 */
export function buildStaticModel(
  source: WordVectorSource,
  info: SourceInfo,
  settings: SifSettings = DEFAULT_SIF_SETTINGS,
  onStep: (step: BuildStep) => void = () => {},
): Map<string, Uint8Array> {
  onStep('weights')
  const table = buildSifTable(source, settings)
  const d = table.dimensions
  // Special rows: zero, except a tiny constant for [CLS]/[SEP] so that a text made only of unknown
  // words still pools to a finite vector (transformers.js normalizes without an epsilon).
  const rows = new Float64Array((SPECIAL_TOKENS.length + table.words.length) * d)
  for (const t of ['[CLS]', '[SEP]'] as const) {
    rows.fill(1e-6, SPECIAL_TOKENS.indexOf(t) * d, (SPECIAL_TOKENS.indexOf(t) + 1) * d)
  }
  rows.set(table.rows, SPECIAL_TOKENS.length * d)

  onStep('quantize')
  const { q, scales } = quantizeRows(rows, d)
  onStep('onnx')
  const onnxBytes = encodeGatherModel(q, scales, d, 'chapter-assistant build:model')
  onStep('tokenizer')
  const enc = new TextEncoder()
  const json = (o: object, indent = 2) => enc.encode(`${JSON.stringify(o, null, indent)}\n`)
  const files = new Map<string, Uint8Array>()
  files.set(
    'config.json',
    json({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: d,
      vocab_size: scales.length,
      max_position_embeddings: 512,
      'transformers.js_config': { dtype: 'q8' },
    }),
  )
  files.set('tokenizer.json', json(tokenizerJson(table.words), 0))
  files.set('tokenizer_config.json', json(tokenizerConfig()))
  files.set('onnx/model_quantized.onnx', onnxBytes)
  onStep('card')
  files.set('README.md', enc.encode(modelCard(files, info, settings, table.words.length, d)))
  return files
}

function modelCard(
  files: Map<string, Uint8Array>,
  info: SourceInfo,
  settings: SifSettings,
  words: number,
  d: number,
): string {
  const rows = [...files]
    .map(
      ([path, bytes]) =>
        `| \`${path}\` | ${bytes.length.toLocaleString('en-US')} | \`${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…\` |`,
    )
    .join('\n')
  const total = [...files.values()].reduce((s, b) => s + b.length, 0)
  return `# ${STATIC_MODEL_ID}

A static sentence-embedding model for transformers.js, built offline by \`npm run build:model\` from
the npm package \`${info.packageName}@${info.packageVersion}\`. It needs no network, loads in well
under a second and embeds a query in about a millisecond.

## What it computes

\`pipeline('feature-extraction', '${STATIC_MODEL_ID}', …)\` with \`pooling: 'mean', normalize: true\`
returns a SIF sentence vector (Arora, Liang & Ma, ICLR 2017): each word vector is weighted by
\`a / (a + p(w))\`, summed, and the common component removed. The weights and the removal are baked
into the embedding table, so mean pooling does the rest.

| setting | value |
|---|---|
| source vectors | GloVe 6B, 100 dimensions, as packaged by ${info.packageName} |
| vocabulary | the ${words.toLocaleString('en-US')} most frequent lower-case letter/digit words that have a vector, plus 5 special tokens |
| \`a\` | ${settings.a} |
| \`p(w)\` | Zipf–Mandelbrot \`∝ 1 / (rank + ${settings.zipfOffset})\`, rank from the source's frequency order |
| common component | the first principal direction of the frequency-weighted table, removed from every row |
| dimensions | ${d} |
| storage | int8 per row with a float32 scale (q8), dequantized after the lookup |
| tokenizer | WordPiece over whole words (no sub-words), BERT pre-tokenizer, NFKC, curly quotes and dashes folded, lower-cased |
| unknown words | \`[UNK]\`, a zero row: they do not move the vector. Numbers are not in GloVe's vocabulary. |

## Provenance and licences

- Word vectors: GloVe (Pennington, Socher & Manning, 2014), 6B tokens, released under the Open Data
  Commons Public Domain Dedication and License (PDDL).
- Packaging: \`${info.packageName}\` by winkJS, MIT licence.
- This derived table and its build script: part of chapter-assistant.

## Files

| file | bytes | sha256 |
|---|---|---|
${rows}

Total ${(total / 1e6).toFixed(1)} MB (without this card). The build is deterministic: a test rebuilds
the model and compares every byte.
`
}
