// How answers go over the wire, shared by the routes that send them (ask, chat, /v1).

/** Splits an answer into small pieces for streaming, keeping markers and newlines intact. */
export function tokenPieces(text: string): string[] {
  return (
    text.match(/\S+\s*|\s+/g)?.reduce<string[]>((acc, w, i) => {
      if (i % 3 === 0) acc.push(w)
      else acc[acc.length - 1] += w
      return acc
    }, []) ?? []
  )
}

const utf8 = new TextEncoder()
/** Encoded JSON of answers already sent: a cached answer is the same object, so it is encoded once. */
const encodedAnswers = new WeakMap<object, Uint8Array<ArrayBuffer>>()

/**
 * The JSON body of an answer, UTF-8 encoded once per answer object (the answer cache hands out the
 * same object for a repeated question, and encoding is most of what such a request costs).
 *
 * @example
 * return jsonResponse(c, withAnswerId(encodedJson(result.answer), id))
 */
export function encodedJson(value: object): Uint8Array<ArrayBuffer> {
  let body = encodedAnswers.get(value)
  if (!body) {
    body = utf8.encode(JSON.stringify(value))
    encodedAnswers.set(value, body)
  }
  return body
}
