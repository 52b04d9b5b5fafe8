/** The special tokens, in id order, of a BERT-style tokenizer. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const

/**
 * A `tokenizer.json` (Hugging Face tokenizers format) for a whole-word vocabulary.
 *
 * transformers.js has no WordLevel model, so this is a WordPiece model whose vocabulary holds whole
 * words only: a word either matches itself or becomes `[UNK]`. `continuing_subword_prefix` must be
 * set (without it transformers.js prepends the text "undefined"). Curly quotes and dashes are
 * folded and the text lower-cased, as GloVe's vocabulary is.
 */
export function tokenizerJson(words: readonly string[]): object {
  const vocab: Record<string, number> = {}
  SPECIAL_TOKENS.forEach((t, i) => {
    vocab[t] = i
  })
  words.forEach((w, i) => {
    vocab[w] = SPECIAL_TOKENS.length + i
  })
  const replace = (from: string, to: string) => ({
    type: 'Replace',
    pattern: { String: from },
    content: to,
  })
  const cls = SPECIAL_TOKENS.indexOf('[CLS]')
  const sep = SPECIAL_TOKENS.indexOf('[SEP]')
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFKC' },
        replace('’', "'"),
        replace('‘', "'"),
        replace('“', '"'),
        replace('”', '"'),
        replace('–', '-'),
        replace('—', '-'),
        { type: 'Lowercase' },
      ],
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  }
}

/** `tokenizer_config.json`: tells transformers.js which tokenizer class to use. */
export function tokenizerConfig(): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    clean_up_tokenization_spaces: true,
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    mask_token: '[MASK]',
  }
}
