/**
 * The widget's stylesheet. It lives in the shadow root (adopted as a constructed stylesheet, so a
 * host page's strict `style-src` does not block it) and uses only `:host`-scoped custom properties.
 * Colours meet WCAG AA contrast (≥ 4.5:1 for text) in both themes.
 */
export const WIDGET_CSS = `
:host { all: initial; position: fixed; z-index: 2147483000; bottom: 16px; right: 16px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --bg: #ffffff; --fg: #1b1f24; --muted: #4b5563; --line: #c9d1d9; --accent: #0b57d0; --accent-fg: #ffffff; --bubble: #eef3fd; --chip: #dbe6fb; --error: #a40e26; --focus: #f59e0b; }
:host([data-position="bottom-left"]) { right: auto; left: 16px; }
:host([data-theme="dark"]) { --bg: #111827; --fg: #f3f4f6; --muted: #c3c9d2; --line: #374151; --accent: #8ab4f8; --accent-fg: #0b1020; --bubble: #1f2a44; --chip: #27375a; --error: #ffb4b4; }
@media (prefers-color-scheme: dark) {
  :host([data-theme="auto"]) { --bg: #111827; --fg: #f3f4f6; --muted: #c3c9d2; --line: #374151; --accent: #8ab4f8; --accent-fg: #0b1020; --bubble: #1f2a44; --chip: #27375a; --error: #ffb4b4; }
}
*, *::before, *::after { box-sizing: border-box; }
button, input, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.launcher { display: inline-flex; align-items: center; gap: 8px; border: 0; border-radius: 999px; padding: 12px 18px; background: var(--accent); color: var(--accent-fg); font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.panel { position: absolute; bottom: 0; right: 0; width: min(400px, calc(100vw - 32px)); height: min(600px, calc(100vh - 32px)); display: flex; flex-direction: column; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.3); overflow: hidden; }
:host([data-position="bottom-left"]) .panel { right: auto; left: 0; }
.panel[hidden], .launcher[hidden], .card[hidden], .error[hidden] { display: none; }
header { display: flex; align-items: center; gap: 6px; padding: 10px 12px; border-bottom: 1px solid var(--line); }
header h2 { flex: 1; margin: 0; font-size: 16px; }
.icon { border: 1px solid var(--line); background: transparent; border-radius: 8px; padding: 4px 8px; cursor: pointer; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 92%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; background: var(--accent); color: var(--accent-fg); }
.msg.assistant { align-self: flex-start; background: var(--bubble); }
.msg .understood { display: block; font-size: 13px; color: var(--muted); margin-bottom: 4px; }
.msg .actions { display: flex; gap: 6px; margin-top: 6px; }
.msg .actions button { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 2px 8px; font-size: 13px; cursor: pointer; }
.chip { display: inline-block; min-width: 1.7em; margin: 0 1px; padding: 0 5px; border: 1px solid var(--accent); border-radius: 8px; background: var(--chip); color: var(--fg); font-size: 12px; font-weight: 600; line-height: 1.5; cursor: pointer; vertical-align: baseline; }
.starters { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px 8px; }
.starters button { border: 1px solid var(--accent); background: transparent; color: var(--fg); border-radius: 999px; padding: 4px 10px; font-size: 13px; cursor: pointer; text-align: left; }
form { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--line); }
textarea { flex: 1; resize: none; min-height: 40px; max-height: 120px; padding: 8px; border: 1px solid var(--line); border-radius: 10px; background: var(--bg); }
.send { border: 0; border-radius: 10px; padding: 0 14px; background: var(--accent); color: var(--accent-fg); font-weight: 600; cursor: pointer; }
.send:disabled { opacity: .6; cursor: progress; }
.error { margin: 0 12px 8px; padding: 8px 10px; border: 1px solid var(--error); border-radius: 8px; color: var(--error); display: flex; gap: 8px; align-items: center; }
.error p { margin: 0; flex: 1; }
.error button { border: 1px solid var(--error); background: transparent; color: var(--error); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.card { position: absolute; left: 12px; right: 12px; bottom: 70px; max-height: 65%; overflow-y: auto; background: var(--bg); border: 1px solid var(--accent); border-radius: 12px; padding: 12px; box-shadow: 0 8px 24px rgba(0,0,0,.3); }
.card h3 { margin: 0 0 6px; font-size: 15px; }
.card blockquote { margin: 0 0 10px; padding-left: 10px; border-left: 3px solid var(--accent); }
.card .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.card a { color: var(--accent); }
.card button { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 3px 9px; cursor: pointer; }
.status { font-size: 13px; color: var(--muted); min-height: 1em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
