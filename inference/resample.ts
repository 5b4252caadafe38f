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
  for (let y = 0; y < outH; y++) {
    if (ys.count[y] === 0) continue;
    rowMin = Math.min(rowMin, ys.start[y]!);
    rowMax = Math.max(rowMax, ys.start[y]! + ys.count[y]!);
  }
  const out = new Float32Array(outW * outH);
  if (rowMax <= rowMin) return out;
  const rows = rowMax - rowMin;
  // Float32, as the sums were always kept between the passes: the vertical pass reads the same values.
  const tmp = new Float32Array(rows * outW);
  const { start: xStart, count: xCount, at: xAt, w: xw } = xs;
  for (let r = 0; r < rows; r++) {
    const base = (rowMin + r) * srcW;
    const o = r * outW;
    for (let x = 0; x < outW; x++) {
      const s = base + xStart[x]!;
      const at = xAt[x]!;
      const n = xCount[x]!;
      let sum = 0;
      for (let k = 0; k < n; k++) sum += src[s + k]! * xw[at + k]!;
      tmp[o + x] = sum;
    }
  }
  for (let y = 0; y < outH; y++) {
    const t0 = (ys.start[y]! - rowMin) * outW;
    const at = ys.at[y]!;
    const n = ys.count[y]!;
    const o = y * outW;
    // Each output pixel sums its taps in the same order, from 0, in double precision.
    for (let x = 0; x < outW; x++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += tmp[t0 + k * outW + x]! * ys.w[at + k]!;
      out[o + x] = Math.min(1, Math.max(0, sum / 255));
    }
  }
  return out;
}

/**
 * The filters of one axis, flat: output pixel i reads `count[i]` source pixels from `start[i]`
 * with the weights w[at[i]...], normalised over the whole region and then clipped to the image
 * (0..limit). One typed array each instead of an object per pixel.
 */
interface Filters {
  start: Int32Array;
  count: Int32Array;
  at: Int32Array;
  w: Float32Array;
}

function weights(origin: number, length: number, out: number, limit: number): Filters {
  const scale = length / out;
  const support = Math.max(1, scale); // triangle of radius 1, stretched when shrinking
  const taps = Math.ceil(2 * support) + 2;
  const filters: Filters = { start: new Int32Array(out), count: new Int32Array(out), at: new Int32Array(out), w: new Float32Array(out * taps) };
  for (let i = 0; i < out; i++) {
    const center = origin + (i + 0.5) * scale;
    const start = Math.max(origin, Math.floor(center - support));
    const end = Math.min(origin + length, Math.ceil(center + support));
    // Float32 weights, normalised in place, as they were always stored.
    const w = filters.w.subarray(i * taps, i * taps + Math.max(0, end - start));
    let sum = 0;
    for (let s = start; s < end; s++) {
      const v = Math.max(0, 1 - Math.abs((s + 0.5 - center) / support));
      w[s - start] = v;
      sum += v;
    }
    if (sum > 0) for (let k = 0; k < w.length; k++) w[k]! /= sum;
    const from = Math.max(start, 0);
    const to = Math.min(end, limit);
    filters.start[i] = from;
    filters.count[i] = Math.max(0, to - from);
    filters.at[i] = i * taps + (from - start);
  }
  return filters;
}
