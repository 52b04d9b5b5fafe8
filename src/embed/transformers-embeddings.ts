import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type FeatureExtractionPipeline, env as hfEnv, pipeline } from '@huggingface/transformers'
import { Embeddings } from '@langchain/core/embeddings'
import type { EmbeddingConfig } from './config.ts'
import { lengthBatches } from './length-batches.ts'
import { hashModelFiles, isModelComplete, MODELS_DIR, modelDir } from './model-files.ts'
import { STATIC_MODEL_ID } from './static-model/build.ts'

/** The embedding model is not available here; `message` says how to get it. */
export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError'
}

/** Where a model was found. */
export interface ResolvedModel {
  modelId: string
  /** The folder transformers.js loads from (`models/` or its cache), or `null` to download. */
  root: string | null
  /** sha256 over the model's files (`null` when it is downloaded on load). */
  filesHash: string | null
}

/**
 * Finds a model: `models/<id>` first, then the transformers.js cache; otherwise, only if remote
 * loading was opted into, it will be downloaded. Throws {@link ModelUnavailableError} with the
 * fix when none applies.
 */
export function resolveModel(
  config: EmbeddingConfig,
  modelsRoot: string = MODELS_DIR,
): ResolvedModel {
  const local = modelDir(config.modelId, modelsRoot)
  if (isModelComplete(local))
    return { modelId: config.modelId, root: modelsRoot, filesHash: hashModelFiles(local) }
  const cache = config.cacheDir ?? hfEnv.cacheDir
  if (cache && isModelComplete(modelDir(config.modelId, cache))) {
    return {
      modelId: config.modelId,
      root: cache,
      filesHash: hashModelFiles(modelDir(config.modelId, cache)),
    }
  }
  if (config.allowRemote) return { modelId: config.modelId, root: null, filesHash: null }
  const how =
    config.modelId === STATIC_MODEL_ID
      ? 'Build it with `npm run build:model` (offline, about 10 s).'
      : `Copy the model in transformers.js layout (config.json, tokenizer.json, tokenizer_config.json, onnx/*.onnx) to ${local}, or allow a download with ALLOW_REMOTE_MODELS=1 on a machine with network, or unset EMBEDDING_MODEL to use the offline default ${STATIC_MODEL_ID}.`
  throw new ModelUnavailableError(
    `Embedding model "${config.modelId}" is not in ${local}${cache ? ` nor in the transformers.js cache ${cache}` : ''}, and remote model downloads are off. ${how}`,
  )
}

/**
 * A LangChain `Embeddings` over a transformers.js `feature-extraction` pipeline with mean pooling
 * and L2 normalization: the same code path for the offline default and any Hugging Face sentence
 * model. Loading is lazy, bounded by a timeout, and fails with a message that says what to do.
 *
 * @example
 * const embeddings = new TransformersEmbeddings(embeddingConfigFromEnv())
 * const v = await embeddings.embedQuery('Which economy has the highest share?') // number[100]
 */
/**
 * onnxruntime runs the model on the thread that asks (one thread, no pool). With its default pool
 * of one thread per core, the pool's threads spin after every run waiting for more work: for the
 * small models here (a lookup and a mean) that spinning cost as much CPU as the request itself,
 * ≈ 30 ms per citation check, on a core other requests need.
 */
const ONNX_SESSION_OPTIONS = { intraOpNumThreads: 1, interOpNumThreads: 1 }

export class TransformersEmbeddings extends Embeddings {
  readonly config: EmbeddingConfig
  readonly resolved: ResolvedModel
  private loading: Promise<FeatureExtractionPipeline> | null = null
  private readonly batchSize = 64

  constructor(config: EmbeddingConfig, modelsRoot: string = MODELS_DIR) {
    super({ maxRetries: 0 })
    this.config = config
    this.resolved = resolveModel(config, modelsRoot)
  }

  get modelId(): string {
    return this.config.modelId
  }

  /** Loads the pipeline (once). Rejects after `loadTimeoutMs` rather than hanging. */
  load(): Promise<FeatureExtractionPipeline> {
    if (!this.loading) {
      this.loading = this.createPipeline().catch((err: unknown) => {
        this.loading = null
        throw err
      })
    }
    return this.loading
  }

  private async createPipeline(): Promise<FeatureExtractionPipeline> {
    const { root } = this.resolved
    hfEnv.allowLocalModels = true
    hfEnv.allowRemoteModels = root === null && this.config.allowRemote
    if (root) hfEnv.localModelPath = root.endsWith('/') ? root : `${root}/`
    if (this.config.cacheDir) hfEnv.cacheDir = this.config.cacheDir
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ModelUnavailableError(
              `Loading embedding model "${this.config.modelId}" took longer than ${this.config.loadTimeoutMs} ms and was abandoned.`,
            ),
          ),
        this.config.loadTimeoutMs,
      )
      timer.unref()
    })
    try {
      const options = {
        ...(this.config.dtype ? { dtype: this.config.dtype as 'q8' } : {}),
        local_files_only: root !== null,
        session_options: ONNX_SESSION_OPTIONS,
      }
      const made = pipeline(
        'feature-extraction',
        this.config.modelId,
        options,
      ) as Promise<FeatureExtractionPipeline>
      return await Promise.race([made, timeout])
    } catch (err) {
      if (err instanceof ModelUnavailableError) throw err
      const where = root ? join(root, this.config.modelId) : 'the Hugging Face hub'
      throw new ModelUnavailableError(
        `Could not load embedding model "${this.config.modelId}" from ${where}: ${err instanceof Error ? err.message : String(err)}`,
      )
    } finally {
      clearTimeout(timer)
    }
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const extractor = await this.load()
    const out: number[][] = new Array(texts.length)
    // Texts of similar length together: a batch is padded to its longest (`length-batches.ts`).
    for (const batch of lengthBatches(texts, this.batchSize)) {
      const tensor = await extractor(
        batch.map((i) => texts[i] as string),
        { pooling: 'mean', normalize: true },
      )
      for (const [k, v] of (tensor.tolist() as number[][]).entries()) out[batch[k] as number] = v
    }
    return out
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.embedDocuments([text])
    if (!v) throw new Error('the model returned no vector')
    return v
  }

  /** The vector width, known after the first load. */
  async dimensions(): Promise<number> {
    return (await this.embedQuery('dimension probe')).length
  }
}

/** Whether the offline default model has been built. */
export const isDefaultModelBuilt = (root: string = MODELS_DIR): boolean =>
  existsSync(join(modelDir(STATIC_MODEL_ID, root), 'onnx', 'model_quantized.onnx'))
