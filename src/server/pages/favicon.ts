/**
 * `/favicon.ico`: a 16×16 icon (a white open book on the accent blue), drawn here as a 32-bit BMP
 * inside an ICO container, so no binary file has to be shipped or read.
 */

/** Icon edge in pixels. */
const SIZE = 16
/** The accent blue of the pages (#0b57d0) and white, as BGRA. */
const BLUE = [0xd0, 0x57, 0x0b, 0xff] as const
const WHITE = [0xff, 0xff, 0xff, 0xff] as const
const CLEAR = [0, 0, 0, 0] as const

/** The colour of pixel (x, y), y from the top: a rounded blue square with a white open book. */
function pixel(x: number, y: number): readonly number[] {
  const corner = (x < 2 || x > 13) && (y < 2 || y > 13)
  const round = corner && Math.hypot(x < 2 ? 2 - x : x - 13, y < 2 ? 2 - y : y - 13) > 2
  if (round) return CLEAR
  const page = y >= 4 && y <= 11 && x >= 3 && x <= 12 && x !== 7 && x !== 8
  const spine = (x === 7 || x === 8) && y >= 5 && y <= 12
  return page || spine ? WHITE : BLUE
}

/** The ICO file's bytes. */
export function faviconIco(): Uint8Array {
  const pixels = SIZE * SIZE * 4
  const mask = SIZE * 4 // 1 bit per pixel, rows padded to 32 bits
  const bmp = 40 + pixels + mask
  const out = new Uint8Array(6 + 16 + bmp)
  const v = new DataView(out.buffer)
  // ICONDIR: reserved, type 1 (icon), 1 image.
  v.setUint16(2, 1, true)
  v.setUint16(4, 1, true)
  // ICONDIRENTRY: width, height, colours, reserved, planes, bit count, size, offset.
  out[6] = SIZE
  out[7] = SIZE
  v.setUint16(10, 1, true)
  v.setUint16(12, 32, true)
  v.setUint32(14, bmp, true)
  v.setUint32(18, 22, true)
  // BITMAPINFOHEADER; the height counts the colour image and the mask.
  const h = 22
  v.setUint32(h, 40, true)
  v.setInt32(h + 4, SIZE, true)
  v.setInt32(h + 8, SIZE * 2, true)
  v.setUint16(h + 12, 1, true)
  v.setUint16(h + 14, 32, true)
  v.setUint32(h + 20, pixels + mask, true)
  // Rows bottom-up, BGRA; the AND mask stays zero (the alpha channel decides).
  let at = h + 40
  for (let y = SIZE - 1; y >= 0; y--)
    for (let x = 0; x < SIZE; x++) {
      out.set(pixel(x, y), at)
      at += 4
    }
  return out
}
