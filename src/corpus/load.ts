import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { projectPath } from '../paths.ts'
import { parseChapter } from './parse.ts'
import type { ChapterDocument } from './types.ts'

/** The chapter file every offset points into. Never edited. */
export const CORPUS_PATH = projectPath('corpus', 'chapter-08.txt')

/** sha256 of the original file as supplied (see corpus/README.md). */
export const CORPUS_SHA256 = 'ed0a8af3916a3a0330a5b66d92eaceef0d3cc8fd6ef89baa83422c7ba1f84b2d'

/** Hex sha256 of a string's UTF-8 bytes. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}

/** The loaded corpus: its raw text, checksum and parsed model. */
export interface LoadedCorpus {
  raw: string
  sha256: string
  doc: ChapterDocument
}

/**
 * Reads and parses the chapter. Refuses a file whose checksum differs from the one supplied,
 * because every stored offset would then point at the wrong characters.
 */
export function loadCorpus(path: string = CORPUS_PATH): LoadedCorpus {
  const bytes = readFileSync(path)
  const sum = sha256(bytes)
  if (path === CORPUS_PATH && sum !== CORPUS_SHA256) {
    throw new Error(
      `${path} has sha256 ${sum}, expected ${CORPUS_SHA256}: restore it byte for byte from ../shared/corpus/chapter-08.txt`,
    )
  }
  const raw = bytes.toString('utf8')
  return { raw, sha256: sum, doc: parseChapter(raw) }
}
