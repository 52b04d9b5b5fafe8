import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectPath } from '../../src/paths.ts'

// The module graph of src/, read from the import and export statements (type-only ones too: a
// cycle of types is still two modules that cannot be understood apart).

const SRC = projectPath('src')
/** The hosts and the command line: they assemble the core, the core never imports them. */
const HOST_FOLDERS = ['node', 'workers', 'cli']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every file of src/ (relative to src/) with the files of src/ it imports. */
function moduleGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    const deps = new Set<string>()
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? ''
      if (!spec.startsWith('.')) continue
      const target = relative(SRC, resolve(dirname(file), spec))
      if (!target.startsWith('..')) deps.add(target)
    }
    graph.set(relative(SRC, file), [...deps])
  }
  return graph
}

/** The import cycles among the files `within` accepts (each as its path of files). */
function cycles(graph: Map<string, string[]>, within: (file: string) => boolean): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const dep of graph.get(file) ?? []) {
      if (!within(dep) || !graph.has(dep)) continue
      if (state.get(dep) === 'open') found.push([...stack.slice(stack.indexOf(dep)), dep])
      else if (!state.has(dep)) visit(dep)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (within(file) && !state.has(file)) visit(file)
  return found
}

const graph = moduleGraph()
const topFolder = (file: string) => file.split('/')[0] ?? ''

describe('the module graph of src/', () => {
  it('is read: the app imports each of its routes, and each route the shared types', () => {
    const app = graph.get('server/app.ts') ?? []
    const routes = [...graph.keys()].filter((f) => f.startsWith('server/routes/'))
    expect(routes.length).toBeGreaterThanOrEqual(10)
    for (const route of routes) expect(app).toContain(route)
    expect(graph.get('server/routes/ask.ts')).toContain('server/types.ts')
  })

  it('has no cycle between server/app.ts and server/routes/*, nor anywhere in server/', () => {
    expect(cycles(graph, (f) => f.startsWith('server/'))).toEqual([])
    // No route imports the app that mounts it, nor another route.
    for (const [file, deps] of graph)
      if (file.startsWith('server/routes/'))
        expect(
          deps.filter((d) => d === 'server/app.ts' || d.startsWith('server/routes/')),
          file,
        ).toEqual([])
  })

  it('has no cycle at all', () => {
    expect(cycles(graph, () => true)).toEqual([])
  })

  it('keeps the core free of host code: only the hosts and the CLI import src/node or src/workers', () => {
    const wrong = [...graph]
      .filter(([file]) => !HOST_FOLDERS.includes(topFolder(file)))
      .flatMap(([file, deps]) =>
        deps
          .filter((d) => ['node', 'workers'].includes(topFolder(d)))
          .map((d) => `${file} -> ${d}`),
      )
    expect(wrong).toEqual([])
  })

  it('keeps the Workers host off the Node host, and the Node host off the Workers host', () => {
    const across = [...graph].flatMap(([file, deps]) =>
      deps
        .filter(
          (d) =>
            (topFolder(file) === 'node' && topFolder(d) === 'workers') ||
            (topFolder(file) === 'workers' &&
              !file.startsWith('workers/build/') &&
              topFolder(d) === 'node'),
        )
        .map((d) => `${file} -> ${d}`),
    )
    expect(across).toEqual([])
  })
})
