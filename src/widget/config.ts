import { pickLanguage, type Strings, stringsFor } from './strings.ts'

/** A keyboard shortcut: a key with the modifiers it needs (`mod` is ⌘ on Apple systems, Ctrl elsewhere). */
export interface Shortcut {
  key: string
  mod: boolean
  shift: boolean
  alt: boolean
  /** How to show it, e.g. `Ctrl+/`. */
  label: string
}

/** The widget's settings, read from its script tag. */
export interface Config {
  endpoint: string
  theme: 'light' | 'dark' | 'auto'
  position: 'bottom-right' | 'bottom-left'
  open: boolean
  starters: string[]
  /** Shown as the assistant's first message; not part of the conversation sent to the server. */
  welcome: string
  lang: 'en' | 'zh-CN'
  strings: Strings
  feedback: boolean
  /** Give up when no part of the answer has arrived for this long. */
  timeoutMs: number
  shortcut: Shortcut | null
}

/** The client-side timeout when `data-timeout` is absent or invalid: 30 s without a byte. */
export const DEFAULT_TIMEOUT_S = 30
/** The shortcut when `data-shortcut` is absent: Ctrl+/ (⌘/ on a Mac), which browsers leave free. */
export const DEFAULT_SHORTCUT = 'mod+/'
/** At most this many starter questions are shown. */
const MAX_STARTERS = 6

/**
 * Parses a shortcut such as `mod+k`, `ctrl+shift+a` or `/`; `off` (or anything unreadable) → none.
 *
 * @example
 * parseShortcut('mod+k', false) // { key: 'k', mod: true, shift: false, alt: false, label: 'Ctrl+K' }
 */
export function parseShortcut(spec: string, apple: boolean): Shortcut | null {
  const parts = spec.trim().toLowerCase().split('+')
  const key = parts.pop()
  if (
    !key ||
    spec.trim().toLowerCase() === 'off' ||
    parts.some((p) => !/^(mod|ctrl|cmd|meta|shift|alt|option)$/.test(p))
  )
    return null
  const mod = parts.some((p) => p === 'mod' || p === 'ctrl' || p === 'cmd' || p === 'meta')
  const shift = parts.includes('shift')
  const alt = parts.includes('alt') || parts.includes('option')
  if (key.length !== 1 && !/^f\d{1,2}$/.test(key)) return null
  const label = [
    mod ? (apple ? '⌘' : 'Ctrl') : '',
    alt ? (apple ? '⌥' : 'Alt') : '',
    shift ? (apple ? '⇧' : 'Shift') : '',
    key.toUpperCase(),
  ]
    .filter(Boolean)
    .join(apple ? '' : '+')
  return { key, mod, shift, alt, label }
}

/** Whether a key event is the shortcut. */
export function matchesShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  s: Shortcut,
  apple: boolean,
): boolean {
  const mod = apple ? e.metaKey : e.ctrlKey
  return (
    e.key.toLowerCase() === s.key &&
    mod === s.mod &&
    (apple ? !e.ctrlKey : !e.metaKey) &&
    e.altKey === s.alt &&
    // Shift changes the key on some layouts (`?` for `/`): only a letter demands the exact state.
    (/^[a-z]$/.test(s.key) ? e.shiftKey === s.shift : !s.shift || e.shiftKey)
  )
}

/**
 * Reads the configuration from the script tag's data attributes.
 *
 * @param data the script's `dataset`
 * @param scriptOrigin the origin the script came from (the default endpoint)
 * @param pageLang the host page's `<html lang>`, used when `data-lang` is absent
 */
export function configFrom(
  data: Record<string, string | undefined>,
  scriptOrigin: string,
  pageLang: string,
  apple: boolean,
): Config {
  const lang = pickLanguage(data.lang ?? pageLang)
  const strings = stringsFor(lang, data.strings)
  if (data.title) strings.title = data.title
  if (data.placeholder) strings.placeholder = data.placeholder
  const seconds = Number(data.timeout)
  return {
    endpoint: (data.endpoint ?? scriptOrigin).replace(/\/+$/, ''),
    theme: data.theme === 'light' || data.theme === 'dark' ? data.theme : 'auto',
    position: data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    open: data.open === 'true',
    starters: (data.starters ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, MAX_STARTERS),
    welcome: (data.welcome ?? '').trim(),
    lang,
    strings,
    feedback: data.feedback !== 'off',
    timeoutMs:
      (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) : DEFAULT_TIMEOUT_S) * 1000,
    shortcut: parseShortcut(data.shortcut ?? DEFAULT_SHORTCUT, apple),
  }
}
