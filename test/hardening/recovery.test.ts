import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/paths.ts'

// F5: with the model and the index gone, the server (heap capped at 384 MB as `npm start` caps
// it) crashed with a heap error while building the model in-process. It must build both in
// child processes with the memory they need, show progress, and then serve.
const withoutIndexDir = () => {
  const { INDEX_DIR: _, ...env } = process.env
  return env
}
const copy = mkdtempSync(join(tmpdir(), 'ca-recovery-'))
afterAll(() => rmSync(copy, { recursive: true, force: true }))

describe('F5: a server without its model and index', () => {
  it('builds them in child processes, then serves', async () => {
    for (const f of ['package.json', 'tsconfig.json', 'corpus', 'src', 'prompts'])
      cpSync(join(PROJECT_ROOT, f), join(copy, f), { recursive: true })
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'))
    mkdirSync(join(copy, 'models'))
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=384', '--import', 'tsx', 'src/cli/main.ts', 'serve'],
      {
        cwd: copy,
        env: { ...withoutIndexDir(), PORT: '0', LOG_LEVEL: 'silent', LLM_BASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${stderr}`)), 170_000)
      child.stderr.on('data', () => {
        const m = /ready in \d+ ms at (http:\/\/\S+)/.exec(stderr)
        if (m) {
          clearTimeout(timer)
          resolve(m[1] as string)
        }
      })
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)))
    })
    try {
      expect(stderr).toMatch(/not built yet; building it/)
      expect(stderr).toMatch(/building glove-sif-100d/)
      expect(stderr).toMatch(/indexing \d+ chunks/)
      expect(existsSync(join(copy, 'models', 'glove-sif-100d', 'onnx'))).toBe(true)
      const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean }
      expect(health.ok).toBe(true)
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  }, 180_000)
})
