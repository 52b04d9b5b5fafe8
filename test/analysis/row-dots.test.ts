import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ROWS_AT_ONCE, rowDots } from '../../src/analysis/row-dots.ts'

/** The one-row loop soft matching used before: the sums `rowDots` must equal bit for bit. */
function plainDots(u: Float32Array, matrix: Float32Array): number[] {
  const d = u.length
  const out: number[] = []
  for (let base = 0; base + d <= matrix.length; base += d) {
    let s = 0
    for (let k = 0; k < d; k++) s += (u[k] as number) * (matrix[base + k] as number)
    out.push(s)
  }
  return out
}

const float = fc.float({ min: -1, max: 1, noNaN: true })

describe('rowDots', () => {
  it('gives the one-row loop’s sums exactly, for any row count (a multiple of eight or not)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 * ROWS_AT_ONCE + 5 }),
        fc.array(float, { minLength: 400, maxLength: 400 }),
        (d, rows, values) => {
          const u = Float32Array.from(values.slice(0, d))
          const matrix = Float32Array.from(
            { length: rows * d },
            (_, i) => values[i % 400] as number,
          )
          expect([...rowDots(u, matrix)]).toEqual(plainDots(u, matrix))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reads a 100-dimension matrix of 1,249 rows as the soft matcher does', () => {
    const d = 100
    const u = Float32Array.from({ length: d }, (_, k) => Math.sin(k + 1))
    const matrix = Float32Array.from({ length: 1_249 * d }, (_, i) => Math.cos(i * 0.37))
    expect([...rowDots(u, matrix)]).toEqual(plainDots(u, matrix))
  })
})
