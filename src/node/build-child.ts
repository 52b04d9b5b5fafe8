import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { projectPath } from '../paths.ts'

/**
 * Heap for a build child, in MB. Building `glove-sif-100d` reads ≈300 MB of JSON into ≈1.1 GB of
 * objects, far beyond the server's own heap (`npm start` caps it at 384 MB).
 */
export const BUILD_HEAP_MB = 2048

/** The command line that runs a CLI command: the bundle when it is built, the sources otherwise. */
function cliCommand(command: string, args: readonly string[]): string[] {
  const bundle = projectPath('dist', 'cli.mjs')
  const heap = `--max-old-space-size=${BUILD_HEAP_MB}`
  return existsSync(bundle)
    ? [heap, bundle, command, ...args]
    : [heap, '--import', 'tsx', projectPath('src', 'cli', 'main.ts'), command, ...args]
}

/**
 * Runs a build command (`build-model`, `index`) in a child process with the memory it needs, its
 * progress bar on this process's stderr, and resolves when it succeeded. A failure rejects with
 * the child's exit status, so a supervisor sees one clear error instead of a heap crash loop.
 */
export function buildInChild(
  command: 'build-model' | 'index',
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliCommand(command, args), {
      cwd: projectPath(),
      env,
      // The child's progress bar draws on our terminal; its result line goes to our stderr.
      stdio: ['ignore', process.stderr, 'inherit'],
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (code === 0) resolve()
      else
        reject(
          new Error(
            `"${command}" failed (${signal ?? `exit ${code}`}); run \`npm run ${command === 'index' ? 'index' : 'build:model'}\` to see why`,
          ),
        )
    })
  })
}
