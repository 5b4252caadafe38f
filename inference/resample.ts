import { resampleCall } from './kernels/resample.js';

/**
 * Resizes a region of an 8-bit grey image to a small float image (0..1) as the training code did
 * (PIL: crop to whole pixels, then BILINEAR resize): a triangle filter whose support widens when
 * shrinking, clipped to the region. Parts of the region outside the image read as black.
 * Separable: rows first (sums kept as float32), then columns (in double precision); the filters
 * are worked out here and both passes run in the WebAssembly kernel (kernels/resample.wat).
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
  // kernel reads only pixels of the image.
  const xs = weights(left, width, outW, srcW);
  const ys = weights(top, height, outH, srcH);
  // The rows the column pass needs and the columns the row pass reads: the part of the image
  // copied to the kernel (the row pass runs over those rows only).
  const [rowMin, rowMax] = span(ys);
  const [colMin, colMax] = span(xs);
  // Nothing of the image under the crop: every sum is 0.
  if (rowMax <= rowMin || colMax <= colMin) return new Float32Array(outW * outH);
  const rows = rowMax - rowMin;
  const srcCols = colMax - colMin;
  const call = resampleCall(outW, outH, srcCols, rows, xs.w.length, ys.w.length);
  for (let r = 0; r < rows; r++) call.src.set(src.subarray((rowMin + r) * srcW + colMin, (rowMin + r) * srcW + colMax), r * srcCols);
  for (let x = 0; x < outW; x++) call.xStart[x] = xs.count[x] === 0 ? 0 : xs.start[x]! - colMin;
  for (let y = 0; y < outH; y++) call.yRow[y] = ys.count[y] === 0 ? 0 : ys.start[y]! - rowMin;
  call.xCount.set(xs.count);
  call.xAt.set(xs.at);
  call.xw.set(xs.w);
  call.yCount.set(ys.count);
  call.yAt.set(ys.at);
  call.yw.set(ys.w);
  // A copy: the kernel's memory is the next call's.
  return call.run().slice();
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

/** The source pixels an axis's filters read, from the first to one past the last: [Infinity, -Infinity] when none. */
function span(filters: Filters): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < filters.count.length; i++) {
    if (filters.count[i] === 0) continue;
    min = Math.min(min, filters.start[i]!);
    max = Math.max(max, filters.start[i]! + filters.count[i]!);
  }
  return [min, max];
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
