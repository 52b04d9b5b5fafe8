/**
 * The embeddable chat widget. One script tag adds it to any page:
 *
 *   <script src="https://assistant.example/widget.js" data-title="Ask Chapter 8" data-theme="auto"
 *           data-position="bottom-right" data-open="false" data-placeholder="Ask a question…"
 *           data-starters="Question one?|Question two?"></script>
 *
 * `data-endpoint` defaults to the origin the script came from. The widget is a custom element in
 * shadow DOM; every text it shows is inserted as text, never as HTML; it talks only to its
 * endpoint.
 */
import {
  type Answer,
  type Citation,
  formattedCitation,
  streamChat,
  type Turn,
  WidgetError,
} from './client.ts'
import { answerForClipboard, readerLink, segments } from './render.ts'
import { WIDGET_CSS } from './styles.ts'

interface Config {
  endpoint: string
  title: string
  placeholder: string
  theme: 'light' | 'dark' | 'auto'
  position: 'bottom-right' | 'bottom-left'
  open: boolean
  starters: string[]
}

interface Exchange {
  question: string
  answer: Answer | null
}

const TAG = 'chapter-assistant-widget'

/** Creates an element with attributes and children (text children become text nodes). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c)
  return e
}

class ChapterAssistantWidget extends HTMLElement {
  private config!: Config
  private root!: ShadowRoot
  private launcher!: HTMLButtonElement
  private panel!: HTMLDivElement
  private log!: HTMLDivElement
  private input!: HTMLTextAreaElement
  private send!: HTMLButtonElement
  private errorBox!: HTMLDivElement
  private card!: HTMLDivElement
  private starters!: HTMLDivElement
  private live!: HTMLDivElement
  private exchanges: Exchange[] = []
  private busy = false
  private lastQuestion = ''
  private cardOpener: HTMLElement | null = null

  configure(config: Config): void {
    this.config = config
    this.setAttribute('data-theme', config.theme)
    this.setAttribute('data-position', config.position)
    this.root = this.attachShadow({ mode: 'open' })
    this.applyStyles()
    this.build()
    this.restore()
    if (config.open) this.openPanel(false)
  }

  private applyStyles(): void {
    // A constructed stylesheet is not subject to the host page's style-src.
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(WIDGET_CSS)
      this.root.adoptedStyleSheets = [sheet]
    } else this.root.append(el('style', {}, WIDGET_CSS))
  }

  private build(): void {
    const { title, placeholder } = this.config
    const panelId = 'chapter-assistant-panel'
    this.launcher = el(
      'button',
      {
        class: 'launcher',
        type: 'button',
        'aria-expanded': 'false',
        'aria-controls': panelId,
        'aria-haspopup': 'dialog',
      },
      title,
    )
    this.launcher.addEventListener('click', () => this.openPanel(true))

    const heading = el('h2', { id: 'ca-title' }, title)
    const clear = el(
      'button',
      { class: 'icon', type: 'button', 'aria-label': 'Clear the conversation' },
      'Clear',
    )
    clear.addEventListener('click', () => this.clear())
    const close = el(
      'button',
      { class: 'icon', type: 'button', 'aria-label': 'Close the assistant' },
      '✕',
    )
    close.addEventListener('click', () => this.closePanel())
    this.log = el('div', {
      class: 'log',
      role: 'log',
      'aria-label': 'Conversation',
      'aria-live': 'polite',
      'aria-relevant': 'additions text',
    })
    this.live = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' })
    this.starters = el('div', {
      class: 'starters',
      role: 'group',
      'aria-label': 'Suggested questions',
    })
    for (const q of this.config.starters) {
      const b = el('button', { type: 'button' }, q)
      b.addEventListener('click', () => this.ask(q))
      this.starters.append(b)
    }
    const retry = el('button', { type: 'button' }, 'Retry')
    retry.addEventListener('click', () => this.ask(this.lastQuestion))
    this.errorBox = el('div', { class: 'error', role: 'alert', hidden: '' }, el('p'), retry)

    this.input = el('textarea', {
      rows: '1',
      placeholder,
      'aria-label': placeholder,
      maxlength: '2000',
    })
    this.send = el('button', { class: 'send', type: 'submit' }, 'Send')
    const form = el('form', { 'aria-label': 'Ask a question' }, this.input, this.send)
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      this.ask(this.input.value)
    })
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault()
        this.ask(this.input.value)
      }
    })
    this.card = el('div', {
      class: 'card',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'ca-card-title',
      hidden: '',
    })
    this.panel = el(
      'div',
      {
        class: 'panel',
        id: panelId,
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'ca-title',
        hidden: '',
      },
      el('header', {}, heading, clear, close),
      this.log,
      this.starters,
      this.errorBox,
      form,
      this.card,
      this.live,
    )
    this.panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      if (!this.card.hidden) this.closeCard()
      else this.closePanel()
    })
    this.root.append(this.launcher, this.panel)
  }

  private openPanel(focus: boolean): void {
    this.panel.hidden = false
    this.launcher.hidden = true
    this.launcher.setAttribute('aria-expanded', 'true')
    if (focus) this.input.focus()
  }

  private closePanel(): void {
    this.closeCard()
    this.panel.hidden = true
    this.launcher.hidden = false
    this.launcher.setAttribute('aria-expanded', 'false')
    this.launcher.focus()
  }

  private storageKey(): string {
    return `chapter-assistant:${this.config.endpoint}`
  }

  /** The conversation lasts for the page session (sessionStorage), so a reload keeps it. */
  private persist(): void {
    try {
      sessionStorage.setItem(
        this.storageKey(),
        JSON.stringify(this.exchanges.filter((x) => x.answer)),
      )
    } catch {
      // storage unavailable: the conversation still lasts until the page closes
    }
  }

  private restore(): void {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.storageKey()) ?? '[]') as Exchange[]
      for (const x of saved) {
        if (!x.answer || typeof x.question !== 'string') continue
        this.exchanges.push(x)
        this.renderUser(x.question)
        this.renderAnswer(this.newAssistantBubble(), x.answer, x.question)
      }
      this.starters.hidden = this.exchanges.length > 0
    } catch {
      // ignore a corrupt entry
    }
  }

  private clear(): void {
    this.exchanges = []
    this.log.replaceChildren()
    this.hideError()
    this.closeCard()
    this.starters.hidden = false
    this.persist()
    this.live.textContent = 'Conversation cleared.'
    this.input.focus()
  }

  private history(): Turn[] {
    return this.exchanges
      .filter((x) => x.answer)
      .flatMap((x) => [
        { role: 'user' as const, content: x.question },
        { role: 'assistant' as const, content: (x.answer as Answer).answer },
      ])
      .slice(-20)
  }

  private renderUser(q: string): void {
    this.log.append(el('div', { class: 'msg user' }, q))
  }

  private newAssistantBubble(): HTMLDivElement {
    const b = el('div', { class: 'msg assistant', 'aria-busy': 'true' })
    this.log.append(b)
    return b
  }

  /** Writes answer text with `[n]` markers as chips; all text goes in as text nodes. */
  private renderText(target: HTMLElement, text: string, citations: Citation[]): void {
    target.replaceChildren()
    for (const s of segments(text)) {
      if ('text' in s) {
        target.append(document.createTextNode(s.text))
        continue
      }
      const c = citations.find((x) => x.n === s.marker)
      if (!c) {
        target.append(document.createTextNode(`[${s.marker}]`))
        continue
      }
      const chip = el(
        'button',
        { class: 'chip', type: 'button', 'aria-label': `Citation ${c.n}: ${c.label}` },
        String(c.n),
      )
      chip.addEventListener('click', () => this.openCard(c, chip))
      target.append(chip)
    }
  }

  private renderAnswer(bubble: HTMLDivElement, a: Answer, question: string): void {
    bubble.replaceChildren()
    bubble.removeAttribute('aria-busy')
    if (a.standaloneQuestion && a.standaloneQuestion.trim() !== question.trim()) {
      bubble.append(el('span', { class: 'understood' }, `Understood as: ${a.standaloneQuestion}`))
    }
    const body = el('div', { class: 'body' })
    this.renderText(body, a.answer, a.citations)
    bubble.append(body)
    if (!a.answerable && a.related?.length) {
      const related = el('div', { class: 'related' }, 'Closest passages: ')
      for (const c of a.related) {
        const chip = el(
          'button',
          { class: 'chip', type: 'button', 'aria-label': `Related passage ${c.n}: ${c.label}` },
          String(c.n),
        )
        chip.addEventListener('click', () => this.openCard(c, chip))
        related.append(chip)
      }
      bubble.append(related)
    }
    const copy = el('button', { type: 'button' }, 'Copy answer')
    copy.addEventListener('click', async () => {
      const ok = await this.copy(answerForClipboard(a))
      copy.textContent = ok ? 'Copied' : 'Copy failed'
    })
    bubble.append(el('div', { class: 'actions' }, copy))
  }

  private async ask(raw: string): Promise<void> {
    const question = raw.trim()
    if (!question || this.busy) return
    this.busy = true
    this.lastQuestion = question
    this.hideError()
    this.starters.hidden = true
    this.send.disabled = true
    this.input.value = ''
    this.renderUser(question)
    const bubble = this.newAssistantBubble()
    const body = el('div', { class: 'body' })
    bubble.append(body)
    let streamed = ''
    let citations: Citation[] = []
    this.live.textContent = 'Answering…'
    try {
      const answer = await streamChat(
        this.config.endpoint,
        [...this.history(), { role: 'user', content: question }],
        {
          onCitations: (c) => {
            citations = c
          },
          onToken: (t) => {
            streamed += t
            this.renderText(body, streamed, citations)
            this.log.scrollTop = this.log.scrollHeight
          },
        },
      )
      this.renderAnswer(bubble, answer, question)
      this.exchanges.push({ question, answer })
      this.persist()
      this.live.textContent = answer.answerable
        ? `Answer ready with ${answer.citations.length} citation${answer.citations.length === 1 ? '' : 's'}.`
        : 'The chapter does not cover this question.'
    } catch (err) {
      bubble.remove()
      this.log.lastElementChild?.remove() // the question goes back into the box for a retry
      this.input.value = question
      this.showError(
        err instanceof WidgetError ? err.message : 'Something went wrong. Please retry.',
      )
    } finally {
      this.busy = false
      this.send.disabled = false
      this.log.scrollTop = this.log.scrollHeight
    }
  }

  private showError(message: string): void {
    const p = this.errorBox.querySelector('p') as HTMLParagraphElement
    p.textContent = message
    this.errorBox.hidden = false
    this.live.textContent = message
  }

  private hideError(): void {
    this.errorBox.hidden = true
  }

  private openCard(c: Citation, opener: HTMLElement): void {
    this.cardOpener = opener
    const copy = el('button', { type: 'button' }, 'Copy citation')
    const status = el('span', { class: 'status', role: 'status' })
    copy.addEventListener('click', async () => {
      status.textContent = 'Formatting…'
      const formatted = await formattedCitation(this.config.endpoint, c.quote)
      const text = formatted
        ? `“${c.quote}” — ${c.label}\n${formatted}`
        : `“${c.quote}” — ${c.label}`
      status.textContent = (await this.copy(text)) ? 'Citation copied.' : 'Could not copy.'
    })
    const link = el(
      'a',
      { href: readerLink(this.config.endpoint, c), target: '_blank', rel: 'noopener' },
      'Open in the reader',
    )
    const close = el('button', { type: 'button', 'aria-label': 'Close the citation' }, 'Close')
    close.addEventListener('click', () => this.closeCard())
    this.card.replaceChildren(
      el('h3', { id: 'ca-card-title', tabindex: '-1' }, `[${c.n}] ${c.label}`),
      el('blockquote', {}, c.quote),
      el('div', { class: 'row' }, copy, link, close),
      status,
    )
    this.card.hidden = false
    ;(this.card.querySelector('h3') as HTMLElement).focus()
  }

  private closeCard(): void {
    if (this.card.hidden) return
    this.card.hidden = true
    this.cardOpener?.focus()
    this.cardOpener = null
  }

  private async copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      return false
    }
  }
}

/** Reads the configuration from the script tag's data attributes. */
function configFrom(script: HTMLScriptElement | null): Config {
  const d = script?.dataset ?? {}
  const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin
  const theme = d.theme === 'light' || d.theme === 'dark' ? d.theme : 'auto'
  return {
    endpoint: (d.endpoint ?? scriptOrigin).replace(/\/+$/, ''),
    title: d.title ?? 'Ask the chapter',
    placeholder: d.placeholder ?? 'Ask a question about the chapter…',
    theme,
    position: d.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    open: d.open === 'true',
    starters: (d.starters ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 6),
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, ChapterAssistantWidget)
const script = document.currentScript as HTMLScriptElement | null
const mount = () => {
  const widget = document.createElement(TAG) as ChapterAssistantWidget
  document.body.append(widget)
  widget.configure(configFrom(script))
}
if (document.body) mount()
else document.addEventListener('DOMContentLoaded', mount, { once: true })
