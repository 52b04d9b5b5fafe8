import { describe, expect, it } from 'vitest'
import { recentMemo } from '../../src/text/recent-memo.ts'

describe('recentMemo', () => {
  it('computes a text once while it is remembered, and gives what the function gives', () => {
    let calls = 0
    const upper = recentMemo((t: string) => {
      calls++
      return t.toUpperCase()
    }, 100)
    expect(upper('abc')).toBe('ABC')
    expect(upper('abc')).toBe('ABC')
    expect(calls).toBe(1)
  })

  it('holds at most its characters, forgetting the first remembered first', () => {
    let calls = 0
    const same = recentMemo((t: string) => {
      calls++
      return t
    }, 40)
    for (const t of ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']) same(t) // 20 characters each
    expect(calls).toBe(3)
    same('cccccccccc') // remembered
    same('bbbbbbbbbb') // remembered
    expect(calls).toBe(3)
    same('aaaaaaaaaa') // forgotten when "c" came
    expect(calls).toBe(4)
  })

  it('remembers null results, and never a text beyond its bound', () => {
    let calls = 0
    const none = recentMemo((t: string): string | null => {
      calls++
      return t.length > 3 ? null : t
    }, 20)
    none('long')
    none('long')
    expect(calls).toBe(1)
    none('x'.repeat(30))
    none('x'.repeat(30))
    expect(calls).toBe(3)
  })
})
