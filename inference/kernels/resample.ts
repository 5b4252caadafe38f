import { CallLayout, kernel } from './kernel.js';

/** One call of the crop-resize kernel (resample.wat): its inputs, written by the caller, in the kernel's memory. */
export interface ResampleCall {
  /** Per output column: its first source column (within `src`), how many it reads, and where its weights start in `xw`. */
  xStart: Int32Array;
  xCount: Int32Array;
  xAt: Int32Array;
  xw: Float32Array;
  /** Per output row: its first row of the row pass's output (a row of `src`), how many it reads, and where its weights start in `yw`. */
  yRow: Int32Array;
  yCount: Int32Array;
  yAt: Int32Array;
  yw: Float32Array;
  /** The part of the image the crop reads, row after row. */
  src: Uint8Array;
  /** Runs both passes; returns the outW x outH floats, row after row (valid until the next call). */
  run(): Float32Array;
}

type AlongX = (src: number, srcW: number, rows: number, xStart: number, xCount: number, xAt: number, xw: number, tmp: number, outW: number) => void;
type AlongY = (tmp: number, outW: number, outH: number, yRow: number, yCount: number, yAt: number, yw: number, out: number) => void;

/** Lays out one call: an outW x outH crop of a srcW x srcH part of an image, with `xTaps` and `yTaps` weights in all. */
export function resampleCall(outW: number, outH: number, srcW: number, srcH: number, xTaps: number, yTaps: number): ResampleCall {
  const k = kernel('resample');
  const layout = new CallLayout(k);
  const [xStartAt, xCountAt, xAtAt, xwAt, yRowAt, yCountAt, yAtAt, ywAt, srcAt, tmpAt, outAt] = [4 * outW, 4 * outW, 4 * outW, 4 * xTaps, 4 * outH, 4 * outH, 4 * outH, 4 * yTaps, srcW * srcH, 4 * srcH * outW, 4 * outW * outH]
    .map((bytes) => layout.take(bytes)) as [number, number, number, number, number, number, number, number, number, number, number];
  const buffer = layout.buffer();
  return {
    xStart: new Int32Array(buffer, xStartAt, outW), xCount: new Int32Array(buffer, xCountAt, outW), xAt: new Int32Array(buffer, xAtAt, outW), xw: new Float32Array(buffer, xwAt, xTaps),
    yRow: new Int32Array(buffer, yRowAt, outH), yCount: new Int32Array(buffer, yCountAt, outH), yAt: new Int32Array(buffer, yAtAt, outH), yw: new Float32Array(buffer, ywAt, yTaps),
    src: new Uint8Array(buffer, srcAt, srcW * srcH),
    run: () => {
      (k.exports.alongX as AlongX)(srcAt, srcW, srcH, xStartAt, xCountAt, xAtAt, xwAt, tmpAt, outW);
      (k.exports.alongY as AlongY)(tmpAt, outW, outH, yRowAt, yCountAt, yAtAt, ywAt, outAt);
      return new Float32Array(k.memory.buffer, outAt, outW * outH);
    },
  };
}
