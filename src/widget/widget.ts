/**
 * The embeddable chat widget. One script tag adds it to any page:
 *
 *   <script src="https://assistant.example/widget.js" data-title="Ask Chapter 8" data-theme="auto"
 *           data-position="bottom-right" data-open="false" data-placeholder="Ask a question…"
 *           data-starters="Question one?|Question two?" data-welcome="Hello!" data-lang="en"
 *           data-feedback="on" data-timeout="30" data-shortcut="mod+/"
 *           data-strings='{"send":"Ask"}'></script>
 *
 * `data-endpoint` defaults to the origin the script came from. The widget is a custom element in
 * shadow DOM; every text it shows is inserted as text or built as DOM nodes from a small grammar
 * (./markup.ts), never as HTML; it talks only to its endpoint.
 */
import {
  type Answer,
  type Citation,
  fetchTable,
  formattedCitation,
  sendFeedback,
  streamChat,
  type Turn,
  WidgetError,
} from './client.ts'
import { type Config, configFrom, matchesShortcut } from './config.ts'
import { blockNodes, el, thumbIcon } from './dom.ts'
import { parseMarkup } from './markup.ts'
import { answerForClipboard, answerView, readerLink, rowFields, tableIdOf } from './render.ts'
import { fill, type StringKey } from './strings.ts'
import { WIDGET_CSS } from './styles.ts'

interface Exchange {
  question: string
  answer: Answer | null
}

const TAG = 'chapter-assistant-widget'
const IS_APPLE = /Mac|iPhone|iPad|iPod/.test(
  (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    '',
)
/** Longest feedback comment accepted by `POST /api/feedback` (API.md). */
const MAX_COMMENT = 1000
/** Conversation turns sent with a question (API.md: history ≤ 20). */
const MAX_TURNS = 20

class ChapterAssistantWidget extends HTMLElement {
  private config!: Config
  private root!: ShadowRoot
  private launcher!: HTMLButtonElement
  private panel!: HTMLDivElement
  private log!: HTMLDivElement
  private input!: HTMLTextAreaElement
  private send!: HTMLButtonElement
  private expand!: HTMLButtonElement
  private errorBox!: HTMLDivElement
  private card!: HTMLDivElement
  private starters!: HTMLDivElement
  private live!: HTMLDivElement
  private exchanges: Exchange[] = []
  private busy: AbortController | null = null
  private lastQuestion = ''
  private cardOpener: HTMLElement | null = null

  /** Builds the widget from its settings (once). */
  configure(config: Config): void {
    this.config = config
    this.setAttribute('data-theme', config.theme)
    this.setAttribute('data-position', config.position)
    this.root = this.attachShadow({ mode: 'open' })
    this.applyStyles()
    this.build()
    this.restore()
    this.listenOutside()
    this.listenShortcut()
    if (config.open) this.openPanel(false)
  }

  private t(key: StringKey, values?: Record<string, string | number>): string {
    return fill(this.config.strings[key], values)
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
    const title = this.t('title')
    const placeholder = this.t('placeholder')
    const panelId = 'chapter-assistant-panel'
    const shortcut = this.config.shortcut
    this.launcher = el(
      'button',
      {
        class: 'launcher',
        type: 'button',
        'aria-expanded': 'false',
        'aria-controls': panelId,
        'aria-haspopup': 'dialog',
        lang: this.config.lang,
        ...(shortcut
          ? {
              title: this.t('shortcutHint', { key: shortcut.label }),
              'aria-keyshortcuts': `${shortcut.mod ? (IS_APPLE ? 'Meta+' : 'Control+') : ''}${shortcut.alt ? 'Alt+' : ''}${shortcut.shift ? 'Shift+' : ''}${shortcut.key}`,
            }
          : {}),
      },
      title,
    )
    this.launcher.addEventListener('click', () => this.openPanel(true))

    const heading = el('h2', { id: 'ca-title' }, title)
    this.expand = el(
      'button',
      {
        class: 'icon expand',
        type: 'button',
        'aria-pressed': 'false',
        'aria-label': this.t('expandLabel'),
      },
      this.t('expand'),
    )
    this.expand.addEventListener('click', () => this.toggleExpanded())
    const clear = el(
      'button',
      { class: 'icon', type: 'button', 'aria-label': this.t('clearLabel') },
      this.t('clear'),
    )
    clear.addEventListener('click', () => this.clear())
    const close = el(
      'button',
      { class: 'icon close', type: 'button', 'aria-label': this.t('closeLabel') },
      '✕',
    )
    close.addEventListener('click', () => this.closePanel())
    this.log = el('div', {
      class: 'log',
      role: 'log',
      'aria-label': this.t('conversation'),
      'aria-live': 'polite',
      'aria-relevant': 'additions text',
    })
    this.renderWelcome()
    this.live = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' })
    this.starters = el('div', {
      class: 'starters',
      role: 'group',
      'aria-label': this.t('suggested'),
    })
    for (const q of this.config.starters) {
      const b = el('button', { type: 'button' }, q)
      b.addEventListener('click', () => this.ask(q))
      this.starters.append(b)
    }
    this.starters.hidden = this.config.starters.length === 0
    const retry = el('button', { type: 'button' }, this.t('retry'))
    retry.addEventListener('click', () => this.ask(this.lastQuestion))
    this.errorBox = el('div', { class: 'error', role: 'alert', hidden: '' }, el('p'), retry)

    this.input = el('textarea', {
      rows: '1',
      placeholder,
      'aria-label': placeholder,
      maxlength: '2000',
    })
    this.send = el('button', { class: 'send', type: 'submit' }, this.t('send'))
    const form = el('form', { 'aria-label': this.t('askForm') }, this.input, this.send)
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      if (this.busy) this.stop()
      else this.ask(this.input.value)
    })
    // The box grows with the question, up to its CSS max-height (CSSOM, allowed by any CSP).
    this.input.addEventListener('input', () => this.fitInput())
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault()
        if (!this.busy) this.ask(this.input.value)
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
        lang: this.config.lang,
        hidden: '',
      },
      el('header', {}, heading, this.expand, clear, close),
      this.log,
      this.card,
      this.starters,
      this.errorBox,
      form,
      el('p', { class: 'note' }, this.t('sourceNote')),
      this.live,
    )
    this.panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      if (!this.card.hidden) this.closeCard(true)
      else this.closePanel()
    })
    this.root.append(this.launcher, this.panel)
  }

  /** A click anywhere outside an open card (in the panel or on the page) closes it. */
  private listenOutside(): void {
    const outside = (e: Event) => {
      if (this.card.hidden) return
      const path = e.composedPath()
      if (path.includes(this.card)) return
      if (path.some((n) => n instanceof HTMLElement && n.classList.contains('chip'))) return
      this.closeCard(false)
    }
    this.root.addEventListener('pointerdown', outside)
    document.addEventListener('pointerdown', (e) => {
      if (!e.composedPath().includes(this)) outside(e)
    })
  }

  /**
   * The keyboard shortcut opens the panel (or moves focus to its question box). It runs last, on
   * `window`, and stands aside when the host page has already handled the key (`preventDefault`)
   * or, for a shortcut without a modifier, when the visitor is typing in a field.
   */
  private listenShortcut(): void {
    const s = this.config.shortcut
    if (!s) return
    window.addEventListener('keydown', (e) => {
      if (e.defaultPrevented || e.repeat || !matchesShortcut(e, s, IS_APPLE)) return
      const target = e.composedPath()[0]
      const typing =
        target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      if (typing && !s.mod && !s.alt) return
      e.preventDefault()
      if (this.panel.hidden) this.openPanel(true)
      else this.input.focus()
    })
  }

  private openPanel(focus: boolean): void {
    this.panel.hidden = false
    this.launcher.hidden = true
    this.launcher.setAttribute('aria-expanded', 'true')
    this.log.scrollTop = this.log.scrollHeight
    if (focus) this.input.focus()
  }

  private closePanel(): void {
    this.closeCard(false)
    this.panel.hidden = true
    this.launcher.hidden = false
    this.launcher.setAttribute('aria-expanded', 'false')
    this.launcher.focus()
  }

  private fitInput(): void {
    this.input.style.height = 'auto'
    this.input.style.height = `${this.input.scrollHeight + 2}px`
  }

  private toggleExpanded(): void {
    const on = !this.panel.classList.contains('expanded')
    this.panel.classList.toggle('expanded', on)
    this.expand.setAttribute('aria-pressed', String(on))
    this.expand.textContent = this.t(on ? 'shrink' : 'expand')
    this.expand.setAttribute('aria-label', this.t(on ? 'shrinkLabel' : 'expandLabel'))
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
      if (this.exchanges.length > 0) this.starters.hidden = true
      // Only the latest answer offers follow-ups.
      const followUps = [...this.log.querySelectorAll('.followups')]
      for (const f of followUps.slice(0, -1)) f.remove()
    } catch {
      // ignore a corrupt entry
    }
  }

  private renderWelcome(): void {
    if (!this.config.welcome) return
    const bubble = el('div', { class: 'msg assistant welcome' })
    bubble.append(
      ...blockNodes(parseMarkup(this.config.welcome), (n) => document.createTextNode(`[${n}]`)),
    )
    this.log.append(bubble)
  }

  private clear(): void {
    this.stop()
    this.exchanges = []
    this.log.replaceChildren()
    this.renderWelcome()
    this.hideError()
    this.closeCard(false)
    this.starters.hidden = this.config.starters.length === 0
    this.persist()
    this.live.textContent = this.t('cleared')
    this.input.focus()
  }

  private history(): Turn[] {
    return this.exchanges
      .filter((x) => x.answer)
      .flatMap((x) => [
        { role: 'user' as const, content: x.question },
        { role: 'assistant' as const, content: (x.answer as Answer).answer },
      ])
      .slice(-MAX_TURNS)
  }

  private renderUser(q: string): void {
    this.log.append(el('div', { class: 'msg user' }, q))
  }

  private newAssistantBubble(): HTMLDivElement {
    const b = el('div', { class: 'msg assistant', 'aria-busy': 'true' })
    this.log.append(b)
    return b
  }

  private chip(c: Citation, labelKey: 'citationLabel' | 'relatedLabel'): HTMLButtonElement {
    const chip = el(
      'button',
      { class: 'chip', type: 'button', 'aria-label': this.t(labelKey, { n: c.n, label: c.label }) },
      String(c.n),
    )
    chip.addEventListener('click', () => this.openCard(c, chip))
    return chip
  }

  /** Writes answer text (lists, emphasis, line breaks; `[n]` markers as chips) as DOM nodes. */
  private renderText(target: HTMLElement, text: string, citations: Citation[]): void {
    target.replaceChildren(
      ...blockNodes(parseMarkup(text), (n) => {
        const c = citations.find((x) => x.n === n)
        return c ? this.chip(c, 'citationLabel') : document.createTextNode(`[${n}]`)
      }),
    )
  }

  private renderAnswer(bubble: HTMLDivElement, a: Answer, question: string): void {
    const view = answerView(a, { feedback: this.config.feedback, question })
    bubble.replaceChildren()
    bubble.removeAttribute('aria-busy')
    if (a.standaloneQuestion && a.standaloneQuestion.trim() !== question.trim()) {
      bubble.append(
        el(
          'span',
          { class: 'understood' },
          this.t('understood', { question: a.standaloneQuestion }),
        ),
      )
    }
    if (view.verdict) {
      bubble.append(
        el(
          'p',
          { class: `verdict verdict-${a.verdict}` },
          el('span', { class: 'visually-hidden' }, `${this.t('verdictLabel')}: `),
          this.t(view.verdict),
        ),
      )
    }
    const body = el('div', { class: 'body' })
    this.renderText(body, a.answer, a.citations)
    bubble.append(body)
    if (view.related.length) {
      const list = el('ol', { class: 'related' })
      for (const r of view.related)
        list.append(
          el(
            'li',
            {},
            this.chip(r.citation, 'relatedLabel'),
            el('span', { class: 'r-title' }, r.title),
            el('span', { class: 'r-quote' }, `“${r.sentence}”`),
          ),
        )
      bubble.append(el('p', { class: 'related-head' }, this.t('related')), list)
    }
    const copy = el('button', { type: 'button' }, this.t('copyAnswer'))
    copy.addEventListener('click', async () => {
      const ok = await this.copy(answerForClipboard(a))
      copy.textContent = this.t(ok ? 'copied' : 'copyFailed')
    })
    const actions = el('div', { class: 'actions' }, copy)
    if (view.feedback && a.id) actions.append(this.feedbackControls(a.id))
    bubble.append(actions)
    if (view.followUps.length) {
      const group = el(
        'div',
        { class: 'followups', role: 'group', 'aria-label': this.t('followUps') },
        el('span', { class: 'f-head' }, this.t('followUps')),
      )
      for (const q of view.followUps) {
        const b = el('button', { type: 'button' }, q)
        b.addEventListener('click', () => this.ask(q))
        group.append(b)
      }
      bubble.append(group)
    }
  }

  /** 👍/👎, sent at once; then an optional comment, sent with the same rating. */
  private feedbackControls(answerId: string): HTMLElement {
    const status = el('span', { class: 'status', role: 'status' })
    const box = el('div', { class: 'feedback', role: 'group', 'aria-label': this.t('helpful') })
    const comment = el('textarea', {
      rows: '2',
      maxlength: String(MAX_COMMENT),
      'aria-label': this.t('commentLabel'),
      placeholder: this.t('commentLabel'),
    })
    const submit = el('button', { type: 'submit' }, this.t('sendFeedback'))
    const form = el('form', { class: 'comment', hidden: '' }, comment, submit)
    let rating: 'up' | 'down' | null = null
    const report = (outcome: 'sent' | 'expired' | 'failed') => {
      status.textContent = this.t(
        outcome === 'sent'
          ? 'feedbackThanks'
          : outcome === 'expired'
            ? 'feedbackExpired'
            : 'feedbackFailed',
      )
    }
    const rate = (value: 'up' | 'down', button: HTMLButtonElement) => async () => {
      rating = value
      for (const b of box.querySelectorAll('button.rate'))
        b.setAttribute('aria-pressed', String(b === button))
      form.hidden = false
      report(await sendFeedback(this.config.endpoint, { answerId, rating: value }))
    }
    const thumb = (value: 'up' | 'down', label: string) =>
      el(
        'button',
        {
          type: 'button',
          class: 'rate',
          'aria-pressed': 'false',
          'aria-label': label,
          title: label,
        },
        thumbIcon(value),
      )
    const up = thumb('up', this.t('rateUp'))
    const down = thumb('down', this.t('rateDown'))
    up.addEventListener('click', rate('up', up))
    down.addEventListener('click', rate('down', down))
    form.addEventListener('submit', async (e) => {
      e.preventDefault()
      const text = comment.value.trim().slice(0, MAX_COMMENT)
      if (!rating) return
      submit.disabled = true
      const outcome = await sendFeedback(this.config.endpoint, {
        answerId,
        rating,
        ...(text ? { comment: text } : {}),
      })
      report(outcome)
      if (outcome === 'sent') form.hidden = true
      submit.disabled = false
    })
    box.append(up, down, form, status)
    return box
  }

  private stop(): void {
    this.busy?.abort('stop')
  }

  private setBusy(controller: AbortController | null): void {
    this.busy = controller
    this.send.textContent = this.t(controller ? 'stop' : 'send')
    this.send.classList.toggle('stop', Boolean(controller))
  }

  private async ask(raw: string): Promise<void> {
    const question = raw.trim()
    if (!question || this.busy) return
    const controller = new AbortController()
    this.setBusy(controller)
    this.lastQuestion = question
    this.hideError()
    this.closeCard(false)
    this.starters.hidden = true
    for (const f of this.log.querySelectorAll('.followups')) f.remove()
    this.input.value = ''
    this.fitInput()
    // Focus stays in the question box (a button clicked in the panel would otherwise keep it, or
    // lose it to <body> when it disappears).
    if (this.root.activeElement && this.root.activeElement !== this.input) this.input.focus()
    this.renderUser(question)
    const bubble = this.newAssistantBubble()
    const typing = el(
      'span',
      { class: 'typing', role: 'img', 'aria-label': this.t('typing') },
      el('i'),
      el('i'),
      el('i'),
    )
    const body = el('div', { class: 'body' })
    bubble.append(typing, body)
    this.log.scrollTop = this.log.scrollHeight
    let streamed = ''
    let citations: Citation[] = []
    this.live.textContent = this.t('answering')
    // The client-side timeout: no part of the answer for `timeoutMs` gives up.
    let timer = 0
    const idle = () => {
      clearTimeout(timer)
      timer = window.setTimeout(() => controller.abort('timeout'), this.config.timeoutMs)
    }
    idle()
    try {
      const answer = await streamChat(
        this.config.endpoint,
        [...this.history(), { role: 'user', content: question }],
        {
          onMeta: idle,
          onCitations: (c) => {
            idle()
            citations = c
          },
          onToken: (t) => {
            idle()
            typing.remove()
            streamed += t
            this.renderText(body, streamed, citations)
            this.log.scrollTop = this.log.scrollHeight
          },
        },
        controller.signal,
      )
      this.renderAnswer(bubble, answer, question)
      this.exchanges.push({ question, answer })
      this.persist()
      const n = answer.citations.length
      this.live.textContent = answer.answerable
        ? n === 1
          ? this.t('answerReadyOne')
          : this.t('answerReadyMany', { n })
        : this.t('notCovered')
    } catch (err) {
      bubble.remove()
      this.log.lastElementChild?.remove() // the question goes back into the box for a retry
      this.input.value = question
      this.fitInput()
      if (controller.signal.aborted && controller.signal.reason === 'timeout')
        this.showError(this.t('timeout', { seconds: Math.round(this.config.timeoutMs / 1000) }))
      else if (err instanceof WidgetError) this.showError(this.t(err.code, err.values))
      else this.showError(this.t('server'))
    } finally {
      clearTimeout(timer)
      this.setBusy(null)
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
    const copy = el('button', { type: 'button' }, this.t('copyCitation'))
    const status = el('span', { class: 'status', role: 'status' })
    copy.addEventListener('click', async () => {
      status.textContent = this.t('formatting')
      const formatted = await formattedCitation(this.config.endpoint, c.quote)
      const text = formatted
        ? `“${c.quote}” — ${c.label}\n${formatted}`
        : `“${c.quote}” — ${c.label}`
      status.textContent = this.t((await this.copy(text)) ? 'citationCopied' : 'couldNotCopy')
    })
    const link = el(
      'a',
      { href: readerLink(this.config.endpoint, c), target: '_blank', rel: 'noopener' },
      this.t('openInReader'),
    )
    const close = el(
      'button',
      { type: 'button', 'aria-label': this.t('closeCitation') },
      this.t('close'),
    )
    close.addEventListener('click', () => this.closeCard(true))
    const fields = el('dl', { class: 'fields', hidden: '' })
    this.card.replaceChildren(
      el('h3', { id: 'ca-card-title', tabindex: '-1' }, `[${c.n}] ${c.label}`),
      fields,
      el('blockquote', {}, c.quote),
      el('div', { class: 'row' }, copy, link, close),
      status,
    )
    this.card.hidden = false
    ;(this.card.querySelector('h3') as HTMLElement).focus()
    this.keepInView(opener)
    // A table row: its values under the table's column names.
    const tableId = tableIdOf(c)
    if (tableId)
      fetchTable(this.config.endpoint, tableId).then((table) => {
        const pairs = table && rowFields(table, c.id)
        if (!pairs || this.cardOpener !== opener) return
        for (const [label, value] of pairs) fields.append(el('dt', {}, label), el('dd', {}, value))
        fields.hidden = false
        this.keepInView(opener)
      })
  }

  /** With a card open the log is shorter: keeps the answer's actions, then the chip, in view. */
  private keepInView(opener: HTMLElement): void {
    opener.closest('.msg')?.querySelector('.actions')?.scrollIntoView({ block: 'nearest' })
    opener.scrollIntoView({ block: 'nearest' })
  }

  private closeCard(returnFocus: boolean): void {
    if (this.card.hidden) return
    this.card.hidden = true
    if (returnFocus) this.cardOpener?.focus()
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

if (!customElements.get(TAG)) customElements.define(TAG, ChapterAssistantWidget)
const script = document.currentScript as HTMLScriptElement | null
const mount = () => {
  const widget = document.createElement(TAG) as ChapterAssistantWidget
  document.body.append(widget)
  widget.configure(
    configFrom(
      { ...(script?.dataset ?? {}) },
      script?.src ? new URL(script.src, location.href).origin : location.origin,
      document.documentElement.lang,
      IS_APPLE,
    ),
  )
}
if (document.body) mount()
else document.addEventListener('DOMContentLoaded', mount, { once: true })
