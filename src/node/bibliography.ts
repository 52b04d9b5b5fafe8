import { readFileSync } from 'node:fs'
import { BibliographicRecord } from '../cite/format.ts'
import { projectPath } from '../paths.ts'

/** `corpus/chapter-08.meta.json`: the bibliographic record used to format citations. */
export const META_PATH = projectPath('corpus', 'chapter-08.meta.json')

/** Reads the bibliographic record, refusing a malformed one with the reason. */
export function loadBibliographicRecord(path: string = META_PATH): BibliographicRecord {
  return BibliographicRecord.parse(JSON.parse(readFileSync(path, 'utf8')))
}
