import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Answer } from '../../src/answer/types.ts'
import { projectPath } from '../../src/paths.ts'
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
    // No network beyond its endpoint: no hard-coded URLs to other hosts in the bundle.
    expect(js.toString().match(/https?:\/\/[a-z0-9.-]+/gi) ?? []).toEqual([])
  })
})
