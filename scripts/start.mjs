// `npm start`: brings dist/ up to date (esbuild, a fraction of a second when something changed),
// then runs the bundled server. The server builds a missing model or index itself, with progress.
import { buildAll } from './build.mjs'

const built = await buildAll()
if (built.length) console.error(`built ${built.join(', ')}`)
process.argv.splice(2, process.argv.length, 'serve')
await import('../dist/cli.mjs')
