import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { projectPath } from '../../src/paths.ts'

describe('the app factory', () => {
  it('bundles for a runtime without Node built-ins (the Workers host)', async () => {
    const result = await build({
      entryPoints: [projectPath('src', 'server', 'app.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
    })
    expect(result.errors).toEqual([])
    const inputs = Object.keys(result.metafile?.inputs ?? {})
    expect(inputs.some((i) => i.endsWith('src/server/app.ts'))).toBe(true)
    // Nothing that needs the file system, native add-ons or the model runtime is pulled in.
    expect(inputs.filter((i) => /hnswlib|onnxruntime|@huggingface|src\/node\//.test(i))).toEqual([])
  })
})
