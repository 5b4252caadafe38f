import t from 'tap';
import { readFile } from 'node:fs/promises';
import { silentLogger } from '../../core/index.js';
import { createBackend, DEFAULT_MODEL_DIR, detectPlates, loadManifest, toGray, type InferenceBackend } from '../../inference/index.js';
import { alongPlate, detectorBuffers, logitFloor, TILE_HINT, WIDEN_AT } from '../../inference/plateDetector.js';

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

/**
 * A fake detector that remembers every input and always finds one wide plate (35 x 10 cells, 700
 * px of a 1080p frame seen whole), answering on a later turn of the event loop like ONNX Runtime.
 */
function widePlateDetector(): { backend: InferenceBackend; inputs: Array<{ data: Float32Array; dims: number[] }> } {
  const inputs: Array<{ data: Float32Array; dims: number[] }> = [];
  const backend = {
    name: 'onnx', readers: 1, readerPrecision: 'float', classifiesStates: false,
    detect: async ({ data, dims }: { data: Float32Array; dims: number[] }) => {
      inputs.push({ data: data.slice(), dims: [...dims] });
      await new Promise((resolve) => setImmediate(resolve));
      const [gh, gw] = [dims[2]! / 4, dims[3]! / 4];
      const plane = gh * gw;
      const maps = new Float32Array(5 * plane).fill(-10);
      const at = Math.floor(gh / 2) * gw + Math.floor(gw / 2);
      [maps[at], maps[plane + at], maps[2 * plane + at], maps[3 * plane + at], maps[4 * plane + at]] = [5, Math.log(35), Math.log(10), 0.5, 0.5];
      return { maps: { data: maps, dims: [1, 5, gh, gw] } };
    },
  } as unknown as InferenceBackend;
  return { backend, inputs };
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

t.test('a heatmap cell below the logit floor always has a score below the threshold, so skipping its sigmoid changes no peak', async (tt) => {
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (const threshold of [TILE_HINT, 0.2, 0.3, 0.5, 0.01, 0.99, ...Array.from({ length: 20 }, () => 0.01 + 0.98 * random())]) {
    const floor = logitFloor(threshold);
    const logit = Math.log(threshold / (1 - threshold));
    let skipped = 0;
    let wrong = 0;
    // Heatmap values are float32: every float32 from just below the floor to just above the threshold's logit, then random ones.
    const near = new Float32Array(1);
    for (near[0] = floor - 1e-3; near[0]! < logit + 1e-3; near[0] = near[0]! + Math.max(1e-7, Math.abs(near[0]!) * 1.2e-7)) {
      if (near[0]! < floor && ++skipped && sigmoid(near[0]!) >= threshold) wrong++;
    }
    for (let i = 0; i < 20_000; i++) {
      const v = Math.fround((random() - 0.5) * 40);
      if (v < floor && sigmoid(v) >= threshold) wrong++;
    }
    tt.equal(wrong, 0, `threshold ${threshold}: no cell below the floor (${skipped} near it) would have passed`);
    tt.ok(floor > logit - 0.01, 'and the floor is close enough to skip nearly every cell');
  }
  tt.equal(logitFloor(0), -Infinity, 'a threshold of 0 skips nothing');
  tt.equal(logitFloor(1), -Infinity, 'nor does one of 1 (every score is checked as before)');
});

t.test('each detector view gets zero padding, though views share one input buffer', async (tt) => {
  // The zoom at 1.5 widths is a 4:3 view that fills the whole 384x288 input; the zoom at 3
  // widths is clamped to the whole 16:9 frame again, whose input is 384x224 with 8 rows of
  // padding that the previous view had filled.
  const { backend, inputs } = widePlateDetector();
  const frame = { pixels: Buffer.alloc(1920 * 1080, 200), width: 1920, height: 1080 };
  await detectPlates(backend, frame, 0.3, 8, 1, { widths: [1.5, 3], verifyThreshold: 0 });
  tt.same(inputs.map((i) => i.dims.join('x')), ['1x1x224x384', '1x1x288x384', '1x1x224x384'], 'the whole frame, a 4:3 zoom, the frame again');
  const padding = (data: Float32Array) => data.subarray(216 * 384);
  tt.ok(inputs[1]!.data.every((v) => v > 0), 'the 4:3 view filled every row');
  tt.ok(padding(inputs[2]!.data).every((v) => v === 0), 'the later 16:9 view is padded with zeros again');
  tt.same(inputs[2]!.data, inputs[0]!.data, 'and is the same input as the first look at the same view');
});

t.test('frames detected with kept buffers, one after another or at the same time, see exactly what each sees alone', async (tt) => {
  const scene = await toGray({ data: await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url)) });
  const frameOf = (fill: number) => {
    const frame = { pixels: Buffer.alloc(1920 * 1080, fill), width: 1920, height: 1080 };
    for (let y = 0; y < scene.height; y++) scene.pixels.copy(frame.pixels, (y + 100) * 1920 + 300, y * scene.width, (y + 1) * scene.width);
    return frame;
  };
  const [a, b] = [frameOf(30), frameOf(220)];
  const zoom = { widths: [1.5, 3], verifyThreshold: 0 };
  const alone = async (frame: typeof a) => {
    const { backend, inputs } = widePlateDetector();
    return { boxes: await detectPlates(backend, frame, 0.3, 8, 2, zoom), inputs };
  };
  const [aloneA, aloneB] = [await alone(a), await alone(b)];
  const buffers = detectorBuffers();
  const kept = async (frame: typeof a) => {
    const { backend, inputs } = widePlateDetector();
    return { boxes: await detectPlates(backend, frame, 0.3, 8, 2, zoom, buffers), inputs };
  };
  tt.same(await kept(a), aloneA, 'the first frame');
  tt.same(await kept(b), aloneB, 'the next frame, in the buffers the first one filled');
  const [bothA, bothB] = await Promise.all([kept(a), kept(b)]);
  tt.ok(aloneA.inputs.length >= 4, `${aloneA.inputs.length} views a frame`);
  tt.same(bothA, aloneA, 'two frames at once: the first');
  tt.same(bothB, aloneB, 'and the second');
});

t.test('a wide plate\'s box grows along the peaks in line with it, and only along those', async (tt) => {
  const peak = (x: number, width: number, y = 100, height = 40, score = 0.5) => ({ x, y, width, height, score });
  // A German plate 360 x 78 px from x 200: its strongest zoomed peak frames the first two groups,
  // two more cover the rest, each overlapping what the box has grown to.
  const best = peak(210, 170, 100, 78, 0.71);
  const along = [best, peak(250, 236, 102, 80, 0.6), peak(315, 250, 96, 76, 0.47)];
  const grown = alongPlate(best, along);
  tt.same([grown.x, grown.x + grown.width], [210, 565], 'widened to the furthest peak in line');
  tt.same([grown.y, grown.height, grown.score], [best.y, best.height, best.score], 'its row, height and score kept');
  tt.ok(grown.width >= WIDEN_AT * best.width, 'wide enough to be read again');
  tt.same(alongPlate(best, [best, peak(300, 170, 130, 78)]), best, 'a peak in another row is not the same plate');
  tt.same(alongPlate(best, [best, peak(300, 170, 60, 160)]), best, 'nor one twice as tall');
  tt.same(alongPlate(best, [best, peak(300, 200, 100, 78)]), best, 'nor one beside it that overlaps it by less than half its width');
  const us = peak(300, 80, 100, 40);
  const jitter = alongPlate(us, [us, peak(306, 82), peak(295, 80)]);
  tt.ok(jitter.width < WIDEN_AT * us.width, `a US plate's near copies of one box leave it about as found (${(jitter.width / us.width).toFixed(2)} times)`);
  const far = alongPlate(peak(0, 100, 100, 20), [peak(0, 100, 100, 20), peak(40, 100, 100, 20), peak(80, 100, 100, 20)]);
  tt.equal(far.width, 100, 'never wider than five times its height');
  tt.equal(far.x + far.width / 2, 90, 'cut about the centre of what it had grown to (0 to 180)');
});
