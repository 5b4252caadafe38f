import t from 'tap';
import { detectorViews } from '../../inference/plateDetector.js';
import { resampleRegion } from '../../inference/resample.js';

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
