/**
 * Batches of texts of similar length, for a feature-extraction pipeline that pads every text of
 * a batch to its longest. transformers.js's mean pooling then walks batch × longest × width
 * values (and reads each mask value as a BigInt), so one 600-character claim among 25 short
 * sentences made the whole batch cost 600 characters a text: ≈ 15 ms of a citation check's CPU.
 * Batched by length, the padding stays within a factor of {@link LENGTH_RATIO} of each text.
 *
 * The vectors do not change: padding is masked out of the mean (a padded position adds 0 to its
 * sum and nothing to its count), and a static model's token vectors do not depend on the other
 * texts of the batch (a contextual model's attention is masked too, so its vectors are the same up
 * to rounding).
 */

/** The longest text of a batch is at most this many times its shortest (as counted below). */
export const LENGTH_RATIO = 2
/** Texts shorter than this count as this long: tiny texts need not be split from short ones. */
export const MIN_COUNTED_CHARS = 64

/**
 * The indices of `texts` in batches of at most `maxBatch`, each of texts of similar length
 * (see {@link LENGTH_RATIO}); every index is in exactly one batch, and a batch's indices are in
 * the texts' order by length.
 *
 * @example
 * lengthBatches(['a'.repeat(600), 'short', 'tiny'], 64) // [[1, 2], [0]]
 */
export function lengthBatches(texts: readonly string[], maxBatch: number): number[][] {
  const counted = (i: number) => Math.max(MIN_COUNTED_CHARS, (texts[i] as string).length)
  const order = texts.map((_, i) => i).sort((a, b) => counted(a) - counted(b) || a - b)
  const out: number[][] = []
  let batch: number[] = []
  for (const i of order) {
    const first = batch[0]
    if (
      first !== undefined &&
      (batch.length >= maxBatch || counted(i) > LENGTH_RATIO * counted(first))
    ) {
      out.push(batch)
      batch = []
    }
    batch.push(i)
  }
  if (batch.length > 0) out.push(batch)
  return out
}
