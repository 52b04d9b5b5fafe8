/** An OpenAI-compatible Chat Completions endpoint, from the environment. Off unless a base URL is set. */
export interface LlmConfig {
  baseURL: string
  apiKey: string
  model: string
  timeoutMs: number
  /** Ask the endpoint to stream (the text is still checked as a whole before it is shown). */
  stream: boolean
}

/**
 * `LLM_BASE_URL` (e.g. `http://localhost:11434/v1`), `LLM_API_KEY`, `LLM_MODEL`,
 * `LLM_TIMEOUT_MS` (default 20000), `LLM_STREAM=1`. Returns `null` when `LLM_BASE_URL` is unset:
 * the assistant then answers extractively.
 */
export function llmConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): LlmConfig | null {
  const baseURL = env.LLM_BASE_URL?.trim()
  if (!baseURL) return null
  const timeout = Number(env.LLM_TIMEOUT_MS ?? 20_000)
  return {
    baseURL,
    apiKey: env.LLM_API_KEY ?? 'not-needed',
    model: env.LLM_MODEL ?? 'gpt-4o-mini',
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 20_000,
    stream: /^(1|true|yes)$/i.test(env.LLM_STREAM ?? ''),
  }
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** One completion, streamed or not, as the full text. Rejects on error or timeout. */
export type Complete = (messages: ChatMessage[]) => Promise<string>

/** A completion function over the official `openai` client (no retries: the fallback is instant). */
export function openAiCompletion(config: LlmConfig): Complete {
  // Loaded on first use: the client is only needed when an LLM is configured.
  let client: import('openai').OpenAI | undefined
  return async (messages) => {
    if (!client) {
      const { OpenAI } = await import('openai')
      client = new OpenAI({
        baseURL: config.baseURL,
        apiKey: config.apiKey,
        timeout: config.timeoutMs,
        maxRetries: 0,
      })
    }
    const signal = AbortSignal.timeout(config.timeoutMs)
    if (!config.stream) {
      const r = await client.chat.completions.create(
        { model: config.model, messages, temperature: 0 },
        { signal },
      )
      return r.choices[0]?.message?.content ?? ''
    }
    const stream = await client.chat.completions.create(
      { model: config.model, messages, temperature: 0, stream: true },
      { signal },
    )
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
    return text
  }
}
