// The Worker's data modules (dist/worker/, written by `npm run build:worker`): wrangler bundles
// `.txt` as Text and `.bin` as Data. Declared by pattern so that type-checking does not need them.
declare module '*/dist/worker/vocab.txt' {
  const text: string
  export default text
}
declare module '*/dist/worker/speller.txt' {
  const text: string
  export default text
}
declare module '*/dist/worker/chapter.txt' {
  const text: string
  export default text
}
declare module '*/dist/worker/document.txt' {
  const text: string
  export default text
}
declare module '*/dist/worker/bm25.minisearch.txt' {
  const text: string
  export default text
}
declare module '*/dist/worker/table.bin' {
  const data: ArrayBuffer
  export default data
}
declare module '*/dist/worker/vectors.bin' {
  const data: ArrayBuffer
  export default data
}
declare module '*/dist/worker/meta.json' {
  const meta: import('./data-format.ts').WorkerMeta
  export default meta
}
declare module '*/dist/worker/extras.json' {
  const extras: import('./data-format.ts').WorkerExtras
  export default extras
}
declare module '*/dist/worker/migrations.json' {
  const migrations: import('../insights/types.ts').Migration[]
  export default migrations
}
