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

t.test('tiles are looked at only where the whole frame shows a faint plate: an empty frame costs one run', async (tt) => {
  const { backend, runs, close } = await countingBackend();
  tt.teardown(close);
  const flat = { pixels: Buffer.alloc(1920 * 1080, 128), width: 1920, height: 1080 };
  tt.same(await detectPlates(backend, flat, 0.3, 8, 2), [], 'nothing is found');
  tt.equal(runs(), 1, 'the whole frame only: no tile of it shows anything');
});

t.test('a plate in one corner of a 1080p frame: its tile is looked at, the empty ones are not', async (tt) => {
  const { backend, runs, close } = await countingBackend();
  tt.teardown(close);
  // A demo scene (960x540, one car) in the top-left corner of a flat 1080p frame.
  const scene = await toGray({ data: await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url)) });
  const frame = { pixels: Buffer.alloc(1920 * 1080, 128), width: 1920, height: 1080 };
  for (let y = 0; y < scene.height; y++) scene.pixels.copy(frame.pixels, y * 1920, y * scene.width, (y + 1) * scene.width);
  const found = await detectPlates(backend, frame, 0.3, 8, 2);
  tt.ok(found.some((b) => b.x + b.width < 960 && b.y + b.height < 540), `the plate is found (${JSON.stringify(found.map((b) => [Math.round(b.x), Math.round(b.y)]))})`);
  tt.ok(runs() >= 2 && runs() < 5, `${runs()} detector runs: the whole frame and the tiles over the scene, not all four`);
});
