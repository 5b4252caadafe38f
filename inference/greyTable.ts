import sharp from 'sharp';

/**
 * libvips' colour-to-grey conversion, as a table. The models were trained and scored on frames
 * that libvips turned grey (`greyscale()`: sRGB to linear light, luminance, back to sRGB, all in
 * floating point), and that conversion took five times as long as decoding the JPEG itself (35 ms
 * against 7 ms for a 1280x720 photograph, one thread). It is a function of each pixel's colour
 * alone, so libvips fills a table of all 2^24 colours once (16 MiB, well under a second) and a
 * frame is then decoded to RGB and looked up: the same grey, bit for bit, at a fraction of the cost.
 */
let table: Promise<Uint8Array> | null = null;

/** The grey libvips gives for each 24-bit colour, indexed by (r << 16) | (g << 8) | b. */
export function greyTable(): Promise<Uint8Array> {
  table ??= fillTable();
  return table;
}

async function fillTable(): Promise<Uint8Array> {
  // Every colour once, as a 4096x4096 RGB image whose pixel i is colour i.
  const side = 4096;
  const rgb = Buffer.allocUnsafe(side * side * 3);
  for (let i = 0, o = 0; i < side * side; i++, o += 3) {
    rgb[o] = i >>> 16;
    rgb[o + 1] = (i >>> 8) & 0xff;
    rgb[o + 2] = i & 0xff;
  }
  const grey = await sharp(rgb, { raw: { width: side, height: side, channels: 3 } }).greyscale().raw().toBuffer();
  return new Uint8Array(grey.buffer, grey.byteOffset, grey.length);
}

/** The grey of an 8-bit RGB buffer, through the table. */
export function greyOfRgb(rgb: Uint8Array, pixels: number, lookup: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(pixels);
  for (let i = 0, o = 0; i < pixels; i++, o += 3) out[i] = lookup[(rgb[o]! << 16) | (rgb[o + 1]! << 8) | rgb[o + 2]!]!;
  return out;
}
