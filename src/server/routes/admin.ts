import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { sectionLabel } from '../../chunk/chunk.ts'
import { groupQuestions } from '../../insights/cluster.ts'
import { itemsCsv } from '../../insights/csv.ts'
import type { Insights } from '../../insights/insights.ts'
import {
  type DateRange,
  fillDays,
  latencySummary,
  parseDateRange,
  sectionCounts,
  totals,
} from '../../insights/report.ts'
import type { ItemStatus } from '../../insights/types.ts'
import {
  isAdmin,
  isHttps,
  SignInLimiter,
  sameOrigin,
  secretsEqual,
  sessionCookie,
  sessionValue,
} from '../admin-auth.ts'
import {
  ADMIN_CSS,
  type DashboardData,
  renderDashboard,
  renderNotice,
  renderSignIn,
} from '../pages/admin.ts'
import { problem, sendProblem } from '../problem.ts'
import { newRouter } from '../router.ts'
import type { AppConfig, AppDeps } from '../types.ts'

/** Items listed by default and at most by `GET /api/admin/questions`. */
export const ITEMS_DEFAULT = 50
export const ITEMS_MAX = 1000
/** Rows of the CSV export at most. */
export const EXPORT_MAX = 50_000
/** Unanswered answers read to group them, and groups and 👎 answers shown on the dashboard. */
const DASHBOARD_UNANSWERED_READ = 2000
const DASHBOARD_GROUPS = 20
const DASHBOARD_DISLIKED = 20
const DASHBOARD_TOP_CITED = 15
/** Enough for every citable id of the chapter. */
const ALL_CITED = 10_000
/** The sign-in form is tiny. */
const SIGN_IN_BODY_BYTES = 4096
const STATUSES: readonly ItemStatus[] = ['unanswered', 'down', 'all']

const NO_STORE = { 'cache-control': 'no-store' }

/**
 * The site owner's dashboard (`/admin`) and its API (`/api/admin/stats`, `/questions`,
 * `/export.csv`), mounted at `/` and only when an admin token is configured (otherwise every
 * admin path is a 404). The API takes `Authorization: Bearer <token>` or the dashboard's session cookie;
 * signing in is rate-limited per client and compares the token in constant time; POSTs from
 * another origin are refused (CSRF).
 */
export function adminRoutes(
  deps: Pick<AppDeps, 'doc' | 'insights' | 'logger' | 'textLength'>,
  config: Pick<AppConfig, 'clientKey'>,
  token: string,
): OpenAPIHono {
  const app = newRouter()
  const insights = deps.insights
  const limiter = new SignInLimiter()
  const labelOf = (id: string) => {
    const s = deps.doc.sections.find((x) => x.id === id)
    return s ? `${sectionLabel(id)} ${s.title}` : id
  }
  const page = (c: Context, body: string, status: 200 | 401 | 403 | 429 | 503 = 200) =>
    c.html(body, status, NO_STORE)

  app.get('/admin/admin.css', (c) =>
    c.body(ADMIN_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  )

  app.get('/admin', async (c) => {
    if (!(await isAdmin(c, token, Date.now()))) return page(c, renderSignIn())
    if (!insights)
      return page(c, renderNotice('Insights are off (INSIGHTS=off): nothing is stored.'))
    const range = parseDateRange(c.req.query('from'), c.req.query('to'), Date.now())
    if ('error' in range) return page(c, renderNotice(`Bad date range: ${range.error}.`))
    try {
      return page(c, renderDashboard(await dashboard(insights, range)))
    } catch (err) {
      deps.logger?.error?.({ msg: 'insights read failed', error: String(err) })
      return page(c, renderNotice('The insights database is unavailable; see the server log.'), 503)
    }
  })

  app.post(
    '/admin/login',
    bodyLimit({
      maxSize: SIGN_IN_BODY_BYTES,
      onError: (c) => sendProblem(c, problem('payloadTooLarge')),
    }),
    async (c) => {
      if (!sameOrigin(c)) return page(c, renderSignIn('Sign in from this site’s own page.'), 403)
      const wait = limiter.attempt(config.clientKey(c), Date.now())
      if (wait > 0) {
        c.header('retry-after', String(wait))
        return page(c, renderSignIn(`Too many attempts; try again in ${wait} s.`), 429)
      }
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const given = typeof form.token === 'string' ? form.token : ''
      if (!given || !(await secretsEqual(given, token)))
        return page(c, renderSignIn('That token is not right.'), 401)
      c.header('set-cookie', sessionCookie(await sessionValue(token, Date.now()), isHttps(c)))
      return c.redirect('/admin', 303)
    },
  )

  app.post('/admin/logout', (c) => {
    if (!sameOrigin(c)) return page(c, renderSignIn('Sign out from this site’s own page.'), 403)
    c.header('set-cookie', sessionCookie('', isHttps(c), 0))
    return c.redirect('/admin', 303)
  })

  const requireAdmin: MiddlewareHandler = async (c, next) => {
    if (await isAdmin(c, token, Date.now())) return next()
    return sendProblem(
      c,
      problem('unauthorized', `Send Authorization: Bearer <ADMIN_TOKEN> or sign in at /admin.`),
      { 'www-authenticate': 'Bearer realm="admin"' },
    )
  }
  app.use('/api/admin/*', requireAdmin)

  const rangeOf = (c: Context) => parseDateRange(c.req.query('from'), c.req.query('to'), Date.now())
  const badRange = (c: Context, error: string) => sendProblem(c, problem('invalidRequest', error))
  const unavailable = (c: Context, err: unknown) => {
    deps.logger?.error?.({ msg: 'insights read failed', error: String(err) })
    return sendProblem(c, problem('storageUnavailable', 'The insights database is unavailable.'))
  }
  const off = (c: Context) =>
    sendProblem(c, problem('notFound', 'Insights are off (INSIGHTS=off): nothing is stored.'))

  app.get('/api/admin/stats', async (c) => {
    if (!insights) return off(c)
    const r = rangeOf(c)
    if ('error' in r) return badRange(c, r.error)
    try {
      await insights.flush()
      const days = fillDays(await insights.store.days(r.range), r.range)
      const cited = await insights.store.topCited(r.range, ALL_CITED)
      return c.json(
        {
          from: r.from,
          to: r.to,
          days,
          totals: totals(days),
          topSections: sectionCounts(cited, labelOf),
        },
        200,
        NO_STORE,
      )
    } catch (err) {
      return unavailable(c, err)
    }
  })

  app.get('/api/admin/questions', async (c) => {
    if (!insights) return off(c)
    const r = rangeOf(c)
    if ('error' in r) return badRange(c, r.error)
    const status = (c.req.query('status') ?? 'all') as ItemStatus
    if (!STATUSES.includes(status))
      return badRange(c, `status must be one of ${STATUSES.join(', ')}`)
    const limitText = c.req.query('limit') ?? String(ITEMS_DEFAULT)
    const limit = Number(limitText)
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > ITEMS_MAX)
      return badRange(c, `limit must be a whole number from 1 to ${ITEMS_MAX}`)
    try {
      const items = await insights.items(r.range, status, limit)
      return c.json(
        { items: items.map(({ answer: _a, cited: _c, latencyMs: _l, ...item }) => item) },
        200,
        NO_STORE,
      )
    } catch (err) {
      return unavailable(c, err)
    }
  })

  app.get('/api/admin/export.csv', async (c) => {
    if (!insights) return off(c)
    const r = rangeOf(c)
    if ('error' in r) return badRange(c, r.error)
    try {
      const items = await insights.items(r.range, 'all', EXPORT_MAX)
      return c.body(itemsCsv(items), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="insights-${r.from}-${r.to}.csv"`,
        ...NO_STORE,
      })
    } catch (err) {
      return unavailable(c, err)
    }
  })

  return app

  async function dashboard(ins: Insights, r: DateRange): Promise<DashboardData> {
    await ins.flush()
    const [days, cited, unanswered, disliked, latencies] = await Promise.all([
      ins.store.days(r.range),
      ins.store.topCited(r.range, ALL_CITED),
      ins.store.items(r.range, 'unanswered', DASHBOARD_UNANSWERED_READ),
      ins.store.items(r.range, 'down', DASHBOARD_DISLIKED),
      ins.store.latencies(r.range),
    ])
    const filled = fillDays(days, r.range)
    const perSection = new Map(sectionCounts(cited, labelOf).map((s) => [s.section, s.count]))
    // A section runs from its heading to the next heading, so the sections tile the chapter.
    const leaves = deps.doc.sections
    return {
      from: r.from,
      to: r.to,
      days: filled,
      totals: totals(filled),
      unanswered: groupQuestions(unanswered).slice(0, DASHBOARD_GROUPS),
      disliked,
      strip: leaves.map((s) => ({
        id: s.id,
        label: sectionLabel(s.id),
        title: s.title,
        start: s.start,
        end: s.end,
        count: perSection.get(s.id) ?? 0,
      })),
      textLength: deps.textLength ?? Math.max(...deps.doc.sections.map((s) => s.end)),
      topCited: cited.slice(0, DASHBOARD_TOP_CITED),
      latency: latencySummary(latencies),
      retentionDays: ins.retentionDays,
    }
  }
}
