import type { InferenceBackend } from './backends/types.js';
import type { ReaderSpec } from './modelFiles.js';
import { voteBurst } from './burstVoting.js';
import { decodePlate, type Candidate } from './ctcDecode.js';
import type { GrayFrame } from './frameImage.js';
import type { FormatRules } from './plateFormats.js';
import { resampleRegion } from './resample.js';
import type { PlateBox } from './plateDetector.js';

/** Margin added around a detected box before reading, as in training (prepare.py reader_crop). */
export const CROP_MARGIN = { x: 0.08, y: 0.15 };

/**
 * What readPlates needs of the model folder: the labels, per reader in the backend's order its
 * input size and whether it names states, and the state classifier's crop size (null: none).
 */
export interface ReaderModels {
  alphabet: string;
  states: string[];
  readers: ReaderSpec[];
  stateClassifier: { width: number; height: number } | null;
}

export interface ReadOptions {
  regionThreshold: number;
  candidates: number;
  formatRules: FormatRules;
}

/** A reading's state: the best class at `regionThreshold` or above, else unknown (null), with its confidence. */
interface StateReading {
  region: string | null;
  /** 0 for a reading by a reader that does not name states: it has no say on the state. */
  regionConfidence: number;
}

export interface PlateText extends StateReading {
  candidates: Candidate[];
  /**
   * The share of the box's readings (framings, readers) whose text is the voted one; absent where
   * one reading stands alone. How well the box frames the plate: plateRecognizer.ts compares it
   * with a wider box's.
   */
  agreement?: number;
}

export function readRegion(box: PlateBox): { left: number; top: number; width: number; height: number } {
  const mx = box.width * CROP_MARGIN.x;
  const my = box.height * CROP_MARGIN.y;
  return { left: box.x - mx, top: box.y - my, width: box.width + 2 * mx, height: box.height + 2 * my };
}

/**
 * Detector boxes are off by a few pixels and some percent in size, and the reader is sensitive
 * to how the plate sits in its crop; so each box is read in a few framings (as found, larger,
 * smaller, nudged left and right) and the framings vote. A box that comes with other estimates
 * of the same plate (the detector's zoomed second look) is read in the three scale framings of
 * each estimate instead: differently placed boxes disagree in more useful ways than nudges.
 */
const FRAMINGS: ReadonlyArray<{ scale: number; dx: number }> = [
  { scale: 1, dx: 0 }, { scale: 1.15, dx: 0 }, { scale: 0.9, dx: 0 }, { scale: 1, dx: -0.06 }, { scale: 1, dx: 0.06 },
];
const SCALE_FRAMINGS = FRAMINGS.slice(0, 3);

function framed(box: PlateBox, f: { scale: number; dx: number }): PlateBox {
  const width = box.width * f.scale;
  const height = box.height * f.scale;
  return { x: box.x + (box.width - width) / 2 + f.dx * box.width, y: box.y + (box.height - height) / 2, width, height, score: box.score };
}

/** The crops one box is read in. */
function viewsOf(box: PlateBox): PlateBox[] {
  if (box.alternates && box.alternates.length > 0) return [box, ...box.alternates].flatMap((b) => SCALE_FRAMINGS.map((f) => framed(b, f)));
  return FRAMINGS.map((f) => framed(box, f));
}

/**
 * Reads every box of one frame as one row of characters (readOneRow); a squarish box may be a
 * two-row plate, which the one-line readers cannot read whole, so each of its rows is also read
 * as a plate of its own, and the rows joined top to bottom replace the one-line reading where
 * they are surer of it, or where the one-line reading is just one of the rows.
 */
export async function readPlates(
  backend: InferenceBackend,
  frame: GrayFrame,
  boxes: PlateBox[],
  models: ReaderModels,
  options: ReadOptions,
): Promise<PlateText[]> {
  const texts = await readOneRow(backend, frame, boxes, models, options);
  const squarish = [...boxes.keys()].filter((i) => boxes[i]!.width < TWO_ROW_ASPECT * boxes[i]!.height);
  if (squarish.length === 0) return texts;
  const rows = await readOneRow(backend, frame, squarish.flatMap((i) => rowsOf(frame, boxes[i]!)), { ...models, stateClassifier: null }, options);
  for (const [k, i] of squarish.entries()) {
    const [top, bottom] = [rows[2 * k]!.candidates[0], rows[2 * k + 1]!.candidates[0]];
    const oneRow = texts[i]!;
    const one = oneRow.candidates[0];
    // The one-line reading of a two-row plate is often one of its rows, read with confidence.
    const sawOneRow = one !== undefined && (top?.text.includes(one.text) || bottom?.text.includes(one.text));
    if (!top || !bottom || (!sawOneRow && Math.min(top.confidence, bottom.confidence) <= (one?.confidence ?? 0))) continue;
    const joined = { text: top.text + bottom.text, confidence: Math.min(top.confidence, bottom.confidence), charConfidences: [...top.charConfidences, ...bottom.charConfidences] };
    texts[i] = { ...oneRow, candidates: [joined, ...oneRow.candidates].slice(0, options.candidates) };
  }
  return texts;
}

/**
 * Below this width-to-height ratio a box may hold two rows of characters: square EU and UK rear
 * plates are about 1.4, motorcycle plates 1.35-1.75; one-row plates are 2 (US) to 4.7 (EU).
 */
export const TWO_ROW_ASPECT = 1.6;

/**
 * A box's two rows, split at the line between 30% and 70% of its height where the frame has the
 * least horizontal change (the gap between the rows: light or dark, it crosses no character).
 */
export function rowsOf(frame: GrayFrame, box: PlateBox): [PlateBox, PlateBox] {
  const x0 = Math.max(0, Math.round(box.x));
  const x1 = Math.min(frame.width - 1, Math.round(box.x + box.width));
  let split = box.y + box.height / 2;
  let least = Infinity;
  for (let y = Math.round(box.y + 0.3 * box.height); y <= Math.round(box.y + 0.7 * box.height); y++) {
    if (y < 0 || y >= frame.height) continue;
    let change = 0;
    for (let x = x0, at = y * frame.width + x0; x < x1; x++, at++) change += Math.abs(frame.pixels[at + 1]! - frame.pixels[at]!);
    if (change < least) {
      least = change;
      split = y + 0.5;
    }
  }
  return [
    { x: box.x, y: box.y, width: box.width, height: split - box.y, score: box.score },
    { x: box.x, y: split, width: box.width, height: box.y + box.height - split, score: box.score },
  ];
}

/**
 * Every box read as one row of characters; the readings of all framings by all readers vote
 * together. The readers take turns, each one batch for all the boxes still open: a box whose
 * framings the readers so far read as one text, all or nearly all of them (SETTLED_SHARE),
 * leaves, so the next reader reads only the plates the first is unsure of. Where the model folder
 * has a state classifier, it names each box's state (one run for all the frame's boxes, each as
 * found) and every reading of the box carries that state, so the vote returns it and the readers'
 * state heads have no say.
 */
async function readOneRow(
  backend: InferenceBackend,
  frame: GrayFrame,
  boxes: PlateBox[],
  models: ReaderModels,
  options: ReadOptions,
): Promise<PlateText[]> {
  if (boxes.length === 0) return [];
  const perBox = boxes.map(viewsOf);
  // The classifier's state for each box, or null: each reader's own head (if it names states).
  const crops = new CropCache(frame);
  let classified: StateReading[] | null = null;
  if (models.stateClassifier) {
    const { state } = await backend.classifyState(crops.batch(boxes, models.stateClassifier));
    classified = boxes.map((_, i) => stateOf(state.data.subarray(i * state.dims[1]!, (i + 1) * state.dims[1]!), models.states, options.regionThreshold));
  }
  const readings: PlateText[][] = boxes.map(() => []);
  const open = new Set(boxes.keys());
  // Without a classifier the state comes from the readers that name states: a plate whose text is
  // settled still waits for the first of them (none naming states: nothing to wait for).
  const stateFrom = classified ? 0 : models.readers.findIndex((r) => r.namesStates);
  for (let reader = 0; reader < backend.readers && open.size > 0; reader++) {
    const work = [...open].flatMap((b) => perBox[b]!.map((view) => ({ b, view })));
    const spec = models.readers[reader] ?? models.readers[0]!;
    const states = classified ? work.map(({ b }) => classified![b]!) : spec.namesStates;
    const texts = await readCrops(backend, reader, crops.batch(work.map((w) => w.view), spec), states, models, options);
    texts.forEach((text, i) => readings[work[i]!.b]!.push(text));
    if (reader >= stateFrom) for (const b of [...open]) if (settled(readings[b]!)) open.delete(b);
  }
  return readings.map((all) => {
    const mine = all.filter((t) => t.candidates.length > 0);
    if (mine.length <= 1) return mine[0] ?? all[0]!;
    // The framings vote like the frames of a burst: most common length, then per character.
    const [voted] = voteBurst(mine.map((t, frameIndex) => ({ frameIndex, candidates: t.candidates, region: t.region, regionConfidence: t.regionConfidence, detection: 1 })), { stateSeries: options.formatRules.stateSeries });
    const first = mine[0]!;
    if (!voted) return first;
    const others = mine.flatMap((t) => t.candidates).filter((c) => c.text !== voted.text);
    return {
      candidates: [{ text: voted.text, confidence: voted.confidence, charConfidences: voted.charConfidences }, ...others].filter((c, k, all) => all.findIndex((o) => o.text === c.text) === k).slice(0, options.candidates),
      region: voted.region,
      regionConfidence: voted.regionConfidence,
      agreement: mine.filter((t) => t.candidates[0]!.text === voted.text).length / mine.length,
    };
  });
}

/**
 * The share of a box's readings that must give one text for the next reader to be skipped. On the
 * development sets (`all`: 476 crops, 134 US and 74 EU photographs) every share from 1 down to 0.6
 * changed no read, detection or false plate, and 0.5 changed three; 0.75 keeps a step from that
 * edge. The second reader then reads about two plates in five (model card, "Readings that never
 * change the vote").
 */
export const SETTLED_SHARE = 0.75;

/** True when at least SETTLED_SHARE of the readings so far give the same text (a reading with no text agrees with none). */
function settled(readings: PlateText[]): boolean {
  const counts = new Map<string, number>();
  for (const r of readings) {
    const text = r.candidates[0]?.text;
    if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return readings.length > 0 && Math.max(0, ...counts.values()) >= SETTLED_SHARE * readings.length;
}

/** Each view (or box) resampled once per input size, however many networks read it: its region with the margin, in one batch. */
class CropCache {
  private readonly done = new Map<PlateBox, Map<string, Float32Array>>();

  constructor(private readonly frame: GrayFrame) {}

  batch(views: PlateBox[], size: { width: number; height: number }): { data: Float32Array; dims: number[] } {
    const n = size.width * size.height;
    const data = new Float32Array(n * views.length);
    const key = `${size.width}x${size.height}`;
    for (const [i, view] of views.entries()) {
      let sizes = this.done.get(view);
      if (!sizes) this.done.set(view, (sizes = new Map()));
      let crop = sizes.get(key);
      if (!crop) sizes.set(key, (crop = resampleRegion(this.frame.pixels, this.frame.width, this.frame.height, readRegion(view), size.width, size.height)));
      data.set(crop, i * n);
    }
    return { data, dims: [views.length, 1, size.height, size.width] };
  }
}

/**
 * One reader's readings of a batch of crops. `states`: the state classifier's reading of each
 * crop, or whether this reader's own state head names the state (false: no say on it).
 */
async function readCrops(
  backend: InferenceBackend,
  reader: number,
  input: { data: Float32Array; dims: number[] },
  states: StateReading[] | boolean,
  labels: Pick<ReaderModels, 'alphabet' | 'states'>,
  options: ReadOptions,
): Promise<PlateText[]> {
  const { chars, state } = await backend.read(input, reader);
  const [, classes, steps] = chars.dims as [number, number, number];
  const n = state.dims[1]!;
  return Array.from({ length: input.dims[0]! }, (_, i) => {
    const texts = chars.data.subarray(i * classes * steps, (i + 1) * classes * steps);
    const reading = typeof states !== 'boolean' ? states[i]! : states ? stateOf(state.data.subarray(i * n, (i + 1) * n), labels.states, options.regionThreshold) : { region: null, regionConfidence: 0 };
    return { candidates: decodePlate(texts, classes, steps, labels.alphabet, { k: options.candidates }), ...reading };
  });
}

/** The state named by one row of state logits (a reader's head or the classifier). */
function stateOf(logits: Float32Array, states: readonly string[], threshold: number): StateReading {
  const max = Math.max(...logits);
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let s = 1; s < exps.length; s++) if (exps[s]! > exps[best]!) best = s;
  const regionConfidence = exps[best]! / sum;
  // The last class is "unknown"; a weak guess is reported as unknown too.
  const region = best < states.length && regionConfidence >= threshold ? states[best]! : null;
  return { region, regionConfidence: Math.round(regionConfidence * 1000) / 1000 };
}
