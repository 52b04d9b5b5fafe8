import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { projectPath } from '../../src/paths.ts'
import type { Answer } from '../../src/widget/client.ts'
import { answerForClipboard, readerLink, segments } from '../../src/widget/render.ts'

describe('widget rendering helpers', () => {
  it('splits answer text into text and [n] markers', () => {
    expect(segments('It is 45.57%. [1][2] Then [3]')).toEqual([
      { text: 'It is 45.57%. ' },
      { marker: 1 },
      { marker: 2 },
      { text: ' Then ' },
      { marker: 3 },
    ])
    expect(segments('<img src=x> [x] [1234]')).toEqual([{ text: '<img src=x> [x] [1234]' }])
  })

  it('copies an answer with its citations as plain text', () => {
    const a: Answer = {
      answer: 'Spain: 45.57%. [1]',
      answerable: true,
      standaloneQuestion: 'q',
      citations: [
        {
          n: 1,
          id: 'r',
          label: '§II.4, Table 8.3 (Spain)',
          section: 'II.4',
          sectionTitle: 'Abundant achievements',
          kind: 'table-row',
          quote: '13 Spain 3,676 1,675 45.57',
          start: 20927,
          end: 20953,
        },
      ],
    }
    expect(answerForClipboard(a)).toBe(
      'Spain: 45.57%. [1]\n\nCitations:\n[1] §II.4, Table 8.3 (Spain): “13 Spain 3,676 1,675 45.57”',
    )
    expect(readerLink('https://a.example', a.citations[0]!)).toBe(
      'https://a.example/read?hl=20927-20953#hl',
    )
  })
})

describe('the widget bundle', () => {
  it('builds with esbuild and stays within 30 KB gzipped', () => {
    const r = spawnSync(process.execPath, [projectPath('scripts', 'build.mjs')], {
      encoding: 'utf8',
    })
    expect(r.status, r.stderr).toBe(0)
    const js = readFileSync(projectPath('dist', 'widget.js'))
    const gz = gzipSync(js, { level: 9 }).length
    expect(gz).toBeLessThanOrEqual(30 * 1024)
    // No network beyond its endpoint: no hard-coded URLs to other hosts in the bundle (the SVG
    // namespace of the thumb icons is a name, never fetched).
    const urls = js.toString().match(/https?:\/\/[a-z0-9./-]+/gi) ?? []
    expect(urls.filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([])
  })
})

describe('widget colours', () => {
  // WCAG 2 relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number)
  }
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)]
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
  }
  const themes = (css: string) =>
    [...css.matchAll(/:host(?:\(\[data-theme="dark"\]\))? \{([^}]*--bg:[^}]*)\}/g)].map((m) =>
      Object.fromEntries(
        [...(m[1] as string).matchAll(/--([\w-]+): (#[0-9a-f]{6})/g)].map((v) => [v[1], v[2]]),
      ),
    )

  it('meet WCAG AA (≥ 4.5:1) for text in the light and dark themes', async () => {
    const { WIDGET_CSS } = await import('../../src/widget/styles.ts')
    const [light, dark] = themes(WIDGET_CSS)
    for (const t of [light, dark]) {
      expect(t).toBeDefined()
      const v = t as Record<string, string>
      const pairs: Array<[string, string]> = [
        ['fg', 'bg'],
        ['muted', 'bg'],
        ['accent', 'bg'],
        ['accent-fg', 'accent'],
        ['fg', 'bubble'],
        ['fg', 'chip'],
        ['error', 'bg'],
        ['muted', 'bubble'],
        ['ok', 'bubble'],
        ['no', 'bubble'],
      ]
      for (const [a, b] of pairs)
        expect(contrast(v[a] as string, v[b] as string), `${a} on ${b}`).toBeGreaterThanOrEqual(4.5)
    }
  })
})
