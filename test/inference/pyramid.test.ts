import t from 'tap';
import { readFile } from 'node:fs/promises';
import { toGray } from '../../inference/index.js';
import { halve, pyramid, type GrayImage } from '../../inference/pyramid.js';

/** The 2x2 average, one output pixel at a time: what halve must give, bit for bit. */
function referenceHalve(img: GrayImage): GrayImage {
  const width = Math.floor(img.width / 2);
  const height = Math.floor(img.height / 2);
  const out = new Uint8Array(width * height);
  const at = (x: number, y: number) => img.pixels[y * img.width + x]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = Math.round((at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)) / 4);
  }
  return { pixels: out, width, height };
}

function randomImage(width: number, height: number, seed: number, offset = 0): GrayImage {
  // Placed `offset` bytes into its buffer, as a pooled Buffer's pixels can be.
  const pixels = new Uint8Array(new ArrayBuffer(width * height + offset), offset, width * height);
  let s = seed;
  for (let i = 0; i < pixels.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    // Extremes as well as noise: lanes at 255 are where a carry would show.
    pixels[i] = i % 7 === 0 ? 255 : i % 11 === 0 ? 0 : s >>> 24;
  }
  return { pixels, width, height };
}

const same = (a: GrayImage, b: GrayImage) => a.width === b.width && a.height === b.height && Buffer.compare(Buffer.from(a.pixels), Buffer.from(b.pixels)) === 0;

t.test('halving gives the rounded 2x2 average of every pixel, for every size and alignment', async (tt) => {
  // Widths that are multiples of four take the four-pixels-at-a-time path; the others, odd sizes
  // and misaligned buffers take the pixel-at-a-time one.
  const sizes = [[8, 8], [1920, 6], [16, 9], [12, 5], [13, 7], [6, 6], [2, 2], [1, 5], [4, 1], [964, 31]] as const;
  for (const [i, [w, h]] of sizes.entries()) {
    for (const offset of [0, 1, 4]) {
      const img = randomImage(w, h, i + 1, offset);
      tt.ok(same(halve(img), referenceHalve(img)), `${w}x${h}, ${offset} bytes into its buffer`);
    }
  }
  const white = { pixels: new Uint8Array(64).fill(255), width: 8, height: 8 };
  tt.ok(halve(white).pixels.every((p) => p === 255), 'white stays white: no lane carries into its neighbour');
});

t.test('the pyramid of a real frame matches halving pixel by pixel at every level', async (tt) => {
  const frame = await toGray({ data: await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url)) });
  const levels = pyramid(frame, 100);
  tt.ok(levels.length >= 3, `${levels.length} levels`);
  for (let l = 1; l < levels.length; l++) tt.ok(same(levels[l]!, referenceHalve(levels[l - 1]!)), `level ${l} (${levels[l]!.width}x${levels[l]!.height})`);
});
