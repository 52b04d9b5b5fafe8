#!/usr/bin/env node
// Checks a robustness split (eval/robust/*.json) and fills in the offsets of its evidence spans.
// Usage: node scripts/robust-spans.mjs eval/robust/test.json [--write]
// Every evidence `text` must occur in corpus/chapter-08.txt; where it occurs more than once, the
// item must give `start` (the occurrence meant). Prints the items per family and every problem.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const FAMILIES = [
  'paraphrase',
  'typo',
  'long-message',
  'keyword',
  'table',
  'yes-no',
  'multi-part',
  'dialog',
  'refusal',
]
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const corpus = readFileSync(join(root, 'corpus', 'chapter-08.txt'), 'utf8')
const file = process.argv[2]
const write = process.argv.includes('--write')
if (!file) {
  console.error('usage: node scripts/robust-spans.mjs FILE [--write]')
  process.exit(2)
}
const data = JSON.parse(readFileSync(file, 'utf8'))
const problems = []
const counts = Object.fromEntries(FAMILIES.map((f) => [f, 0]))
const ids = new Set()

function fillSpan(where, span) {
  if (typeof span?.text !== 'string' || span.text.length === 0) {
    problems.push(`${where}: evidence needs a non-empty text`)
    return
  }
  const hits = []
  for (let i = corpus.indexOf(span.text); i >= 0; i = corpus.indexOf(span.text, i + 1)) hits.push(i)
  if (hits.length === 0) {
    problems.push(`${where}: text not found in the chapter: ${JSON.stringify(span.text)}`)
    return
  }
  if (typeof span.start === 'number' && hits.includes(span.start)) {
    span.end = span.start + span.text.length
    return
  }
  if (hits.length > 1) {
    problems.push(
      `${where}: text occurs ${hits.length} times (at ${hits.join(', ')}); give start or a longer text: ${JSON.stringify(span.text)}`,
    )
    return
  }
  span.start = hits[0]
  span.end = hits[0] + span.text.length
}

function checkExpect(where, e, family) {
  if (!e || typeof e.answerable !== 'boolean')
    return problems.push(`${where}: expect.answerable must be true or false`)
  e.facts ??= []
  e.evidence ??= []
  if (
    !Array.isArray(e.facts) ||
    !e.facts.every(
      (f) =>
        typeof f === 'string' ||
        (Array.isArray(f) && f.length > 0 && f.every((x) => typeof x === 'string')),
    )
  )
    problems.push(`${where}: facts must be strings or lists of alternative strings`)
  if (e.answerable && e.facts.length === 0)
    problems.push(`${where}: an answerable item needs facts`)
  if (e.answerable && e.evidence.length === 0)
    problems.push(`${where}: an answerable item needs evidence`)
  if (e.verdict !== undefined && !['yes', 'no', 'not-stated'].includes(e.verdict))
    problems.push(`${where}: verdict must be yes, no or not-stated`)
  if (family === 'yes-no' && e.verdict === undefined)
    problems.push(`${where}: a yes-no item needs a verdict`)
  e.evidence.forEach((s, k) => {
    fillSpan(`${where} evidence ${k}`, s)
    for (const [m, a] of (s.alt ?? []).entries()) fillSpan(`${where} evidence ${k} alt ${m}`, a)
  })
}

for (const item of data.items ?? []) {
  const where = item.id ?? '(no id)'
  if (ids.has(item.id)) problems.push(`${where}: duplicate id`)
  ids.add(item.id)
  if (!FAMILIES.includes(item.family)) {
    problems.push(`${where}: unknown family ${item.family}`)
    continue
  }
  counts[item.family]++
  if (item.family === 'dialog') {
    if (!Array.isArray(item.turns) || item.turns.length < 2)
      problems.push(`${where}: a dialog needs 2 or more turns`)
    else
      item.turns.forEach((t, i) => {
        if (typeof t.question !== 'string' || !t.question.trim())
          problems.push(`${where} turn ${i + 1}: question missing`)
        checkExpect(`${where} turn ${i + 1}`, t.expect, item.family)
      })
  } else {
    if (typeof item.question !== 'string' || !item.question.trim())
      problems.push(`${where}: question missing`)
    else if (item.question.length > 2000)
      problems.push(`${where}: question longer than 2,000 characters`)
    checkExpect(where, item.expect, item.family)
  }
}
console.log(`${file}: ${data.items?.length ?? 0} items`)
for (const f of FAMILIES) console.log(`  ${f.padEnd(13)} ${counts[f]}`)
if (problems.length) {
  console.log(`${problems.length} problem(s):`)
  for (const p of problems) console.log(`  - ${p}`)
}
if (write) {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
  console.log(`offsets written to ${file}`)
}
process.exit(problems.length ? 1 : 0)
