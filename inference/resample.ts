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
  // Taps outside the image read as black: they are dropped from the filters up front, so the
  // loops below need no bounds checks.
  const xs = weights(left, width, outW, srcW);
  const ys = weights(top, height, outH, srcH);
  // Horizontal pass over only the rows the vertical pass will need.
  let rowMin = Infinity;
  let rowMax = -Infinity;
  for (const y of ys) {
    if (y.w.length === 0) continue;
    rowMin = Math.min(rowMin, y.start);
    rowMax = Math.max(rowMax, y.start + y.w.length);
  }
  const out = new Float32Array(outW * outH);
  if (rowMax <= rowMin) return out;
  const rows = rowMax - rowMin;
  const tmp = new Float32Array(rows * outW);
  for (let r = 0; r < rows; r++) {
    const base = (rowMin + r) * srcW;
    const o = r * outW;
    for (let x = 0; x < outW; x++) {
      const { start, w } = xs[x]!;
      let sum = 0;
      for (let k = 0; k < w.length; k++) sum += src[base + start + k]! * w[k]!;
      tmp[o + x] = sum;
    }
  }
  const acc = new Float64Array(outW);
  for (let y = 0; y < outH; y++) {
    const { start, w } = ys[y]!;
    acc.fill(0);
    for (let k = 0; k < w.length; k++) {
      const t = (start + k - rowMin) * outW;
      const wk = w[k]!;
      for (let x = 0; x < outW; x++) acc[x] = acc[x]! + tmp[t + x]! * wk;
    }
    const o = y * outW;
    for (let x = 0; x < outW; x++) out[o + x] = Math.min(1, Math.max(0, acc[x]! / 255));
  }
  return out;
}

/**
 * For each output pixel, the first source index and the filter weights, normalised over the
 * whole region and then clipped to the image (0..limit).
 */
function weights(origin: number, length: number, out: number, limit: number): Array<{ start: number; w: Float32Array }> {
  const scale = length / out;
  const support = Math.max(1, scale); // triangle of radius 1, stretched when shrinking
  const result: Array<{ start: number; w: Float32Array }> = [];
  for (let i = 0; i < out; i++) {
    const center = origin + (i + 0.5) * scale;
    const start = Math.max(origin, Math.floor(center - support));
    const end = Math.min(origin + length, Math.ceil(center + support));
    const w = new Float32Array(Math.max(0, end - start));
    let sum = 0;
    for (let s = start; s < end; s++) {
      const v = Math.max(0, 1 - Math.abs((s + 0.5 - center) / support));
      w[s - start] = v;
      sum += v;
    }
    if (sum > 0) for (let k = 0; k < w.length; k++) w[k]! /= sum;
    const from = Math.max(start, 0);
    const to = Math.min(end, limit);
    result.push({ start: from, w: to > from ? w.subarray(from - start, to - start) : new Float32Array(0) });
  }
  return result;
}
