import { AlprError, errorMessage, type Clock, type Logger } from '../core/index.js';
import type { CapturedImage } from '../drivers/index.js';
import { createBackend, type BackendChoice } from './backends/createBackend.js';
import type { InferenceBackend } from './backends/types.js';
import { voteBurst, type FrameReading } from './burstVoting.js';
import type { Candidate } from './ctcDecode.js';
import { DedupeWindow } from './dedupeWindow.js';
import { decodeFrame, frameInputOf, jpegOfRegion, toGray, type FrameInput, type GrayFrame, type RgbFrame } from './frameImage.js';
import { greyTable } from './greyTable.js';
import { DEFAULT_MODEL_DIR, loadManifest, readerSpecs, stateClassifierSpec } from './modelFiles.js';
import type { DetectorBuffers } from './detectorBuffers.js';
import { detectorBuffers, detectPlates, iou, type PlateBox, type ZoomOptions } from './plateDetector.js';
import { ALL_FORMAT_RULES, fitRegionFormat, fitsRegionFormat, plateRegion, type FormatRules, type PlateRegion, type PlateRegionCode } from './plateFormats.js';
import { readPlates, readRegion, SETTLED_SHARE, type PlateText, type ReaderModels, type ReadOptions } from './plateReader.js';
import { gateRegion } from './stateThreshold.js';
import { judgeFeatures, panelFeaturesOfI420, panelFeaturesOfRgb, vehicleColour, type VehicleColour } from './vehicleColour.js';

export interface Point {
  x: number;
  y: number;
}

/** One plate found in one frame. */
export interface FramePlate {
  corners: [Point, Point, Point, Point];
  box: PlateBox;
  text: string;
  confidence: number;
  charConfidences: number[];
  candidates: Candidate[];
  region: string | null;
  regionConfidence: number;
}

/** A plate read from a burst, after voting (the shape the firmware pipeline stores). */
export interface BurstPlate {
  text: string;
  /** Whole-plate confidence 0..1: the weakest character's, after voting. */
  confidence: number;
  charConfidences: number[];
  /** Up to five readings, best first. */
  candidates: string[];
  /** Issuing region (US state code) or null when unknown. */
  region: string | null;
  regionConfidence: number;
  /** Four corners, clockwise from top-left, in the pixels of `frameIndex`. */
  corners: [Point, Point, Point, Point];
  /** Which frame of the burst gave the best view (its image becomes the context image). */
  frameIndex: number;
  /** JPEG of the plate region. */
  crop: Buffer;
  /**
   * For the officer to verify before acting: a voted confidence under low_confidence_below, or, in
   * a country with a national series, a text that fits none of its formats (a partial reading, a
   * foreign or special plate). Kept either way, never dropped.
   */
  lowConfidence: boolean;
  /** Body colour in the context image (`frameIndex`), or 'unknown' when not sure. */
  vehicleColour: VehicleColour;
}

export interface PlateRecognizerOptions {
  modelDir?: string;
  backend: BackendChoice;
  /** Detector heatmap score above which a peak is a plate. */
  detectionThreshold: number;
  /** 1: the detector sees the whole frame; n > 1: also an n x n grid of tiles (small, distant plates). */
  detectorTiles?: number;
  /** The detector's second look at each plate (see ZoomOptions); absent or no widths: off. */
  detectorZoom?: ZoomOptions;
  /** Reads whose voted confidence is below this are kept, flagged low_confidence. */
  lowConfidenceBelow: number;
  /** A detection whose best reading is less sure than this is not reported as a plate at all. */
  minReadConfidence: number;
  /** Readings shorter or longer than this are not plates (US plates carry 2-8 characters, nearly all 4-8). Default 4-8. */
  plateChars?: { min: number; max: number };
  /** Region (state) guesses below this confidence are reported as unknown. */
  regionThreshold: number;
  /**
   * The plate's voted state is reported only at this confidence or above, else unknown (null):
   * chosen by cross-validation on the development crops (inference/stateThreshold.ts). 0 = no gate.
   */
  stateThreshold?: number;
  /** Same plate again at this site within this window is suppressed (0 = off). */
  dedupeWindowMs: number;
  /** The plate-format rules reads apply; absent: both (the product). Evaluation turns one off to measure it. */
  formatRules?: FormatRules;
  /**
   * The region the appliance reads plates of (recognizer.plate_region; absent: us): its national
   * formats settle look-alikes (fitRegionFormat), and only in the US are states named.
   */
  plateRegion?: PlateRegionCode;
  clock: Clock;
  logger: Logger;
}

/**
 * Plate recognition with the project's own models: detector on the whole frame, reader on each
 * plate, vote across a trigger's burst, dedupe per site. Corrupt frames and model errors are
 * typed errors for that frame; the recognizer keeps working and counts them.
 */
export class PlateRecognizer {
  private readonly dedupe: DedupeWindow | null;
  private readonly detectorBuffers: DetectorBuffers = detectorBuffers();
  private failed = 0;
  private readonly region: PlateRegion;
  private readonly readerModels: ReaderModels;
  private readonly readOptions: ReadOptions;
  /**
   * How many characters a reading of a plate may have (recognizer.min_plate_chars,
   * max_plate_chars), the maximum raised to the declared region's longest format (India: 10).
   */
  private readonly plateChars: { min: number; max: number };

  private constructor(private readonly backend: InferenceBackend, models: ReaderModels, private readonly ctx: PlateRecognizerOptions) {
    this.region = plateRegion(ctx.plateRegion ?? 'us');
    // The state classifier knows US states only: elsewhere it is not run, and no state is named.
    this.readerModels = this.region.usStates ? models : { ...models, stateClassifier: null };
    const rules = ctx.formatRules ?? ALL_FORMAT_RULES;
    // The US states' series apply only where states are named.
    this.readOptions = { regionThreshold: ctx.regionThreshold, candidates: 5, formatRules: { ...rules, stateSeries: rules.stateSeries && this.region.usStates } };
    const chars = ctx.plateChars ?? DEFAULT_PLATE_CHARS;
    this.plateChars = { min: chars.min, max: Math.max(chars.max, this.region.longest) };
    this.dedupe = ctx.dedupeWindowMs > 0 ? new DedupeWindow({ windowMs: ctx.dedupeWindowMs, clock: ctx.clock }) : null;
  }

  static async create(options: PlateRecognizerOptions): Promise<PlateRecognizer> {
    const dir = options.modelDir ?? DEFAULT_MODEL_DIR;
    const manifest = await loadManifest(dir);
    const readerModels = { alphabet: manifest.alphabet, states: manifest.states, readers: readerSpecs(manifest), stateClassifier: stateClassifierSpec(manifest) };
    const backend = await createBackend(options.backend, dir, manifest, options.logger);
    // Filled at start (about half a second) so that the first vehicle's frames do not wait for it.
    await greyTable();
    return new PlateRecognizer(backend, readerModels, options);
  }

  get backendName(): string {
    return this.backend.name;
  }

  /** Whether the readers run as int8 or float here (benchmarks and the evaluation report it beside their figures). */
  get readerPrecision(): 'int8' | 'float' {
    return this.backend.readerPrecision;
  }

  /** Frames that could not be recognized (corrupt, model failure) since start. */
  get failedFrames(): number {
    return this.failed;
  }

  /** Every plate in one frame. */
  async recognize(frame: FrameInput): Promise<FramePlate[]> {
    return (await this.recognizeGray(await toGray(frame))).map((p) => ({ ...p, region: this.gate(p.region, p.regionConfidence) }));
  }

  private gate(region: string | null, confidence: number): string | null {
    return this.region.usStates ? gateRegion(region, confidence, this.ctx.stateThreshold ?? 0) : null;
  }

  /** The plates of one trigger's burst, voted across its frames and deduplicated. */
  async recognizeBurst(frames: readonly CapturedImage[]): Promise<BurstPlate[]> {
    const readings: FrameReading[] = [];
    // Indexed by frame, like the readings' frameIndex: a frame that failed keeps its null slot.
    const grays: Array<GrayFrame | null> = frames.map(() => null);
    // Each frame's RGB, kept until the burst is read, for the colour of the frame a read comes from.
    const rgbs: Array<RgbFrame | null> = frames.map(() => null);
    const boxes = new Map<FrameReading, PlateBox>();
    let lastError: unknown = null;
    for (const [frameIndex, image] of frames.entries()) {
      try {
        const { gray, rgb } = await decodeFrame(frameInputOf(image));
        const plates = await this.recognizeGray(gray);
        grays[frameIndex] = gray;
        rgbs[frameIndex] = rgb;
        for (const plate of plates) {
          const reading: FrameReading = { frameIndex, candidates: plate.candidates, region: plate.region, regionConfidence: plate.regionConfidence, detection: plate.box.score };
          readings.push(reading);
          boxes.set(reading, plate.box);
        }
      } catch (err) {
        this.failed++;
        lastError = err;
        this.ctx.logger.warn({ frameIndex, err: err instanceof AlprError ? err.toJSON() : errorMessage(err) }, 'frame could not be recognized');
      }
    }
    if (grays.every((g) => g === null) && lastError) throw lastError;
    const plates: BurstPlate[] = [];
    for (const voted of voteBurst(readings, { stateSeries: this.readOptions.formatRules.stateSeries, formats: this.region.formats })) {
      if (this.dedupe?.seenRecently(voted.text)) continue;
      const member = voted.members.find((m) => m.frameIndex === voted.frameIndex) ?? voted.members[0]!;
      const box = boxes.get(member)!;
      const gray = grays[voted.frameIndex]!;
      plates.push({
        text: voted.text, confidence: round(voted.confidence), charConfidences: voted.charConfidences, candidates: voted.candidates,
        region: this.gate(voted.region, voted.regionConfidence), regionConfidence: voted.regionConfidence, corners: cornersOf(box), frameIndex: voted.frameIndex,
        crop: await jpegOfRegion(gray, readRegion(box)), lowConfidence: voted.confidence < this.ctx.lowConfidenceBelow || !fitsRegionFormat(voted.text, this.region.formats),
        vehicleColour: await this.colourOf(frames[voted.frameIndex]!, rgbs[voted.frameIndex] ?? null, box),
      });
    }
    return plates;
  }

  /** The colour never costs the read: a frame the colour step cannot use gives unknown. */
  private async colourOf(frame: CapturedImage, rgb: RgbFrame | null, box: PlateBox): Promise<VehicleColour> {
    try {
      // From the RGB the plate was read from where there is one; a raw frame from its U and V
      // around the plate; else (a grey or IR frame, alpha) from the frame itself, which judges a
      // one-channel frame unknown.
      if (rgb) return judgeFeatures(panelFeaturesOfRgb(rgb, box)).colour;
      if (frame.format === 'yuv420') return judgeFeatures(panelFeaturesOfI420(frame, box)).colour;
      return await vehicleColour(frame.data, box);
    } catch (err) {
      this.ctx.logger.warn({ err: err instanceof AlprError ? err.toJSON() : errorMessage(err) }, 'vehicle colour could not be judged');
      return 'unknown';
    }
  }

  /** Reads one known plate box (evaluation on plate crops, the self-test's test image). */
  async readBox(gray: GrayFrame, box: PlateBox): Promise<{ candidates: Candidate[]; region: string | null; regionConfidence: number }> {
    // A known box (a crop, the self-test image) is read in the same framings as a detected one.
    const [text] = await readPlates(this.backend, gray, [box], this.readerModels, this.readOptions);
    return { ...this.inFormat(text!), region: this.gate(text!.region, text!.regionConfidence) };
  }

  async close(): Promise<void> {
    await this.backend.dispose();
  }

  /**
   * A wide plate (Brazilian, Swiss, German: 3 to 4.7 times as wide as tall) is often boxed in part
   * by the detector, which learnt US and EU shapes, and its reading loses the characters outside
   * the box (issue 22: GWT2180 read GWT21). A box with a wider estimate (plateDetector.ts
   * alongPlate) whose readings are not settled (fewer than SETTLED_SHARE of them give one text) is
   * read again at that width, and the wider box and its reading replace the box's own where the
   * wider reading extends it (the box's text with characters added at one end or both, no longer
   * than a plate) and its readings agree more than the box's own: the wider box frames the plate
   * better. Anything else leaves the box and its reading as found. On the development photographs
   * (US, EU) no read, detection or false plate changes; model card, "Wide plates boxed in part".
   * In a country with a national series (recognizer.plate_region), a reading that fits none of its
   * formats is read wider too, settled or not, and a box with no wider estimate is grown
   * (grownBoxes); the wider reading is taken where it extends the box's own and fits a format the
   * box's own did not (model card, "Countries with a national series").
   */
  private async readWider(gray: GrayFrame, boxes: PlateBox[], texts: PlateText[]): Promise<void> {
    const { formats } = this.region;
    // Each box to read wider, whether its own reading fits a format, and how it was widened.
    const work: Array<{ i: number; box: PlateBox; grown: boolean; ownFits: boolean }> = [];
    for (const [i, box] of boxes.entries()) {
      const own = texts[i]!.candidates[0];
      if (!own) continue;
      const ownFits = fitsRegionFormat(own.text, formats);
      if (box.wider && ((texts[i]!.agreement ?? 1) < SETTLED_SHARE || !ownFits)) work.push({ i, box: box.wider, grown: false, ownFits });
      else if (!box.wider && !ownFits) for (const grown of grownBoxes(box, own.text, formats, gray.width)) work.push({ i, box: grown, grown: true, ownFits });
    }
    if (work.length === 0) return;
    const wider = await readPlates(this.backend, gray, work.map((w) => w.box), this.readerModels, this.readOptions);
    const taken = new Map<number, { box: PlateBox; text: PlateText }>();
    for (const [k, { i, box, grown, ownFits }] of work.entries()) {
      const own = texts[i]!.candidates[0]!;
      const w = wider[k]!.candidates[0];
      if (!w || !extendsReading(own.text, w.text) || w.text.length > this.plateChars.max) continue;
      // A country's format met where the box's own reading met none: the wider box holds the plate.
      const fitsNow = !ownFits && fitsRegionFormat(w.text, formats);
      const surer = (wider[k]!.agreement ?? 1) > (texts[i]!.agreement ?? 1);
      if (grown ? !fitsNow : !(surer || fitsNow)) continue;
      const before = taken.get(i);
      if (!before || (wider[k]!.agreement ?? 1) > (before.text.agreement ?? 1)) taken.set(i, { box, text: wider[k]! });
    }
    for (const [i, { box, text }] of taken) {
      boxes[i] = box;
      texts[i] = text;
    }
  }

  /**
   * A box's reading with the declared country's formats applied (fitRegionFormat, its candidates
   * the evidence for which look-alike), the reading as voted kept as the next candidate. Applied
   * after readWider, which compares the box's text as read with the wider box's.
   */
  private inFormat(t: PlateText): PlateText {
    const best = t.candidates[0];
    if (!best) return t;
    const text = fitRegionFormat(best.text, this.region.formats, t.candidates);
    return text === best.text ? t : { ...t, candidates: [{ ...best, text }, ...t.candidates].slice(0, this.readOptions.candidates) };
  }

  private async recognizeGray(gray: GrayFrame): Promise<FramePlate[]> {
    const boxes = await detectPlates(this.backend, gray, this.ctx.detectionThreshold, 8, this.ctx.detectorTiles ?? 1, this.ctx.detectorZoom, this.detectorBuffers);
    const texts = await readPlates(this.backend, gray, boxes, this.readerModels, this.readOptions);
    await this.readWider(gray, boxes, texts);
    const chars = this.plateChars;
    const plates = boxes.flatMap((box, i) => {
      const t = this.inFormat(texts[i]!);
      const best = t.candidates[0];
      // A region the reader cannot make a plate-length reading of is not a plate: grilles, signs
      // and text on vehicles fool the detector, not both networks. (OpenALPR's US defaults are
      // the same 4-8 characters.)
      if (!best || best.text.length < chars.min || best.text.length > chars.max || best.confidence < this.ctx.minReadConfidence) return [];
      return [{ corners: cornersOf(box), box, text: best.text, confidence: round(best.confidence), charConfidences: best.charConfidences, candidates: t.candidates, region: t.region, regionConfidence: t.regionConfidence }];
    });
    return oneReadPerPlate(plates);
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Two coarse first-pass peaks of one wide plate can both pass the detector's merge (IoU under 0.3
 * at the first pass's 20 px precision) and come out of the second look as two boxes of the same
 * plate, overlapping by 0.3 or more, one framing only part of it (it reads RK85 where the other
 * reads RK857AI). One read per plate: the longer reading, then the surer, stands; the frame's
 * order is kept.
 */
export function oneReadPerPlate(plates: FramePlate[]): FramePlate[] {
  const ranked = [...plates].sort((a, b) => b.text.length - a.text.length || b.confidence - a.confidence);
  const kept: FramePlate[] = [];
  for (const p of ranked) if (!kept.some((q) => iou(p.box, q.box) >= 0.3)) kept.push(p);
  return plates.filter((p) => kept.includes(p));
}
const DEFAULT_PLATE_CHARS = { min: 4, max: 8 };

/** How much a box is grown at most (grownBoxes): a reading of half a plate is not a plate's box. */
const MOST_GROWTH = 1.6;

/**
 * In a country with a national series, a box the detector gave no wider estimate whose reading is
 * shorter than the country's formats: the box grown to the next format's length (at most
 * MOST_GROWTH times), to the right, to the left and both ways, within the frame's width.
 */
export function grownBoxes(box: PlateBox, text: string, formats: ReadonlySet<string>, frameWidth: number): PlateBox[] {
  const longer = [...formats].map((f) => f.length).filter((n) => n > text.length);
  if (longer.length === 0 || text.length === 0) return [];
  const extra = box.width * (Math.min(MOST_GROWTH, Math.min(...longer) / text.length) - 1);
  return [0, 0.5, 1].map((left) => {
    const x = Math.max(0, box.x - extra * left);
    return { x, y: box.y, width: Math.min(frameWidth, box.x + box.width + extra * (1 - left)) - x, height: box.height, score: box.score };
  });
}

/** True when `wider` is `own` with characters added at its start, its end or both. */
export function extendsReading(own: string, wider: string): boolean {
  return wider.length > own.length && wider.includes(own);
}

function cornersOf(b: PlateBox): [Point, Point, Point, Point] {
  const r = (n: number) => Math.round(n);
  return [{ x: r(b.x), y: r(b.y) }, { x: r(b.x + b.width), y: r(b.y) }, { x: r(b.x + b.width), y: r(b.y + b.height) }, { x: r(b.x), y: r(b.y + b.height) }];
}
