import type { Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseSse } from '../helpers/app.ts'
import {
  askAndWait,
  contrast,
  DESKTOP,
  focused,
  haveBrowser,
  hostPage,
  inWidget,
  openPage,
  PHONE,
  type Rig,
  shot,
  startRig,
} from './harness.ts'

/**
 * The journeys of issue 15, in Chromium against the real server: one check per defect that would
 * have caught it, and one journey per feature. Screenshots: test/artifacts/e2e/1x-*.png.
 *
 * Feedback, follow-ups and verdicts are sent by a server feature built in another branch (API.md
 * v1.1: `Answer.id`, `followUps`, `verdict`). Until it is merged, `withContractFields` stands in
 * for it: it lets the real server answer `/api/chat` and adds those fields to the real `done`
 * event. Only `/api/chat` is intercepted; `/api/feedback` goes to the real server.
 */
let rig: Rig

beforeAll(async () => {
  if (haveBrowser) rig = await startRig()
}, 120_000)
afterAll(async () => {
  await rig?.close()
})

/** Serves `/api/chat` from the real server, adding API.md v1.1 fields to its `done` event. */
async function withContractFields(
  page: Page,
  extra: (answer: { answer: string; standaloneQuestion: string }, n: number) => object,
): Promise<void> {
  let n = 0
  await page.route(`${rig.app.url}/api/chat`, async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue()
    const real = await route.fetch()
    const events = parseSse(await real.text()).map((e) => {
      if (e.event !== 'done') return e
      const answer = JSON.parse(e.data)
      return { event: 'done', data: JSON.stringify({ ...answer, ...extra(answer, n++) }) }
    })
    const headers = { ...real.headers() }
    delete headers['content-length']
    delete headers['content-encoding']
    return route.fulfill({
      status: real.status(),
      headers,
      body: events.map((e) => `event: ${e.event}\ndata: ${e.data}\n\n`).join(''),
    })
  })
}

const rectOf = (page: Page, selector: string, nth = 0) =>
  inWidget(page, selector)
    .nth(nth)
    .evaluate((e) => {
      const r = e.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height, bottom: r.bottom, right: r.right }
    })

describe.runIf(haveBrowser)('widget defects (issue 15)', () => {
  it('keeps its own font and colours under a hostile host stylesheet; the starters hide', async () => {
    const { context, page, cspErrors, responses } = await openPage(
      rig,
      hostPage(rig, { hostileCss: true }),
    )
    await inWidget(page, 'button.launcher').click()
    const styles = await page.evaluate(() => {
      const root = document.querySelector('chapter-assistant-widget')?.shadowRoot
      const pick = (sel: string) => {
        const e = root?.querySelector(sel) as Element
        const s = getComputedStyle(e)
        return { font: s.fontFamily, color: s.color }
      }
      return {
        heading: pick('h2'),
        textarea: pick('textarea'),
        starter: pick('.starters button'),
        inputSize: getComputedStyle(root?.querySelector('textarea') as Element).fontSize,
        hostPara: getComputedStyle(document.querySelector('p') as Element).fontFamily,
      }
    })
    expect(styles.hostPara).toBe('serif') // the hostile rule does apply to the host page
    for (const s of [styles.heading, styles.textarea, styles.starter]) {
      expect(s.font).toMatch(/^system-ui/)
      expect(s.color).not.toBe('rgb(255, 0, 0)')
    }
    expect(Number.parseFloat(styles.inputSize)).toBeGreaterThanOrEqual(16) // no iOS zoom
    expect(await inWidget(page, '.starters').evaluate((e) => getComputedStyle(e).display)).toBe(
      'flex',
    )
    await shot(page, '10-hostile-host-css')
    await askAndWait(page, 'What is the centrality of the Netherlands?')
    expect(await inWidget(page, '.starters').evaluate((e) => getComputedStyle(e).display)).toBe(
      'none',
    )
    expect(cspErrors).toEqual([])
    // The browser got the widget compressed, with a validator for the next visit.
    const widgetJs = responses.get(`${rig.app.url}/widget.js`)
    expect(widgetJs?.['content-encoding']).toBe('gzip')
    expect(widgetJs?.etag).toMatch(/^W\/"[0-9a-f]{40}"$/)
    await context.close()
  })

  it('shows a typing indicator when the server hangs, then gives up with a clear message', async () => {
    const { context, page } = await openPage(
      rig,
      hostPage(rig, { attrs: { 'data-endpoint': rig.hungUrl, 'data-timeout': '2' } }),
    )
    await inWidget(page, 'button.launcher').click()
    await inWidget(page, 'form:not(.comment) > textarea').fill('What is the centrality of Japan?')
    await inWidget(page, 'form:not(.comment) > textarea').press('Enter')
    const typing = inWidget(page, '.msg.assistant .typing')
    await typing.waitFor()
    expect(await typing.getAttribute('aria-label')).toBe('The assistant is answering…')
    expect(await inWidget(page, 'button.send').textContent()).toBe('Stop')
    await shot(page, '11-hung-server-typing')
    const started = Date.now()
    const error = inWidget(page, '.error')
    await error.waitFor({ timeout: 10_000 })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(await error.locator('p').textContent()).toBe(
      'No answer after 2 s. The assistant may be busy; please retry.',
    )
    expect(await inWidget(page, 'form:not(.comment) > textarea').inputValue()).toBe(
      'What is the centrality of Japan?',
    )
    expect(await inWidget(page, '.msg').count()).toBe(0)
    expect(await inWidget(page, 'button.send').textContent()).toBe('Send')
    await shot(page, '12-hung-server-timeout')
    await context.close()
  })

  it('Stop ends a question at once and keeps focus in the question box', async () => {
    const { context, page } = await openPage(
      rig,
      hostPage(rig, { attrs: { 'data-endpoint': rig.hungUrl, 'data-timeout': '60' } }),
    )
    await inWidget(page, 'button.launcher').click()
    await inWidget(page, 'form:not(.comment) > textarea').fill('What are the four advancements?')
    await inWidget(page, 'button.send').click()
    await inWidget(page, '.typing').waitFor()
    expect(await focused(page)).toBe('textarea.')
    await inWidget(page, 'button.send').click() // now "Stop"
    const error = inWidget(page, '.error')
    await error.waitFor({ timeout: 2000 })
    expect(await error.locator('p').textContent()).toBe(
      'Stopped. Your question is back in the box.',
    )
    expect(await inWidget(page, 'form:not(.comment) > textarea').inputValue()).toBe(
      'What are the four advancements?',
    )
    expect(await inWidget(page, '.typing').count()).toBe(0)
    await shot(page, '13-stopped')
    await context.close()
  })

  it('says when the assistant cannot be reached (server down), and recovers', async () => {
    const down = 'http://127.0.0.1:9' // the discard port: nothing listens there
    const { context, page } = await openPage(
      rig,
      hostPage(rig, { attrs: { 'data-endpoint': down } }),
    )
    await inWidget(page, 'button.launcher').click()
    await inWidget(page, 'form:not(.comment) > textarea').fill('What is the centrality of Japan?')
    await inWidget(page, 'form:not(.comment) > textarea').press('Enter')
    const error = inWidget(page, '.error')
    await error.waitFor({ timeout: 10_000 })
    expect(await error.locator('p').textContent()).toMatch(/Could not reach the assistant/)
    expect(await inWidget(page, 'form:not(.comment) > textarea').inputValue()).toBe(
      'What is the centrality of Japan?',
    )
    await context.close()
  })

  it('names each related passage of an out-of-scope answer, with its closest sentence', async () => {
    const { context, page } = await openPage(rig, hostPage(rig))
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, 'What is the capital of Peru?')
    const items = inWidget(page, 'ol.related li')
    expect(await items.count()).toBeGreaterThan(0)
    for (let i = 0; i < (await items.count()); i++) {
      const title = (await items.nth(i).locator('.r-title').textContent()) ?? ''
      const quote = (await items.nth(i).locator('.r-quote').textContent()) ?? ''
      expect(title).toMatch(/^§/)
      expect(quote.length).toBeGreaterThan(20)
    }
    await shot(page, '14-out-of-scope-related')
    await context.close()
  })

  it('a table-row card shows the column names, does not cover the answer, and closes on an outside click', async () => {
    const { context, page } = await openPage(rig, hostPage(rig))
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, "What is Switzerland's share of internationally coauthored papers?")
    await inWidget(page, '.msg.assistant .chip').first().click()
    const card = inWidget(page, '.card')
    await card.locator('dl:not([hidden])').waitFor()
    const pairs = await card
      .locator('dt')
      .evaluateAll((dts) => dts.map((d) => [d.textContent, d.nextElementSibling?.textContent]))
    expect(pairs).toContainEqual(['Economy', 'Switzerland'])
    expect(pairs).toContainEqual(['Share (percent)', '49.77'])
    expect(pairs.map((p) => p[0])).toContain(
      'Of which: number of internationally coauthored papers',
    )
    // "Copy answer" stays visible: inside the conversation's visible area, clear of the card.
    const copy = await rectOf(page, '.msg.assistant .actions button')
    const log = await rectOf(page, '.log')
    const cardBox = await rectOf(page, '.card')
    expect(copy.y).toBeGreaterThanOrEqual(log.y)
    expect(copy.bottom).toBeLessThanOrEqual(log.bottom)
    expect(copy.bottom <= cardBox.y || copy.y >= cardBox.bottom).toBe(true)
    await shot(page, '15-table-row-card')
    await inWidget(page, '.msg.user').first().click()
    await expect.poll(() => card.isHidden()).toBe(true)
    // And a click on the host page closes it too.
    await inWidget(page, '.msg.assistant .chip').first().click()
    await card.waitFor()
    await page.locator('h1').click()
    await expect.poll(() => card.isHidden()).toBe(true)
    await context.close()
  })

  it('renders a list answer as a list, with chips of at least 24 px', async () => {
    const { context, page } = await openPage(rig, hostPage(rig))
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, 'What are the three dimensions of new quality productive forces?')
    const items = inWidget(page, '.msg.assistant .body ul > li')
    expect(await items.count()).toBe(3)
    expect(await items.first().textContent()).toMatch(/^Factor dimension/)
    const chips = await inWidget(page, '.chip').evaluateAll((cs) =>
      cs.map((c) => {
        const r = c.getBoundingClientRect()
        return Math.min(r.width, r.height)
      }),
    )
    expect(chips.length).toBeGreaterThan(3)
    expect(Math.min(...chips)).toBeGreaterThanOrEqual(24)
    await shot(page, '16-list-answer')
    await context.close()
  })
})

describe.runIf(haveBrowser)('widget features (issue 15)', () => {
  it('verdict, follow-ups and feedback (the server’s v1.1 fields stood in for on /api/chat)', async () => {
    const { context, page } = await openPage(rig, hostPage(rig))
    await withContractFields(page, (_a, n) => ({
      id: `ans-${n}`,
      ...(n === 0
        ? {
            verdict: 'yes',
            followUps: ['What is the centrality of Germany?', 'And France?'],
          }
        : {}),
    }))
    const feedback: unknown[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/api/feedback')) feedback.push(JSON.parse(r.postData() ?? 'null'))
    })
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, 'What is the centrality of the Netherlands?')
    expect(await inWidget(page, '.verdict').textContent()).toBe('Verdict: Yes')
    const follow = inWidget(page, '.followups button')
    expect(await follow.allTextContents()).toEqual([
      'What is the centrality of Germany?',
      'And France?',
    ])
    await inWidget(page, 'button[aria-label="Not helpful"]').click()
    await expect.poll(() => feedback.length).toBe(1)
    expect(feedback[0]).toEqual({ answerId: 'ans-0', rating: 'down' })
    expect(
      await inWidget(page, 'button[aria-label="Not helpful"]').getAttribute('aria-pressed'),
    ).toBe('true')
    await inWidget(page, '.feedback textarea').fill('It should give the year.')
    await inWidget(page, '.feedback button[type="submit"]').click()
    await expect.poll(() => feedback.length).toBe(2)
    expect(feedback[1]).toEqual({
      answerId: 'ans-0',
      rating: 'down',
      comment: 'It should give the year.',
    })
    // This branch's server has no /api/feedback yet, and the insights server does not know the
    // stand-in's ids: both answer 404, which the widget explains.
    await expect
      .poll(() => inWidget(page, '.feedback .status').textContent())
      .toBe('This answer can no longer be rated.')
    await shot(page, '17-verdict-followups-feedback')
    await follow.first().click()
    await inWidget(page, '.msg.assistant:not([aria-busy]) .actions').nth(1).waitFor()
    expect(await inWidget(page, '.msg.user').last().textContent()).toBe(
      'What is the centrality of Germany?',
    )
    expect(await inWidget(page, '.msg.assistant .body').last().textContent()).toContain('6.4')
    // Only the latest answer's follow-ups are shown: the stand-in's are gone (the real server
    // suggests its own after a table answer, checked answerable).
    expect(await inWidget(page, '.followups').count()).toBeLessThanOrEqual(1)
    expect(await inWidget(page, '.followups button').allTextContents()).not.toContain('And France?')
    await context.close()
  })

  it('data-feedback="off" hides the feedback buttons', async () => {
    const { context, page } = await openPage(
      rig,
      hostPage(rig, { attrs: { 'data-feedback': 'off' } }),
    )
    await withContractFields(page, (_a, n) => ({ id: `ans-${n}` }))
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, 'What is the centrality of Japan?')
    expect(await inWidget(page, '.feedback').count()).toBe(0)
    await context.close()
  })

  it('welcome text, the source note, and the keyboard shortcut (left to a host that uses it)', async () => {
    const { context, page } = await openPage(
      rig,
      hostPage(rig, {
        attrs: { 'data-welcome': 'Hello!\n- Ask about *tables*\n- or passages' },
      }),
    )
    await page.locator('h1').click()
    await page.keyboard.press('Control+/')
    await inWidget(page, '.panel').waitFor()
    expect(await focused(page)).toBe('textarea.')
    const welcome = inWidget(page, '.msg.welcome')
    expect(await welcome.locator('li').count()).toBe(2)
    expect(await welcome.locator('em').textContent()).toBe('tables')
    expect(await inWidget(page, '.note').textContent()).toContain('only from Chapter 8')
    expect(await inWidget(page, 'button.launcher').getAttribute('aria-keyshortcuts')).toBe(
      'Control+/',
    )
    await shot(page, '18-welcome-shortcut')
    await page.keyboard.press('Escape')
    await inWidget(page, '.panel').waitFor({ state: 'hidden' })
    // A host page that handles the same key first keeps it.
    await page.evaluate(() =>
      document.addEventListener('keydown', (e) => {
        if (e.ctrlKey && e.key === '/') e.preventDefault()
      }),
    )
    await page.locator('h1').click()
    await page.keyboard.press('Control+/')
    await page.waitForTimeout(200)
    expect(await inWidget(page, '.panel').isHidden()).toBe(true)
    await context.close()
  })

  it('speaks Simplified Chinese, with any text overridden by one option', async () => {
    const { context, page } = await openPage(
      rig,
      hostPage(rig, {
        lang: 'zh-CN',
        attrs: { 'data-title': '', 'data-strings': '{"send":"提问"}' },
      }),
    )
    expect(await inWidget(page, 'button.launcher').textContent()).toBe('向本章提问')
    await inWidget(page, 'button.launcher').click()
    expect(await inWidget(page, 'button.send').textContent()).toBe('提问')
    expect(await inWidget(page, 'button[aria-label="清空对话"]').count()).toBe(1)
    expect(await inWidget(page, '.note').textContent()).toBe(
      '回答仅来自本书第八章，每一处说法都附有引文。',
    )
    await askAndWait(page, 'What is the centrality of Japan?')
    expect(await inWidget(page, 'button').filter({ hasText: '复制回答' }).count()).toBe(1)
    await shot(page, '19-chinese')
    await context.close()
  })

  it('expands on a desktop, and is full screen on a phone', async () => {
    const { context, page } = await openPage(rig, hostPage(rig), DESKTOP)
    await inWidget(page, 'button.launcher').click()
    const small = await rectOf(page, '.panel')
    await inWidget(page, 'button.expand').click()
    const large = await rectOf(page, '.panel')
    expect(small.width).toBeLessThanOrEqual(400)
    expect(large.width).toBeGreaterThanOrEqual(700)
    expect(large.height).toBeGreaterThan(small.height)
    expect(await inWidget(page, 'button.expand').getAttribute('aria-pressed')).toBe('true')
    await shot(page, '20-expanded-desktop')
    await context.close()

    const phone = await openPage(rig, hostPage(rig), PHONE)
    await inWidget(phone.page, 'button.launcher').tap()
    const full = await rectOf(phone.page, '.panel')
    expect(full).toMatchObject({ x: 0, y: 0, width: 375, height: 740 })
    expect(await inWidget(phone.page, 'button.expand').isHidden()).toBe(true)
    await inWidget(phone.page, 'form:not(.comment) > textarea').fill(
      'What is the centrality of France? I would like to know it, and where the chapter says so.',
    )
    expect((await rectOf(phone.page, 'textarea')).height).toBeGreaterThan(50)
    await inWidget(phone.page, 'button.send').tap()
    await inWidget(phone.page, '.msg.assistant:not([aria-busy]) .actions').waitFor()
    expect(await focused(phone.page)).toBe('textarea.') // not <body>
    // The box grew with a long question and is back to one line once it was sent.
    expect((await rectOf(phone.page, 'textarea')).height).toBeLessThan(50)
    const targets = await inWidget(phone.page, 'button:visible').evaluateAll((bs) =>
      bs.map((b) => {
        const r = b.getBoundingClientRect()
        return [b.textContent, Math.min(r.width, r.height)] as const
      }),
    )
    for (const [name, size] of targets) expect(size, name ?? '').toBeGreaterThanOrEqual(24)
    const scroll = await phone.page.evaluate(() => document.documentElement.scrollWidth)
    expect(scroll).toBeLessThanOrEqual(375)
    await shot(phone.page, '21-phone-full-screen')
    await phone.context.close()
  })

  it('follows a dark theme', async () => {
    const { context, page } = await openPage(
      rig,
      hostPage(rig, { attrs: { 'data-theme': 'auto' } }),
      { ...DESKTOP, colorScheme: 'dark' },
    )
    await inWidget(page, 'button.launcher').click()
    await askAndWait(page, 'What is the centrality of the Netherlands?')
    const c = await inWidget(page, '.panel').evaluate((p) => ({
      bg: getComputedStyle(p).backgroundColor,
      fg: getComputedStyle(p).color,
    }))
    expect(c.bg).toBe('rgb(17, 24, 39)')
    expect(contrast(c.fg, c.bg)).toBeGreaterThanOrEqual(7)
    await shot(page, '22-dark-theme')
    await context.close()
  })
})

describe.runIf(haveBrowser)('reader, docs and demo (issue 15)', () => {
  it('the reader fits a 375 px phone: no sideways scroll, the cite panel and the highlighted row on screen', async () => {
    // Switzerland's row of Table 8.3, as the widget links it.
    const { context, page } = await openPage(rig, `${rig.app.url}/read`, PHONE)
    const row = page.locator('[id="II.4/table-8.3/row-16"]')
    const [start, end] = [await row.getAttribute('data-start'), await row.getAttribute('data-end')]
    await page.goto(`${rig.app.url}/read?hl=${start}-${end}#hl`)
    await page.waitForLoadState('load')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.waitForTimeout(300)
    const cells = await page.locator('tr.hl > *').evaluateAll((cs) =>
      cs.map((c) => {
        const r = c.getBoundingClientRect()
        return { text: c.textContent?.trim(), left: r.left, right: r.right }
      }),
    )
    const share = cells.find((c) => c.text === '49.77')
    expect(share).toBeDefined()
    expect(share?.right).toBeLessThanOrEqual(375)
    expect(share?.left).toBeGreaterThanOrEqual(0)
    await shot(page, '23-reader-phone-highlight')
    await page.locator('tr.hl button.cite').tap()
    const panel = page.locator('#cite-panel')
    await panel.waitFor()
    const box = await panel.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true)
    await expect.poll(() => page.locator('#cite-text').textContent()).toContain('Table 8.3')
    await shot(page, '24-reader-phone-cite')
    await context.close()
  })

  it('“Cite this” offers a style choice, and is readable on the highlighted row in dark theme', async () => {
    const { context, page } = await openPage(rig, `${rig.app.url}/read?hl=20927-20953#hl`, {
      ...DESKTOP,
      colorScheme: 'dark',
    })
    const button = page.locator('tr.hl button.cite')
    const colours = await button.evaluate((b) => ({
      fg: getComputedStyle(b).color,
      bg: getComputedStyle(b).backgroundColor,
    }))
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5)
    await button.click()
    await expect.poll(() => page.locator('#cite-text').textContent()).toContain('In-text: (')
    await page.locator('#cite-style').selectOption('mla')
    await expect
      .poll(() => page.locator('#cite-text').textContent())
      .toMatch(/“Development of New Quality/)
    await page.locator('#cite-style').selectOption('bibtex')
    await expect.poll(() => page.locator('#cite-text').textContent()).toMatch(/@incollection\{/)
    await shot(page, '25-reader-dark-cite-style')
    // The choice is remembered.
    await page.reload()
    expect(await page.locator('#cite-style').inputValue()).toBe('bibtex')
    await context.close()
  })

  it('/docs is a usable page: contents, examples, the widget guide; no overflow on a phone', async () => {
    for (const [name, options] of [
      ['26-docs-desktop', DESKTOP],
      ['27-docs-phone', PHONE],
    ] as const) {
      const { context, page, cspErrors } = await openPage(rig, `${rig.app.url}/docs`, options)
      expect(await page.locator('nav[aria-label="Contents"] a').count()).toBeGreaterThan(15)
      await page.locator('nav a[href="#widget-attributes"]').click()
      expect(await page.locator('#widget-attributes').isVisible()).toBe(true)
      expect(await page.locator('#op-post-api-ask pre').count()).toBeGreaterThanOrEqual(2)
      const width = options.viewport.width
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      expect(cspErrors).toEqual([])
      await shot(page, name)
      await context.close()
    }
  })

  it('the demo shows a complete embed snippet with the real origin, unclipped at 1280 px', async () => {
    const { context, page } = await openPage(rig, `${rig.app.url}/`, DESKTOP)
    const snippet = page.locator('pre.snippet')
    expect(await snippet.textContent()).toContain(`<script src="${rig.app.url}/widget.js"`)
    const clipped = await snippet.evaluate((p) => p.scrollWidth > p.clientWidth)
    expect(clipped).toBe(false)
    const icon = await page.evaluate(() => fetch('/favicon.ico').then((r) => r.status))
    expect(icon).toBe(200)
    await shot(page, '28-demo')
    await context.close()
  })
})
