// The parts of workerd's test modules these tests use (the full types come with
// @cloudflare/workers-types, which the rest of the project does not need).
declare module 'cloudflare:workers' {
  export const exports: {
    default: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> }
  }
}
declare module 'cloudflare:test' {
  export const env: import('../../src/workers/config.ts').WorkerEnv
}
