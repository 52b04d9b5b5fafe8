import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import type { Answer, ChatTurn } from '../../answer/types.ts'
import { tokenPieces } from '../answer-body.ts'
import { answerWithin, type Deadline } from '../deadline.ts'
import { problem, sendProblem } from '../problem.ts'
import { newRouter } from '../router.ts'
import { LIMITS, ProblemSchema, userText, wellFormedText } from '../schemas.ts'
import type { AppDeps } from '../types.ts'

export const OPENAI_MODEL_ID = 'chapter-assistant'

/** The largest `max_tokens` accepted (larger ones are a client's mistake, not a wish). */
const MAX_TOKENS = 1_000_000

/** Text of one message: at most a history turn's length, no control characters, no broken UTF-16. */
const MessageText = z
  .string()
  .max(LIMITS.historyContentChars, `must be at most ${LIMITS.historyContentChars} characters`)
  .refine((s) => wellFormedText(s), 'must be well-formed text without control characters')

const Content = z.union([
  MessageText,
  z
    .array(z.object({ type: z.string(), text: MessageText.optional() }).passthrough())
    .max(LIMITS.historyTurns),
])
/** Refused rather than ignored: a client that asks for them would silently get something else. */
const UNSUPPORTED = 'is not supported: the assistant gives one answer from the chapter'
const ChatCompletionRequest = z
  .object({
    model: z.string().max(200).optional(),
    messages: z
      .array(
        z
          .object({
            role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
            content: Content.nullable().optional(),
          })
          .passthrough(),
      )
      .min(1)
      .max(LIMITS.historyTurns + 5),
    stream: z.boolean().optional(),
    n: z.literal(1, { message: `n ${UNSUPPORTED}` }).optional(),
    tools: z.array(z.unknown()).max(0, `tools ${UNSUPPORTED}`).optional(),
    functions: z.array(z.unknown()).max(0, `functions ${UNSUPPORTED}`).optional(),
    tool_choice: z.literal('none', { message: `tool_choice ${UNSUPPORTED}` }).optional(),
    // Accepted and ignored: answers are extractive, a few sentences with their citations, never
    // cut short (a truncated citation would be wrong), so any positive limit is met or moot.
    max_tokens: z.number().int().min(1).max(MAX_TOKENS).optional(),
    max_completion_tokens: z.number().int().min(1).max(MAX_TOKENS).optional(),
  })
  .passthrough()
  .openapi('ChatCompletionRequest')

const textOf = (content: z.infer<typeof Content> | null | undefined): string =>
  typeof content === 'string'
    ? content
    : (content ?? []).map((p) => (p.type === 'text' ? (p.text ?? '') : '')).join('')

/** The answer as a chat message: the text, then its citations listed at the end. */
export function messageContent(a: Answer): string {
  const list = a.answerable ? a.citations : (a.related ?? [])
  if (list.length === 0) return a.answer
  const title = a.answerable ? 'Citations' : 'Related passages'
  return `${a.answer}\n\n${title}:\n${list.map((c) => `[${c.n}] ${c.label}: “${c.quote}” (chars ${c.start}–${c.end})`).join('\n')}`
}

/**
 * `GET /v1/models` and `POST /v1/chat/completions` (mounted at `/v1`), OpenAI-compatible (streaming and not), so existing clients can use
 * the assistant. The last user message is the question and earlier user/assistant messages the
 * conversation; system and developer messages from the client are ignored — they cannot change
 * how the assistant answers.
 */
export function v1Routes(deps: Pick<AppDeps, 'service'>, within: Deadline): OpenAPIHono {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/models',
      summary: 'OpenAI-compatible model list',
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({ object: z.literal('list'), data: z.array(z.any()) }),
            },
          },
          description: 'One model',
        },
      },
    }),
    (c) =>
      c.json(
        {
          object: 'list' as const,
          data: [
            { id: OPENAI_MODEL_ID, object: 'model', created: 0, owned_by: 'chapter-assistant' },
          ],
        },
        200,
      ),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/chat/completions',
      summary: 'OpenAI-compatible chat completions',
      description:
        'Answers like `/api/chat`; the citations are listed at the end of the message content (and in a `citations` field). `stream: true` sends `chat.completion.chunk` events and `[DONE]`.',
      request: {
        body: {
          content: { 'application/json': { schema: ChatCompletionRequest } },
          required: true,
        },
      },
      responses: {
        200: {
          content: {
            'application/json': { schema: z.any() },
            'text/event-stream': { schema: z.string() },
          },
          description: 'A chat completion',
        },
        400: {
          content: { 'application/problem+json': { schema: ProblemSchema } },
          description: 'Problem details',
        },
      },
    }),
    async (c) => {
      const req = c.req.valid('json')
      const turns = req.messages
        .filter((m) => m.role === 'user' || m.role === 'assistant')
        .map((m) => ({ role: m.role as ChatTurn['role'], content: textOf(m.content) }))
      if (turns.some((t) => t.content.length > LIMITS.historyContentChars))
        return sendProblem(
          c,
          problem(
            'invalidRequest',
            `Each message must be at most ${LIMITS.historyContentChars} characters.`,
          ),
        ) as never
      const last = turns.at(-1)
      if (last?.role !== 'user' || !/[\p{L}\p{N}]/u.test(last.content)) {
        return sendProblem(
          c,
          problem('invalidRequest', 'The last user or assistant message must be a user question.'),
        ) as never
      }
      const question = userText(LIMITS.questionChars).safeParse(last.content)
      if (!question.success)
        return sendProblem(
          c,
          problem(
            'invalidRequest',
            `The question ${question.error.issues[0]?.message ?? 'is not valid'} (at most ${LIMITS.questionChars} characters after trimming).`,
          ),
        ) as never
      const history = turns.slice(0, -1).slice(-LIMITS.historyTurns)
      const { answer } = await answerWithin(deps.service, within, question.data, history)
      const id = `chatcmpl-${c.get('requestId') ?? Date.now()}`
      const created = Math.floor(Date.now() / 1000)
      const content = messageContent(answer)
      if (!req.stream) {
        const completionTokens = content.split(/\s+/).length
        const promptTokens = turns.reduce((s, t) => s + t.content.split(/\s+/).length, 0)
        return c.json(
          {
            id,
            object: 'chat.completion',
            created,
            model: OPENAI_MODEL_ID,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content, refusal: null },
                finish_reason: 'stop',
                logprobs: null,
              },
            ],
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: completionTokens,
              total_tokens: promptTokens + completionTokens,
            },
            citations: answer.citations,
            standaloneQuestion: answer.standaloneQuestion,
            answerable: answer.answerable,
          },
          200,
        )
      }
      return streamSSE(c, async (stream) => {
        const chunk = (delta: object, finish: string | null) =>
          `data: ${JSON.stringify({
            id,
            object: 'chat.completion.chunk',
            created,
            model: OPENAI_MODEL_ID,
            choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
          })}\n\n`
        // All events in one write (the same bytes as one writeSSE each): a write per piece cost
        // the event loop ≈ 10 ms for a long answer, even when it came from the cache.
        await stream.write(
          [
            chunk({ role: 'assistant', content: '' }, null),
            ...tokenPieces(content).map((piece) => chunk({ content: piece }, null)),
            chunk({}, 'stop'),
            'data: [DONE]\n\n',
          ].join(''),
        )
      }) as never
    },
  )
  return app
}
