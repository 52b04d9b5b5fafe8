import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_SOFT_TERMS } from '../../src/analysis/soft-match.ts'
import type { ChatTurn } from '../../src/answer/types.ts'
import { assistant } from '../helpers/assistant.ts'
import { medianCpu } from '../helpers/cpu.ts'

// Issue 14, bounded CPU per request, for texts whose words are new. A long conversation costs
// most when nothing in it was read before: every word no vocabulary knows is a spelling lookup
// (a scan of ≈ 30,000 candidates, ≈ 3 ms each before; 4 per text), and every word the word
// vectors know but no memo holds is a soft-matching scan of the chapter's 1,249 word forms
// (≈ 0.45 ms each before). The scans are cheaper now (the speller rules candidates out by their
// letters' masks; soft matching sums eight rows at a time), with the same results, and a text
// gets soft neighbours for its first 64 distinct terms only (MAX_SOFT_TERMS). The costs are
// compared in one run, as ratios.

/** A lower-case word of 6–8 letters that no dictionary has, drawn from `seed`. */
function nonword(seed: number): string {
  let x = (seed * 2654435761) >>> 0
  const n = 6 + (seed % 3)
  let w = ''
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    w += String.fromCharCode(97 + ((x >>> 16) % 26))
  }
  return w
}

const CHAPTER_WORDS = ['economy', 'patents', 'cooperation', 'energy', 'growth', 'papers', 'share']

/**
 * A conversation of three exchanges and a follow-up; each user text holds `fresh(k)` words
 * (non-words, or words the chapter uses) among the chapter's words.
 */
function conversation(
  fresh: (k: number) => string,
  /** A code in every text ("n3x1"), so that no reading of a text is shared between runs. */
  run: number,
): { question: string; history: ChatTurn[] } {
  const text = (t: number) =>
    `What about n${run}x${t} ${Array.from({ length: 6 }, (_, i) => `${fresh(t * 10 + i)} ${CHAPTER_WORDS[(t + i) % CHAPTER_WORDS.length]}`).join(' and ')}?`
  const history: ChatTurn[] = []
  for (let t = 0; t < 6; t++)
    history.push(
      t % 2 === 0
        ? { role: 'user', content: text(t) }
        : { role: 'assistant', content: 'The chapter does not cover that.' },
    )
  return { question: text(6), history }
}

/** Words the model's vocabulary knows and the chapter never uses, in vocabulary order. */
function unseenWords(): string[] {
  const tokenizer = JSON.parse(readFileSync('models/glove-sif-100d/tokenizer.json', 'utf8')) as {
    model: { vocab: Record<string, number> }
  }
  const chapter = readFileSync('corpus/chapter-08.txt', 'utf8').toLowerCase()
  return Object.keys(tokenizer.model.vocab)
    .slice(2_000, 60_000)
    .filter((w) => /^[a-z]{5,}$/.test(w) && !chapter.includes(w))
}

describe('texts of new words', () => {
  it('a conversation of non-words costs a small multiple of the same conversation in known words', async () => {
    const { answerer } = await assistant()
    const known = (i: number) => {
      const { question, history } = conversation(
        (k) => CHAPTER_WORDS[(i + k) % CHAPTER_WORDS.length] as string,
        i,
      )
      return answerer.answer(question, history)
    }
    // Every run's non-words are new: no memo has looked them up.
    const unknown = (i: number) => {
      const { question, history } = conversation((k) => nonword(1_000 * (i + 1) + k), i)
      return answerer.answer(question, history)
    }
    for (let i = 0; i < 3; i++) {
      await known(900 + i)
      await unknown(900 + i)
    }
    const base = Math.max(1, await medianCpu(9, known))
    const worst = await medianCpu(9, unknown)
    // 16 spelling lookups a request (4 texts × 4): ≈ 1.9–2.4 × now, 5.5–8 × before.
    expect(worst / base, `${worst.toFixed(1)} / ${base.toFixed(1)} ms`).toBeLessThan(3.5)
  })

  it('a text of words no memo holds pays soft-matching scans for its first 64 terms only', async () => {
    const { answerer } = await assistant()
    const soft = answerer.analysis.soft
    if (!soft) throw new Error('the default model has word vectors')
    const unseen = unseenWords()
    let next = 0
    /** `n` distinct words, each used once in this test. */
    const fresh = (n: number) => {
      next += n
      return unseen.slice(next - n, next).join(' ')
    }
    // Read before every measured run (the soft matcher's memo holds them).
    const read = unseen.slice(-200).join(' ')
    soft.termsOf(read)
    const someNew = async () => soft.termsOf(`${fresh(MAX_SOFT_TERMS)} ${read}`)
    const allNew = async () => soft.termsOf(`${fresh(MAX_SOFT_TERMS)} ${fresh(200)}`)
    for (let i = 0; i < 3; i++) {
      await someNew()
      await allNew()
    }
    // The two alternate, so that the machine's load and the collector weigh on both alike.
    const [someCosts, allCosts] = [[] as number[], [] as number[]]
    for (let i = 0; i < 15; i++) {
      someCosts.push(await medianCpu(1, someNew))
      allCosts.push(await medianCpu(1, allNew))
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
    const base = Math.max(0.5, median(someCosts))
    const worst = median(allCosts)
    // The same 64 scans in both now (≈ 1 ×); before, 200 more in the second (≈ 3–4 ×).
    expect(worst / base, `${worst.toFixed(1)} / ${base.toFixed(1)} ms`).toBeLessThan(1.6)
    // Within the bound, every term is matched as before: a text's soft terms are its own.
    const text = fresh(40)
    expect([...soft.termsOf(text).keys()]).toEqual(
      [...soft.termsOf(`${text} ${fresh(200)}`).keys()].slice(0, soft.termsOf(text).size),
    )
  })
})
