import { readFileSync } from 'node:fs';

/**
 * A WebAssembly kernel of this folder (NAME.wasm, assembled from NAME.wat) and its memory. The
 * kernels are synchronous, so no two calls share a memory at once; it grows to the largest call
 * (a megabyte or so) and stays.
 */
export interface Kernel {
  memory: WebAssembly.Memory;
  exports: WebAssembly.Exports;
}

const loaded = new Map<string, Kernel>();

/** The kernel `name`, compiled and instantiated on first use. */
export function kernel(name: string): Kernel {
  let k = loaded.get(name);
  if (!k) {
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL(`./${name}.wasm`, import.meta.url))), {});
    k = { memory: exports.memory as WebAssembly.Memory, exports };
    loaded.set(name, k);
  }
  return k;
}

/** One call's arrays laid out one after another in a kernel's memory, each at an offset aligned to 8 bytes. */
export class CallLayout {
  private end = 0;

  constructor(private readonly k: Kernel) {}

  /** The offset of the next `bytes`. */
  take(bytes: number): number {
    const at = this.end;
    this.end = Math.ceil((at + bytes) / 8) * 8;
    return at;
  }

  /** Grows the memory to hold everything taken and returns its buffer: views are made after (growing detaches the old one). */
  buffer(): ArrayBuffer {
    const have = this.k.memory.buffer.byteLength;
    if (this.end > have) this.k.memory.grow(Math.ceil((this.end - have) / 65536));
    return this.k.memory.buffer;
  }
}
