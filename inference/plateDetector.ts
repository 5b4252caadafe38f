import type { InferenceBackend } from './backends/types.js';
import type { GrayFrame } from './frameImage.js';
import { DetectorBuffers, type DetectorBufferSet } from './detectorBuffers.js';
import { pyramid, sampleView, type GrayImage } from './pyramid.js';

export const DET_W = 384;
export const DET_H = 288;
export const DET_STRIDE = 4;

export interface PlateBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  /** Other estimates of the same plate's box (the first pass, other zooms); the reader reads each. */
  alternates?: PlateBox[];
  /**
   * The same plate widened along the zoomed peaks in line with it (alongPlate), where they reach
   * well beyond the box: a wide plate's box may frame only part of it. Read only to extend the
   * box's own reading (plateRecognizer.ts).
   */
  wider?: PlateBox;
}

/**
 * Second look at each plate found: the detector sees a view a few plate widths across around it
 * (`widths`, one run each). A box from the shrunken first pass is only as precise as the
 * detector's output grid there (4 px at 384 wide are 20 px of a 1080p frame); zoomed in, the plate
 * fills a third of the input and its box comes out tight. The zoomed scores also verify the
 * plate: grilles, signs and lettering that looked like a plate from afar mostly do not peak when
 * seen close. A box is kept when its first-pass score plus its mean zoomed score reach
 * `verifyThreshold` (0..2), so a faint first sighting needs a clear second look and the other way
 * round: the first pass can then take fainter peaks (small, distant plates) without letting their
 * look-alikes through.
 */
export interface ZoomOptions {
  widths: readonly number[];
  verifyThreshold: number;
}

/**
 * A tile is looked at only where the whole frame shows at least this much of a plate: a plate
 * the tiles find (a distant one, a few dozen pixels wide once the frame is shrunk) still peaks
 * faintly there, and a tile of road, sky or wall does not peak at all. Measured (model card,
 * "Tiles where the whole frame shows nothing"): at 0.02 no read, detection or false plate changed
 * on the development photographs (US, EU) nor on US photographs set into a 1080p frame at their
 * own size (distant plates); at 0.05 the latter lost two of 90 plates, at 0.1 the US photographs two.
 */
export const TILE_HINT = 0.02;

/** True when a box's centre lies in the view. */
function centreIn(box: PlateBox, view: Region): boolean {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx >= view.left && cx < view.left + view.width && cy >= view.top && cy < view.top + view.height;
}

/** Zoomed peaks weaker than this are taken as "nothing there" (score 0 in the mean). */
const ZOOM_PEAK_FLOOR = 0.2;

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The views the detector looks at: the whole frame, and (with `tiles` > 1) a grid of overlapping
 * tiles, each seen at the detector's full input size. Distant plates are only a few dozen pixels
 * wide once a 1080p frame is shrunk to 384; in a tile they are twice that.
 */
export function detectorViews(width: number, height: number, tiles: number): Region[] {
  const views: Region[] = [{ left: 0, top: 0, width, height }];
  if (tiles <= 1) return views;
  const overlap = 0.2;
  const tw = width / (tiles - (tiles - 1) * overlap);
  const th = height / (tiles - (tiles - 1) * overlap);
  for (let ty = 0; ty < tiles; ty++) {
    for (let tx = 0; tx < tiles; tx++) {
      const left = Math.round(tx * tw * (1 - overlap));
      const top = Math.round(ty * th * (1 - overlap));
      views.push({ left, top, width: Math.min(width - left, Math.round(tw)), height: Math.min(height - top, Math.round(th)) });
    }
  }
  return views;
}

/**
 * Finds plates: each view is scaled to fit 384x288 (top-left, zero padding, as in training;
 * shrunk through a 2x2-average pyramid, see pyramid.ts), the
 * network gives a plate-centre heatmap with sizes and offsets, local maxima above the threshold
 * become boxes in frame pixels, and boxes found in several views are merged.
 */
export function detectorBuffers(): DetectorBuffers {
  return new DetectorBuffers(DET_W * DET_H);
}

/**
 * `buffers`: where the frame's pyramid and input buffer are taken from and given back to (see
 * detectorBuffers.ts); absent, they are allocated for this frame.
 */
export async function detectPlates(backend: InferenceBackend, frame: GrayFrame, threshold: number, maxPlates = 8, tiles = 1, zoom?: ZoomOptions, buffers?: DetectorBuffers): Promise<PlateBox[]> {
  const set = buffers?.take() ?? detectorBuffers().take();
  try {
    return await detectWith(set, backend, frame, threshold, maxPlates, tiles, zoom);
  } finally {
    buffers?.give(set);
  }
}

async function detectWith(set: DetectorBufferSet, backend: InferenceBackend, frame: GrayFrame, threshold: number, maxPlates: number, tiles: number, zoom?: ZoomOptions): Promise<PlateBox[]> {
  const levels = pyramid(frame, DET_W, set.levels);
  set.levels = levels.slice(1).map((l) => l.pixels);
  // One input buffer for all of this frame's views: each run has resolved before the next view is
  // sampled into it (ONNX Runtime reads the input until run() resolves; tfjs disposes its input
  // tensor before detect() resolves).
  const look = (view: Region, floor: number) => detectInView(backend, levels, set.input, view, floor);
  const [whole, ...tileViews] = detectorViews(frame.width, frame.height, tiles);
  // The whole frame is looked at first, down to TILE_HINT: its faint peaks say which tiles can hold a plate.
  const hints = await look(whole!, Math.min(TILE_HINT, threshold));
  const found = hints.filter((p) => p.score >= threshold);
  for (const view of tileViews) {
    if (hints.some((p) => centreIn(p, view))) found.push(...(await look(view, threshold)));
  }
  found.sort((a, b) => b.score - a.score);
  // Overlapping peaks of one plate (a wide plate can peak twice, tiles overlap): keep the strongest.
  const kept: PlateBox[] = [];
  for (const p of found) if (kept.length < maxPlates && kept.every((k) => iou(k, p) < 0.3 && !inside(p, k))) kept.push(p);
  if (!zoom || zoom.widths.length === 0) return kept;
  const zoomed: PlateBox[] = [];
  for (const box of kept) {
    const looked = await zoomIn(look, frame, box, zoom);
    if (looked) zoomed.push(looked);
  }
  return zoomed;
}

async function zoomIn(look: (view: Region, floor: number) => Promise<PlateBox[]>, frame: GrayFrame, box: PlateBox, zoom: ZoomOptions): Promise<PlateBox | null> {
  const estimates: PlateBox[] = [];
  // Each zoom's box widened along its peaks in line with it (the same as the estimate where none reach beyond it).
  const widened: PlateBox[] = [];
  let scores = 0;
  for (const [looked, widths] of zoom.widths.entries()) {
    // Scores are below 1, so once even perfect looks at the remaining widths cannot bring the box
    // to the threshold it is dropped whatever they show: they are not run. (Most first-pass
    // look-alikes show nothing at the first zoom; on the US photographs half the candidates.)
    if (box.score + (scores + zoom.widths.length - looked) / zoom.widths.length < zoom.verifyThreshold) return null;
    const width = Math.min(frame.width, box.width * widths);
    const height = Math.min(frame.height, (width * DET_H) / DET_W);
    const left = Math.max(0, Math.min(frame.width - width, box.x + box.width / 2 - width / 2));
    const top = Math.max(0, Math.min(frame.height - height, box.y + box.height / 2 - height / 2));
    const view = { left: Math.round(left), top: Math.round(top), width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
    const peaks = await look(view, ZOOM_PEAK_FLOOR);
    const best = peaks.filter((p) => iou(p, box) > 0.3).sort((a, b) => b.score - a.score)[0];
    if (best) {
      estimates.push({ ...best, score: box.score });
      widened.push(alongPlate(best, peaks));
      scores += best.score;
    }
  }
  if (box.score + scores / zoom.widths.length < zoom.verifyThreshold) return null;
  // The closest look leads; the first pass and the other zooms go along for the reader.
  const [lead, ...others] = estimates;
  const found: PlateBox = { ...(lead ?? box), score: box.score, alternates: lead ? [box, ...others] : [] };
  const wider = widerOf(found, estimates, widened);
  return wider ? { ...found, wider } : found;
}

/**
 * The plate's box widened to the furthest any zoom's peaks in line with its own reach on each side,
 * each estimate (the lead, the first pass, the other zooms) given that width and keeping its own
 * height; null when no zoom's peaks reach WIDEN_AT times its own box's width.
 */
function widerOf(found: PlateBox, estimates: readonly PlateBox[], widened: readonly PlateBox[]): PlateBox | null {
  if (!widened.some((w, i) => w.width >= WIDEN_AT * estimates[i]!.width)) return null;
  const x0 = Math.min(...widened.map((w) => w.x));
  const x1 = Math.max(...widened.map((w) => w.x + w.width));
  const span = (b: PlateBox): PlateBox => ({ x: x0, y: b.y, width: x1 - x0, height: b.height, score: b.score });
  return { ...span(found), alternates: (found.alternates ?? []).map(span) };
}

/**
 * A plate much wider than a US one (EU, Swiss: 4.5-4.7 times its height; Brazilian 3) peaks more
 * than once along its length in the zoomed view, each peak a box of about a US plate's shape around
 * a group of its characters, and the strongest may frame only part of the plate. The peaks in line
 * with it (centres in its row, heights within ALONG_HEIGHT of its own) that overlap it, or what it
 * has grown to, by at least half their own width are taken as the same plate, and the box is
 * widened to them (no wider than ALONG_MAX_ASPECT times its height, about its centre).
 */
export function alongPlate(best: PlateBox, peaks: readonly PlateBox[]): PlateBox {
  const cy = best.y + best.height / 2;
  const inLine = peaks.filter((p) => Math.abs(p.y + p.height / 2 - cy) <= ALONG_ROW * best.height && p.height >= best.height / ALONG_HEIGHT && p.height <= best.height * ALONG_HEIGHT);
  let x0 = best.x;
  let x1 = best.x + best.width;
  for (let grown = true; grown; ) {
    grown = false;
    for (const p of inLine) {
      const overlap = Math.min(x1, p.x + p.width) - Math.max(x0, p.x);
      if (overlap < ALONG_OVERLAP * p.width || (p.x >= x0 && p.x + p.width <= x1)) continue;
      [x0, x1] = [Math.min(x0, p.x), Math.max(x1, p.x + p.width)];
      grown = true;
    }
  }
  const width = Math.min(x1 - x0, ALONG_MAX_ASPECT * best.height);
  return { ...best, x: (x0 + x1) / 2 - width / 2, width };
}

/** alongPlate's limits: centres within this share of the box's height, heights within this factor, overlap of this share of a peak's width. */
const ALONG_ROW = 0.25;
const ALONG_HEIGHT = 1.4;
const ALONG_OVERLAP = 0.5;
/** The widest plates (EU) are 4.7 times as wide as tall. */
const ALONG_MAX_ASPECT = 5;
/** A zoom's peaks that reach less than this times its box's width leave the plate without a wider estimate. */
export const WIDEN_AT = 1.25;

/** True when box a lies mostly inside box b (a fragment of a plate seen whole elsewhere). */
function inside(a: PlateBox, b: PlateBox): boolean {
  const iw = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const ih = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return iw * ih > 0.6 * a.width * a.height;
}

async function detectInView(backend: InferenceBackend, levels: GrayImage[], scratch: Float32Array, view: Region, threshold: number): Promise<PlateBox[]> {
  const scale = Math.min(DET_W / view.width, DET_H / view.height);
  const w = Math.max(1, Math.round(view.width * scale));
  const h = Math.max(1, Math.round(view.height * scale));
  // The network is fully convolutional: a view of another aspect than 4:3 (a 16:9 frame: 384x216)
  // is padded only up to the next multiple of its stride-16 path, not to the full 384x288, which
  // saves a quarter of the work on 16:9 frames. Training saw crops at 4:3 (no padding) and the
  // padding is zeros either way.
  const inW = Math.min(DET_W, Math.ceil(w / 16) * 16);
  const inH = Math.min(DET_H, Math.ceil(h / 16) * 16);
  const input = scratch.subarray(0, inW * inH).fill(0);
  sampleView(levels, view, w, h, input, inW);
  const { maps } = await backend.detect({ data: input, dims: [1, 1, inH, inW] });
  const [, , gh, gw] = maps.dims as [number, number, number, number];
  const plane = gh * gw;
  const m = maps.data;
  const skipBelow = logitFloor(threshold);
  const peaks: PlateBox[] = [];
  for (let iy = 0; iy < gh; iy++) {
    for (let ix = 0; ix < gw; ix++) {
      const logit = m[iy * gw + ix]!;
      if (logit < skipBelow) continue;
      const score = sigmoid(logit);
      if (score < threshold) continue;
      let isPeak = true;
      for (let dy = -1; dy <= 1 && isPeak; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = iy + dy;
          const xx = ix + dx;
          if ((dy || dx) && yy >= 0 && yy < gh && xx >= 0 && xx < gw && m[yy * gw + xx]! > logit) {
            isPeak = false;
            break;
          }
        }
      }
      if (!isPeak) continue;
      const at = iy * gw + ix;
      const wc = Math.exp(m[plane + at]!);
      const hc = Math.exp(m[2 * plane + at]!);
      const cx = ix + m[3 * plane + at]!;
      const cy = iy + m[4 * plane + at]!;
      peaks.push({
        x: view.left + ((cx - wc / 2) * DET_STRIDE) / scale,
        y: view.top + ((cy - hc / 2) * DET_STRIDE) / scale,
        width: (wc * DET_STRIDE) / scale,
        height: (hc * DET_STRIDE) / scale,
        score,
      });
    }
  }
  return peaks;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * A logit below which the sigmoid is certainly under `threshold`: nearly every heatmap cell is
 * ruled out by one comparison instead of an exp. It lies a margin below the threshold's logit,
 * far wider than the sigmoid's rounding, so a cell near the threshold still has its score
 * worked out and compared exactly as before: the same cells pass.
 */
export function logitFloor(threshold: number): number {
  const logit = Math.log(threshold / (1 - threshold)) - 1e-3;
  return Number.isFinite(logit) ? logit : -Infinity;
}

export function iou(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): number {
  const iw = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const ih = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = iw * ih;
  return inter / (a.width * a.height + b.width * b.height - inter + 1e-9);
}
