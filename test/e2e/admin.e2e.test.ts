import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnswerRecord, CitedRef } from '../../src/insights/types.ts'
import { SqliteInsightsStore } from '../../src/node/insights-sqlite.ts'
import { startServer } from '../../src/node/server.ts'
import { projectPath } from '../../src/paths.ts'
import { daysAgo, tempDir } from '../insights/helpers.ts'

/**
 * The site owner's dashboard in Debian's Chromium: sign-in, every panel on seeded data (the past
 * two weeks) and on data produced today by real asks and ratings through the API, the reader link
 * of a disliked answer's citation, and the CSV export. Screenshots go to test/artifacts/admin/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveBrowser = existsSync(CHROMIUM)
if (!haveBrowser) {
  if (process.env.REQUIRE_BROWSER === '1')
    throw new Error(`Chromium is required for the end-to-end tests but ${CHROMIUM} is missing.`)
  console.warn(`\n  ⚠ end-to-end dashboard tests NOT RUN: ${CHROMIUM} is missing.\n`)
}
const ARTIFACTS = projectPath('test', 'artifacts', 'admin')
const TOKEN = 'dashboard-e2e-token-0123456789'
const PANELS = ['daily', 'unanswered', 'disliked', 'cited', 'latency'] as const

let app: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let dir: ReturnType<typeof tempDir>
const today = new Date().toISOString().slice(0, 10)
/** What today's real asks got: how many were answered and refused. */
const real = { answered: 0, refused: 0 }
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

const post = (path: string, body: unknown) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

/** Two weeks of answers, with real spans of the chapter, written straight into the file. */
async function seed(file: string): Promise<void> {
  const section = async (id: string) =>
    ((await (await fetch(`${app.url}/api/sections/${id}`)).json()) as { blocks: CitedRef[] }).blocks
  const blocks = [
    ...(await section('II.4')),
    ...(await section('I.1')),
    ...(await section('III.2')),
  ].filter((b) => b.kind !== 'heading')
  const cite = (i: number): CitedRef => {
    const b = blocks[i % blocks.length] as CitedRef
    return {
      id: b.id,
      label: b.label,
      section: b.section,
      kind: b.kind,
      start: b.start,
      end: b.end,
    }
  }
  const unanswered = [
    'What is a good recipe for kimchi?',
    'Recipe for kimchi?',
    'a good kimchi recipe',
    'Who won the 2022 World Cup?',
    'Who won the World Cup in 2022?',
    'What is the population of Mars?',
  ]
  const answers: AnswerRecord[] = []
  let n = 0
  for (let day = 14; day >= 1; day--) {
    const perDay = 4 + ((day * 7) % 9)
    for (let i = 0; i < perDay; i++) {
      const refused = (day + i) % 4 === 0
      const q = refused
        ? (unanswered[(day + i) % unanswered.length] as string)
        : `What does the chapter say about topic ${i % 5}?`
      answers.push({
        id: `seed-${n++}`,
        at: daysAgo(day) - i * 60_000,
        question: q,
        standaloneQuestion: q,
        route: refused ? 'abstain' : (['table', 'passage', 'list'][i % 3] as string),
        answerable: !refused,
        answer: refused
          ? 'The chapter does not cover this question.'
          : `Seeded answer ${n}: a quoted sentence of the chapter. [1] [2]`,
        citations: refused ? [] : [cite(n), cite(n * 3 + 1)],
        latencyMs: [0.3, 0.8, 1.6, 4, 12, 30][n % 6] as number,
      })
    }
  }
  const store = new SqliteInsightsStore(file)
  await store.write({
    answers,
    feedback: answers
      .filter((_, i) => i % 5 === 0)
      .map((a, i) => ({
        answerId: a.id,
        rating: i % 2 ? 'up' : 'down',
        ...(i % 2 ? {} : { comment: `Seeded comment ${i}` }),
        at: a.at + 1000,
      })),
  })
  await store.close()
}

beforeAll(async () => {
  if (!haveBrowser) return
  const built = spawnSync(process.execPath, [projectPath('scripts', 'build.mjs')], {
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(built.stderr)
  mkdirSync(ARTIFACTS, { recursive: true })
  dir = tempDir('insights-e2e-')
  const file = join(dir.dir, 'insights.db')
  app = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    config: { rateLimitPerMinute: 0 },
    logger: { info: () => {} },
    llm: null,
    insights: { enabled: true, databasePath: file, adminToken: TOKEN, retentionDays: 90 },
  })
  await seed(file)
  // Today: real asks and ratings through the API.
  const asks = [
    'What is the centrality of Japan?',
    'How many papers did Germany publish?',
    'What is the centrality of Japan?',
    'Which economy has the highest share of coauthored papers?',
    'What is a good recipe for kimchi?',
    'Give me a kimchi recipe',
    'Who is the president of France?',
  ]
  for (const question of asks) {
    const a = (await (await post('/api/ask', { question })).json()) as {
      id: string
      answerable: boolean
    }
    if (a.answerable) real.answered++
    else real.refused++
    if (question.includes('Germany'))
      expect(
        (
          await post('/api/feedback', {
            answerId: a.id,
            rating: 'down',
            comment: 'I wanted the 2020 figure.',
          })
        ).status,
      ).toBe(202)
    if (question.includes('highest'))
      expect((await post('/api/feedback', { answerId: a.id, rating: 'up' })).status).toBe(202)
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
      '--disable-sync',
    ],
  })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  dir?.remove()
})

async function signedIn(): Promise<{
  context: BrowserContext
  page: Page
  cspErrors: string[]
  requests: string[]
}> {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 900 },
    acceptDownloads: true,
  })
  const page = await context.newPage()
  const cspErrors: string[] = []
  const requests: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text())
  })
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(`${app.url}/admin`)
  await page.locator('input[name="token"]').fill(TOKEN)
  await Promise.all([
    page.waitForURL(`${app.url}/admin`),
    page.locator('button[type="submit"]').click(),
  ])
  await page.locator('#panel-daily').waitFor()
  return { context, page, cspErrors, requests }
}

const shotPanels = async (page: Page, prefix: string) => {
  for (const p of PANELS)
    await page.locator(`#panel-${p}`).screenshot({ path: join(ARTIFACTS, `${prefix}-${p}.png`) })
}

describe.runIf(haveBrowser)('the dashboard in a real browser', () => {
  it('asks for the token, refuses a wrong one, and signs in with an HttpOnly cookie', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } })
    const page = await context.newPage()
    await page.goto(`${app.url}/admin`)
    await page.screenshot({ path: join(ARTIFACTS, '01-sign-in.png') })
    await page.locator('input[name="token"]').fill('not-the-token')
    await page.locator('button[type="submit"]').click()
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('not right')
    await page.screenshot({ path: join(ARTIFACTS, '02-wrong-token.png') })
    await page.locator('input[name="token"]').fill(TOKEN)
    await page.locator('button[type="submit"]').click()
    await page.locator('#panel-daily').waitFor()
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({
      name: 'admin_session',
      httpOnly: true,
      sameSite: 'Strict',
      secure: false,
      path: '/',
    })
    // Scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe('')
    await context.close()
  })

  it('shows every panel on two weeks of seeded data, within the page CSP', async () => {
    const { context, page, cspErrors, requests } = await signedIn()
    await page.goto(`${app.url}/admin?from=${isoDay(daysAgo(14))}&to=${isoDay(daysAgo(1))}`)
    await page.screenshot({ path: join(ARTIFACTS, '10-seeded-full.png'), fullPage: true })
    await shotPanels(page, '1x-seeded')
    // Questions per day: one bar group per day of the range, with exact figures in <title>.
    expect(await page.locator('#panel-daily svg g.day').count()).toBe(14)
    const asked = Number(await page.locator('#panel-daily .totals b').first().textContent())
    expect(asked).toBeGreaterThan(80)
    // Unanswered questions, grouped by similarity: the kimchi wordings are one group.
    const groups = page.locator('#panel-unanswered tbody tr')
    const first = await groups.first().locator('td').allTextContents()
    expect(first[0]).toMatch(/kimchi/i)
    expect(Number(first[1])).toBeGreaterThanOrEqual(3)
    expect(await page.locator('#panel-unanswered').textContent()).toMatch(/World Cup/)
    // Disliked answers with their comments and citations.
    expect(await page.locator('#panel-disliked li p.answer').count()).toBeGreaterThan(3)
    expect(await page.locator('#panel-disliked').textContent()).toContain('Seeded comment')
    // The strip covers the chapter's sections; cited ones are darker.
    const bands = page.locator('#panel-cited svg a.band rect')
    expect(await bands.count()).toBeGreaterThan(10)
    const opacities = await bands.evaluateAll((rs) =>
      rs.map((r) => Number(r.getAttribute('fill-opacity'))),
    )
    expect(Math.max(...opacities)).toBe(1)
    expect(Math.min(...opacities)).toBeLessThan(0.1)
    // Latency: one bar per bucket, the percentiles in the caption.
    expect(await page.locator('#panel-latency .chart-caption').textContent()).toMatch(
      /median \d+\.\d+ ms, p90/,
    )
    expect(cspErrors).toEqual([])
    expect(requests.every((u) => u.startsWith(app.url))).toBe(true)
    await context.close()
  })

  it('shows today’s real asks and ratings, links a citation to the reader span, and exports CSV', async () => {
    const { context, page, cspErrors } = await signedIn()
    // The range form.
    await page.locator('input[name="from"]').fill(today)
    await page.locator('input[name="to"]').fill(today)
    await Promise.all([page.waitForURL(/from=/), page.locator('form.range button').click()])
    await page.screenshot({ path: join(ARTIFACTS, '20-real-full.png'), fullPage: true })
    await shotPanels(page, '2x-real')
    const totals = await page.locator('#panel-daily .totals b').allTextContents()
    // asked, answered, refused, 👍, 👎
    expect(totals.map(Number)).toEqual([7, real.answered, real.refused, 1, 1])
    expect(real.refused).toBeGreaterThanOrEqual(2)
    const unanswered = await page
      .locator('#panel-unanswered tbody tr')
      .first()
      .locator('td')
      .allTextContents()
    expect(unanswered[0]).toMatch(/kimchi/i)
    expect(Number(unanswered[1])).toBeGreaterThanOrEqual(2)
    const disliked = page.locator('#panel-disliked ol.disliked > li')
    expect(await disliked.count()).toBe(1)
    expect(await disliked.textContent()).toContain('How many papers did Germany publish?')
    expect(await disliked.textContent()).toContain('I wanted the 2020 figure.')
    expect(await page.locator('#panel-cited tbody').textContent()).toContain('Japan')
    // The citation opens the reader at its span.
    const link = disliked.locator('.cites a').first()
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toMatch(/^\/read\?hl=\d+-\d+$/)
    await Promise.all([page.waitForURL(/\/read\?hl=/), link.click()])
    await page.locator('#hl').waitFor()
    // A table row is highlighted whole (class "hl"); its first cell holds the #hl anchor.
    expect(await page.locator('tr.hl').textContent()).toContain('Germany')
    await page.screenshot({ path: join(ARTIFACTS, '30-reader-from-disliked.png') })
    await page.goBack()
    // CSV export of the same range, downloaded by the browser with its session.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[download]').click(),
    ])
    const path = await download.path()
    const csv = await import('node:fs').then((fs) => fs.readFileSync(path, 'utf8'))
    const lines = csv.trimEnd().split('\r\n')
    expect(lines).toHaveLength(8)
    expect(csv).toContain('How many papers did Germany publish?')
    expect(download.suggestedFilename()).toBe(`insights-${today}-${today}.csv`)
    expect(cspErrors).toEqual([])
    // Signing out ends the session.
    await Promise.all([
      page.waitForURL(`${app.url}/admin`),
      page.locator('form.inline button').click(),
    ])
    await page.locator('input[name="token"]').waitFor()
    expect(await context.cookies()).toEqual([])
    await context.close()
  })
})
