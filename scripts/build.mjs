// Builds what the server runs and serves, with esbuild:
//   dist/cli.mjs   the command line and server, bundled from src/ with its pure-JS dependencies
//   dist/widget.js the embeddable chat widget (src/widget/), minified, for browsers
//   dist/reader.js the reader page's script
// Skips a target whose output is newer than every source file. Usage: node scripts/build.mjs [--force]
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const force = process.argv.includes('--force')

function newest(dir) {
  let t = 0
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const s = statSync(p)
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs)
  }
  return t
}

const targets = [
  {
    out: 'dist/cli.mjs',
    sources: ['src'],
    options: {
      entryPoints: ['src/cli/main.ts'],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // The pure-JS dependencies are bundled: resolving and loading hundreds of module files was
      // a third of the server's start. Native add-ons, the model runtime (which finds its own
      // files) and the dev-only tools stay external.
      external: [
        'hnswlib-node',
        'onnxruntime-node',
        '@huggingface/transformers',
        'sharp',
        'esbuild',
        'autocannon',
        'better-sqlite3',
      ],
      // CommonJS dependencies inside an ES module bundle need a `require`.
      banner: {
        js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
      },
      sourcemap: 'linked',
    },
  },
  {
    // The insights database's thread (src/node/insights-thread.ts starts it beside dist/cli.mjs).
    out: 'dist/insights-worker.mjs',
    sources: ['src'],
    options: {
      entryPoints: ['src/node/insights-worker.ts'],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3', 'esbuild'],
      banner: {
        js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
      },
    },
  },
  {
    out: 'dist/widget.js',
    sources: ['src/widget'],
    entry: 'src/widget/widget.ts',
    options: {
      entryPoints: ['src/widget/widget.ts'],
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
    },
  },
  {
    out: 'dist/reader.js',
    sources: ['src/widget'],
    entry: 'src/widget/reader.ts',
    options: {
      entryPoints: ['src/widget/reader.ts'],
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
    },
  },
]

/** Builds the stale targets; returns the list of outputs built. */
export async function buildAll() {
  const built = []
  let esbuild
  for (const t of targets) {
    if (t.entry && !existsSync(join(root, t.entry))) continue
    const out = join(root, t.out)
    const stale =
      force ||
      !existsSync(out) ||
      Math.max(
        ...t.sources.map((s) => newest(join(root, s))),
        // A changed dependency (the lock file) is a change to what dist/cli.mjs bundles.
        ...['package.json', 'package-lock.json'].map((f) => statSync(join(root, f)).mtimeMs),
      ) > statSync(out).mtimeMs
    if (!stale) continue
    esbuild ??= await import('esbuild')
    await esbuild.build({
      ...t.options,
      absWorkingDir: root,
      bundle: true,
      outfile: out,
      logLevel: 'warning',
    })
    built.push(t.out)
  }
  return built
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildAll()
  console.error(built.length ? `built ${built.join(', ')}` : 'dist/ is up to date')
}
