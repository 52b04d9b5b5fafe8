/**
 * Every text the widget shows, in English and Simplified Chinese. A page overrides any of them with
 * one option, `data-strings` (a JSON object of the keys below); `{name}` is replaced by a value.
 */
export const EN = {
  title: 'Ask the chapter',
  placeholder: 'Ask a question…',
  send: 'Send',
  stop: 'Stop',
  clear: 'Clear',
  clearLabel: 'Clear the conversation',
  closeLabel: 'Close the assistant',
  expand: 'Expand',
  expandLabel: 'Expand the assistant',
  shrink: 'Shrink',
  shrinkLabel: 'Shrink the assistant',
  conversation: 'Conversation',
  askForm: 'Ask a question',
  suggested: 'Suggested questions',
  sourceNote: 'Answers come only from Chapter 8 of the book, with a citation for every claim.',
  shortcutHint: 'Shortcut: {key}',
  retry: 'Retry',
  understood: 'Understood as: {question}',
  typing: 'The assistant is answering…',
  answering: 'Answering…',
  answerReadyOne: 'Answer ready with 1 citation.',
  answerReadyMany: 'Answer ready with {n} citations.',
  notCovered: 'The chapter does not cover this question.',
  related: 'Closest passages, for you to judge:',
  copyAnswer: 'Copy answer',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  cleared: 'Conversation cleared.',
  citationLabel: 'Citation {n}: {label}',
  relatedLabel: 'Related passage {n}: {label}',
  copyCitation: 'Copy citation',
  formatting: 'Formatting…',
  citationCopied: 'Citation copied.',
  couldNotCopy: 'Could not copy.',
  openInReader: 'Open in the reader',
  close: 'Close',
  closeCitation: 'Close the citation',
  verdictYes: 'Yes',
  verdictNo: 'No',
  verdictNotStated: 'Not stated in the chapter',
  verdictLabel: 'Verdict',
  followUps: 'You could ask next',
  helpful: 'Was this answer helpful?',
  rateUp: 'Helpful',
  rateDown: 'Not helpful',
  commentLabel: 'What was missing or wrong? (optional)',
  sendFeedback: 'Send feedback',
  feedbackThanks: 'Thank you for the feedback.',
  feedbackExpired: 'This answer can no longer be rated.',
  feedbackFailed: 'The feedback could not be sent.',
  timeout: 'No answer after {seconds} s. The assistant may be busy; please retry.',
  stopped: 'Stopped. Your question is back in the box.',
  network: 'Could not reach the assistant. Check your connection, then retry.',
  rateLimitedWait: 'Too many questions in a short time. Please wait {seconds} s, then retry.',
  rateLimited: 'Too many questions in a short time. Please wait a moment, then retry.',
  notAllowed: 'This site is not allowed to use the assistant.',
  rejected: 'The question was not accepted.',
  rejectedDetail: 'The question was not accepted: {detail}',
  server: 'The assistant could not answer just now. Please retry.',
  streamFailed: 'The assistant could not finish the answer. Please retry.',
  connectionLost: 'The connection was lost while answering. Please retry.',
  cutOff: 'The answer was cut off. Please retry.',
}

/** The keys of the widget's texts. */
export type StringKey = keyof typeof EN
/** A complete set of the widget's texts. */
export type Strings = Record<StringKey, string>

/** Simplified Chinese. */
export const ZH_CN: Strings = {
  title: '向本章提问',
  placeholder: '请输入问题…',
  send: '发送',
  stop: '停止',
  clear: '清空',
  clearLabel: '清空对话',
  closeLabel: '关闭助手',
  expand: '放大',
  expandLabel: '放大助手窗口',
  shrink: '缩小',
  shrinkLabel: '缩小助手窗口',
  conversation: '对话',
  askForm: '提问',
  suggested: '推荐问题',
  sourceNote: '回答仅来自本书第八章，每一处说法都附有引文。',
  shortcutHint: '快捷键：{key}',
  retry: '重试',
  understood: '理解为：{question}',
  typing: '助手正在回答…',
  answering: '正在回答…',
  answerReadyOne: '回答已完成，含 1 条引文。',
  answerReadyMany: '回答已完成，含 {n} 条引文。',
  notCovered: '本章未涉及这个问题。',
  related: '最相近的段落，供您判断：',
  copyAnswer: '复制回答',
  copied: '已复制',
  copyFailed: '复制失败',
  cleared: '对话已清空。',
  citationLabel: '引文 {n}：{label}',
  relatedLabel: '相关段落 {n}：{label}',
  copyCitation: '复制引文',
  formatting: '正在生成格式…',
  citationCopied: '引文已复制。',
  couldNotCopy: '无法复制。',
  openInReader: '在阅读页中打开',
  close: '关闭',
  closeCitation: '关闭引文',
  verdictYes: '是',
  verdictNo: '否',
  verdictNotStated: '本章未说明',
  verdictLabel: '结论',
  followUps: '您还可以问',
  helpful: '这个回答有帮助吗？',
  rateUp: '有帮助',
  rateDown: '没有帮助',
  commentLabel: '缺少或错误的内容是什么？（可选）',
  sendFeedback: '提交反馈',
  feedbackThanks: '感谢您的反馈。',
  feedbackExpired: '这个回答已无法评价。',
  feedbackFailed: '反馈未能发送。',
  timeout: '{seconds} 秒内没有收到回答。助手可能正忙，请重试。',
  stopped: '已停止。您的问题已放回输入框。',
  network: '无法连接到助手。请检查网络后重试。',
  rateLimitedWait: '短时间内提问过多。请等待 {seconds} 秒后重试。',
  rateLimited: '短时间内提问过多。请稍候再试。',
  notAllowed: '此网站无权使用该助手。',
  rejected: '问题未被接受。',
  rejectedDetail: '问题未被接受：{detail}',
  server: '助手暂时无法回答。请重试。',
  streamFailed: '助手未能完成回答。请重试。',
  connectionLost: '回答过程中连接中断。请重试。',
  cutOff: '回答被截断。请重试。',
}

/** The languages shipped; any other is served in English. */
export const LANGUAGES: Record<string, Strings> = { en: EN, 'zh-CN': ZH_CN }

/**
 * The language to use: `zh`, `zh-CN`, `zh-Hans`… → `zh-CN`; anything else → `en`.
 *
 * @example
 * pickLanguage('zh-Hans-CN') // 'zh-CN'
 */
export function pickLanguage(tag: string | undefined): 'en' | 'zh-CN' {
  return /^zh(?:$|[-_](?:cn|hans|sg))/i.test(tag ?? '') ? 'zh-CN' : 'en'
}

/**
 * The texts for a language with a page's overrides (only known keys with string values count).
 *
 * @example
 * stringsFor('en', '{"send":"Ask"}').send // 'Ask'
 */
export function stringsFor(lang: string | undefined, overrides?: string): Strings {
  const base = LANGUAGES[pickLanguage(lang)] ?? EN
  const out: Strings = { ...base }
  if (!overrides) return out
  try {
    const parsed = JSON.parse(overrides) as unknown
    if (parsed && typeof parsed === 'object')
      for (const [k, v] of Object.entries(parsed))
        if (k in EN && typeof v === 'string') out[k as StringKey] = v
  } catch {
    // a malformed option keeps the shipped texts
  }
  return out
}

/**
 * Fills `{name}` placeholders.
 *
 * @example
 * fill('Wait {seconds} s', { seconds: 7 }) // 'Wait 7 s'
 */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m))
}
