import t from 'tap';
import type { InferenceBackend, Tensor } from '../../inference/backends/types.js';
import { ALL_FORMAT_RULES } from '../../inference/plateFormats.js';
import { readPlates, rowsOf, SETTLED_SHARE, TWO_ROW_ASPECT, type ReaderModels } from '../../inference/plateReader.js';

// The readers' turn-taking, with networks scripted per crop: each crop's mean brightness says
// which box it came from, and the script says what each reader reads there. The real networks are
// tested in plateRecognizer.test.ts; here what matters is who reads what.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const STEPS = 24;
const MODELS: ReaderModels = { alphabet: ALPHABET, states: ['IL'], readers: [96, 96].map((width) => ({ width, height: 48, namesStates: false })), stateClassifier: null };
const OPTIONS = { regionThreshold: 0.5, candidates: 5, formatRules: ALL_FORMAT_RULES };

/** CTC logits that decode to `text` with certainty: each character, then a blank. */
function logitsOf(text: string): Float32Array {
  const classes = ALPHABET.length + 1;
  const out = new Float32Array(classes * STEPS).fill(-20);
  for (let t = 0; t < STEPS; t++) {
    const ch = t % 2 === 0 ? text[t / 2] : undefined;
    out[(ch === undefined ? 0 : ALPHABET.indexOf(ch) + 1) * STEPS + t] = 20;
  }
  return out;
}

/** A backend whose readers read `script(reader, box, crop)`, the box found from the crop's brightness; it logs every crop read. */
function scripted(script: (reader: number, box: 'bright' | 'dark', crop: number) => string): InferenceBackend & { log: Array<{ reader: number; box: string }> } {
  const log: Array<{ reader: number; box: string }> = [];
  const counts = new Map<string, number>();
  return {
    name: 'onnx', readers: 2, readerPrecision: 'float', classifiesStates: false, log,
    detect: () => Promise.reject(new Error('not used')),
    classifyState: () => Promise.reject(new Error('not used')),
    dispose: async () => {},
    read: async (input: Tensor, reader = 0) => {
      const [n, , h, w] = input.dims as [number, number, number, number];
      const classes = ALPHABET.length + 1;
      const chars = new Float32Array(n * classes * STEPS);
      for (let i = 0; i < n; i++) {
        const crop = input.data.subarray(i * h * w, (i + 1) * h * w);
        const box = crop.reduce((a, b) => a + b, 0) / crop.length > 0.5 ? 'bright' : 'dark';
        const k = `${reader}${box}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        log.push({ reader, box });
        chars.set(logitsOf(script(reader, box, counts.get(k)! - 1)), i * classes * STEPS);
      }
      return { chars: { data: chars, dims: [n, classes, STEPS] }, state: { data: new Float32Array(n * 2), dims: [n, 2] } };
    },
  };
}

// A frame with a bright plate on the left and a dark one on the right, on mid grey.
const W = 400, H = 120;
const pixels = Buffer.alloc(W * H, 128);
for (let y = 30; y < 90; y++) {
  pixels.fill(250, y * W + 20, y * W + 160);
  pixels.fill(5, y * W + 240, y * W + 380);
}
const frame = { pixels, width: W, height: H };
const boxes = [{ x: 30, y: 40, width: 120, height: 40, score: 0.9 }, { x: 250, y: 40, width: 120, height: 40, score: 0.9 }];

t.test('the second reader reads only the plates whose framings the first reader read differently', async (tt) => {
  // The first reader reads the bright plate the same in every framing and the dark one two ways.
  const backend = scripted((reader, box, crop) => (box === 'bright' ? 'ABC123' : reader === 1 || crop % 2 === 0 ? 'XYZ789' : 'XYZ788'));
  const [bright, dark] = await readPlates(backend, frame, boxes, MODELS, OPTIONS);
  const framings = backend.log.filter((l) => l.reader === 0 && l.box === 'bright').length;
  tt.equal(framings, 5, 'the first reader reads each lone box in its five framings');
  tt.same(backend.log.filter((l) => l.reader === 1).map((l) => l.box), Array(5).fill('dark'), 'the second reader reads the dark plate only, in all its framings');
  tt.equal(bright!.candidates[0]!.text, 'ABC123', 'the settled plate keeps its reading');
  tt.equal(dark!.candidates[0]!.text, 'XYZ789', "the disputed plate is settled by both readers' votes (3 + 5 against 2)");
});

t.test(`a plate is settled when at least ${SETTLED_SHARE * 100}% of the first reader's framings agree`, async (tt) => {
  // Bright plate: one framing of five dissents (80% agree); dark plate: two do (60%).
  const backend = scripted((reader, box, crop) => (reader === 0 && (crop === 4 || (box === 'dark' && crop === 2)) ? 'ABC124' : 'ABC123'));
  const texts = await readPlates(backend, frame, boxes, MODELS, OPTIONS);
  tt.same(backend.log.filter((l) => l.reader === 1).map((l) => l.box), Array(5).fill('dark'), 'only the plate with two dissenting framings is read again');
  tt.same(texts.map((p) => p.candidates[0]!.text), ['ABC123', 'ABC123']);
});

t.test('a reading with no text is not agreement: the second reader reads that plate', async (tt) => {
  const backend = scripted((reader, box, crop) => (reader === 0 && box === 'dark' && crop < 2 ? '' : 'ABC123'));
  const [, dark] = await readPlates(backend, frame, boxes, MODELS, OPTIONS);
  tt.same(backend.log.filter((l) => l.reader === 1).map((l) => l.box), Array(5).fill('dark'), 'two empty readings of five: 60% agree');
  tt.equal(dark!.candidates[0]?.text, 'ABC123');
});

t.test('without a state classifier, a settled plate still waits for the first reader that names states', async (tt) => {
  // The first reader's state head was never trained (names_states false); the second's names IL.
  const models: ReaderModels = { ...MODELS, readers: [{ width: 96, height: 48, namesStates: false }, { width: 96, height: 48, namesStates: true }] };
  const backend = scripted(() => 'ABC123');
  const texts = await readPlates(backend, frame, boxes, models, OPTIONS);
  tt.equal(backend.log.filter((l) => l.reader === 1).length, 10, 'the second reader reads both plates');
  tt.same(texts.map((p) => p.region), ['IL', 'IL'], "the state is the second reader's");
  const named = scripted(() => 'ABC123');
  await readPlates(named, frame, boxes, { ...MODELS, readers: [{ width: 96, height: 48, namesStates: true }, { width: 96, height: 48, namesStates: true }] }, OPTIONS);
  tt.equal(named.log.filter((l) => l.reader === 1).length, 0, 'where the first reader names states, settled plates are not read again');
});

// A square plate of two rows: vertical strokes (light on the top row, dark on the bottom one)
// with a plain gap between them, at (20, 10), 140 x 100.
function twoRowFrame(): { frame: { pixels: Buffer; width: number; height: number }; box: { x: number; y: number; width: number; height: number; score: number } } {
  const width = 200, height = 130;
  const pixels = Buffer.alloc(width * height, 128);
  for (let y = 10; y < 110; y++) {
    for (let x = 20; x < 160; x++) {
      const stroke = x % 8 < 4;
      pixels[y * width + x] = y < 52 ? (stroke ? 255 : 215) : y < 68 ? 235 : stroke ? 0 : 30;
    }
  }
  return { frame: { pixels, width, height }, box: { x: 20, y: 10, width: 140, height: 100, score: 0.9 } };
}

t.test('a square box is split into its two rows where the gap between them is', async (tt) => {
  const { frame, box } = twoRowFrame();
  const [top, bottom] = rowsOf(frame, box);
  tt.ok(top!.y === box.y && top!.y + top!.height > 52 && top!.y + top!.height <= 68, `the split (${(top!.y + top!.height).toFixed(1)}) lies in the gap (52-68)`);
  tt.equal(bottom!.y, top!.y + top!.height);
  tt.equal(bottom!.y + bottom!.height, box.y + box.height, 'the rows cover the box');
});

t.test('a two-row plate is read row by row and joined, top first; a wide box is read as one row', async (tt) => {
  const { frame, box } = twoRowFrame();
  // What the reader makes of each crop, by its brightness: the dark bottom row reads 123; the top
  // row, and the whole square plate squeezed into one line, read AB (the brighter row alone).
  const backend = scripted(() => 'unused');
  const byBrightness = (mean: number) => (mean < 0.45 ? '123' : 'AB');
  backend.read = (async (input: Tensor) => {
    const [n, , h, w] = input.dims as [number, number, number, number];
    const classes = ALPHABET.length + 1;
    const chars = new Float32Array(n * classes * STEPS);
    for (let i = 0; i < n; i++) {
      const crop = input.data.subarray(i * h * w, (i + 1) * h * w);
      backend.log.push({ reader: 0, box: 'any' });
      chars.set(logitsOf(byBrightness(crop.reduce((a, b) => a + b, 0) / crop.length)), i * classes * STEPS);
    }
    return { chars: { data: chars, dims: [n, classes, STEPS] }, state: { data: new Float32Array(n * 2), dims: [n, 2] } };
  }) as typeof backend.read;
  const [square] = await readPlates(backend, frame, [box], MODELS, OPTIONS);
  tt.equal(square!.candidates[0]!.text, 'AB123', 'the rows joined');
  tt.ok(square!.candidates.some((c) => c.text === 'AB'), 'the one-line reading stays a candidate');
  const before = backend.log.length;
  await readPlates(backend, frame, [{ ...box, height: 60 }], MODELS, OPTIONS);
  tt.equal(backend.log.length - before, 5, `a box ${TWO_ROW_ASPECT}x as wide as tall or wider: its five framings only`);
});
