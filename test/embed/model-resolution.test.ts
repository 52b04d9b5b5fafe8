import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { env as hfEnv } from '@huggingface/transformers'
import { afterAll, describe, expect, it } from 'vitest'
import {
  embeddingConfigFromEnv,
  ModelUnavailableError,
  resolveModel,
  TransformersEmbeddings,
} from '../../src/embed/index.ts'

const empty = mkdtempSync(join(tmpdir(), 'no-models-'))
afterAll(() => rmSync(empty, { recursive: true, force: true }))

describe('choosing and finding the embedding model', () => {
  it('defaults to the offline model and reads the environment', () => {
    expect(embeddingConfigFromEnv({}).modelId).toBe('glove-sif-100d')
    expect(embeddingConfigFromEnv({}).allowRemote).toBe(false)
    const c = embeddingConfigFromEnv({
      EMBEDDING_MODEL: 'Xenova/all-MiniLM-L6-v2',
      ALLOW_REMOTE_MODELS: '1',
      EMBEDDING_LOAD_TIMEOUT_MS: '500',
    })
    expect(c).toMatchObject({
      modelId: 'Xenova/all-MiniLM-L6-v2',
      allowRemote: true,
      loadTimeoutMs: 500,
    })
  })

  it('says how to build the default model when it is missing', () => {
    expect(() =>
      resolveModel(
        { modelId: 'glove-sif-100d', allowRemote: false, loadTimeoutMs: 1000, cacheDir: empty },
        empty,
      ),
    ).toThrow(/npm run build:model/)
  })

  it('says where to put another model, and how to allow a download, when it is missing', () => {
    try {
      resolveModel(
        {
          modelId: 'Xenova/all-MiniLM-L6-v2',
          allowRemote: false,
          loadTimeoutMs: 1000,
          cacheDir: empty,
        },
        empty,
      )
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(ModelUnavailableError)
      const m = (err as Error).message
      expect(m).toContain(join(empty, 'Xenova', 'all-MiniLM-L6-v2'))
      expect(m).toContain('ALLOW_REMOTE_MODELS=1')
      expect(m).toContain('config.json, tokenizer.json')
    }
  })

  describe('when a download is allowed but the hub does not answer', () => {
    let server: Server
    const previousHost = hfEnv.remoteHost
    afterAll(() => {
      hfEnv.remoteHost = previousHost
      server?.close()
    })

    it('gives up after the load timeout instead of hanging', async () => {
      // A host that accepts connections and never replies.
      server = createServer(() => {})
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
      const port = (server.address() as { port: number }).port
      hfEnv.remoteHost = `http://127.0.0.1:${port}/`
      const e = new TransformersEmbeddings(
        { modelId: 'nobody/no-model', allowRemote: true, loadTimeoutMs: 800, cacheDir: empty },
        empty,
      )
      const t0 = performance.now()
      await expect(e.embedQuery('hello')).rejects.toThrow(/took longer than 800 ms/)
      expect(performance.now() - t0).toBeLessThan(5000)
    })
  })
})
