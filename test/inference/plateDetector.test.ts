import t from 'tap';
import { readFile } from 'node:fs/promises';
import { silentLogger } from '../../core/index.js';
import { createBackend, DEFAULT_MODEL_DIR, detectPlates, loadManifest, toGray, type InferenceBackend } from '../../inference/index.js';

/** The shipped ONNX backend, counting the detector runs it is asked for. */
async function countingBackend(): Promise<{ backend: InferenceBackend; runs: () => number; close: () => Promise<void> }> {
  const real = await createBackend('onnx', DEFAULT_MODEL_DIR, await loadManifest(DEFAULT_MODEL_DIR), silentLogger());
  let runs = 0;
  const backend: InferenceBackend = Object.create(real);
  backend.detect = (input) => {
    runs++;
    return real.detect(input);
  };
  return { backend, runs: () => runs, close: () => real.dispose() };
}

t.test('the second look runs no detector on a candidate that no zoomed score could carry to the threshold', async (tt) => {
  const { backend, runs, close } = await countingBackend();
  tt.teardown(close);
  const frame = await toGray({ data: await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url)) });
  // The first pass alone (one view): how many candidates it finds at a low threshold.
  const candidates = await detectPlates(backend, frame, 0.3, 8, 1);
  tt.ok(candidates.length >= 1, 'the first pass finds the plate');
  const before = runs();
  // Zoomed scores are below 1: a first score under 0.99 can never reach 1.99.
  const kept = await detectPlates(backend, frame, 0.3, 8, 1, { widths: [3, 4], verifyThreshold: 1.99 });
  tt.same(kept, [], 'nothing passes');
  tt.equal(runs() - before, 1, 'only the first pass ran: no zoomed view was looked at');
});

t.test('a candidate that can still pass is looked at in every zoomed view', async (tt) => {
  const { backend, runs, close } = await countingBackend();
  tt.teardown(close);
  const frame = await toGray({ data: await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url)) });
  const kept = await detectPlates(backend, frame, 0.3, 8, 1, { widths: [3, 4], verifyThreshold: 0.85 });
  tt.ok(kept.length >= 1, 'the plate is kept');
  tt.ok(kept.every((k) => (k.alternates ?? []).length === 2), 'each kept plate has the first-pass box and the other zoom as alternates');
  tt.ok(runs() >= 1 + 2 * kept.length, 'two zoomed runs for each kept plate');
});
