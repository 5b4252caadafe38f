import t from 'tap';
import { detectorViews } from '../../inference/plateDetector.js';
import { readFile } from 'node:fs/promises';
import { toGray } from '../../inference/index.js';
import { resampleRegion } from '../../inference/resample.js';

/**
 * The training code's resize (see resample.ts), one output pixel at a time: taps of a triangle
 * filter as float32 weights normalised over the region, taps outside the image dropped, each row's
 * sum kept as float32 between the passes, the column sum in double precision. resampleRegion
 * must give exactly this.
 */
function referenceResample(src: Uint8Array, srcW: number, srcH: number, region: { left: number; top: number; width: number; height: number }, outW: number, outH: number): Float32Array {
  const left = Math.round(region.left);
  const top = Math.round(region.top);
  const width = Math.max(1, Math.round(region.left + region.width) - left);
  const height = Math.max(1, Math.round(region.top + region.height) - top);
  const taps = (origin: number, length: number, out: number, limit: number, i: number) => {
    const scale = length / out;
    const support = Math.max(1, scale);
    const center = origin + (i + 0.5) * scale;
    const start = Math.max(origin, Math.floor(center - support));
    const end = Math.min(origin + length, Math.ceil(center + support));
    const w = new Float32Array(Math.max(0, end - start));
    let sum = 0;
    for (let s = start; s < end; s++) sum += w[s - start] = Math.max(0, 1 - Math.abs((s + 0.5 - center) / support));
    if (sum > 0) for (let k = 0; k < w.length; k++) w[k]! /= sum;
    return Array.from(w, (weight, k) => ({ at: start + k, weight })).filter((tap) => tap.at >= 0 && tap.at < limit);
  };
  const out = new Float32Array(outW * outH);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      let sum = 0;
      for (const row of taps(top, height, outH, srcH, y)) {
        let across = 0;
        for (const col of taps(left, width, outW, srcW, x)) across += src[row.at * srcW + col.at]! * col.weight;
        sum += Math.fround(across) * row.weight;
      }
      out[y * outW + x] = Math.min(1, Math.max(0, sum / 255));
    }
  }
  return out;
}

t.test('resampling keeps flat areas flat, averages when shrinking, and reads black outside', async (tt) => {
  const w = 40;
  const h = 20;
  const src = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) src[y * w + x] = x < 20 ? 0 : 255;
  const out = Array.from(resampleRegion(src, w, h, { left: 0, top: 0, width: 40, height: 20 }, 4, 2).slice(0, 4));
  tt.equal(out[0], 0, 'far from the edge, black stays black');
  tt.equal(out[3], 1, 'and white stays white');
  tt.ok(out[1]! > 0 && out[1]! < 0.5 && out[2]! > 0.5 && out[2]! < 1, 'next to the edge, the filter blends');
  const shrunk = resampleRegion(src, w, h, { left: 10, top: 0, width: 20, height: 20 }, 1, 1);
  tt.ok(Math.abs(shrunk[0]! - 0.5) < 0.05, `a black/white edge averages to grey (${shrunk[0]})`);
  const outside = resampleRegion(src, w, h, { left: 100, top: 100, width: 10, height: 10 }, 2, 2);
  tt.same(Array.from(outside), [0, 0, 0, 0]);
});

t.test('the detector views are the whole frame plus overlapping tiles that cover it', async (tt) => {
  tt.same(detectorViews(1920, 1080, 1), [{ left: 0, top: 0, width: 1920, height: 1080 }]);
  const views = detectorViews(1920, 1080, 2);
  tt.equal(views.length, 5);
  for (const v of views) tt.ok(v.left >= 0 && v.top >= 0 && v.left + v.width <= 1920 && v.top + v.height <= 1080, JSON.stringify(v));
  const tiles = views.slice(1);
  tt.ok(tiles[0]!.left + tiles[0]!.width > tiles[1]!.left, 'neighbouring tiles overlap');
  tt.equal(Math.max(...tiles.map((v) => v.left + v.width)), 1920, 'tiles reach the right edge');
});

t.test('resampling gives the reference resize bit for bit: shrinking, enlarging, odd sizes, regions over the edges', async (tt) => {
  const frame = await toGray({ data: await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url)) });
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const regions = [
    { left: 400.3, top: 300.6, width: 280.2, height: 90.1, outW: 128, outH: 32 },
    { left: 410, top: 320, width: 41, height: 13, outW: 96, outH: 29 },
    { left: -20.4, top: -8.2, width: 120, height: 40, outW: 33, outH: 17 },
    { left: frame.width - 50, top: frame.height - 20, width: 90, height: 37, outW: 64, outH: 24 },
    { left: 0, top: 0, width: frame.width, height: frame.height, outW: 31, outH: 11 },
    { left: 5, top: 5, width: 0.2, height: 0.3, outW: 7, outH: 3 },
  ];
  for (let i = 0; i < 40; i++) {
    regions.push({ left: random() * frame.width - 40, top: random() * frame.height - 20, width: 2 + random() * 300, height: 2 + random() * 120, outW: 1 + Math.floor(random() * 160), outH: 1 + Math.floor(random() * 48) });
  }
  for (const { outW, outH, ...region } of regions) {
    const got = resampleRegion(frame.pixels, frame.width, frame.height, region, outW, outH);
    const want = referenceResample(frame.pixels, frame.width, frame.height, region, outW, outH);
    tt.ok(Buffer.compare(Buffer.from(got.buffer), Buffer.from(want.buffer)) === 0, `${JSON.stringify(region)} to ${outW}x${outH}`);
  }
  const noise = Uint8Array.from({ length: 37 * 23 }, () => Math.floor(random() * 256));
  const region = { left: 3.4, top: 2.2, width: 30.1, height: 18.7 };
  tt.same(Array.from(resampleRegion(noise, 37, 23, region, 19, 11)), Array.from(referenceResample(noise, 37, 23, region, 19, 11)), 'random pixels, odd sizes');
});
