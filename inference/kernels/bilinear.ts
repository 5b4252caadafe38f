import { CallLayout, kernel } from './kernel.js';

/** One call of the bilinear sampling kernel (bilinear.wat): its inputs, written by the caller, in the kernel's memory. */
export interface BilinearCall {
  /** Per output column: the two source columns (within `src`'s width) and the second's weight. */
  ix0: Int32Array;
  ix1: Int32Array;
  wx: Float32Array;
  /** Per output row: the offsets in `src` of its two source rows, and the second's weight. */
  row0: Int32Array;
  row1: Int32Array;
  dy: Float64Array;
  /** The part of the image the view reads, row after row. */
  src: Uint8Array;
  /** Runs the kernel; returns the outW x outH floats, row after row (valid until the next call). */
  run(): Float32Array;
}

type Sample = (src: number, ix0: number, ix1: number, wx: number, row0: number, row1: number, dy: number, out: number, outW: number, outH: number) => void;

/** Lays out one call: an outW x outH view of a srcW x srcH part of an image. */
export function bilinearCall(outW: number, outH: number, srcW: number, srcH: number): BilinearCall {
  const k = kernel('bilinear');
  const layout = new CallLayout(k);
  const [ix0At, ix1At, wxAt, row0At, row1At, dyAt, outAt, srcAt] = [4 * outW, 4 * outW, 4 * outW, 4 * outH, 4 * outH, 8 * outH, 4 * outW * outH, srcW * srcH].map((bytes) => layout.take(bytes)) as [number, number, number, number, number, number, number, number];
  const buffer = layout.buffer();
  return {
    ix0: new Int32Array(buffer, ix0At, outW), ix1: new Int32Array(buffer, ix1At, outW), wx: new Float32Array(buffer, wxAt, outW),
    row0: new Int32Array(buffer, row0At, outH), row1: new Int32Array(buffer, row1At, outH), dy: new Float64Array(buffer, dyAt, outH),
    src: new Uint8Array(buffer, srcAt, srcW * srcH),
    run: () => {
      (k.exports.sample as Sample)(srcAt, ix0At, ix1At, wxAt, row0At, row1At, dyAt, outAt, outW, outH);
      return new Float32Array(k.memory.buffer, outAt, outW * outH);
    },
  };
}
