import { describe, expect, it } from 'vitest'
import { verifyQuote } from '../../src/cite/verify.ts'
import {
  evaluateAnswers,
  evaluateDialogs,
  loadDialogs,
  scoreAnswers,
} from '../../src/eval/answers.ts'
import { loadDevSet } from '../../src/eval/dataset.ts'
import { assistant } from '../helpers/assistant.ts'

describe('answer quality gate (dev set)', () => {
  it('≥ 90% correct facts and citation, ≥ 90% abstention recall, ≤ 5% false abstentions; every quote verified', async () => {
    const { answerer, chunks, corpus } = await assistant()
    const results = await evaluateAnswers(answerer, loadDevSet(), chunks)
    const s = scoreAnswers(results)
    expect(s.correct).toBeGreaterThanOrEqual(0.9)
    expect(s.abstentionRecall).toBeGreaterThanOrEqual(0.9)
    expect(s.falseAbstainRate).toBeLessThanOrEqual(0.05)
    for (const r of results) {
      const a = r.answer
      for (const c of [...a.citations, ...(a.related ?? [])])
        expect(verifyQuote(corpus, c), `${r.id} ${c.id}`).toBe(true)
      const markers = [...new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))]
      expect(markers, r.id).toEqual(a.citations.map((c) => c.n))
      if (a.answerable) expect(a.citations.length, r.id).toBeGreaterThan(0)
    }
  }, 120_000)

  it('follows ≥ 10 multi-turn dialogs', async () => {
    const { answerer, chunks } = await assistant()
    const dialogs = loadDialogs()
    expect(dialogs.length).toBeGreaterThanOrEqual(10)
    const turns = await evaluateDialogs(answerer, dialogs, chunks)
    const ok = turns.filter((t) => t.standaloneOk && t.factsOk && t.citationOk && t.answerableOk)
    expect(ok.length / turns.length).toBeGreaterThanOrEqual(0.9)
  }, 60_000)
})
