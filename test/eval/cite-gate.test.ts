import { describe, expect, it } from 'vitest'
import { verifyQuote } from '../../src/cite/verify.ts'
import { evaluateCitations, loadCiteSet } from '../../src/eval/cite.ts'
import { assistant } from '../helpers/assistant.ts'
import { citeService } from '../helpers/citer.ts'

describe('citation lookup quality gate (eval/cite-set.json)', () => {
  it('≥ 30 quotes and claims; ≥ 95% of quotes located; ≥ 90% of claims with gold in the top 3; 0 fabricated quotes accepted', async () => {
    const { corpus, chunks } = await assistant()
    const items = loadCiteSet()
    expect(
      items.filter((i) => i.kind === 'quote' || i.kind === 'claim').length,
    ).toBeGreaterThanOrEqual(30)
    const { scores, results } = await evaluateCitations(
      await citeService(),
      corpus.doc,
      chunks,
      items,
    )
    expect(scores.quotesLocated / scores.quotes).toBeGreaterThanOrEqual(0.95)
    expect(scores.claimsWithGoldInTop3 / scores.claims).toBeGreaterThanOrEqual(0.9)
    expect(scores.fabricatedAccepted).toBe(0)
    expect(scores.unsupportedMarkedSupported).toBe(0)
    expect(results.filter((r) => !r.ok).map((r) => r.item.id)).toEqual([])
  }, 60_000)

  it('every located quote is verified against the original file at its offsets', async () => {
    const { corpus } = await assistant()
    const citer = await citeService()
    for (const item of loadCiteSet().filter((i) => i.kind === 'quote')) {
      const r = await citer.cite(item.text)
      for (const m of r.matches) expect(verifyQuote(corpus, m), item.id).toBe(true)
    }
  })
})
