import { z } from '@hono/zod-openapi'

/** Limits of the HTTP contract (API.md). */
export const LIMITS = {
  questionChars: 2000,
  historyTurns: 20,
  historyContentChars: 8000,
  bodyBytes: 64 * 1024,
  maxK: 20,
  citeChars: 4000,
} as const

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** No control characters (but tab and line breaks) and no lone surrogates. */
export const wellFormedText = (s: string): boolean => !CONTROL.test(s) && !LONE_SURROGATE.test(s)

/** Text a person typed: no control characters, no broken UTF-16, some letter or digit. */
export const userText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (no lone surrogates)')
    .refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain at least one letter or digit')

export const ChatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z
    .string()
    .max(LIMITS.historyContentChars)
    .refine(
      (s) => !LONE_SURROGATE.test(s) && !CONTROL.test(s),
      'must be well-formed text without control characters',
    ),
})

export const CitationSchema = z
  .object({
    n: z.number().int().openapi({ example: 1 }),
    id: z.string().openapi({ example: 'II.4/table-8.3/row-13' }),
    label: z.string().openapi({ example: '§II.4, Table 8.3 (Spain)' }),
    section: z.string().openapi({ example: 'II.4' }),
    sectionTitle: z.string(),
    kind: z.enum([
      'paragraph',
      'list-item',
      'box',
      'figure',
      'footnote',
      'table',
      'table-row',
      'heading',
    ]),
    quote: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    score: z.number().optional(),
  })
  .openapi('Citation')

export const AnswerSchema = z
  .object({
    id: z.string().openapi({ description: 'Unique per response; feedback refers to it' }),
    answer: z.string(),
    answerable: z.boolean(),
    citations: z.array(CitationSchema),
    standaloneQuestion: z.string(),
    related: z.array(CitationSchema).optional(),
    verdict: z
      .enum(['yes', 'no', 'not-stated'])
      .optional()
      .openapi({ description: 'Only for yes/no questions; the answer then starts with it' }),
    followUps: z
      .array(z.string())
      .max(3)
      .optional()
      .openapi({ description: 'Questions the chapter can answer next, each checked answerable' }),
  })
  .openapi('Answer')

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
  })
  .openapi('Problem')

export const AskRequestSchema = z
  .object({
    question: userText(LIMITS.questionChars).openapi({
      example: "What is Spain's share of internationally coauthored papers?",
    }),
    history: z
      .array(ChatTurnSchema)
      .max(LIMITS.historyTurns, `history must have at most ${LIMITS.historyTurns} turns`)
      .optional(),
    k: z.number().int().min(1).max(LIMITS.maxK).optional(),
  })
  .strict()
  .openapi('AskRequest')

export const ChatRequestSchema = z
  .object({
    messages: z
      .array(ChatTurnSchema)
      .min(1)
      .max(LIMITS.historyTurns + 1, `messages must have at most ${LIMITS.historyTurns + 1} entries`)
      .refine((m) => m.at(-1)?.role === 'user', 'the last message must be the user’s')
      .refine(
        (m) => userText(LIMITS.questionChars).safeParse(m.at(-1)?.content ?? '').success,
        `the last message must be a question of 1 to ${LIMITS.questionChars} characters`,
      ),
  })
  .strict()
  .openapi('ChatRequest')

export const SearchQuerySchema = z.object({
  q: userText(LIMITS.questionChars).openapi({
    param: { name: 'q', in: 'query' },
    example: 'centrality of the Netherlands',
  }),
  k: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.maxK)
    .optional()
    .openapi({ param: { name: 'k', in: 'query' }, example: 5 }),
})

export const SearchResultSchema = CitationSchema.extend({
  text: z.string(),
  scores: z.object({ bm25: z.number().optional(), dense: z.number().optional() }),
}).openapi('SearchResult')

export const CiteRequestSchema = z
  .object({
    text: userText(LIMITS.citeChars).openapi({
      example: 'Openness is a distinctive feature of Chinese modernization.',
    }),
    style: z.enum(['apa', 'mla', 'chicago', 'bibtex']).optional(),
  })
  .strict()
  .openapi('CiteRequest')

export const CiteMatchSchema = CitationSchema.extend({
  match: z.enum(['exact', 'fuzzy', 'related']),
  similarity: z.number(),
}).openapi('CiteMatch')

// The tree is three levels deep (chapter › part › sub-section): spelled out, so the OpenAPI
// document has no recursive schema.
const SubSection = z.object({ id: z.string(), title: z.string(), children: z.array(z.object({})) })
const Part = z.object({ id: z.string(), title: z.string(), children: z.array(SubSection) })
export const SectionNodeSchema = z
  .object({ id: z.string(), title: z.string(), children: z.array(Part) })
  .openapi('SectionTree')

export const IdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'II.4' }),
})

export const TableSchema = z
  .object({
    id: z.string(),
    caption: z.string(),
    section: z.string(),
    columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.string() })),
    rows: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('Table')
