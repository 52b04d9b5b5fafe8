/** The part of `stopword` (v3, no bundled types) this project uses: its English list. */
declare module 'stopword' {
  export const eng: string[]
}
