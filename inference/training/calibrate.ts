import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OnnxBackend } from '../backends/onnxBackend.js';
import type { Tensor } from '../backends/types.js';
import { evaluate } from '../evaluate.js';
import { loadManifest } from '../modelFiles.js';

/**
 * `node bin/tool.js inference/training/calibrate.ts --models inference/models --exposed DIR --out DIR --dataset D [--dataset D...]`
 *
 * Calibration samples for quantize.py. The recognizer reads the `train` split of each dataset
 * (never `val` or the locked split: evaluate's own split rule) on the ONNX backend, and every input
 * it gives a reader or the state classifier is kept: the crops the runtime really makes, not a
 * re-implementation of them. Then each network's all-outputs variant (`quantize.py expose`, as
 * DIR/NAME.all.onnx) runs over those inputs, and a seeded random sample of every tensor's values
 * is written to OUT/NAME/ (index.json and one float32 file a tensor), for quantize.py to choose
 * each activation range from.
 */
const PER_BATCH = 2048;

const recorded: Record<string, Tensor[]> = { reader: [], second_reader: [], state_classifier: [] };
const copy = (t: Tensor): Tensor => ({ data: t.data.slice(), dims: [...t.dims] });
/**
 * The second reader reads only the plates the first is unsure of (plateReader.ts), which would
 * calibrate it on the hard fraction of the crops. Where both read crops of one size (the shipped
 * pair), every crop the first reads is recorded for the second too, and its own calls are not.
 */
let sameCrops = false;
const read = OnnxBackend.prototype.read;
OnnxBackend.prototype.read = function (input, reader = 0) {
  if (reader === 0) {
    recorded.reader!.push(copy(input));
    if (sameCrops) recorded.second_reader!.push(copy(input));
  } else if (!sameCrops) recorded.second_reader!.push(copy(input));
  return read.call(this, input, reader);
};
const classifyState = OnnxBackend.prototype.classifyState;
OnnxBackend.prototype.classifyState = function (input) {
  recorded.state_classifier!.push(copy(input));
  return classifyState.call(this, input);
};

/** mulberry32: the same samples on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function sample(name: string, exposed: string, batches: Tensor[], out: string): Promise<void> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(exposed, { intraOpNumThreads: 1, graphOptimizationLevel: 'disabled' });
  const rand = random(1);
  const values = new Map<string, number[]>();
  const extremes = new Map<string, [number, number]>();
  const keep = (tensor: string, data: Float32Array) => {
    const list = values.get(tensor) ?? [];
    values.set(tensor, list);
    const n = Math.min(PER_BATCH, data.length);
    for (let i = 0; i < n; i++) list.push(data[Math.floor(rand() * data.length)]!);
    let [lo, hi] = extremes.get(tensor) ?? [Infinity, -Infinity];
    for (const v of data) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    extremes.set(tensor, [lo, hi]);
  };
  for (const batch of batches) {
    const result = await session.run({ input: new ort.Tensor('float32', batch.data, batch.dims) });
    keep('input', batch.data);
    for (const [tensor, value] of Object.entries(result)) if (value.type === 'float32') keep(tensor, value.data as Float32Array);
  }
  await session.release();
  const dir = join(out, name);
  await mkdir(dir, { recursive: true });
  const index: Record<string, { file: string; count: number; min: number; max: number }> = {};
  for (const [i, [tensor, list]] of [...values.entries()].entries()) {
    const file = `t${i}.f32`;
    await writeFile(join(dir, file), Buffer.from(Float32Array.from(list).buffer));
    const [min, max] = extremes.get(tensor)!;
    index[tensor] = { file, count: list.length, min, max };
  }
  const crops = batches.reduce((a, b) => a + b.dims[0]!, 0);
  await writeFile(join(dir, 'index.json'), `${JSON.stringify({ batches: batches.length, crops, tensors: index }, null, 1)}\n`);
  process.stdout.write(`${name}: ${batches.length} batches, ${crops} crops, ${values.size} tensors -> ${dir}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { models: { type: 'string', default: 'inference/models' }, exposed: { type: 'string' }, out: { type: 'string' }, dataset: { type: 'string', multiple: true } } });
  if (!values.exposed || !values.out || !values.dataset?.length) {
    process.stderr.write('usage: calibrate.ts --models DIR --exposed DIR --out DIR --dataset DIR [--dataset DIR...]\n');
    return 64;
  }
  const manifest = await loadManifest(values.models!);
  sameCrops = manifest.second_reader !== undefined && JSON.stringify(manifest.second_reader.input) === JSON.stringify(manifest.reader.input);
  if (manifest.second_reader && !sameCrops) process.stderr.write('the second reader reads crops of another size: it is calibrated on the plates the first reader is unsure of only\n');
  for (const dataset of values.dataset) {
    const result = await evaluate(dataset, { split: 'train', backend: 'onnx', modelDir: values.models! });
    process.stdout.write(`${dataset}: ${result.images} train images, top1 ${result.top1}\n`);
  }
  for (const [name, batches] of Object.entries(recorded)) {
    const exposed = join(values.exposed, `${name}.all.onnx`);
    if (batches.length > 0 && existsSync(exposed)) await sample(name, exposed, batches, values.out);
  }
  return 0;
}
