import type { LRUCache } from 'lru-cache'
import { describe, expect, it } from 'vitest'
import { EntityCatalog } from '../../src/analysis/entities.ts'
import { assistant } from '../helpers/assistant.ts'

// Issue 14, bounded memory: the entity finder remembers the mentions of texts it has read, and
// its keys are whole messages (up to 64 KB). Bounded by count (5,000 entries) that was up to
// 640 MB of keys; now it is bounded in bytes, and keyed by the normalized text.

/** The finder's memo (private: what it holds is the point of these tests). */
const memoOf = (catalog: EntityCatalog) =>
  (catalog as unknown as { memo: LRUCache<string, object> }).memo

describe('the entity finder remembers in bytes, by normalized text', () => {
  it('stays within its byte bound however many long texts it reads', async () => {
    const { answerer } = await assistant()
    const catalog = new EntityCatalog(answerer.analysis.doc)
    const filler = 'cooperation between Germany and the Netherlands on patents '.repeat(160)
    for (let i = 0; i < 600; i++) catalog.find(`n${i}x ${filler}`)
    const memo = memoOf(catalog)
    // 600 texts of ≈ 9,600 characters, ≈ 11 MB as UTF-16 keys alone: held within 4 MB.
    expect(memo.calculatedSize).toBeLessThanOrEqual(4 * 1024 * 1024)
    expect(memo.size).toBeGreaterThan(50)
    expect(memo.size).toBeLessThan(600)
  })

  it('finds a text once for every spelling that normalizes to it, and shares it read-only', async () => {
    const { answerer } = await assistant()
    const catalog = new EntityCatalog(answerer.analysis.doc)
    const a = catalog.find('How does “Al” help Ttaly and South Korea?')
    const b = catalog.find('How does "AI" help Italy and South Korea?')
    expect(b).toBe(a)
    // One finding, remembered under the normalized text (the second spelling) and the first.
    expect(memoOf(catalog).size).toBe(2)
    expect(a.map((m) => m.entity.name)).toEqual(['Italy', 'Rep. of Korea'])
    expect(Object.isFrozen(a)).toBe(true)
    expect(Object.isFrozen(a[0])).toBe(true)
  })
})
