import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Insights } from '../insights/insights.ts'
import { createApp } from '../server/app.ts'
import { jsonLinesLogger } from '../server/middleware/logger.ts'
import { composeWorkerAssistant, type WorkerData } from './assistant.ts'
import { type WorkerEnv, workerAnswering, workerAppConfig } from './config.ts'
import { openWorkerInsights } from './insights.ts'

/** The Worker's app and the insights it records into (when D1 is bound). */
export interface WorkerHost {
  app: OpenAPIHono
  insights?: Insights
}

/**
 * The Hono app of the Workers host: the same `createApp` as Node, with the Worker's data, the
 * rate limiting binding, `CF-Connecting-IP` as the client key, the Cache API for cacheable GETs,
 * insights on D1 and settings from `env`.
 */
export function createWorkerApp(data: WorkerData, env: WorkerEnv): WorkerHost {
  const answering = workerAnswering(env, data.files.extras)
  const { service, citer, retriever } = composeWorkerAssistant(data, answering)
  const logger = env.LOG_LEVEL === 'silent' ? undefined : jsonLinesLogger()
  const insights = openWorkerInsights(env, data.files.migrations, logger)
  const adminToken = env.ADMIN_TOKEN?.trim()
  const app = createApp({
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
    config: workerAppConfig(env, `${data.meta.builtAt}-${data.meta.corpusSha256.slice(0, 16)}`),
    ...(logger ? { logger } : {}),
    ...(insights ? { insights } : {}),
    ...(adminToken ? { adminToken } : {}),
  })
  return { app, ...(insights ? { insights } : {}) }
}
