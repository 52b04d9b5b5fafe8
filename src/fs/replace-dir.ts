import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Puts a fully written folder `from` in the place of `target`: the old one is moved aside, the new
 * one renamed in, the old one removed. A reader sees the old folder or the new one, never a half.
 *
 * @example
 * replaceDir('index.tmp-123', 'index')
 */
export function replaceDir(from: string, target: string): void {
  const old = `${target}.old-${process.pid}`
  mkdirSync(dirname(target), { recursive: true })
  try {
    renameSync(target, old)
  } catch {
    // nothing there yet
  }
  renameSync(from, target)
  rmSync(old, { recursive: true, force: true })
}
