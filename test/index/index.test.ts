import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TransformersEmbeddings } from '../../src/embed/index.ts'
import {
  buildIndex,
  DEFAULT_INDEX_DIR,
  type IndexManifest,
  IndexUnavailableError,
  loadIndex,
} from '../../src/index/index.ts'
import { assistant } from '../helpers/assistant.ts'

const tmp = mkdtempSync(join(tmpdir(), 'chapter-index-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as IndexManifest

describe('the committed index', () => {
  it('is exactly what `npm run index` builds', async () => {
    const { chunks, corpus, embeddings } = await assistant()
    const out = join(tmp, 'rebuilt')
    await buildIndex(out, { chunks, corpusSha256: corpus.sha256, embeddings })
    const built = manifestOf(out)
    const committed = manifestOf(DEFAULT_INDEX_DIR)
    const { builtAt: _a, ...b } = built
    const { builtAt: _c, ...c } = committed
    expect(b).toEqual(c)
    expect(built.chunkIds).toEqual(chunks.map((x) => x.id))
    expect(readFileSync(join(out, 'docstore.json'), 'utf8')).toBe(
      readFileSync(join(DEFAULT_INDEX_DIR, 'docstore.json'), 'utf8'),
    )
  })

  it('records the corpus, the model and its files, the dimension, the chunker and the count', async () => {
    const { corpus, embeddings, chunks } = await assistant()
    const m = manifestOf(DEFAULT_INDEX_DIR)
    expect(m.corpus.sha256).toBe(corpus.sha256)
    expect(m.model).toEqual({
      id: 'glove-sif-100d',
      filesHash: embeddings.resolved.filesHash,
      dimensions: 100,
    })
    expect(m.chunker.version).toBe('1')
    expect(m.chunkCount).toBe(chunks.length)
    expect(Date.parse(m.builtAt)).not.toBeNaN()
  })
})

describe('loading refuses a bad index with the command that fixes it', () => {
  const copy = (name: string) => {
    const d = join(tmp, name)
    cpSync(DEFAULT_INDEX_DIR, d, { recursive: true })
    return d
  }
  const expectRefusal = async (
    dir: string,
    reason: RegExp,
    overrides: Record<string, unknown> = {},
  ) => {
    const { chunks, corpus, embeddings } = await assistant()
    const p = loadIndex(dir, { corpusSha256: corpus.sha256, chunks, embeddings, ...overrides })
    await expect(p).rejects.toBeInstanceOf(IndexUnavailableError)
    await expect(p).rejects.toThrow(reason)
    await expect(p).rejects.toThrow(/npm run index/)
  }

  it('missing', () => expectRefusal(join(tmp, 'nowhere'), /missing/))

  it('incomplete', async () => {
    const d = copy('incomplete')
    rmSync(join(d, 'bm25.json'))
    await expectRefusal(d, /incomplete \(bm25\.json/)
  })

  it('corrupt', async () => {
    const d = copy('corrupt')
    const f = join(d, 'hnswlib.index')
    const bytes = readFileSync(f)
    bytes[bytes.length - 7] = (bytes[bytes.length - 7] as number) ^ 0xff
    writeFileSync(f, bytes)
    await expectRefusal(d, /corrupt \(hnswlib\.index/)
  })

  it('built from another corpus', async () => {
    await expectRefusal(DEFAULT_INDEX_DIR, /different corpus/, { corpusSha256: '0'.repeat(64) })
  })

  it('built with another model', async () => {
    const other = Object.create(TransformersEmbeddings.prototype) as TransformersEmbeddings
    Object.defineProperty(other, 'config', { value: { modelId: 'Xenova/all-MiniLM-L6-v2' } })
    Object.defineProperty(other, 'resolved', { value: { filesHash: 'x' } })
    await expectRefusal(DEFAULT_INDEX_DIR, /EMBEDDING_MODEL is "Xenova\/all-MiniLM-L6-v2"/, {
      embeddings: other,
    })
  })
})

describe('building is atomic', () => {
  it('an interrupted build leaves the previous index untouched and no temporary folder', async () => {
    const { chunks, corpus, embeddings } = await assistant()
    const dir = join(tmp, 'atomic')
    cpSync(DEFAULT_INDEX_DIR, dir, { recursive: true })
    const before = readFileSync(join(dir, 'manifest.json'), 'utf8')
    let calls = 0
    const failing = Object.create(embeddings) as TransformersEmbeddings
    failing.embedDocuments = async (texts: string[]) => {
      if (++calls > 2) throw new Error('interrupted')
      return embeddings.embedDocuments(texts)
    }
    await expect(
      buildIndex(dir, { chunks, corpusSha256: corpus.sha256, embeddings: failing }),
    ).rejects.toThrow('interrupted')
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(before)
    expect(readdirSync(tmp).filter((f) => f.startsWith('atomic.'))).toEqual([])
    expect(existsSync(join(dir, 'hnswlib.index'))).toBe(true)
  })
})
