import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  askAndWait,
  haveBrowser,
  hostPage,
  inWidget,
  openPage,
  type Rig,
  shot,
  startRig,
} from './harness.ts'

/**
 * End-to-end: the real server, a host page on another origin with a strict Content-Security-Policy
 * embedding the widget with one script tag, and Debian's Chromium driven by playwright-core
 * (./harness.ts). Screenshots of every step go to test/artifacts/e2e/.
 */
let rig: Rig
let app: Rig['app']
let hostUrl = ''
let evilUrl = ''

// Host styles that would leak into a widget without shadow DOM.
const HOST_CSS =
  'button { background: rgb(255, 0, 0) !important; font-size: 40px !important; } body { font-family: serif; }'

beforeAll(async () => {
  if (!haveBrowser) return
  rig = await startRig()
  app = rig.app
  hostUrl = hostPage(rig, { css: HOST_CSS })
  evilUrl = hostPage(rig, { css: HOST_CSS }, rig.evilUrl)
}, 120_000)

afterAll(async () => {
  await rig?.close()
})

async function newPage(
  url: string,
  viewport = { width: 1100, height: 800 },
): Promise<{ context: BrowserContext; page: Page; requests: string[]; cspErrors: string[] }> {
  return openPage(rig, url, { viewport })
}

describe.runIf(haveBrowser)('the widget in a real browser', () => {
  it('embeds with one script tag on a strict-CSP host page; CSS leaks neither in nor out', async () => {
    const { context, page, cspErrors } = await newPage(hostUrl)
    const launcher = inWidget(page, 'button.launcher')
    await launcher.waitFor()
    const style = await launcher.evaluate((b) => ({
      bg: getComputedStyle(b).backgroundColor,
      size: getComputedStyle(b).fontSize,
      position: getComputedStyle(
        b.getRootNode() instanceof ShadowRoot ? (b.getRootNode() as ShadowRoot).host : b,
      ).position,
    }))
    expect(style.bg).not.toBe('rgb(255, 0, 0)')
    expect(style.size).not.toBe('40px')
    expect(style.position).toBe('fixed')
    const hostButton = await page
      .locator('#host-button')
      .evaluate((b) => getComputedStyle(b).backgroundColor)
    expect(hostButton).toBe('rgb(255, 0, 0)')
    expect(cspErrors).toEqual([])
    await shot(page, '01-host-page-with-launcher')
    await context.close()
  })

  it('streams an answer with citation chips, and talks only to its endpoint', async () => {
    const { context, page, requests } = await newPage(hostUrl)
    await inWidget(page, 'button.launcher').click()
    const streamed = page.waitForResponse((r) => r.url().endsWith('/api/chat'))
    await askAndWait(page, "What is Spain's share of internationally coauthored papers?")
    expect((await streamed).headers()['content-type']).toMatch(/text\/event-stream/)
    const answer = await inWidget(page, '.msg.assistant .body').last().textContent()
    expect(answer).toContain('45.57%')
    await expect(inWidget(page, '.msg.assistant .chip').count()).resolves.toBeGreaterThan(0)
    await shot(page, '02-streamed-answer-with-chips')
    const foreign = requests.filter((u) => !u.startsWith(rig.hostUrl) && !u.startsWith(app.url))
    expect(foreign).toEqual([])
    await context.close()
  })

  it('opens a citation card and lands on the highlighted span in the reader', async () => {
    const { context, page } = await newPage(hostUrl)
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, "What is Spain's share of internationally coauthored papers?")
    await inWidget(page, '.msg.assistant .chip').first().click()
    const card = inWidget(page, '.card')
    await card.waitFor()
    expect(await card.locator('blockquote').textContent()).toBe('13 Spain 3,676 1,675 45.57')
    expect(await card.locator('h3').textContent()).toContain('§II.4, Table 8.3 (Spain)')
    await shot(page, '03-citation-card')
    const [reader] = await Promise.all([context.waitForEvent('page'), card.locator('a').click()])
    await reader.waitForLoadState('load')
    expect(reader.url()).toMatch(/\/read\?hl=20927-20953#hl$/)
    const mark = reader.locator('#hl')
    await mark.waitFor()
    // Scrolled to: the highlight is inside the viewport.
    await reader.waitForFunction(
      () => {
        const r = document.getElementById('hl')?.getBoundingClientRect()
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight
      },
      undefined,
      { timeout: 5000 },
    )
    expect(await reader.locator('tr.hl').getAttribute('id')).toBe('II.4/table-8.3/row-13')
    await shot(reader, '04-reader-highlight')
    await context.close()
  })

  it('works by keyboard alone at 360 px wide', async () => {
    const { context, page } = await newPage(hostUrl, { width: 360, height: 740 })
    const active = () =>
      page.evaluate(() => {
        const host = document.activeElement
        const inner = host?.shadowRoot?.activeElement
        return inner
          ? `${inner.tagName.toLowerCase()}.${inner.className}`
          : host?.tagName.toLowerCase()
      })
    for (let i = 0; i < 6 && (await active()) !== 'button.launcher'; i++)
      await page.keyboard.press('Tab')
    expect(await active()).toBe('button.launcher')
    await page.keyboard.press('Enter')
    expect(await active()).toBe('textarea.')
    const panel = await inWidget(page, '.panel').boundingBox()
    expect(panel && panel.x >= 0 && panel.x + panel.width <= 360).toBe(true)
    await page.keyboard.type('What is the centrality of the Netherlands?')
    await page.keyboard.press('Enter')
    await inWidget(page, '.msg.assistant:not([aria-busy]) .actions').waitFor({ timeout: 20_000 })
    for (let i = 0; i < 12 && (await active()) !== 'button.chip'; i++)
      await page.keyboard.press('Shift+Tab')
    expect(await active()).toBe('button.chip')
    await page.keyboard.press('Enter')
    await inWidget(page, '.card').waitFor()
    expect(await active()).toBe('h3.')
    await shot(page, '05-keyboard-card-360px')
    await page.keyboard.press('Escape')
    expect(await active()).toBe('button.chip')
    await page.keyboard.press('Escape')
    expect(await active()).toBe('button.launcher')
    expect(await inWidget(page, '.log').getAttribute('aria-live')).toBe('polite')
    expect(await inWidget(page, '.panel').getAttribute('role')).toBe('dialog')
    await context.close()
  })

  it('renders a hostile answer and quote inert', async () => {
    const { context, page } = await newPage(hostUrl)
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    await page.route(`${app.url}/api/chat`, (route) => {
      const citation = {
        n: 1,
        id: 'x',
        label: `§I ${evil}`,
        section: 'I',
        kind: 'paragraph',
        quote: `Quote ${evil}`,
        start: 1,
        end: 5,
      }
      const answer = {
        answer: `Answer ${evil} [1]`,
        answerable: true,
        citations: [citation],
        standaloneQuestion: 'q',
      }
      const sse = [
        `event: meta\ndata: ${JSON.stringify({ standaloneQuestion: 'q' })}\n\n`,
        `event: citations\ndata: ${JSON.stringify([citation])}\n\n`,
        `event: token\ndata: ${JSON.stringify({ text: answer.answer })}\n\n`,
        `event: done\ndata: ${JSON.stringify(answer)}\n\n`,
      ].join('')
      return route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/event-stream',
          'access-control-allow-origin': rig.hostUrl,
        },
        body: sse,
      })
    })
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, 'Anything')
    await inWidget(page, '.msg.assistant .chip').first().click()
    await inWidget(page, '.card').waitFor()
    const state = await page.evaluate(() => {
      const root = document.querySelector('chapter-assistant-widget')?.shadowRoot
      return {
        imgs: root?.querySelectorAll('img').length,
        scripts: root?.querySelectorAll('script').length,
        pwned: (window as { __pwned?: number }).__pwned ?? null,
        text: root?.querySelector('.msg.assistant .body')?.textContent,
        quote: root?.querySelector('.card blockquote')?.textContent,
      }
    })
    expect(state).toEqual({
      imgs: 0,
      scripts: 0,
      pwned: null,
      text: `Answer ${evil} 1`,
      quote: `Quote ${evil}`,
    })
    await shot(page, '06-hostile-content-inert')
    await context.close()
  })

  it('shows a clear error on 429 and retries', async () => {
    const { context, page } = await newPage(hostUrl)
    let calls = 0
    await page.route(`${app.url}/api/chat`, async (route) => {
      if (++calls === 1) {
        return route.fulfill({
          status: 429,
          headers: {
            'content-type': 'application/problem+json',
            'retry-after': '7',
            'access-control-allow-origin': rig.hostUrl,
            'access-control-expose-headers': 'retry-after',
          },
          body: JSON.stringify({
            type: '/problems/rate-limited',
            title: 'Too many requests',
            status: 429,
          }),
        })
      }
      return route.continue()
    })
    await inWidget(page, 'button.launcher').click()
    await inWidget(page, 'form:not(.comment) > textarea').fill('What is the centrality of Japan?')
    await inWidget(page, 'form:not(.comment) > textarea').press('Enter')
    const error = inWidget(page, '.error')
    await error.waitFor()
    expect(await error.textContent()).toContain('Please wait 7 s')
    await shot(page, '07-rate-limited-error')
    await error.locator('button').click()
    await inWidget(page, '.msg.assistant:not([aria-busy]) .actions').waitFor({ timeout: 20_000 })
    expect(await inWidget(page, '.msg.assistant .body').last().textContent()).toContain('2.2')
    expect(await error.isHidden()).toBe(true)
    await context.close()
  })

  it('keeps the conversation for the page session, and clears it on request', async () => {
    const { context, page } = await newPage(hostUrl)
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, 'What is the centrality of France?')
    await askAndWait(page, 'And Italy?')
    expect(await inWidget(page, '.msg.assistant .understood').last().textContent()).toContain(
      'centrality of Italy',
    )
    await page.reload()
    await inWidget(page, 'button.launcher').click()
    await expect(inWidget(page, '.msg.user').count()).resolves.toBe(2)
    await inWidget(page, 'button[aria-label="Clear the conversation"]').click()
    await expect(inWidget(page, '.msg').count()).resolves.toBe(0)
    await context.close()
  })

  it('the reader’s “Cite this” gives a formatted citation with its pinpoint', async () => {
    const { context, page } = await newPage(`${app.url}/read`)
    await page.locator('[id="I.2/p-3"] button.cite').click()
    const panel = page.locator('#cite-panel')
    await panel.waitFor()
    await expect
      .poll(() => page.locator('#cite-text').textContent(), { timeout: 10_000 })
      .toContain('In-text: ([Author], n.d., Section I.2, para. 3)')
    expect(await page.locator('#cite-text').textContent()).toContain('§I.2, ¶3')
    await shot(page, '09-reader-cite-this')
    await page.keyboard.press('Escape')
    expect(await panel.isHidden()).toBe(true)
    await context.close()
  })

  it('is refused on an origin outside the CORS allowlist', async () => {
    const { context, page } = await newPage(evilUrl)
    await inWidget(page, 'button.launcher').click()
    await inWidget(page, 'form:not(.comment) > textarea').fill('What is the centrality of Japan?')
    await inWidget(page, 'form:not(.comment) > textarea').press('Enter')
    const error = inWidget(page, '.error')
    await error.waitFor()
    expect(await error.textContent()).toMatch(/Could not reach the assistant|not allowed/)
    const status = await page.evaluate(async (endpoint) => {
      try {
        const r = await fetch(`${endpoint}/healthz`)
        return r.status
      } catch {
        return 'blocked'
      }
    }, app.url)
    expect(status).toBe('blocked')
    await shot(page, '08-cors-refused')
    await context.close()
  })
})
