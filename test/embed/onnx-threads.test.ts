import { describe, expect, it } from 'vitest'
import { STATIC_MODEL_ID, TransformersEmbeddings } from '../../src/embed/index.ts'

// onnxruntime's default thread pool spins after each run, waiting for more work: embedding a
// request's texts cost a second core as much CPU as the request itself. The model runs on one
// thread now, so the process's CPU while embedding stays near the wall time it takes.

/** Keeps this thread busy for `ms` of wall time. */
function busy(ms: number): void {
  const end = performance.now() + ms
  let x = 0
  while (performance.now() < end) x += Math.sqrt(x + 1)
  if (x < 0) throw new Error('unreachable')
}

describe('embedding on one thread', () => {
  it('uses about one core while embedding, not two', async () => {
    const e = new TransformersEmbeddings({
      modelId: STATIC_MODEL_ID,
      allowRemote: false,
      loadTimeoutMs: 30_000,
    })
    const texts = Array.from(
      { length: 64 },
      (_, i) =>
        `solar power plants in African villages and the cooperation of economies on clean energy technology, sentence ${i}`,
    )
    await e.embedDocuments(texts)
    const ratios: number[] = []
    for (let round = 0; round < 5; round++) {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      for (let i = 0; i < 30; i++) {
        await e.embedDocuments(texts)
        busy(3) // the request's own work between two embeddings, when spinning threads burn
      }
      const c = process.cpuUsage(c0)
      ratios.push((c.user + c.system) / 1000 / (performance.now() - t0))
    }
    // CPU per wall time: ≈ 1 on one thread; ≈ 2 with the pool's spinning thread beside it.
    const median = ratios.sort((a, b) => a - b)[2] as number
    expect(median).toBeLessThan(1.4)
  })
})
