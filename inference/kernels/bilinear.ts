import { readFileSync } from 'node:fs';

/**
 * The bilinear sampling kernel (bilinear.wat, assembled into bilinear.wasm) and the memory it
 * works in. One instance per process: sampling is synchronous, so no two calls share the memory
 * at once. The memory grows to the largest view asked for (about a megabyte) and stays.
 */
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

interface Kernel {
  memory: WebAssembly.Memory;
  sample(src: number, ix0: number, ix1: number, wx: number, row0: number, row1: number, dy: number, out: number, outW: number, outH: number): void;
}

let kernel: Kernel | null = null;

function load(): Kernel {
  const module = new WebAssembly.Module(readFileSync(new URL('./bilinear.wasm', import.meta.url)));
  const { exports } = new WebAssembly.Instance(module, {});
  return { memory: exports.memory as WebAssembly.Memory, sample: exports.sample as Kernel['sample'] };
}

/** Lays out one call's arrays in the kernel's memory: an outW x outH view of a srcW x srcH part of an image. */
export function bilinearCall(outW: number, outH: number, srcW: number, srcH: number): BilinearCall {
  const k = (kernel ??= load());
  const eight = (n: number) => Math.ceil(n / 8) * 8;
  const ix0At = 0;
  const ix1At = ix0At + 4 * outW;
  const wxAt = ix1At + 4 * outW;
  const row0At = eight(wxAt + 4 * outW);
  const row1At = row0At + 4 * outH;
  const dyAt = eight(row1At + 4 * outH);
  const outAt = dyAt + 8 * outH;
  const srcAt = outAt + 4 * outW * outH;
  const end = srcAt + srcW * srcH;
  if (end > k.memory.buffer.byteLength) k.memory.grow(Math.ceil((end - k.memory.buffer.byteLength) / 65536));
  // Views made after growing: growing detaches the old buffer.
  const buffer = k.memory.buffer;
  return {
    ix0: new Int32Array(buffer, ix0At, outW), ix1: new Int32Array(buffer, ix1At, outW), wx: new Float32Array(buffer, wxAt, outW),
    row0: new Int32Array(buffer, row0At, outH), row1: new Int32Array(buffer, row1At, outH), dy: new Float64Array(buffer, dyAt, outH),
    src: new Uint8Array(buffer, srcAt, srcW * srcH),
    run: () => {
      k.sample(srcAt, ix0At, ix1At, wxAt, row0At, row1At, dyAt, outAt, outW, outH);
      return new Float32Array(k.memory.buffer, outAt, outW * outH);
    },
  };
}
