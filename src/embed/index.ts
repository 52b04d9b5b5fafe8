/** Embeddings: one transformers.js code path for the offline default and any HF sentence model. */
export { type EmbeddingConfig, embeddingConfigFromEnv } from './config.ts'
export { hashModelFiles, isModelComplete, listFiles, MODELS_DIR, modelDir } from './model-files.ts'
export { STATIC_MODEL_ID } from './static-model/build.ts'
export {
  isDefaultModelBuilt,
  ModelUnavailableError,
  type ResolvedModel,
  resolveModel,
  TransformersEmbeddings,
} from './transformers-embeddings.ts'
