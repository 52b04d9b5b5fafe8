/**
 * An item inside a list is a few words ("means of labor", "innovative allocation of production
 * factors"); a segment longer than this (in characters) is a clause that may end with a list's
 * first item ("data has emerged as the fifth factor after land"), not a middle item.
 */
const MAX_ITEM_CHARS = 50

/**
 * The lengths of the lists a sentence enumerates: items between commas, the last one opened by
 * "and" or "or" ("high technology, high efficiency, and high quality" is 3). A list closes at its
 * "and"/"or" item, and what follows may open the next one: "They are characterized by advancements
 * of laborers, means of labor, objects of labor, and optimalization of their combinations, and
 * are in alignment with the concepts of innovation, coordination, green, openness, and sharing"
 * lists 4, then 5 (the "and are …" clause between them is no item of either).
 *
 * @example
 * listLengths('A, B, and C, which spans X, Y, and Z.') // [3, 3]
 */
export function listLengths(sentence: string): number[] {
  const out: number[] = []
  for (const clause of sentence.split(/[;:]/)) {
    const segments = clause.split(/,\s+/)
    let count = 1
    for (const [i, raw] of segments.entries()) {
      if (i === 0) continue
      const segment = raw.trim()
      if (/^(?:and|or)\s/i.test(segment)) {
        // The last item closes a list; an "and" with no list before it opens one ("and are in
        // alignment with the concepts of innovation").
        if (count >= 2) {
          out.push(count + 1)
          count = 0
        } else count = 1
      } else if (segment.length > MAX_ITEM_CHARS || count === 0) count = 1
      else count++
    }
  }
  return out
}
