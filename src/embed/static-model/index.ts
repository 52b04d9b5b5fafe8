/** The offline default embedding model: how it is built from static word vectors. */
export { type BuildStep, buildStaticModel, type SourceInfo, STATIC_MODEL_ID } from './build.ts'
export { DEFAULT_SIF_SETTINGS, type SifSettings, type WordVectorSource } from './sif.ts'
