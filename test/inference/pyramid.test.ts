import t from 'tap';
import { readFile } from 'node:fs/promises';
import { toGray } from '../../inference/index.js';
import { halve, pyramid, sampleView, type GrayImage } from '../../inference/pyramid.js';

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

/**
 * Bilinear sampling one output pixel at a time in JavaScript, as sampleView did before its blend
 * moved to the WebAssembly kernel: what sampleView must write, bit for bit (the models were
 * trained and scored on these values).
 */
function referenceSampleView(levels: GrayImage[], region: { left: number; top: number; width: number; height: number }, outW: number, outH: number, out: Float32Array, stride: number): void {
  let level = 0;
  while (level + 1 < levels.length && region.width / 2 ** (level + 1) >= outW && region.height / 2 ** (level + 1) >= outH) level++;
  const img = levels[level]!;
  const f = 2 ** level;
  const [sx, sy, x0, y0] = [region.width / f / outW, region.height / f / outH, region.left / f, region.top / f];
  const [maxX, maxY] = [img.width - 1, img.height - 1];
  const px = img.pixels;
  const wx = new Float32Array(1);
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(maxY, Math.max(0, y0 + (y + 0.5) * sy - 0.5));
    const iy = Math.floor(fy);
    const dy = fy - iy;
    const row0 = iy * img.width;
    const row1 = Math.min(maxY, iy + 1) * img.width;
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(maxX, Math.max(0, x0 + (x + 0.5) * sx - 0.5));
      const a = Math.floor(fx);
      const b = Math.min(maxX, a + 1);
      wx[0] = fx - a;
      const dx = wx[0];
      const top = px[row0 + a]! + (px[row0 + b]! - px[row0 + a]!) * dx;
      const bottom = px[row1 + a]! + (px[row1 + b]! - px[row1 + a]!) * dx;
      out[y * stride + x] = (top + (bottom - top) * dy) / 255;
    }
  }
}

t.test('a view is sampled exactly as the one-pass bilinear code did, every pixel to the bit, padding untouched', async (tt) => {
  let s = 99;
  const random = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  // Frame sizes of the appliance (1080p), the photographs (720p, portrait), odd and tiny ones.
  for (const [i, [w, h]] of ([[1920, 1080], [1280, 720], [918, 1632], [641, 479], [37, 23], [3, 2]] as const).entries()) {
    const levels = pyramid(randomImage(w, h, i + 7, i % 2), 384);
    let differing = 0;
    const views = 120;
    for (let v = 0; v < views; v++) {
      // Whole frames, tiles, zoomed views a few plate widths across, and views reaching past the edges.
      const vw = Math.max(1, Math.round(v === 0 ? w : 1 + random() * w * 1.2));
      const vh = Math.max(1, Math.round(v === 0 ? h : 1 + random() * h * 1.2));
      const region = v === 0 ? { left: 0, top: 0, width: w, height: h } : { left: Math.round(random() * w - vw / 4), top: Math.round(random() * h - vh / 4), width: vw, height: vh };
      const scale = Math.min(384 / region.width, 288 / region.height);
      const outW = Math.max(1, Math.round(region.width * scale));
      const outH = Math.max(1, Math.round(region.height * scale));
      const stride = Math.min(384, Math.ceil(outW / 16) * 16);
      const want = new Float32Array(stride * 288).fill(-1);
      const got = new Float32Array(stride * 288).fill(-1);
      referenceSampleView(levels, region, outW, outH, want, stride);
      sampleView(levels, region, outW, outH, got, stride);
      if (Buffer.compare(Buffer.from(want.buffer), Buffer.from(got.buffer)) !== 0) differing++;
    }
    tt.equal(differing, 0, `${w}x${h}: ${views} views, none differs by a bit (and the padding beyond each row stays as it was)`);
  }
});
