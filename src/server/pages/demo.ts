import { html } from 'hono/html'

/** The demo page: what the assistant is, in a few lines, with the widget embedded by one script tag. */
export function renderDemo(): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>chapter-assistant</title><link rel="stylesheet" href="/assets/site.css"></head>
<body>
<header><h1>chapter-assistant</h1>
<p>Ask questions about Chapter 8, <em>Development of New Quality Productive Forces and Global Cooperation on Open Innovation</em>. Every answer is a quote from the chapter or a figure computed from one of its tables, and every claim links to the exact passage.</p></header>
<main>
<ul>
<li>Open the chat with the button in the corner, or try: “What is Spain’s share of internationally coauthored papers?”, then “And Canada’s?”.</li>
<li>Click a citation chip to see the quote, copy a formatted citation, or jump to the passage in the <a href="/read">reader</a>.</li>
<li>Writers can paste a quotation or a claim into the <a href="/read">reader’s</a> “Cite this” or the <a href="/docs#post-/api/cite">cite API</a>.</li>
</ul>
<p>Embed it on another site with one tag (the site’s origin must be in <code>CORS_ORIGINS</code>):</p>
<pre>&lt;script src="${'{origin}'}/widget.js" data-title="Ask Chapter 8" data-theme="auto" data-position="bottom-right"
        data-starters="What are the three dimensions?|Which economy has the highest share of coauthored papers?"&gt;&lt;/script&gt;</pre>
<p><a href="/docs">API reference</a> · <a href="/openapi.json">OpenAPI</a> · <a href="/healthz">health</a></p>
</main>
<script src="/widget.js" data-title="Ask Chapter 8" data-theme="auto" data-position="bottom-right" data-starters="What are the three dimensions of new quality productive forces?|Which economy has the highest share of internationally coauthored papers?|What is the centrality of the Netherlands?"></script>
</body></html>`.toString() as string
}
