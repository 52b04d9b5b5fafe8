import { html } from 'hono/html'
import { embedSnippet } from './docs.ts'

/**
 * The demo page: what the assistant is, in a few lines, with the widget embedded by one script tag
 * and the snippet to embed it elsewhere, written with the origin the page was served from.
 */
export function renderDemo(origin: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>chapter-assistant</title><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/assets/site.css"></head>
<body>
<header><h1>chapter-assistant</h1>
<p>Ask questions about Chapter 8, <em>Development of New Quality Productive Forces and Global Cooperation on Open Innovation</em>. Every answer is a quote from the chapter or a figure computed from one of its tables, and every claim links to the exact passage.</p></header>
<main>
<ul>
<li>Open the chat with the button in the corner (or <kbd>Ctrl</kbd>+<kbd>/</kbd>), or try: “What is Spain’s share of internationally coauthored papers?”, then “And Canada’s?”.</li>
<li>Click a citation chip to see the quote, copy a formatted citation, or jump to the passage in the <a href="/read">reader</a>.</li>
<li>Writers can paste a quotation or a claim into the <a href="/read">reader’s</a> “Cite this” or the <a href="/docs#op-post-api-cite">cite API</a>.</li>
</ul>
<h2>Embed it on your site</h2>
<p>Add your site’s origin to <code>CORS_ORIGINS</code>, then paste one tag:</p>
<pre class="snippet"><code>${embedSnippet(origin)}</code></pre>
<p>Every attribute, the texts in English and Chinese, and the API are in the <a href="/docs#widget">documentation</a>.</p>
<p><a href="/docs">Documentation</a> · <a href="/openapi.json">OpenAPI</a> · <a href="/healthz">Health</a></p>
</main>
<script src="/widget.js" data-title="Ask Chapter 8" data-theme="auto" data-position="bottom-right" data-welcome="Hello! Ask me about Chapter 8. Every answer quotes the chapter, and each [n] opens the passage." data-starters="What are the three dimensions of new quality productive forces?|Which economy has the highest share of internationally coauthored papers?|What is the centrality of the Netherlands?"></script>
</body></html>`.toString() as string
}
