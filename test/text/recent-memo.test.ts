import { describe, expect, it } from 'vitest'
import { ENTRY_OVERHEAD_CHARS, recentMemo } from '../../src/text/recent-memo.ts'

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

  it('holds at most its characters, forgetting the first remembered first, in a batch', () => {
    let calls = 0
    const same = recentMemo(
      (t: string) => {
        calls++
        return t
      },
      3 * (20 + ENTRY_OVERHEAD_CHARS),
    )
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => x.repeat(10)) as [
      string,
      string,
      string,
      string,
    ]
    for (const t of [a, b, c]) same(t) // 20 characters each (the text and its value) and the entry's: full
    same(a)
    expect(calls).toBe(3)
    same(d) // over: the oldest go until at most 3/4 of the bound is held (a, then b)
    expect(calls).toBe(4)
    same(c)
    same(d)
    expect(calls).toBe(4)
    same(b)
    same(a)
    expect(calls).toBe(6)
  })

  it('remembers null results, and never a text beyond its bound', () => {
    let calls = 0
    const none = recentMemo((t: string): string | null => {
      calls++
      return t.length > 3 ? null : t
    }, 20 + ENTRY_OVERHEAD_CHARS)
    none('long')
    none('long')
    expect(calls).toBe(1)
    none('x'.repeat(30))
    none('x'.repeat(30))
    expect(calls).toBe(3)
  })
})
