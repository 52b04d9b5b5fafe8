import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { API_EXAMPLES, type ApiExample } from './docs-examples.ts'

type Html = HtmlEscapedString | Promise<HtmlEscapedString>

/** The parts of an OpenAPI 3.1 document the page reads. */
export interface OpenApiDoc {
  info: { title: string; description?: string; version: string }
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string
        description?: string
        requestBody?: { content?: Record<string, { schema?: unknown }> }
        parameters?: Array<{
          name: string
          in: string
          required?: boolean
          schema?: { type?: string; example?: unknown; minimum?: number; maximum?: number }
        }>
        responses?: Record<string, { description?: string }>
      }
    >
  >
  components?: { schemas?: Record<string, unknown> }
}

/** A widget attribute as the embedding guide lists it. */
interface WidgetAttribute {
  name: string
  values: string
  default: string
  meaning: string
}

/** Every `data-*` attribute of the widget's script tag (src/widget/config.ts reads them). */
export const WIDGET_ATTRIBUTES: WidgetAttribute[] = [
  {
    name: 'data-endpoint',
    values: 'a URL',
    default: 'the origin of widget.js',
    meaning: 'Where the assistant runs. The widget talks to nothing else.',
  },
  {
    name: 'data-title',
    values: 'text',
    default: '“Ask the chapter”',
    meaning: 'The launcher’s and the panel’s title.',
  },
  {
    name: 'data-placeholder',
    values: 'text',
    default: '“Ask a question…”',
    meaning: 'The question box’s placeholder and accessible name.',
  },
  {
    name: 'data-theme',
    values: '`light`, `dark`, `auto`',
    default: '`auto`',
    meaning: '`auto` follows the visitor’s system setting.',
  },
  {
    name: 'data-position',
    values: '`bottom-right`, `bottom-left`',
    default: '`bottom-right`',
    meaning: 'The corner of the launcher and the panel.',
  },
  {
    name: 'data-open',
    values: '`true`, `false`',
    default: '`false`',
    meaning: 'Open the panel when the page loads.',
  },
  {
    name: 'data-starters',
    values: 'questions separated by `|`',
    default: 'none',
    meaning: 'Up to 6 suggested questions, shown until the first question is asked.',
  },
  {
    name: 'data-welcome',
    values: 'text (lists, `*emphasis*` and line breaks allowed)',
    default: 'none',
    meaning: 'The assistant’s first message. It is not sent to the server.',
  },
  {
    name: 'data-lang',
    values: '`en`, `zh-CN`',
    default: 'the page’s `<html lang>`; `zh`, `zh-Hans`… give `zh-CN`, others `en`',
    meaning: 'The language of the widget’s own texts (answers are in the chapter’s English).',
  },
  {
    name: 'data-strings',
    values: 'a JSON object of texts',
    default: 'none',
    meaning:
      'Overrides any of the widget’s texts, by key (listed below); `{n}`, `{seconds}`… are filled in.',
  },
  {
    name: 'data-feedback',
    values: '`on`, `off`',
    default: '`on`',
    meaning:
      'Thumbs up or down and an optional comment under each answer that has an `id`, sent to `POST /api/feedback`.',
  },
  {
    name: 'data-timeout',
    values: 'seconds (1–600)',
    default: '`30`',
    meaning:
      'Give up when no part of an answer has arrived for this long, and say so. Stop ends a question at any time.',
  },
  {
    name: 'data-shortcut',
    values: '`mod+/`, `mod+k`, `alt+shift+a`, `/`… or `off`',
    default: '`mod+/`',
    meaning:
      'Opens the panel. `mod` is ⌘ on Apple systems and Ctrl elsewhere. A key the host page handles first (calls `preventDefault`) is left to it; a shortcut without a modifier does nothing while the visitor types in a field.',
  },
]

/** The keys `data-strings` accepts (the widget's texts; a test checks they are all here). */
export const WIDGET_STRING_KEYS = [
  'title',
  'placeholder',
  'send',
  'stop',
  'clear',
  'clearLabel',
  'closeLabel',
  'expand',
  'expandLabel',
  'shrink',
  'shrinkLabel',
  'conversation',
  'askForm',
  'suggested',
  'sourceNote',
  'shortcutHint',
  'retry',
  'understood',
  'typing',
  'answering',
  'answerReadyOne',
  'answerReadyMany',
  'notCovered',
  'related',
  'copyAnswer',
  'copied',
  'copyFailed',
  'cleared',
  'citationLabel',
  'relatedLabel',
  'copyCitation',
  'formatting',
  'citationCopied',
  'couldNotCopy',
  'openInReader',
  'close',
  'closeCitation',
  'verdictYes',
  'verdictNo',
  'verdictNotStated',
  'verdictLabel',
  'followUps',
  'helpful',
  'rateUp',
  'rateDown',
  'commentLabel',
  'sendFeedback',
  'feedbackThanks',
  'feedbackExpired',
  'feedbackFailed',
  'timeout',
  'stopped',
  'network',
  'rateLimitedWait',
  'rateLimited',
  'notAllowed',
  'rejected',
  'rejectedDetail',
  'server',
  'streamFailed',
  'connectionLost',
  'cutOff',
]

/** Text with `code` spans (backticks) as `<code>`; everything else escaped. */
export function inlineCode(text: string): Html {
  return html`${text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`
}

/** An id for an operation's section, safe in a URL fragment: `op-post-api-ask`. */
export function operationId(method: string, path: string): string {
  return `op-${method}-${path
    .replace(/[{}]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`
}

/** A POSIX shell single-quoted string. */
const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

/** The curl command of an example. */
export function curlOf(origin: string, e: ApiExample, stream = false): string {
  const body = stream ? e.stream?.body : e.body
  const parts = [`curl -s${stream ? 'N' : ''} ${shellQuote(origin + e.url)}`]
  if (body !== undefined) {
    parts.push("-H 'content-type: application/json'")
    if (stream) parts.push("-H 'accept: text/event-stream'")
    parts.push(`-d ${shellQuote(JSON.stringify(body))}`)
  }
  return parts.join(' \\\n  ')
}

/** The embedding snippet for an origin. */
export function embedSnippet(origin: string): string {
  return `<script src="${origin}/widget.js"
        data-title="Ask Chapter 8" data-theme="auto" data-position="bottom-right"
        data-welcome="Ask me anything about Chapter 8. Every answer cites the chapter."
        data-starters="What are the three dimensions?|Which economy has the highest share of coauthored papers?"
        data-feedback="on" data-timeout="30" data-shortcut="mod+/"></script>`
}

const CHINESE_SNIPPET = (origin: string) => `<script src="${origin}/widget.js" data-lang="zh-CN"
        data-title="向第八章提问" data-welcome="您好！回答均出自本章并附有引文。"
        data-strings='{"send":"提问","sourceNote":"回答仅来自第八章。"}'></script>`

function operationHtml(
  origin: string,
  method: string,
  path: string,
  op: OpenApiDoc['paths'][string][string],
  schemaOf: (s: unknown) => string,
): Html {
  const example = API_EXAMPLES.find((e) => e.method === method && e.path === path)
  const body = op.requestBody?.content?.['application/json']?.schema
  return html`<section class="op" id="${operationId(method, path)}">
<h3><span class="method">${method}</span> <code>${path}</code></h3>
<p>${op.summary ?? ''}</p>
${op.description ? html`<p class="muted">${inlineCode(op.description)}</p>` : ''}
${
  op.parameters?.length
    ? html`<h4>Parameters</h4><ul>${op.parameters.map(
        (p) =>
          html`<li><code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}${p.schema?.type ? `, ${p.schema.type}` : ''}${p.schema?.maximum !== undefined ? `, ${p.schema.minimum ?? 0}–${p.schema.maximum}` : ''})${p.schema?.example !== undefined ? html`, e.g. <code>${String(p.schema.example)}</code>` : ''}</li>`,
      )}</ul>`
    : ''
}
${
  example
    ? html`<h4>Example request</h4><pre><code>${curlOf(origin, example)}</code></pre>
<h4>Example response <small class="muted">(${example.status}; shortened)</small></h4><pre><code>${JSON.stringify(example.response, null, 2)}</code></pre>
${
  example.stream
    ? html`<h4>Streaming</h4><pre><code>${curlOf(origin, example, true)}</code></pre><pre><code>${example.stream.events}</code></pre>`
    : ''
}`
    : ''
}
<h4>Responses</h4>
<ul>${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><code>${status}</code> ${inlineCode(r.description ?? '')}</li>`)}</ul>
${body ? html`<details><summary>Request schema</summary><pre><code>${schemaOf(body)}</code></pre></details>` : ''}
</section>`
}

/**
 * The developer documentation at `/docs`, rendered on the server from the OpenAPI document (no
 * script, no CDN, nothing inline, so the pages' strict CSP holds): a table of contents, an example
 * request and response for every endpoint, and the widget's embedding guide.
 */
export function renderDocs(doc: OpenApiDoc, origin: string): string {
  const schemaOf = (s: unknown): string => {
    const ref = (s as { $ref?: string } | undefined)?.$ref
    const name = ref?.split('/').pop()
    return JSON.stringify(name ? (doc.components?.schemas?.[name] ?? s) : s, null, 2)
  }
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  )
  const toc = ops.map(
    (o) =>
      html`<li><a href="#${operationId(o.method, o.path)}"><span class="method">${o.method}</span> <code>${o.path}</code></a> — ${o.op.summary ?? ''}</li>`,
  )
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} — documentation</title><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/assets/site.css"></head>
<body class="docs"><header><h1>${doc.info.title} <small class="muted">v${doc.info.version}</small></h1><p>${inlineCode(doc.info.description ?? '')}</p>
<p><a href="/">Demo</a> · <a href="/read">Reader</a> · <a href="/openapi.json">OpenAPI document</a> · <a href="/healthz">Health</a></p></header>
<nav aria-label="Contents" class="toc"><h2>Contents</h2><ol>
<li><a href="#start">Getting started</a></li>
<li><a href="#widget">Embedding the widget</a><ol><li><a href="#widget-attributes">Attributes</a></li><li><a href="#widget-strings">Texts and languages</a></li><li><a href="#widget-csp">Content Security Policy</a></li></ol></li>
<li><a href="#api">Endpoints</a><ol>${toc}</ol></li>
<li><a href="#errors">Errors and limits</a></li>
</ol></nav>
<main>
<section id="start"><h2>Getting started</h2>
<p>Every endpoint is JSON over HTTP at <code>${origin}</code>. Answers come only from the chapter: every claim carries a marker <code>[n]</code> that refers to a citation with the exact passage and its offsets in the original text. Nothing is stored between requests: send the conversation with each question.</p>
<pre><code>${curlOf(origin, API_EXAMPLES[0] as ApiExample)}</code></pre>
<p>Browsers may call the API only from the origins in <code>CORS_ORIGINS</code>; each client may send <code>RATE_LIMIT_PER_MINUTE</code> requests a minute (120 by default).</p></section>

<section id="widget"><h2>Embedding the widget</h2>
<p>One script tag adds a chat button to any page. Add the page’s origin to <code>CORS_ORIGINS</code> on the assistant’s server, then paste:</p>
<pre class="snippet"><code>${embedSnippet(origin)}</code></pre>
<p>The widget is a custom element in its own shadow root: the page’s CSS does not reach it and its CSS does not reach the page. Answers stream in; each <code>[n]</code> becomes a chip that opens the quoted passage, a formatted citation and a link to the exact span in the <a href="/read">reader</a>. Answers may show a verdict (Yes / No / Not stated) for yes-or-no questions, suggested follow-up questions, and thumbs-up / thumbs-down feedback. A typing indicator shows while an answer is on its way; <strong>Stop</strong> ends it, and a client-side timeout says so when the server does not answer. <strong>Expand</strong> gives a larger panel; on phones the panel is full screen.</p>
<h3 id="widget-attributes">Attributes</h3>
<div class="table-wrap"><table class="attributes"><thead><tr><th scope="col">Attribute</th><th scope="col">Values</th><th scope="col">Default</th><th scope="col">What it does</th></tr></thead>
<tbody>${WIDGET_ATTRIBUTES.map((a) => html`<tr><th scope="row"><code>${a.name}</code></th><td>${inlineCode(a.values)}</td><td>${inlineCode(a.default)}</td><td>${inlineCode(a.meaning)}</td></tr>`)}</tbody></table></div>
<h3 id="widget-keyboard">Keyboard</h3>
<p>The shortcut (<kbd>Ctrl</kbd>+<kbd>/</kbd>, <kbd>⌘</kbd><kbd>/</kbd> on a Mac, unless <code>data-shortcut</code> says otherwise) opens the panel with the cursor in the question box. <kbd>Enter</kbd> sends, <kbd>Shift</kbd>+<kbd>Enter</kbd> starts a new line, <kbd>Escape</kbd> closes a citation, then the panel, and gives focus back.</p>
<h3 id="widget-strings">Texts and languages</h3>
<p>The widget ships its texts in English and Simplified Chinese (<code>data-lang="zh-CN"</code>). Any text can be replaced with <code>data-strings</code>, a JSON object whose keys are:</p>
<p class="keys">${WIDGET_STRING_KEYS.map((k, i) => html`${i ? ', ' : ''}<code>${k}</code>`)}</p>
<pre class="snippet"><code>${CHINESE_SNIPPET(origin)}</code></pre>
<h3 id="widget-csp">Content Security Policy</h3>
<p>A page with a CSP needs the assistant’s origin in <code>script-src</code> and <code>connect-src</code>; nothing else (the widget’s styles are a constructed stylesheet, and it loads no fonts or images):</p>
<pre><code>Content-Security-Policy: script-src 'self' ${origin}; connect-src 'self' ${origin}</code></pre></section>

<section id="api"><h2>Endpoints</h2>
${ops.map((o) => operationHtml(origin, o.method, o.path, o.op, schemaOf))}</section>

<section id="errors"><h2>Errors and limits</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code> and usually <code>detail</code>. Bad input never reaches the pipeline: malformed JSON, wrong types, an empty question or one over 2,000 characters, a body over 64 KB, more than 20 turns of history, unknown ids, a wrong method (405 with <code>Allow</code>) or content type (415). A client over the rate limit gets 429 with <code>Retry-After</code>; work that takes longer than <code>REQUEST_TIMEOUT_MS</code> ends in 503.</p>
<pre><code>HTTP/1.1 400 Bad Request
content-type: application/problem+json

${JSON.stringify({ type: '/problems/invalid-request', title: 'The request is not valid', status: 400, detail: 'question: must not be empty' }, null, 2)}</code></pre></section>
</main></body></html>`.toString() as string
}
