import { parseArgs } from 'node:util';
import { OnnxBackend } from '../inference/backends/onnxBackend.js';
import { DEFAULT_MODEL_DIR, loadManifest } from '../inference/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * `npm run bench -- readers [--runs N] [--models DIR]`: one reader batch (the nine crops of one
 * plate) in ONNX Runtime, one thread, float against int8: the folder's readers as the manifest
 * names them (`onnx_int8` where present) and the same manifest with the int8 entries left out.
 * Rounds alternate between the two so that both see the same load. Only the networks are timed:
 * what a frame gains is in `recognition` and `photographs`.
 */
const ROUNDS = 3;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '200' }, models: { type: 'string' } } });
  const dir = values.models ?? DEFAULT_MODEL_DIR;
  const manifest = await loadManifest(dir);
  if (!manifest.reader.onnx_int8) {
    process.stderr.write(`${dir}/manifest.json names no int8 reader\n`);
    return 64;
  }
  // Both whatever this CPU would choose: the comparison is the bench's point.
  const backends = { float: await OnnxBackend.load(dir, manifest, { int8: false }), int8: await OnnxBackend.load(dir, manifest, { int8: true }) };
  const [, height, width] = manifest.reader.input as [number, number, number];
  const data = new Float32Array(9 * height * width);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 251;
  const batch = { data, dims: [9, 1, height, width] };
  const times: Record<string, number[]> = { float: [], int8: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, backend] of Object.entries(backends)) {
      for (let i = 0; i < 20; i++) await backend.read(batch); // warm-up
      for (let i = 0; i < Number(values.runs); i++) {
        const started = performance.now();
        await backend.read(batch);
        times[name]!.push(performance.now() - started);
      }
    }
  }
  for (const backend of Object.values(backends)) await backend.dispose();
  const median = (name: string) => percentile([...times[name]!].sort((a, b) => a - b), 50);
  process.stdout.write(`${JSON.stringify({
    benchmark: 'readers', batch: 9, runs: Number(values.runs) * ROUNDS, ms_median_float: round(median('float'), 2), ms_median_int8: round(median('int8'), 2),
    int8_saves: round(1 - median('int8') / median('float'), 3), machine: machine(),
  })}\n`);
  return 0;
}
