import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Chunk } from '../chunk/chunk.ts'
import type { CiteService } from '../cite/index.ts'
import type { ChapterDocument } from '../corpus/types.ts'
import { projectPath } from '../paths.ts'

export const CITE_SET_PATH = projectPath('eval', 'cite-set.json')

const Item = z.object({
  id: z.string(),
  kind: z.enum(['quote', 'fabricated', 'claim', 'unsupported']),
  text: z.string().min(1),
  alteration: z.string(),
  gold: z.array(z.string()),
})
export type CiteItem = z.infer<typeof Item>

export function loadCiteSet(path: string = CITE_SET_PATH): CiteItem[] {
  return z
    .object({ description: z.string(), items: z.array(Item).min(1) })
    .parse(JSON.parse(readFileSync(path, 'utf8'))).items
}

export interface CiteItemResult {
  item: CiteItem
  verdict: string
  topMatch: string | null
  ok: boolean
  detail: string
}

export interface CiteScores {
  quotes: number
  quotesLocated: number
  fabricated: number
  fabricatedAccepted: number
  claims: number
  claimsWithGoldInTop3: number
  claimsSupported: number
  unsupported: number
  unsupportedMarkedSupported: number
}

/**
 * Runs the citation eval set: a quote counts as located when the top match is exact or fuzzy and
 * overlaps a gold block; a fabricated quote must get neither; a claim counts when a gold passage is
 * among the top 3 matches; an unsupported claim must not be marked supported.
 */
export async function evaluateCitations(
  citer: CiteService,
  doc: ChapterDocument,
  chunks: readonly Chunk[],
  items: readonly CiteItem[],
): Promise<{ scores: CiteScores; results: CiteItemResult[] }> {
  const spanOf = (id: string) =>
    doc.blocks.find((b) => b.id === id) ?? chunks.find((c) => c.id === id)
  const overlapsGold = (m: { start: number; end: number }, gold: string[]) =>
    gold.map(spanOf).some((g) => g && m.start < g.end && g.start < m.end)
  const results: CiteItemResult[] = []
  for (const item of items) {
    const r = await citer.cite(item.text)
    const top = r.matches[0]
    let ok = false
    if (item.kind === 'quote') ok = !!top && top.match !== 'related' && overlapsGold(top, item.gold)
    else if (item.kind === 'fabricated') ok = r.matches.every((m) => m.match === 'related')
    else if (item.kind === 'claim')
      ok = r.matches.slice(0, 3).some((m) => overlapsGold(m, item.gold))
    else ok = r.verdict !== 'supported' && r.mode === 'claim'
    results.push({
      item,
      verdict: r.verdict,
      topMatch: top ? `${top.match} ${top.label}` : null,
      ok,
      detail: top ? top.quote.slice(0, 90) : '',
    })
  }
  const of = (k: CiteItem['kind']) => results.filter((x) => x.item.kind === k)
  return {
    results,
    scores: {
      quotes: of('quote').length,
      quotesLocated: of('quote').filter((x) => x.ok).length,
      fabricated: of('fabricated').length,
      fabricatedAccepted: of('fabricated').filter((x) => !x.ok).length,
      claims: of('claim').length,
      claimsWithGoldInTop3: of('claim').filter((x) => x.ok).length,
      claimsSupported: of('claim').filter(
        (x) => x.verdict === 'supported' || x.verdict === 'exact' || x.verdict === 'fuzzy',
      ).length,
      unsupported: of('unsupported').length,
      unsupportedMarkedSupported: of('unsupported').filter((x) => !x.ok).length,
    },
  }
}
