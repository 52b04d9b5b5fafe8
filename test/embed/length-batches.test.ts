import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STATIC_MODEL_ID, TransformersEmbeddings } from '../../src/embed/index.ts'
import { LENGTH_RATIO, lengthBatches, MIN_COUNTED_CHARS } from '../../src/embed/length-batches.ts'
import { medianCpu } from '../helpers/cpu.ts'

// Issue 14: a citation check embeds its claim (up to 600 characters) with ≈ 25 short sentences
// in one batch, and the pipeline pads every text to the longest: transformers.js's mean pooling
// then cost ≈ 15 ms. Texts are now batched by length; the vectors must not change.

const sentence = (i: number) =>
  `China and Africa cooperate on solar energy and digital infrastructure, sentence ${i}.`
/** A claim as long as the citer weighs (600 characters), varied by `i`. */
const claim = (i: number) =>
  `Claim ${i}: ${'cooperation between economies on patents and coauthored papers grew fast, '.repeat(8)}`.slice(
    0,
    600,
  )

describe('batches of texts of similar length', () => {
  it('holds every text once, within the batch size and the length ratio', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(900), { maxLength: 200 }),
        fc.integer({ min: 1, max: 64 }),
        (lengths, max) => {
          const texts = lengths.map((n) => 'x'.repeat(n))
          const batches = lengthBatches(texts, max)
          expect(batches.flat().sort((a, b) => a - b)).toEqual(texts.map((_, i) => i))
          for (const b of batches) {
            expect(b.length).toBeLessThanOrEqual(max)
            const counted = b.map((i) => Math.max(MIN_COUNTED_CHARS, lengths[i] as number))
            expect(Math.max(...counted)).toBeLessThanOrEqual(LENGTH_RATIO * Math.min(...counted))
          }
        },
      ),
      { numRuns: 500, seed: 14 },
    )
  })

  it('gives the vectors one batch of all the texts gave, and costs what the texts cost', async () => {
    const e = new TransformersEmbeddings({
      modelId: STATIC_MODEL_ID,
      allowRemote: false,
      loadTimeoutMs: 30_000,
    })
    const extractor = await e.load()
    /** The embedding before: one padded batch. */
    const oneBatch = async (texts: string[]) =>
      (await extractor(texts, { pooling: 'mean', normalize: true })).tolist() as number[][]
    const texts = [
      sentence(0),
      claim(0),
      ...Array.from({ length: 24 }, (_, i) => sentence(i + 1)),
      'Why?',
    ]
    expect(await e.embedDocuments(texts)).toEqual(await oneBatch(texts))
    // A claim with 25 short sentences, against the 25 sentences alone (fresh texts every run).
    for (let i = 0; i < 3; i++) await e.embedDocuments([claim(i), sentence(i)])
    const short = await medianCpu(9, (i) =>
      e.embedDocuments(Array.from({ length: 25 }, (_, k) => sentence(i * 100 + k))),
    )
    const withClaim = await medianCpu(9, (i) =>
      e.embedDocuments([claim(i), ...Array.from({ length: 25 }, (_, k) => sentence(i * 100 + k))]),
    )
    const before = await medianCpu(9, (i) =>
      oneBatch([claim(i), ...Array.from({ length: 25 }, (_, k) => sentence(i * 100 + k))]),
    )
    // By length, about what the sentences alone cost; one padded batch cost ≈ 2.1–2.3 times that.
    expect(withClaim / short).toBeLessThan(2)
    expect(before / withClaim).toBeGreaterThan(1.5)
  })
})
