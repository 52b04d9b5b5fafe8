import type { Answer } from '../../answer/types.ts'
import { openAssistant } from '../../node/assistant.ts'
import { composeWorkerAssistant, loadWorkerData } from '../assistant.ts'
import { asModules, type BuildSources, dataSize, workerDataFiles } from './build-data.ts'
import { askDialog, parityDialogs } from './questions.ts'

/** How one vocabulary size compares with the full model on the Node host. */
export interface VocabularyMeasure {
  mostFrequent: number
  rows: number
  gzipBytes: number
  /** Dense recall@5 on the dev set: Workers data, and Node (full model). */
  denseRecallAt5: { worker: number; node: number }
  /** Dev questions whose hybrid top 5 differs from Node's. */
  retrievalDiffers: number
  /** Per question set: turns answered, and turns whose answer or citations differ from Node's. */
  answers: Array<{ set: string; turns: number; differ: number; examples: string[] }>
}

const K = 5

/**
 * Runs the Workers host's code on Node with each vocabulary size and compares it with the Node
 * host: data size, dense recall, retrieval and answers. What `build:worker -- --measure` prints.
 */
export async function measureVocabularies(
  sources: BuildSources,
  sizes: readonly number[],
): Promise<VocabularyMeasure[]> {
  const node = await openAssistant({ build: false, llm: null })
  const sets = parityDialogs(process.env.ROBUST_DIR || undefined)
  const dev = sets.find((s) => s.set === 'dev')?.dialogs ?? []
  const recall = async (search: (q: string) => Promise<string[]>) => {
    let hit = 0
    for (const q of dev) {
      const ids = await search(q.questions[0] as string)
      if ((q.gold ?? []).some((g) => ids.includes(g))) hit++
    }
    return hit / dev.filter((q) => (q.gold ?? []).length > 0).length
  }
  const nodeRecall = await recall(async (q) =>
    (await node.retriever.search(q, { mode: 'dense', k: K })).map((h) => h.id),
  )
  const nodeAnswers = new Map<string, Answer[]>()
  for (const s of sets)
    for (const d of s.dialogs) {
      const answers = await askDialog(
        async (q, h) => (await node.service.ask(q, h)).answer,
        d.questions,
      )
      nodeAnswers.set(`${s.set}/${d.id}`, answers)
    }
  const out: VocabularyMeasure[] = []
  for (const mostFrequent of sizes) {
    const files = workerDataFiles(sources, mostFrequent)
    const data = loadWorkerData(asModules(files))
    const worker = composeWorkerAssistant(data, { llm: null, answerCacheSize: 0 })
    let retrievalDiffers = 0
    for (const q of dev) {
      const text = q.questions[0] as string
      const a = (await worker.retriever.search(text, { k: K })).map((h) => h.id).join()
      const b = (await node.retriever.search(text, { k: K })).map((h) => h.id).join()
      if (a !== b) retrievalDiffers++
    }
    const answers: VocabularyMeasure['answers'] = []
    for (const s of sets) {
      let turns = 0
      let differ = 0
      const examples: string[] = []
      for (const d of s.dialogs) {
        const mine = await askDialog(
          async (q, h) => (await worker.service.ask(q, h)).answer,
          d.questions,
        )
        const theirs = nodeAnswers.get(`${s.set}/${d.id}`) ?? []
        mine.forEach((a, i) => {
          turns++
          if (JSON.stringify(a) !== JSON.stringify(theirs[i])) {
            differ++
            if (examples.length < 3) examples.push(`${d.id}: ${d.questions[i]}`)
          }
        })
      }
      answers.push({ set: s.set, turns, differ, examples })
    }
    out.push({
      mostFrequent,
      rows: data.meta.vocabulary.rows,
      gzipBytes: dataSize(files).gzip,
      denseRecallAt5: {
        worker: await recall(async (q) =>
          (await worker.retriever.search(q, { mode: 'dense', k: K })).map((h) => h.id),
        ),
        node: nodeRecall,
      },
      retrievalDiffers,
      answers,
    })
  }
  return out
}
