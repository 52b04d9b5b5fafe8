import { createServer } from 'node:http'
import { describe, expect, it } from 'vitest'
import { WIDGET_STRING_KEYS } from '../../src/server/pages/docs.ts'
import {
  type Answer,
  type Citation,
  sendFeedback,
  type TableData,
} from '../../src/widget/client.ts'
import {
  configFrom,
  DEFAULT_SHORTCUT,
  matchesShortcut,
  parseShortcut,
} from '../../src/widget/config.ts'
import { inlines, parseMarkup, plainText } from '../../src/widget/markup.ts'
import {
  answerView,
  closestSentence,
  firstSentence,
  rowFields,
  tableIdOf,
} from '../../src/widget/render.ts'
import { EN, fill, pickLanguage, stringsFor, ZH_CN } from '../../src/widget/strings.ts'

const citation = (over: Partial<Citation> = {}): Citation => ({
  n: 1,
  id: 'III.4/p-1/part-2',
  label: '§III.4, ¶1',
  section: 'III.4',
  sectionTitle: 'Level up patient capital',
  kind: 'paragraph',
  quote:
    'For one thing, countries should establish effective mechanisms that link government funding. It goes on.',
  start: 26470,
  end: 26700,
  ...over,
})

const answer = (over: Partial<Answer> = {}): Answer => ({
  answer: 'Yes. China leads. [1]',
  answerable: true,
  citations: [citation()],
  standaloneQuestion: 'Does China lead?',
  ...over,
})

describe('the small safe grammar of answers', () => {
  it('turns "- " lines into a list after a paragraph, markers kept in place', () => {
    expect(parseMarkup('Three dimensions: [1]\n- Factor [2]\n- Technology [3]')).toEqual([
      { p: [{ text: 'Three dimensions: ' }, { marker: 1 }] },
      {
        list: 'ul',
        items: [
          [{ text: 'Factor ' }, { marker: 2 }],
          [{ text: 'Technology ' }, { marker: 3 }],
        ],
      },
    ])
  })

  it('reads numbered lists, keeps their start, and separates paragraphs and line breaks', () => {
    expect(parseMarkup('3. c\n4) d\n\nOne\ntwo')).toEqual([
      { list: 'ol', start: 3, items: [[{ text: 'c' }], [{ text: 'd' }]] },
      { p: [{ text: 'One' }, { br: true }, { text: 'two' }] },
    ])
  })

  it('reads **strong**, *emphasis* and _emphasis_, but not 2*3*4, snake_case or a lone *', () => {
    expect(inlines('a **b [2]** *c* _d_')).toEqual([
      { text: 'a ' },
      { strong: [{ text: 'b ' }, { marker: 2 }] },
      { text: ' ' },
      { em: [{ text: 'c' }] },
      { text: ' ' },
      { em: [{ text: 'd' }] },
    ])
    for (const t of ['2*3*4', 'snake_case_name', 'a * b', '* not closed'])
      expect(inlines(t)).toEqual([{ text: t }])
  })

  it('keeps HTML as text: the grammar has no way to make an element from the input', () => {
    const evil = '<img src=x onerror=alert(1)> & <script>x</script>'
    const blocks = parseMarkup(`${evil}\n- ${evil}`)
    expect(plainText((blocks[0] as { p: [] }).p)).toBe(evil)
    expect(JSON.stringify(blocks)).not.toMatch(/"(tag|html)"/)
  })
})

describe('what an answer shows', () => {
  it('shows the verdict plainly, and nothing when there is none', () => {
    expect(answerView(answer({ verdict: 'yes' }), { feedback: true }).verdict).toBe('verdictYes')
    expect(answerView(answer({ verdict: 'no' }), { feedback: true }).verdict).toBe('verdictNo')
    expect(answerView(answer({ verdict: 'not-stated' }), { feedback: true }).verdict).toBe(
      'verdictNotStated',
    )
    expect(answerView(answer(), { feedback: true }).verdict).toBeNull()
    expect(answerView(answer({ verdict: 'maybe' as 'yes' }), { feedback: true }).verdict).toBeNull()
  })

  it('offers feedback only for an answer with an id, and never when the page turns it off', () => {
    expect(answerView(answer({ id: 'a1' }), { feedback: true }).feedback).toBe(true)
    expect(answerView(answer({ id: 'a1' }), { feedback: false }).feedback).toBe(false)
    expect(answerView(answer(), { feedback: true }).feedback).toBe(false)
    expect(answerView(answer({ id: '' }), { feedback: true }).feedback).toBe(false)
  })

  it('shows at most 3 follow-ups, trimmed, without blanks or repeats', () => {
    const view = answerView(
      answer({
        followUps: [' And Canada? ', '', 'And Canada?', 'And Spain?', 'And Italy?', 'And Japan?'],
      }),
      { feedback: true },
    )
    expect(view.followUps).toEqual(['And Canada?', 'And Spain?', 'And Italy?'])
    expect(
      answerView(answer({ followUps: 'x' as unknown as string[] }), { feedback: true }).followUps,
    ).toEqual([])
  })

  it('names each related passage of an out-of-scope answer and gives its closest sentence', () => {
    const view = answerView(
      answer({
        answerable: false,
        citations: [],
        related: [
          citation(),
          citation({ n: 2, label: '§II.4, Table 8.3 (Spain)', sectionTitle: 'Table 8.3 (Spain)' }),
        ],
      }),
      { feedback: true },
    )
    expect(view.related.map((r) => [r.citation.n, r.title, r.sentence])).toEqual([
      [
        1,
        '§III.4, ¶1 — Level up patient capital',
        'For one thing, countries should establish effective mechanisms that link government funding.',
      ],
      [
        2,
        '§II.4, Table 8.3 (Spain)',
        'For one thing, countries should establish effective mechanisms that link government funding.',
      ],
    ])
    expect(answerView(answer({ related: [citation()] }), { feedback: true }).related).toEqual([])
  })

  it('picks the sentence of a related passage closest to the question', () => {
    const text = 'Solar power grew fast. Wind capacity fell in Europe. Hydro stayed flat.'
    expect(closestSentence(text, 'What happened to wind capacity?')).toBe(
      'Wind capacity fell in Europe.',
    )
    expect(closestSentence(text, 'Anything about tides?')).toBe('Solar power grew fast.')
    expect(closestSentence(text)).toBe('Solar power grew fast.')
    expect(closestSentence('The Netherlands has 3.1 here. Japan has 2.2.', 'and Japan?')).toBe(
      'Japan has 2.2.',
    )
    expect(closestSentence('It is 3.1 in the Netherlands. Other.', 'Netherlands')).toBe(
      'It is 3.1 in the Netherlands.',
    )
  })

  it('shortens a long sentence at a word', () => {
    const long = `${'word '.repeat(60)}end.`
    const s = firstSentence(long, 50)
    expect(s.length).toBeLessThanOrEqual(51)
    expect(s.endsWith('word…')).toBe(true)
  })

  it('puts a table row under its column names', () => {
    const table: TableData = {
      id: '8.3',
      columns: [
        { key: 'rank', label: 'Ranking' },
        { key: 'economy', label: 'Economy' },
        { key: 'share', label: 'Share (percent)' },
      ],
      rows: [
        {
          id: 'II.4/table-8.3/row-13',
          rank: 13,
          economy: 'Spain',
          share: 45.57,
          printed: { rank: '13', economy: 'Spain', share: '45.57' },
        },
      ],
    }
    const c = citation({ id: 'II.4/table-8.3/row-13', kind: 'table-row' })
    expect(tableIdOf(c)).toBe('8.3')
    expect(tableIdOf(citation())).toBeNull()
    expect(rowFields(table, c.id)).toEqual([
      ['Ranking', '13'],
      ['Economy', 'Spain'],
      ['Share (percent)', '45.57'],
    ])
    expect(rowFields(table, 'nope')).toBeNull()
  })
})

describe('texts and languages', () => {
  it('ships every text in English and Simplified Chinese, with the same placeholders', () => {
    expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(EN).sort())
    for (const [k, v] of Object.entries(EN)) {
      const zh = ZH_CN[k as keyof typeof EN]
      expect(zh, k).not.toBe('')
      expect((zh.match(/\{\w+\}/g) ?? []).sort(), k).toEqual((v.match(/\{\w+\}/g) ?? []).sort())
    }
  })

  it('picks Chinese for zh, zh-CN and zh-Hans; English otherwise', () => {
    for (const t of ['zh', 'zh-CN', 'zh-Hans', 'zh_cn', 'ZH-hans-CN'])
      expect(pickLanguage(t), t).toBe('zh-CN')
    for (const t of ['en', 'fr', '', undefined, 'zh-TW'])
      expect(pickLanguage(t), String(t)).toBe('en')
  })

  it('overrides any text with one JSON option, ignoring unknown keys and bad JSON', () => {
    const s = stringsFor('zh-CN', '{"send":"提问","nope":"x","stop":3}')
    expect(s.send).toBe('提问')
    expect(s.stop).toBe(ZH_CN.stop)
    expect('nope' in s).toBe(false)
    expect(stringsFor('en', '{not json').send).toBe('Send')
    expect(fill(EN.rateLimitedWait, { seconds: 7 })).toContain('wait 7 s')
  })

  it('the docs list exactly the keys data-strings accepts', () => {
    expect([...WIDGET_STRING_KEYS].sort()).toEqual(Object.keys(EN).sort())
  })
})

describe('settings from the script tag', () => {
  it('has safe defaults', () => {
    const c = configFrom({}, 'https://a.example', 'en', false)
    expect(c).toMatchObject({
      endpoint: 'https://a.example',
      theme: 'auto',
      position: 'bottom-right',
      open: false,
      starters: [],
      welcome: '',
      lang: 'en',
      feedback: true,
      timeoutMs: 30_000,
    })
    expect(c.shortcut?.label).toBe('Ctrl+/')
    expect(DEFAULT_SHORTCUT).toBe('mod+/')
  })

  it('reads every attribute', () => {
    const c = configFrom(
      {
        endpoint: 'https://b.example/',
        title: 'Ask',
        placeholder: 'Type',
        theme: 'dark',
        position: 'bottom-left',
        open: 'true',
        starters: 'a?| b? |',
        welcome: 'Hi',
        lang: 'zh-CN',
        strings: '{"send":"问"}',
        feedback: 'off',
        timeout: '5',
        shortcut: 'off',
      },
      'https://a.example',
      'en',
      false,
    )
    expect(c).toMatchObject({
      endpoint: 'https://b.example',
      theme: 'dark',
      position: 'bottom-left',
      open: true,
      starters: ['a?', 'b?'],
      welcome: 'Hi',
      lang: 'zh-CN',
      feedback: false,
      timeoutMs: 5000,
      shortcut: null,
    })
    expect([c.strings.title, c.strings.placeholder, c.strings.send, c.strings.stop]).toEqual([
      'Ask',
      'Type',
      '问',
      '停止',
    ])
    expect(configFrom({ timeout: '-1' }, 'x', 'zh', false)).toMatchObject({
      timeoutMs: 30_000,
      lang: 'zh-CN',
    })
  })

  it('parses and matches shortcuts, with ⌘ on Apple systems', () => {
    const k = parseShortcut('mod+k', false)
    expect(k).toMatchObject({ key: 'k', mod: true, shift: false, alt: false, label: 'Ctrl+K' })
    expect(parseShortcut('mod+k', true)?.label).toBe('⌘K')
    expect(parseShortcut('hyper+k', false)).toBeNull()
    expect(parseShortcut('ctrl+enter', false)).toBeNull()
    const ev = (o: Partial<KeyboardEvent>) => ({
      key: 'k',
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...o,
    })
    expect(matchesShortcut(ev({ ctrlKey: true }), k!, false)).toBe(true)
    expect(matchesShortcut(ev({ ctrlKey: true, shiftKey: true }), k!, false)).toBe(false)
    expect(matchesShortcut(ev({}), k!, false)).toBe(false)
    expect(matchesShortcut(ev({ metaKey: true }), k!, true)).toBe(true)
    expect(matchesShortcut(ev({ ctrlKey: true }), k!, true)).toBe(false)
    const slash = parseShortcut('/', false)!
    expect(matchesShortcut(ev({ key: '/' }), slash, false)).toBe(true)
  })
})

describe('feedback over real HTTP', () => {
  it('posts {answerId, rating, comment} and reports accepted, expired and failed', async () => {
    const seen: unknown[] = []
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        const parsed = JSON.parse(body) as { answerId: string }
        seen.push({ path: req.url, type: req.headers['content-type'], body: parsed })
        const status = parsed.answerId === 'gone' ? 404 : parsed.answerId === 'boom' ? 500 : 202
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}')
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    try {
      expect(
        await sendFeedback(url, { answerId: 'a1', rating: 'down', comment: 'Missing the year.' }),
      ).toBe('sent')
      expect(await sendFeedback(url, { answerId: 'gone', rating: 'up' })).toBe('expired')
      expect(await sendFeedback(url, { answerId: 'boom', rating: 'up' })).toBe('failed')
      expect(seen[0]).toEqual({
        path: '/api/feedback',
        type: 'application/json',
        body: { answerId: 'a1', rating: 'down', comment: 'Missing the year.' },
      })
    } finally {
      server.close()
    }
    expect(await sendFeedback(url, { answerId: 'a1', rating: 'up' })).toBe('failed')
  })
})
