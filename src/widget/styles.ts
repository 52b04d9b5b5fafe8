/**
 * The widget's stylesheet. It lives in the shadow root (adopted as a constructed stylesheet, so a
 * host page's strict `style-src` does not block it) and uses only `:host`-scoped custom properties.
 * Colours meet WCAG AA contrast (≥ 4.5:1 for text) in both themes; every button is at least 24 px
 * square (WCAG 2.2 target size); the question box is 16 px so phones do not zoom in.
 *
 * A host page's rules reach the custom element itself (`* { font-family: serif }` matches it), and
 * in the cascade the page wins over `:host` for normal declarations but loses for `!important`
 * ones: the inherited text properties are therefore set on `:host` with `!important`, and again
 * on the launcher and the panel.
 */
const FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif'
const TEXT_RESET = `font-family: ${FONT} !important; font-size: 15px !important; font-style: normal !important; font-weight: 400 !important; line-height: 1.5 !important; letter-spacing: normal !important; word-spacing: normal !important; text-transform: none !important; text-align: left !important; text-indent: 0 !important; text-shadow: none !important; color: var(--fg) !important; visibility: visible !important; direction: ltr !important; white-space: normal !important;`
const DARK =
  '--bg: #111827; --fg: #f3f4f6; --muted: #c3c9d2; --line: #4b5563; --accent: #8ab4f8; --accent-fg: #0b1020; --bubble: #1f2a44; --chip: #27375a; --error: #ffb4b4; --ok: #86efac; --no: #fca5a5;'

export const WIDGET_CSS = `
:host { all: initial; position: fixed !important; z-index: 2147483000; bottom: 16px; right: 16px; display: block !important;
  --bg: #ffffff; --fg: #1b1f24; --muted: #4b5563; --line: #8c959f; --accent: #0b57d0; --accent-fg: #ffffff; --bubble: #eef3fd; --chip: #dbe6fb; --error: #a40e26; --focus: #f59e0b; --ok: #116329; --no: #a40e26;
  ${TEXT_RESET} }
:host([data-position="bottom-left"]) { right: auto; left: 16px; }
:host([data-theme="dark"]) { ${DARK} }
@media (prefers-color-scheme: dark) { :host([data-theme="auto"]) { ${DARK} } }
*, *::before, *::after { box-sizing: border-box; }
.launcher, .panel { font-family: ${FONT}; font-size: 15px; line-height: 1.5; color: var(--fg); }
button, input, textarea { font: inherit; color: inherit; margin: 0; }
button { min-height: 24px; min-width: 24px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.launcher { display: inline-flex; align-items: center; gap: 8px; border: 0; border-radius: 999px; padding: 12px 18px; background: var(--accent); color: var(--accent-fg); font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.panel { position: absolute; bottom: 0; right: 0; width: min(400px, calc(100vw - 32px)); height: min(600px, calc(100vh - 32px)); display: flex; flex-direction: column; background: var(--bg); border: 1px solid var(--line); border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.3); overflow: hidden; }
.panel.expanded { width: min(760px, calc(100vw - 32px)); height: calc(100vh - 32px); }
:host([data-position="bottom-left"]) .panel { right: auto; left: 0; }
[hidden] { display: none !important; }
header { display: flex; align-items: center; gap: 6px; padding: 8px 12px; border-bottom: 1px solid var(--line); }
header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 700; }
.icon { border: 1px solid var(--line); background: transparent; border-radius: 8px; padding: 4px 10px; min-height: 32px; cursor: pointer; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 92%; padding: 8px 11px; border-radius: 12px; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; background: var(--accent); color: var(--accent-fg); white-space: pre-wrap; }
.msg.assistant { align-self: flex-start; background: var(--bubble); }
.msg p, .msg ul, .msg ol { margin: 0 0 6px; }
.msg ul, .msg ol { padding-left: 20px; }
.msg li { margin: 2px 0; }
.msg .body > :last-child { margin-bottom: 0; }
.msg .understood { display: block; font-size: 13px; color: var(--muted); margin-bottom: 4px; }
.verdict { display: inline-block; font-weight: 700; padding: 0 8px; border-radius: 6px; border: 2px solid currentColor; }
.verdict-yes { color: var(--ok); }
.verdict-no { color: var(--no); }
.verdict-not-stated { color: var(--muted); }
.related-head { margin: 8px 0 4px; font-weight: 600; }
ol.related { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 6px; }
ol.related li { display: grid; grid-template-columns: auto 1fr; column-gap: 6px; align-items: start; }
.r-title { font-weight: 600; font-size: 14px; }
.r-quote { grid-column: 2; font-size: 14px; color: var(--muted); }
.msg .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; }
.msg .actions button { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 2px 8px; font-size: 13px; cursor: pointer; }
.feedback { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.feedback .rate { display: inline-flex; align-items: center; justify-content: center; min-width: 32px; min-height: 28px; }
.feedback .rate[aria-pressed="true"] { border-color: var(--accent); background: var(--chip); }
.feedback form.comment { display: flex; gap: 6px; width: 100%; padding: 0; border: 0; }
.feedback textarea { min-height: 0; font-size: 16px; }
.followups { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; align-items: center; }
.followups .f-head { width: 100%; font-size: 13px; color: var(--muted); }
.followups button, .starters button { border: 1px solid var(--accent); background: transparent; color: var(--fg); border-radius: 999px; padding: 4px 10px; font-size: 13px; cursor: pointer; text-align: left; min-height: 32px; }
.chip { display: inline-block; min-width: 24px; min-height: 24px; margin: 0 2px; padding: 0 6px; border: 1px solid var(--accent); border-radius: 8px; background: var(--chip); color: var(--fg); font-size: 13px; font-weight: 600; line-height: 22px; cursor: pointer; vertical-align: middle; text-align: center; }
.typing { display: inline-flex; gap: 4px; padding: 6px 2px; }
.typing i { width: 7px; height: 7px; border-radius: 50%; background: var(--muted); animation: ca-blink 1.2s infinite ease-in-out; }
.typing i:nth-child(2) { animation-delay: .2s; }
.typing i:nth-child(3) { animation-delay: .4s; }
@keyframes ca-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .typing i { animation: none; opacity: .7; } }
.starters { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px 8px; }
form { display: flex; gap: 8px; padding: 10px 12px 4px; border-top: 1px solid var(--line); }
textarea { flex: 1; resize: none; min-height: 40px; max-height: 120px; padding: 8px; border: 1px solid var(--line); border-radius: 10px; background: var(--bg); font-size: 16px; }
.send { border: 0; border-radius: 10px; padding: 0 14px; min-width: 64px; background: var(--accent); color: var(--accent-fg); font-weight: 600; cursor: pointer; }
.send.stop { background: var(--bg); color: var(--fg); border: 2px solid var(--accent); }
.note { margin: 0; padding: 0 12px 8px; font-size: 12px; color: var(--muted); }
.error { margin: 0 12px 8px; padding: 8px 10px; border: 1px solid var(--error); border-radius: 8px; color: var(--error); display: flex; gap: 8px; align-items: center; }
.error p { margin: 0; flex: 1; }
.error button { border: 1px solid var(--error); background: transparent; color: var(--error); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.card { flex: none; max-height: 45%; overflow-y: auto; margin: 0 12px 8px; background: var(--bg); border: 1px solid var(--accent); border-radius: 12px; padding: 12px; box-shadow: 0 -4px 16px rgba(0,0,0,.15); }
.card h3 { margin: 0 0 6px; font-size: 15px; }
.card blockquote { margin: 0 0 10px; padding-left: 10px; border-left: 3px solid var(--accent); }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; font-size: 14px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.card a { color: var(--accent); }
.card button { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 3px 9px; cursor: pointer; }
.status { font-size: 13px; color: var(--muted); min-height: 1em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 480px) {
  .panel, .panel.expanded { position: fixed; inset: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; border: 0; }
  .expand { display: none; }
  .close { min-width: 44px; min-height: 44px; }
}
`
