import { AlprError, errorMessage, type Logger } from '../../core/index.js';
import type { ModelManifest } from '../modelFiles.js';
import type { InferenceBackend } from './types.js';

export type BackendChoice = 'auto' | 'onnx' | 'tfjs';

async function load(name: 'onnx' | 'tfjs', dir: string, manifest: ModelManifest): Promise<InferenceBackend> {
  if (name === 'onnx') return (await import('./onnxBackend.js')).OnnxBackend.load(dir, manifest);
  return (await import('./tfjsBackend.js')).TfjsBackend.load(dir, manifest);
}

/** Median time of a few detector runs on a blank frame (the detector dominates the cost). */
async function timeIt(backend: InferenceBackend, manifest: ModelManifest): Promise<number> {
  const [c, h, w] = manifest.detector.input as [number, number, number];
  const input = { data: new Float32Array(c * h * w), dims: [1, c, h, w] };
  await backend.detect(input);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await backend.detect(input);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/**
 * Opens the configured backend. `auto` loads every backend that can run here, times each on a
 * blank frame, keeps the fastest and releases the others.
 */
export async function createBackend(choice: BackendChoice, dir: string, manifest: ModelManifest, logger: Logger): Promise<InferenceBackend> {
  if (choice !== 'auto') return load(choice, dir, manifest);
  const timed: Array<{ backend: InferenceBackend; ms: number }> = [];
  const errors: unknown[] = [];
  for (const name of ['onnx', 'tfjs'] as const) {
    try {
      const backend = await load(name, dir, manifest);
      timed.push({ backend, ms: await timeIt(backend, manifest) });
    } catch (err) {
      // A model file failing its checksum fails every backend: say so rather than fall back.
      if (err instanceof AlprError && (err.code === 'ALPR_ERR_MODEL_CHECKSUM' || err.code === 'ALPR_ERR_MODEL_MISSING')) throw err;
      errors.push(err);
      logger.warn({ backend: name, err: errorMessage(err) }, 'inference backend unavailable');
    }
  }
  if (timed.length === 0) throw new AlprError('ALPR_ERR_MODEL_BACKEND', 'no inference backend can run on this machine', { cause: errors[0] });
  timed.sort((a, b) => a.ms - b.ms);
  for (const other of timed.slice(1)) await other.backend.dispose();
  logger.info({ backend: timed[0]!.backend.name, timings: Object.fromEntries(timed.map((t) => [t.backend.name, Math.round(t.ms * 10) / 10])) }, 'inference backend chosen');
  return timed[0]!.backend;
}
