import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/**
 * A fixed workload timed in the same run as the recognizer, so figures taken on development
 * machines that differ in speed (3x from one day to the next) can be compared by their ratio.
 * It is frozen on purpose: its own copies of a 1080p JPEG and of an ONNX model (the detector as
 * shipped on 2026-11-30), checked by hash, so retraining or re-tuning the product never moves it.
 * One unit: decode the JPEG to grey (libvips, one thread) plus one run of the model on a fixed
 * input (ONNX Runtime, one intra-op thread) — the two kinds of work a frame costs.
 */
const FROZEN = {
  jpeg: { file: 'frame-1080p.jpg', sha256: '039e8bbd67535a100c7bb8fd7b05d290a97885289a69cdf8c67cc8ba1b2249a1' },
  onnx: { file: 'frozen-detector.onnx', sha256: '4e7c59892f1bb8bb8fe6debffbd4c781623f05766ae1e38926f7e3e31a932153', dims: [1, 1, 288, 384] },
};

async function frozenFile(entry: { file: string; sha256: string }): Promise<Buffer> {
  const bytes = await readFile(new URL(`./reference/${entry.file}`, import.meta.url));
  const sha = createHash('sha256').update(bytes).digest('hex');
  // A changed reference would make every ratio incomparable with the ones recorded before it.
  if (sha !== entry.sha256) throw new Error(`bench/reference/${entry.file} changed (sha256 ${sha}); the reference workload must stay frozen`);
  return bytes;
}

export interface ReferenceWorkload {
  /** Milliseconds one unit took this time. */
  once(): Promise<number>;
  close(): Promise<void>;
}

export async function openReferenceWorkload(): Promise<ReferenceWorkload> {
  const ort = await import('onnxruntime-node');
  const jpeg = await frozenFile(FROZEN.jpeg);
  const session = await ort.InferenceSession.create(await frozenFile(FROZEN.onnx), { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
  const size = FROZEN.onnx.dims.reduce((a, b) => a * b, 1);
  const input = new Float32Array(size);
  for (let i = 0; i < size; i++) input[i] = ((i * 7919) % 256) / 255; // fixed, not random: the same work every run
  return {
    async once() {
      const started = performance.now();
      await sharp(jpeg).toColourspace('b-w').raw().toBuffer();
      await session.run({ input: new ort.Tensor('float32', input, FROZEN.onnx.dims) });
      return performance.now() - started;
    },
    close: () => session.release(),
  };
}
