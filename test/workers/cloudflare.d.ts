// The parts of workerd's test modules these tests use (the full types come with
// @cloudflare/workers-types, which the rest of the project does not need).
declare module 'cloudflare:workers' {
  export const exports: {
    default: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> }
  }
}
declare module 'cloudflare:test' {
  type D1Database = import('../../src/insights/d1-store.ts').D1Like
  interface D1Migration {
    name: string
    queries: string[]
  }
  export const env: import('../../src/workers/config.ts').WorkerEnv & {
    DB: D1Database
    TEST_MIGRATIONS: D1Migration[]
  }
  export function applyD1Migrations(db: D1Database, migrations: D1Migration[]): Promise<void>
}
