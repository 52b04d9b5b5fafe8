import { searchTerm } from '../text/normalize.ts'

/**
 * Synonyms of question words among the chapter's words, by search term (stem): `nation →
 * {countri}`, `job → {occup}`. A question term's synonyms are credited in soft matching as close
 * words (see `soft-match.ts`).
 */
export type Synonyms = ReadonlyMap<string, ReadonlySet<string>>

/**
 * How many of a word's WordNet senses count, most frequent first. Rare senses join unrelated
 * words ("labor" and "project" share the sense "a task"; "capital" and "uppercase"): two words are
 * synonyms only when a shared synset is among the first senses of both. Of 1, 2 and 3, 3 scored
 * best on the tune splits (tune3, tune6, tune9, tune10), and no better than no synonyms at all.
 */
export const WORDNET_SENSES = 3

/**
 * Reads synonyms of the chapter's words from WordNet's index files (`index.noun`, `index.verb`,
 * `index.adj`, `index.adv`: one lemma per line, its synset offsets last, most frequent sense first):
 * two lemmas are synonyms when they share a synset among their first `senses` senses. Only pairs
 * where one side is a word of the chapter are kept, keyed by the other side's search term.
 * Multi-word lemmas ("line_of_work") are left out: questions are matched word by word.
 *
 * @example
 * const syn = wordNetSynonyms([readFileSync('…/dict/index.noun', 'utf8')], chapterWords)
 * syn.get('nation') // Set { 'countri', … }
 */
export function wordNetSynonyms(
  indexFiles: readonly string[],
  chapterWords: Iterable<string>,
  senses: number = WORDNET_SENSES,
): Synonyms {
  const chapter = new Set<string>()
  for (const w of chapterWords) {
    const t = searchTerm(w.toLowerCase())
    if (t) chapter.add(t)
  }
  const out = new Map<string, Set<string>>()
  indexFiles.forEach((file, pos) => {
    // Synset offsets are unique within one part of speech only.
    const members = new Map<string, string[]>()
    for (const line of file.split('\n')) {
      if (line.startsWith(' ') || line.length === 0) continue
      const fields = line.trim().split(/\s+/)
      const lemma = fields[0] ?? ''
      if (!/^[a-z][a-z-]*$/.test(lemma)) continue
      const count = Number(fields[2])
      if (!Number.isFinite(count) || count < 1) continue
      const offsets = fields.slice(fields.length - count).slice(0, senses)
      const term = searchTerm(lemma)
      if (!term) continue
      for (const o of offsets) {
        const key = `${pos}:${o}`
        const list = members.get(key)
        if (list) list.push(term)
        else members.set(key, [term])
      }
    }
    for (const terms of members.values()) {
      const inChapter = terms.filter((t) => chapter.has(t))
      if (inChapter.length === 0) continue
      for (const t of terms)
        for (const c of inChapter) {
          if (c === t) continue
          const set = out.get(t) ?? new Set<string>()
          set.add(c)
          out.set(t, set)
        }
    }
  })
  return out
}
