/**
 * Resizes a region of an 8-bit grey image to a small float image (0..1) as the training code did
 * (PIL: crop to whole pixels, then BILINEAR resize): a triangle filter whose support widens when
 * shrinking, clipped to the region. Parts of the region outside the image read as black.
 * Separable: rows first, then columns.
 */
export function resampleRegion(
  src: Uint8Array, srcW: number, srcH: number,
  region: { left: number; top: number; width: number; height: number },
  outW: number, outH: number,
): Float32Array {
  const left = Math.round(region.left);
  const top = Math.round(region.top);
  const width = Math.max(1, Math.round(region.left + region.width) - left);
  const height = Math.max(1, Math.round(region.top + region.height) - top);
  const xs = weights(left, width, outW);
  const ys = weights(top, height, outH);
  // Horizontal pass over only the rows the vertical pass will need.
  const rowMin = ys.reduce((m, y) => Math.min(m, y.start), Infinity);
  const rowMax = ys.reduce((m, y) => Math.max(m, y.start + y.w.length), -Infinity);
  const rows = Math.max(0, rowMax - rowMin);
  const tmp = new Float32Array(rows * outW);
  for (let r = 0; r < rows; r++) {
    const sy = rowMin + r;
    if (sy < 0 || sy >= srcH) continue;
    const base = sy * srcW;
    for (let x = 0; x < outW; x++) {
      const { start, w } = xs[x]!;
      let acc = 0;
      for (let k = 0; k < w.length; k++) {
        const sx = start + k;
        if (sx >= 0 && sx < srcW) acc += src[base + sx]! * w[k]!;
      }
      tmp[r * outW + x] = acc;
    }
  }
  const out = new Float32Array(outW * outH);
  for (let y = 0; y < outH; y++) {
    const { start, w } = ys[y]!;
    for (let x = 0; x < outW; x++) {
      let acc = 0;
      for (let k = 0; k < w.length; k++) {
        const r = start + k - rowMin;
        if (r >= 0 && r < rows) acc += tmp[r * outW + x]! * w[k]!;
      }
      out[y * outW + x] = Math.min(1, Math.max(0, acc / 255));
    }
  }
  return out;
}

/** For each output pixel, the first source index and the normalised filter weights. */
function weights(origin: number, length: number, out: number): Array<{ start: number; w: Float32Array }> {
  const scale = length / out;
  const support = Math.max(1, scale); // triangle of radius 1, stretched when shrinking
  const result: Array<{ start: number; w: Float32Array }> = [];
  for (let i = 0; i < out; i++) {
    const center = origin + (i + 0.5) * scale;
    const start = Math.max(origin, Math.floor(center - support));
    const end = Math.min(origin + length, Math.ceil(center + support));
    const w = new Float32Array(end - start);
    let sum = 0;
    for (let s = start; s < end; s++) {
      const v = Math.max(0, 1 - Math.abs((s + 0.5 - center) / support));
      w[s - start] = v;
      sum += v;
    }
    if (sum > 0) for (let k = 0; k < w.length; k++) w[k]! /= sum;
    result.push({ start, w });
  }
  return result;
}
