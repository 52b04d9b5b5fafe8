import { readFileSync } from 'node:fs'
import { CORPUS_PATH, parseChapter } from '../../src/corpus/index.ts'
import type { ChapterDocument } from '../../src/corpus/types.ts'

/** The original file, read once per test file. */
export const RAW = readFileSync(CORPUS_PATH, 'utf8')

let cached: ChapterDocument | undefined
/** The parsed chapter, parsed once per test file. */
export function doc(): ChapterDocument {
  cached ??= parseChapter(RAW)
  return cached
}
