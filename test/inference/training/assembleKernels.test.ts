import t from 'tap';
import { readFile } from 'node:fs/promises';
import { assembleKernel, KERNELS } from '../../../inference/training/assembleKernels.js';

t.test('each committed WebAssembly kernel is its .wat source assembled (npm run kernels after editing one)', async (tt) => {
  for (const name of KERNELS) {
    const committed = await readFile(new URL(`../../../inference/kernels/${name}.wasm`, import.meta.url));
    tt.ok((await assembleKernel(name)).equals(committed), `inference/kernels/${name}.wasm is ${name}.wat assembled`);
  }
});
