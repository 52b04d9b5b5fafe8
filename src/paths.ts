import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string): string {
  let dir = from
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return dir
    const up = dirname(dir)
    if (up === dir) throw new Error(`no project root (package.json with corpus/) above ${from}`)
    dir = up
  }
}

/**
 * The project folder (with `package.json` and `corpus/`), found upward from this module: the same
 * answer from the TypeScript sources and from the bundle in `dist/`.
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)))

/** A path inside the project, e.g. `projectPath('corpus', 'chapter-08.txt')`. */
export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts)
