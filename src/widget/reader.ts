/**
 * The reader page's script: "Cite this" on every block (through `/api/cite`, in the style chosen
 * in the panel: APA, MLA, Chicago or BibTeX, remembered), and scrolling to
 * the highlighted span of `?hl=START-END`. Text is only ever inserted as text.
 */
const panel = document.getElementById('cite-panel') as HTMLDivElement
const out = document.getElementById('cite-text') as HTMLPreElement
const status = document.getElementById('cite-status') as HTMLParagraphElement
const styleSelect = document.getElementById('cite-style') as HTMLSelectElement | null
/** Where the chosen citation style is remembered between visits. */
const STYLE_KEY = 'chapter-assistant:cite-style'
let opener: HTMLButtonElement | null = null

try {
  const saved = localStorage.getItem(STYLE_KEY)
  if (styleSelect && saved && [...styleSelect.options].some((o) => o.value === saved))
    styleSelect.value = saved
} catch {
  // storage unavailable: APA stays the default
}

/** A block's own text: without its link, buttons and footnote numbers. */
function blockText(e: Element): string {
  const copy = e.cloneNode(true) as Element
  for (const x of copy.querySelectorAll('.anchor, .cite, .fnref, .backref, .muted, .rowlink'))
    x.remove()
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
}

async function cite(button: HTMLButtonElement, focusCopy = true): Promise<void> {
  const id = button.dataset.block ?? ''
  const target = document.getElementById(id)
  if (!target) return
  opener = button
  out.textContent = 'Formatting…'
  status.textContent = ''
  panel.hidden = false
  try {
    const res = await fetch('/api/cite', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: blockText(target).slice(0, 4000),
        style: styleSelect?.value ?? 'apa',
      }),
    })
    const body = (await res.json()) as {
      citation?: string
      matches?: Array<{ label: string; match: string }>
      detail?: string
    }
    if (!res.ok) throw new Error(body.detail ?? 'failed')
    const where = body.matches?.[0]?.label ? `${body.matches[0].label}\n` : ''
    out.textContent = `${where}${body.citation ?? ''}`
  } catch {
    out.textContent = 'The citation could not be made just now.'
  }
  if (focusCopy) (document.getElementById('cite-copy') as HTMLButtonElement).focus()
}

styleSelect?.addEventListener('change', () => {
  try {
    localStorage.setItem(STYLE_KEY, styleSelect.value)
  } catch {
    // not remembered, still used
  }
  if (opener && !panel.hidden) cite(opener, false)
})

document.addEventListener('click', (e) => {
  const b = (e.target as Element).closest('button.cite')
  if (b) cite(b as HTMLButtonElement)
})
document.getElementById('cite-copy')?.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(out.textContent ?? '')
    status.textContent = 'Copied.'
  } catch {
    status.textContent = 'Could not copy; select the text instead.'
  }
})
const closePanel = () => {
  panel.hidden = true
  opener?.focus()
}
document.getElementById('cite-close')?.addEventListener('click', closePanel)
panel.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') closePanel()
})

/** In a table wider than the screen, scrolls it so the highlighted row's last value shows too. */
function showWholeRow(mark: HTMLElement): void {
  const wrap = mark.closest('.table-wrap')
  const cells = mark.closest('tr')?.querySelectorAll('th, td:not(.rowlink)')
  const last = cells?.[cells.length - 1]
  if (!wrap || !last) return
  const over = last.getBoundingClientRect().right - wrap.getBoundingClientRect().right
  if (over > 0) wrap.scrollLeft += over
}

// The #hl fragment puts the highlight at the very top; once the page has loaded, centre it so
// its context shows.
const hl = document.getElementById('hl')
if (hl) {
  hl.setAttribute('tabindex', '-1')
  const centre = () =>
    requestAnimationFrame(() => {
      hl.scrollIntoView({ block: 'center' })
      hl.focus({ preventScroll: true })
      showWholeRow(hl)
    })
  if (document.readyState === 'complete') centre()
  else window.addEventListener('load', centre, { once: true })
}
