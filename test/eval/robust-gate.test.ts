import { describe, expect, it } from 'vitest'
import { verifyQuote } from '../../src/cite/verify.ts'
import {
  evaluateRobust,
  judgeAnswer,
  loadRobustSplit,
  overlappingIds,
  ROBUST_FAMILIES,
  scoreRobust,
  TUNE_SPLITS,
} from '../../src/eval/robust.ts'
import { assistant } from '../helpers/assistant.ts'

/**
 * The held-out split's gate: the level reached when the split was last measured (see the README's
 * "Questions in users' own words"), so a change that loses ground fails. The split is never used
 * to choose rules; this gate only keeps what was reached.
 */
const TEST_SPLIT_FLOOR = 0.89

/**
 * Test items whose question also stands in a tuning split: eight from the writers' shared brief
 * (tune), one each that the later tune2 and tune3 writers happened to write as well (the tune4
 * writer wrote test-refusal-06 too).
 */
const KNOWN_OVERLAP = [
  'test-keyword-01',
  'test-keyword-05',
  'test-keyword-06',
  'test-keyword-10',
  'test-multi-part-05',
  'test-refusal-06',
  'test-refusal-10',
  'test-table-01',
  'test-table-15',
  'test-yes-no-01',
]

describe('the robustness set (eval/robust/)', () => {
  it('has ≥ 300 items, ≥ 30 per family over both splits, with evidence spans that point into the chapter', async () => {
    const { corpus } = await assistant()
    const tune = loadRobustSplit('tune', corpus.raw)
    const test = loadRobustSplit('test', corpus.raw)
    const tunes = TUNE_SPLITS.map((split) => loadRobustSplit(split, corpus.raw))
    expect(tune.length + test.length).toBeGreaterThanOrEqual(300)
    for (const f of ROBUST_FAMILIES)
      expect([...tune, ...test].filter((i) => i.family === f).length, f).toBeGreaterThanOrEqual(30)
    // Both writers were briefed with the same example queries, so 8 test items repeat a tune
    // question; the report scores the test split without them too. No more may creep in.
    expect([...overlappingIds(test, ...tunes)].sort()).toEqual(KNOWN_OVERLAP)
  })

  it('judges an answer by answerability, verdict, every fact and a citation of every evidence span', () => {
    const expect1 = {
      answerable: true,
      facts: ['49.77', ['Switzerland', 'Swiss']],
      evidence: [{ text: 'x', start: 100, end: 120 }],
    }
    const base = {
      answer: 'In Table 8.3, Switzerland has the highest share: 49.77%. [1]',
      answerable: true,
      standaloneQuestion: 'q',
      citations: [
        {
          n: 1,
          id: 'r',
          label: '',
          section: 'II.4',
          sectionTitle: '',
          kind: 'table-row' as const,
          quote: '',
          start: 110,
          end: 130,
        },
      ],
    }
    expect(judgeAnswer(base, expect1)).toEqual([])
    expect(judgeAnswer({ ...base, answer: 'Switzerland. [1]' }, expect1)).toEqual([
      'missing fact "49.77"',
    ])
    expect(
      judgeAnswer({ ...base, citations: [{ ...base.citations[0]!, start: 0, end: 100 }] }, expect1),
    ).toHaveLength(1)
    expect(judgeAnswer({ ...base, answerable: false }, expect1)).toEqual([
      'refused an answerable question',
    ])
    expect(judgeAnswer(base, { ...expect1, verdict: 'no' })).toEqual([
      'verdict (none), expected no',
    ])
    expect(judgeAnswer(base, { answerable: false, facts: [], evidence: [] })).toEqual([
      'answered a question it must refuse',
    ])
  })

  it(`the held-out test split stays at ≥ ${TEST_SPLIT_FLOOR * 100}% correct, and every answer's quotes verify`, async () => {
    const { corpus, service } = await assistant()
    const items = loadRobustSplit('test', corpus.raw)
    const results = await evaluateRobust(async (q, h) => (await service.ask(q, h)).answer, items)
    const scores = scoreRobust(results)
    expect(scores.overall.rate).toBeGreaterThanOrEqual(TEST_SPLIT_FLOOR)
    for (const r of results)
      for (const t of r.turns) {
        const a = t.answer
        for (const c of [...a.citations, ...(a.related ?? [])])
          expect(verifyQuote(corpus, c), `${r.id} ${c.id}`).toBe(true)
        const markers = [...new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))]
        expect(markers, r.id).toEqual(a.citations.map((c) => c.n))
        if (a.verdict === 'yes') expect(a.answer.startsWith('Yes.'), r.id).toBe(true)
        if (a.verdict === 'no') expect(a.answer.startsWith('No.'), r.id).toBe(true)
      }
  }, 180_000)
})
