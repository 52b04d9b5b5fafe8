/**
 * The chapter as a structured document: parsing (pure), cross-checks, navigation helpers and the
 * loader that reads the committed corpus file.
 */
export { CORPUS_PATH, CORPUS_SHA256, type LoadedCorpus, loadCorpus, sha256 } from './load.ts'
export { originalSpan } from './mapped-text.ts'
export { parseChapter } from './parse.ts'
export { REVIEWED_WORDS } from './repairs.ts'
export { blocksOfSection, findSection, sectionPath, sectionTree } from './tree.ts'
export type * from './types.ts'
export { type ValidationProblem, validateDocument, validateTable } from './validate.ts'
