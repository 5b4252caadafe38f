import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

/** The WebAssembly kernels the runtime loads (inference/kernels), each assembled from its .wat source beside it. */
export const KERNELS = ['bilinear', 'resample'] as const;

const KERNEL_DIR = fileURLToPath(new URL('../kernels/', import.meta.url));

/** The binary `name`.wat assembles to: no names section, so the bytes depend on the source alone. */
export async function assembleKernel(name: (typeof KERNELS)[number]): Promise<Buffer> {
  const source = await readFile(`${KERNEL_DIR}${name}.wat`, 'utf8');
  const module = (await wabt()).parseWat(`${name}.wat`, source);
  try {
    module.validate();
    return Buffer.from(module.toBinary({ write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}

/** `npm run kernels`: writes each kernel's .wasm from its .wat (commit both). */
export async function main(): Promise<number> {
  for (const name of KERNELS) {
    const bytes = await assembleKernel(name);
    await writeFile(`${KERNEL_DIR}${name}.wasm`, bytes);
    process.stdout.write(`inference/kernels/${name}.wasm: ${bytes.length} bytes\n`);
  }
  return 0;
}
