/**
 * SIF-weighted static word vectors (Arora, Liang & Ma, "A Simple but Tough-to-Beat Baseline for
 * Sentence Embeddings", ICLR 2017), baked into an embedding table so that plain mean pooling over
 * a sentence's tokens yields its SIF sentence vector.
 */

/** Settings of the table; recorded in the model card. */
export interface SifSettings {
  /** Number of words kept, most frequent first. */
  vocabularySize: number
  /** The SIF smoothing constant `a` of `a / (a + p(w))`. */
  a: number
  /** Zipf–Mandelbrot offset: `p(w) ∝ 1 / (rank + offset)`, rank 1 = most frequent. */
  zipfOffset: number
}

export const DEFAULT_SIF_SETTINGS: SifSettings = {
  vocabularySize: 100_000,
  a: 1e-3,
  zipfOffset: 2.7,
}

/** Source vectors: words in corpus-frequency order and a lookup of their vectors. */
export interface WordVectorSource {
  words: readonly string[]
  dimensions: number
  vector(word: string): ArrayLike<number> | undefined
}

/** The weighted table: one row per kept word, in vocabulary order, plus the removed direction. */
export interface SifTable {
  words: string[]
  dimensions: number
  /** Row-major `words.length × dimensions`. */
  rows: Float64Array
  commonDirection: Float64Array
}

/** A token the tokenizer can produce as one piece: letters and digits only, as GloVe lower-cases. */
export const isWholeWordToken = (w: string): boolean => /^[\p{Ll}\p{N}]+$/u.test(w)

/**
 * Builds the SIF table: keeps the `vocabularySize` most frequent whole-word tokens that have a
 * vector, weights each vector by `a / (a + p(w))` with a Zipf estimate of `p(w)` from the source's
 * frequency order, then removes from every row its projection on the first principal direction
 * of the frequency-weighted rows (the "common component" of SIF). Deterministic: fixed order,
 * fixed power-iteration start and count.
 */
export function buildSifTable(
  source: WordVectorSource,
  settings: SifSettings = DEFAULT_SIF_SETTINGS,
): SifTable {
  const d = source.dimensions
  let z = 0
  for (let r = 1; r <= source.words.length; r++) z += 1 / (r + settings.zipfOffset)

  const words: string[] = []
  const probabilities: number[] = []
  const rows = new Float64Array(settings.vocabularySize * d)
  for (let i = 0; i < source.words.length && words.length < settings.vocabularySize; i++) {
    const w = source.words[i] as string
    if (!isWholeWordToken(w)) continue
    const v = source.vector(w)
    if (!v) continue
    const p = 1 / (i + 1 + settings.zipfOffset) / z
    const weight = settings.a / (settings.a + p)
    const base = words.length * d
    for (let k = 0; k < d; k++) rows[base + k] = weight * (v[k] as number)
    words.push(w)
    probabilities.push(p)
  }
  const used = rows.subarray(0, words.length * d)
  const u = firstPrincipalDirection(used, d, probabilities)
  for (let i = 0; i < words.length; i++) {
    let dot = 0
    for (let k = 0; k < d; k++) dot += (used[i * d + k] as number) * (u[k] as number)
    for (let k = 0; k < d; k++)
      used[i * d + k] = (used[i * d + k] as number) - dot * (u[k] as number)
  }
  return { words, dimensions: d, rows: used.slice(), commonDirection: u }
}

/** Top eigenvector of Σ p_i x_i x_iᵀ by power iteration (uncentred, as in SIF). */
function firstPrincipalDirection(
  rows: Float64Array,
  d: number,
  weights: readonly number[],
): Float64Array {
  const cov = new Float64Array(d * d)
  const n = rows.length / d
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number
    for (let a = 0; a < d; a++) {
      const xa = (rows[i * d + a] as number) * w
      for (let b = a; b < d; b++)
        cov[a * d + b] = (cov[a * d + b] as number) + xa * (rows[i * d + b] as number)
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a] as number
  let u = new Float64Array(d).fill(1 / Math.sqrt(d))
  for (let it = 0; it < 200; it++) {
    const next = new Float64Array(d)
    for (let a = 0; a < d; a++) {
      let s = 0
      for (let b = 0; b < d; b++) s += (cov[a * d + b] as number) * (u[b] as number)
      next[a] = s
    }
    const norm = Math.sqrt(next.reduce((s, x) => s + x * x, 0))
    u = next.map((x) => x / norm)
  }
  return u
}

/** Per-row symmetric int8 quantization: `row ≈ q × scale`, `q ∈ [-127, 127]`. */
export function quantizeRows(
  rows: Float64Array,
  d: number,
): { q: Int8Array; scales: Float32Array } {
  const n = rows.length / d
  const q = new Int8Array(rows.length)
  const scales = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    let max = 0
    for (let k = 0; k < d; k++) max = Math.max(max, Math.abs(rows[i * d + k] as number))
    const scale = max / 127
    scales[i] = scale
    if (scale === 0) continue
    for (let k = 0; k < d; k++) {
      q[i * d + k] = Math.max(-127, Math.min(127, Math.round((rows[i * d + k] as number) / scale)))
    }
  }
  return { q, scales }
}
