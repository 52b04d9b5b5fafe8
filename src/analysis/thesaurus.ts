import { searchTerms } from '../text/normalize.ts'
import type { Synonyms } from './synonyms.ts'

/** One entry of the chapter thesaurus: a word or phrase of the chapter, and what readers say instead. */
export interface ThesaurusEntry {
  /** A word or phrase as the chapter prints it ("labor force", "patient capital"). */
  chapter: string
  /** Everyday words or short phrases for it ("workers", "long-term investment"). */
  variants: readonly string[]
}

/**
 * A reader's word that stands for this many chapter phrases or more says nothing particular
 * ("people", "area", "new"): it is left out, so that it credits none of them.
 */
export const MAX_PHRASES_PER_WORD = 4

/**
 * Synonyms (see `synonyms.ts`) from thesaurus entries: each search term of a variant stands for
 * the search terms of its chapter phrase. Soft matching credits a sentence that says the chapter's
 * phrase for a question that says the variant ("online shopping" finds "e-commerce"; "long-term
 * investment" finds "patient capital"). A variant's own term that is also the phrase's is not
 * repeated, and a term shared by too many phrases ({@link MAX_PHRASES_PER_WORD}) is dropped.
 * Every term of a many-word variant counts, not only its last (head) word: on the tune splits the
 * two scored alike, and every term scored better on the dev set.
 *
 * @example
 * thesaurusSynonyms([{ chapter: 'e-commerce', variants: ['online shopping'] }]).get('shop') // Set { 'commerc', … }
 */
export function thesaurusSynonyms(entries: readonly ThesaurusEntry[]): Synonyms {
  const out = new Map<string, Set<string>>()
  const phrases = new Map<string, Set<string>>()
  for (const e of entries) {
    const target = new Set(searchTerms(e.chapter))
    if (target.size === 0) continue
    for (const v of e.variants)
      for (const t of searchTerms(v)) {
        if (target.has(t) || /^\d/.test(t)) continue
        const set = out.get(t) ?? new Set<string>()
        for (const c of target) set.add(c)
        out.set(t, set)
        const seen = phrases.get(t) ?? new Set<string>()
        seen.add(e.chapter.toLowerCase())
        phrases.set(t, seen)
      }
  }
  for (const [t, seen] of phrases) if (seen.size >= MAX_PHRASES_PER_WORD) out.delete(t)
  return out
}
