import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
    env: { ...process.env, LLM_BASE_URL: '' },
  })

describe('the ask command', () => {
  it('prints the answer with numbered citations (label and quote)', () => {
    const r = cli(['ask', 'What is the centrality of the Netherlands?'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Netherlands has a centrality of 3.1, 9th of 30. [1]')
    expect(r.stdout).toContain('[1] §II.4, Table 8.4 (Netherlands)')
    expect(r.stdout).toContain('“Netherlands 3.1”')
  })

  it('keeps the conversation in chat mode', () => {
    const r = cli(
      ['ask', '--chat'],
      "What is Spain's share of internationally coauthored papers?\nAnd Canada's?\n\n",
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('45.57%')
    expect(r.stdout).toContain(
      // The last answer came from Table 8.3, so the follow-up asks that table.
      "(understood as: What is Canada's share of internationally coauthored papers in Table 8.3?)",
    )
    expect(r.stdout).toContain('34.97%')
  })

  it('rejects an unknown command with the usage', () => {
    const r = cli(['frobnicate'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('unknown command "frobnicate"')
    expect(r.stderr).toContain('ask "question"')
  })
})
