import { type AssistantContext, openAssistant } from '../../src/node/assistant.ts'

let ctx: Promise<AssistantContext> | undefined
/** The real assistant data (committed model and index), opened once per test file. */
export function assistant(): Promise<AssistantContext> {
  ctx ??= openAssistant({
    build: false,
    embedding: { modelId: 'glove-sif-100d', allowRemote: false, loadTimeoutMs: 60_000 },
  })
  return ctx
}
