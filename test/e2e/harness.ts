import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { startServer } from '../../src/node/server.ts'
import { projectPath } from '../../src/paths.ts'

/**
 * What the browser journeys share: Debian's Chromium (playwright-core), the real server, host
 * sites on other origins with a strict CSP, a "hung" assistant that accepts questions and never
 * answers, and screenshots in test/artifacts/e2e/.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const haveBrowser = existsSync(CHROMIUM)
if (!haveBrowser) {
  if (process.env.REQUIRE_BROWSER === '1')
    throw new Error(
      `Chromium is required for the end-to-end tests but ${CHROMIUM} is missing (apt-get install chromium).`,
    )
  console.warn(
    `\n  ⚠ end-to-end widget tests NOT RUN: ${CHROMIUM} is missing (apt-get install chromium).\n`,
  )
}
export const ARTIFACTS = projectPath('test', 'artifacts', 'e2e')

/** The styles of a careless host page: they must not reach into the widget. */
export const HOSTILE_CSS =
  '* { font-family: serif !important; color: red !important; } button { all: unset; } body { font-family: serif; }'

/** A running set of servers and a browser. */
export interface Rig {
  app: { url: string; close: () => Promise<unknown> }
  browser: Browser
  /** A host site allowed by CORS: `/page?…` (see `hostPage`). */
  hostUrl: string
  /** The same host site on an origin outside the CORS allowlist. */
  evilUrl: string
  /** An assistant that accepts questions and never answers them (CORS open). */
  hungUrl: string
  close(): Promise<void>
}

/** Options of a host page: the script's data attributes and the page's own looks. */
export interface HostOptions {
  attrs?: Record<string, string>
  hostileCss?: boolean
  /** The page's own stylesheet (instead of `HOSTILE_CSS`). */
  css?: string
  lang?: string
  /** Another page body (HTML) before the script tag. */
  body?: string
}

/** The URL of a host page with these options. */
export function hostPage(rig: Rig, o: HostOptions = {}, origin = rig.hostUrl): string {
  return `${origin}/page?o=${encodeURIComponent(JSON.stringify(o))}`
}

const escapeAttr = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  )
}

/** Builds the bundles, starts the servers and the browser. */
export async function startRig(): Promise<Rig> {
  const built = spawnSync(process.execPath, [projectPath('scripts', 'build.mjs')], {
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(built.stderr)
  mkdirSync(ARTIFACTS, { recursive: true })
  const sockets = new Set<Socket>()
  const hung = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, accept',
      'access-control-allow-methods': 'POST, GET, OPTIONS',
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end()
    // Accepts the question and never answers: the socket stays open until the rig closes.
    req.resume()
  })
  hung.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  const hungUrl = await listen(hung)
  let appUrl = ''
  const hostSite = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host')
    if (url.pathname === '/host.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(url.searchParams.get('css') ?? '')
      return
    }
    const o = JSON.parse(url.searchParams.get('o') ?? '{}') as HostOptions
    const csp = `default-src 'none'; script-src ${appUrl}; connect-src ${appUrl} ${hungUrl}; style-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'`
    const attrs = {
      'data-title': 'Ask Chapter 8',
      'data-theme': 'light',
      'data-starters': 'What is the centrality of the Netherlands?|What are the three dimensions?',
      ...o.attrs,
    }
    const css = o.css ?? (o.hostileCss ? HOSTILE_CSS : '')
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp,
      })
      .end(`<!doctype html><html lang="${o.lang ?? 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A host site</title>
<link rel="stylesheet" href="/host.css?css=${encodeURIComponent(css)}"></head>
<body><h1>A site that embeds the assistant</h1>${o.body ?? '<p>Some article text.</p>'}<button id="host-button">A host button</button>
<script src="${appUrl}/widget.js" ${Object.entries(attrs)
        .map(([k, v]) => `${k}="${escapeAttr(v)}"`)
        .join(' ')}></script></body></html>`)
  }
  const host = createServer(hostSite)
  const evil = createServer(hostSite)
  const hostUrl = await listen(host)
  const evilUrl = await listen(evil)
  const app = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    config: { corsOrigins: [hostUrl], rateLimitPerMinute: 0 },
    logger: { info: () => {} },
    llm: null,
  })
  appUrl = app.url
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--disable-sync',
    ],
  })
  return {
    app,
    browser,
    hostUrl,
    evilUrl,
    hungUrl,
    async close() {
      await browser.close()
      for (const s of sockets) s.destroy()
      hung.close()
      host.close()
      evil.close()
      await app.close()
    },
  }
}

/** A phone: 375 × 740 with touch. */
export const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }
/** A laptop: 1280 × 800. */
export const DESKTOP = { viewport: { width: 1280, height: 800 } }

/** Opens a page in a fresh context (clipboard allowed), recording requests and CSP refusals. */
export async function openPage(
  rig: Rig,
  url: string,
  options: Parameters<Browser['newContext']>[0] = DESKTOP,
): Promise<{
  context: BrowserContext
  page: Page
  requests: string[]
  cspErrors: string[]
  /** Response headers by URL. */
  responses: Map<string, Record<string, string>>
}> {
  const context = await rig.browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    ...options,
  })
  const page = await context.newPage()
  const requests: string[] = []
  const cspErrors: string[] = []
  const responses = new Map<string, Record<string, string>>()
  page.on('request', (r) => requests.push(r.url()))
  page.on('response', (r) => responses.set(r.url(), r.headers()))
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text())
  })
  await page.goto(url)
  return { context, page, requests, cspErrors, responses }
}

/** Saves a screenshot of the viewport as test/artifacts/e2e/NAME.png. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false })

/** A locator inside the widget's shadow root. */
export const inWidget = (page: Page, selector: string) =>
  page.locator('chapter-assistant-widget').locator(selector)

/** Types a question, sends it with Enter and waits for the finished answer. */
export async function askAndWait(page: Page, question: string): Promise<void> {
  const before = await inWidget(page, '.msg.assistant:not([aria-busy]) .actions').count()
  await inWidget(page, 'form:not(.comment) > textarea').first().fill(question)
  await inWidget(page, 'form:not(.comment) > textarea').first().press('Enter')
  await inWidget(page, '.msg.assistant:not([aria-busy]) .actions')
    .nth(before)
    .waitFor({ timeout: 20_000 })
}

/** The element focused inside the widget, as `tag.class`, or the page's focused tag. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement
    const inner = host?.shadowRoot?.activeElement
    return inner ? `${inner.tagName.toLowerCase()}.${inner.className}` : host?.tagName.toLowerCase()
  })

/** WCAG 2 contrast ratio of two `rgb(…)` colours. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0)
  }
  const [x, y] = [lum(a), lum(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}
