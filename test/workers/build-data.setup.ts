import { execFileSync } from 'node:child_process'

/** Writes dist/worker/ (`npm run build:worker`) before the workerd tests load the Worker. */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build:worker'], { stdio: 'inherit' })
}
