import { bilinearCall } from './kernels/bilinear.js';
import { LITTLE_ENDIAN } from './littleEndian.js';

/**
 * Fast shrinking for the detector's views: halve by 2x2 averaging until the next halving would
 * go below the target, then sample bilinearly. The averaging does the anti-aliasing the training
 * code's PIL resize did; it costs a few milliseconds on a 1080p frame where a libvips pipeline per
 * view cost several each.
 */
export interface GrayImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** `into`: a buffer of the halved size to write to (every pixel is written), else a new one. */
export function halve(img: GrayImage, into?: Uint8Array): GrayImage {
  const width = Math.floor(img.width / 2);
  const height = Math.floor(img.height / 2);
  const out = into?.length === width * height ? into : new Uint8Array(width * height);
  const src = img.pixels;
  const w = img.width;
  // Four pixels at a time where the rows start on 32-bit boundaries (1080p, 720p and their halves).
  const words = LITTLE_ENDIAN && w % 4 === 0 && src.byteOffset % 4 === 0 ? new Uint32Array(src.buffer, src.byteOffset, (2 * height * w) / 4) : null;
  for (let y = 0; y < height; y++) {
    const r0 = 2 * y * w;
    const r1 = r0 + w;
    const o = y * width;
    let x = 0;
    if (words) {
      // Two output pixels per pair of words: even and odd pixels are split into 16-bit lanes and
      // summed with the rounding term; a lane holds at most 4 * 255 + 2, so lanes never carry
      // into each other and each lane is the same sum, shifted, as the per-pixel code below.
      const q0 = r0 / 4;
      const q1 = r1 / 4;
      for (const pairs = Math.floor(w / 4); x < pairs; x++) {
        const a = words[q0 + x]!;
        const b = words[q1 + x]!;
        const sum = (a & 0xff00ff) + ((a >>> 8) & 0xff00ff) + (b & 0xff00ff) + ((b >>> 8) & 0xff00ff) + 0x20002;
        out[o + 2 * x] = sum >>> 2;
        out[o + 2 * x + 1] = sum >>> 18;
      }
      x *= 2;
    }
    for (; x < width; x++) {
      const c = 2 * x;
      out[o + x] = (src[r0 + c]! + src[r0 + c + 1]! + src[r1 + c]! + src[r1 + c + 1]! + 2) >> 2;
    }
  }
  return { pixels: out, width, height };
}

/** The frame and its successive halvings, largest first; `spare[i]` is offered to halving i + 1. */
export function pyramid(img: GrayImage, minWidth: number, spare: readonly Uint8Array[] = []): GrayImage[] {
  const levels = [img];
  while (levels[levels.length - 1]!.width / 2 >= minWidth) levels.push(halve(levels[levels.length - 1]!, spare[levels.length - 1]));
  return levels;
}

/**
 * Writes `region` of the frame, scaled to outW x outH, into `out` (row stride `stride`) as 0..1
 * floats, sampling bilinearly from the smallest pyramid level that still has at least as many
 * pixels as the output needs. Which source columns and rows each output pixel reads, and their
 * weights, are worked out here; the per-pixel blend runs in the WebAssembly kernel
 * (kernels/bilinear.wat) on a copy of the part of the level the view reads.
 */
export function sampleView(levels: GrayImage[], region: { left: number; top: number; width: number; height: number }, outW: number, outH: number, out: Float32Array, stride: number): void {
  let level = 0;
  while (level + 1 < levels.length && region.width / 2 ** (level + 1) >= outW && region.height / 2 ** (level + 1) >= outH) level++;
  const img = levels[level]!;
  const f = 2 ** level;
  const sx = region.width / f / outW;
  const sy = region.height / f / outH;
  const x0 = region.left / f;
  const y0 = region.top / f;
  const maxX = img.width - 1;
  const maxY = img.height - 1;
  const columnAt = (x: number) => Math.min(maxX, Math.max(0, x0 + (x + 0.5) * sx - 0.5));
  const rowAt = (y: number) => Math.min(maxY, Math.max(0, y0 + (y + 0.5) * sy - 0.5));
  // Both grow with x and y: the first and last output pixels bound the part of the level read.
  const left = Math.floor(columnAt(0));
  const right = Math.min(maxX, Math.floor(columnAt(outW - 1)) + 1);
  const top = Math.floor(rowAt(0));
  const bottom = Math.min(maxY, Math.floor(rowAt(outH - 1)) + 1);
  const srcW = right - left + 1;
  const call = bilinearCall(outW, outH, srcW, bottom - top + 1);
  for (let x = 0; x < outW; x++) {
    const fx = columnAt(x);
    const ix = Math.floor(fx);
    call.ix0[x] = ix - left;
    call.ix1[x] = Math.min(maxX, ix + 1) - left;
    call.wx[x] = fx - ix;
  }
  for (let y = 0; y < outH; y++) {
    const fy = rowAt(y);
    const iy = Math.floor(fy);
    call.dy[y] = fy - iy;
    call.row0[y] = (iy - top) * srcW;
    call.row1[y] = (Math.min(maxY, iy + 1) - top) * srcW;
  }
  const px = img.pixels;
  if (srcW === img.width) call.src.set(px.subarray(top * img.width, (bottom + 1) * img.width));
  else for (let r = top; r <= bottom; r++) call.src.set(px.subarray(r * img.width + left, r * img.width + right + 1), (r - top) * srcW);
  const sampled = call.run();
  if (stride === outW) out.set(sampled);
  else for (let y = 0; y < outH; y++) out.set(sampled.subarray(y * outW, (y + 1) * outW), y * stride);
}
