import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { chunkDocument } from '../chunk/chunk.ts'
import { type ChapterDocument, loadCorpus, sectionTree, validateDocument } from '../corpus/index.ts'
import type { SectionNode } from '../corpus/types.ts'

/** Default place of the JSON dump; `.tmp/` is not committed. */
export const DEFAULT_DOCUMENT_JSON = '.tmp/chapter-08.document.json'

/**
 * `corpus [--out FILE]`: prints the section tree with block counts, the repairs and the layout
 * noise, runs the cross-checks, and writes the whole structured document (with chunks) as JSON.
 * Returns the process exit code (1 when a cross-check fails).
 */
export function runCorpusCommand(
  args: string[],
  log: (line: string) => void = console.log,
): number {
  const outIndex = args.indexOf('--out')
  const out = resolve(
    outIndex === -1 ? DEFAULT_DOCUMENT_JSON : (args[outIndex + 1] ?? DEFAULT_DOCUMENT_JSON),
  )
  const { doc, sha256 } = loadCorpus()
  const chunks = chunkDocument(doc)
  log(`Chapter ${doc.chapter.number}: ${doc.chapter.title}`)
  log(`corpus sha256 ${sha256}`)
  log('')
  const print = (n: SectionNode, depth: number): void => {
    log(`${'  '.repeat(depth)}${n.id.padEnd(6)} ${n.title}  [${countsOf(doc, n.id)}]`)
    for (const c of n.children) print(c, depth + 1)
  }
  for (const n of sectionTree(doc)) print(n, 0)
  log('')
  const kinds = new Map<string, number>()
  for (const b of doc.blocks) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1)
  log(
    `blocks: ${[...kinds].map(([k, v]) => `${v} ${k}`).join(', ')}; boxes ${doc.boxes.length}; chunks ${chunks.length}`,
  )
  log('')
  log(`repairs (${doc.repairs.length}):`)
  for (const r of doc.repairs) {
    log(
      `  @${String(r.start).padStart(5)} ${r.rule.padEnd(13)} ${JSON.stringify(r.original)} → ${JSON.stringify(r.replacement)}  (${r.reason})`,
    )
  }
  log('')
  log(`layout noise (${doc.layoutNoise.length}):`)
  for (const n of doc.layoutNoise)
    log(`  @${String(n.start).padStart(5)} ${JSON.stringify(n.text)}  (${n.reason})`)
  const problems = validateDocument(doc)
  log('')
  log(problems.length === 0 ? 'cross-checks: all pass' : `cross-checks: ${problems.length} FAILED`)
  for (const p of problems) log(`  ${p.check} at ${p.where}: ${p.detail}`)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify({ sha256, ...doc, chunks }, null, 1)}\n`)
  log('')
  log(`wrote ${out}`)
  return problems.length === 0 ? 0 : 1
}

function countsOf(doc: ChapterDocument, sectionId: string): string {
  const counts = new Map<string, number>()
  for (const b of doc.blocks) {
    if (b.sectionId !== sectionId || b.kind === 'heading') continue
    counts.set(b.kind, (counts.get(b.kind) ?? 0) + 1)
  }
  return [...counts].map(([k, v]) => `${v} ${k}`).join(', ') || 'no blocks of its own'
}
