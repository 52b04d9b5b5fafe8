import type { OpenAPIHono } from '@hono/zod-openapi'
import { createApp } from '../server/app.ts'
import { jsonLinesLogger } from '../server/middleware/logger.ts'
import { composeWorkerAssistant, type WorkerData } from './assistant.ts'
import { type WorkerEnv, workerAnswering, workerAppConfig } from './config.ts'

/**
 * The Hono app of the Workers host: the same `createApp` as Node, with the Worker's data, the
 * rate limiting binding, `CF-Connecting-IP` as the client key and settings from `env`.
 */
export function createWorkerApp(data: WorkerData, env: WorkerEnv): OpenAPIHono {
  const answering = workerAnswering(env, data.files.extras)
  const { service, citer, retriever } = composeWorkerAssistant(data, answering)
  return createApp({
    doc: data.doc,
    chunks: data.chunks,
    service,
    citer,
    search: (q, o) => retriever.search(q, o),
    health: {
      model: data.meta.modelId,
      chunks: data.chunks.length,
      builtAt: data.meta.builtAt,
      corpusSha256: data.meta.corpusSha256,
    },
    assets: data.files.extras.assets,
    textLength: data.raw.length,
    // Search responses kept in the isolate, like answers (the same setting as on Node).
    cacheSize: answering.answerCacheSize,
    config: workerAppConfig(env),
    ...(env.LOG_LEVEL === 'silent' ? {} : { logger: jsonLinesLogger() }),
  })
}
