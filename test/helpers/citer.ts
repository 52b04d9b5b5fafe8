import type { CiteService } from '../../src/cite/index.ts'
import { assistant } from './assistant.ts'

/** The real citation service over the real data (built with the assistant, once per test file). */
export async function citeService(): Promise<CiteService> {
  return (await assistant()).citer
}
