import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { projectPath } from '../paths.ts'

/** `models/`: local models in the transformers.js layout (`models/<id>/…`). */
export const MODELS_DIR = `${projectPath('models')}/`

/** The folder of a local model. Ids with a slash (`Xenova/all-MiniLM-L6-v2`) nest. */
export function modelDir(modelId: string, root: string = MODELS_DIR): string {
  return join(root, ...modelId.split('/'))
}

/** Files a transformers.js sentence model needs, besides its ONNX weights. */
const REQUIRED = ['config.json', 'tokenizer.json']

/** Whether a model folder has its config, tokenizer and at least one ONNX file. */
export function isModelComplete(dir: string): boolean {
  if (!REQUIRED.every((f) => existsSync(join(dir, f)))) return false
  const onnxDir = join(dir, 'onnx')
  return existsSync(onnxDir) && readdirSync(onnxDir).some((f) => f.endsWith('.onnx'))
}

/** Every file under a folder, as sorted `/`-separated relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p).split(sep).join('/'))
    }
  }
  walk(dir)
  return out
}

/**
 * A hash of a model's files (path and bytes of each, in sorted order), so an index can record
 * exactly which model embedded it. The model card is left out: it describes, it does not compute.
 */
export function hashModelFiles(dir: string): string {
  const h = createHash('sha256')
  for (const f of listFiles(dir)) {
    if (f === 'README.md') continue
    h.update(`${f}\0`)
    h.update(readFileSync(join(dir, f)))
  }
  return h.digest('hex')
}

/**
 * The whole-word vocabulary of a local model's `tokenizer.json`, in id order (for the static
 * GloVe model: most frequent first), without special tokens. Empty when the model has no
 * whole-word vocabulary. Used for spelling correction of questions.
 */
export function modelVocabulary(dir: string): string[] {
  const file = join(dir, 'tokenizer.json')
  if (!existsSync(file)) return []
  const tok = JSON.parse(readFileSync(file, 'utf8')) as {
    model?: { vocab?: Record<string, number> }
  }
  const vocab = tok.model?.vocab
  if (!vocab) return []
  return Object.entries(vocab)
    .sort((a, b) => a[1] - b[1])
    .map(([w]) => w)
    .filter((w) => /^[a-z]+$/.test(w))
}
