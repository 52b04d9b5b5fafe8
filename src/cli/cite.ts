import { CITATION_STYLES, type CitationStyle } from '../cite/index.ts'
import { openAssistant } from '../node/assistant.ts'

/**
 * `cite "quote or claim" [--style apa|mla|chicago|bibtex]`: where the chapter says it (exact or
 * fuzzy, with the differences), or which sentences support a claim; then the formatted citation.
 */
export async function runCiteCommand(args: string[]): Promise<number> {
  const i = args.indexOf('--style')
  const style = (i === -1 ? 'apa' : args[i + 1]) as CitationStyle
  if (!CITATION_STYLES.includes(style)) {
    console.error(`unknown style "${style}"; use one of ${CITATION_STYLES.join(', ')}`)
    return 2
  }
  const text = args
    .filter((_, k) => (k !== i && k !== i + 1) || i === -1)
    .join(' ')
    .trim()
  if (!text) {
    console.error('usage: cite "quote or claim" [--style apa|mla|chicago|bibtex]')
    return 2
  }
  const ctx = await openAssistant({ build: true })
  const { citer } = ctx
  const r = await citer.cite(text, style)
  const verdicts = {
    exact: 'Found, word for word',
    fuzzy: 'Found, with differences',
    supported: 'Not a quotation; supported by',
    unsupported:
      'Not found in the chapter, and nothing in it supports this claim. Closest passages:',
  }
  console.log(verdicts[r.verdict])
  for (const m of r.matches) {
    const score =
      m.match === 'related'
        ? ` support ${m.similarity.toFixed(2)}${m.supports ? '' : ' (related only)'}`
        : ` similarity ${m.similarity}`
    console.log(`  [${m.n}] ${m.label} (chars ${m.start}–${m.end}, ${m.match}${score})`)
    console.log(`      “${m.quote}”`)
    for (const d of m.diff?.filter((x) => x.op === 'changed') ?? []) {
      if (d.op === 'changed')
        console.log(`      you wrote “${d.quote}”, the chapter says “${d.chapter}”`)
    }
    for (const c of m.conflicts ?? []) console.log(`      note: ${c}`)
  }
  console.log(`\n${r.citation}`)
  return 0
}
