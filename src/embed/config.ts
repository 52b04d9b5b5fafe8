import { STATIC_MODEL_ID } from './static-model/build.ts'

/** How to find and run the embedding model. */
export interface EmbeddingConfig {
  /** A folder name under `models/`, or a Hugging Face id in transformers.js layout. */
  modelId: string
  /** Allow transformers.js to download a missing model (off by default; no network here). */
  allowRemote: boolean
  /** ONNX variant to load (`q8`, `fp32`, …); the model's own config decides when unset. */
  dtype?: string
  /** Give up loading after this long instead of hanging. */
  loadTimeoutMs: number
  /** Where transformers.js caches downloaded models, when set. */
  cacheDir?: string
}

/**
 * The embedding configuration from the environment:
 * `EMBEDDING_MODEL` (default `glove-sif-100d`), `ALLOW_REMOTE_MODELS=1` to allow downloads,
 * `EMBEDDING_DTYPE`, `EMBEDDING_LOAD_TIMEOUT_MS` (default 60000), `TRANSFORMERS_CACHE`.
 */
export function embeddingConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): EmbeddingConfig {
  const timeout = Number(env.EMBEDDING_LOAD_TIMEOUT_MS ?? 60_000)
  return {
    modelId: env.EMBEDDING_MODEL?.trim() || STATIC_MODEL_ID,
    allowRemote: /^(1|true|yes)$/i.test(env.ALLOW_REMOTE_MODELS ?? ''),
    ...(env.EMBEDDING_DTYPE ? { dtype: env.EMBEDDING_DTYPE } : {}),
    loadTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 60_000,
    ...(env.TRANSFORMERS_CACHE ? { cacheDir: env.TRANSFORMERS_CACHE } : {}),
  }
}
