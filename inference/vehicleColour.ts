import sharp from 'sharp';
import { VEHICLE_COLOURS, type VehicleColour } from '../core/index.js';
import { rgbOfI420 } from '../drivers/index.js';

export { VEHICLE_COLOURS, type VehicleColour };

/**
 * Vehicle body colour from the context image: one of ten names, or 'unknown'. A small colour-
 * statistics classifier, not a trained model: it samples the body panel above the plate (the trunk
 * lid or bonnet, beside the lights) in RGB, splits its pixels into chromatic and achromatic ones,
 * and names the majority; an answer it is not sure of is 'unknown'. The rules come from colour
 * science (HSV hue bands); the few thresholds were set on the labelled development sample
 * (inference/fixtures/vehicle-colours.csv) and scored on a held-out one; both are in the model card.
 */
export interface PlateRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the classifier decides, before and after asking whether it is sure. */
export interface ColourJudgement {
  /** What is reported: `named`, or 'unknown' when it is not sure enough. */
  colour: VehicleColour;
  /** The colour it would name with no confidence gate ('unknown' only when nothing can be named). */
  named: VehicleColour;
}

/** The thresholds; brightness boundaries (0-1, or fractions of the plate background's) for white to black. */
export interface ColourRules {
  whiteAt: number;
  silverAt: number;
  greyAt: number;
  /** Fewer chromatic pixels than this share: the body is white, silver, grey or black. */
  chromaticShare: number;
  /** A paint colour is named only when this share of the chromatic pixels agree on its hue band. */
  minHueShare: number;
  /**
   * White to black is named only when the panel's brightness is at least this far (in plate-white
   * units) from the nearest class boundary: exposure moves brightness more than paint does.
   */
  minMargin: number;
  /** Which quantile of the achromatic pixels' brightness is the panel's: a low one discounts sky mirrored in the paint. */
  levelQuantile: 0.25 | 0.5;
  /** Brightness relative to the plate's background (true), or as exposed (false). */
  relativeToPlate: boolean;
}

/**
 * The shipped rules: chosen by 5-fold cross-validation on the development labels only
 * (`colourEvaluate.ts --choose`), then scored once on the held-out labels; see the model card.
 */
export const DEFAULT_COLOUR_RULES: ColourRules = {
  whiteAt: 0.9, silverAt: 0.5, greyAt: 0.35, chromaticShare: 0.2, minHueShare: 0.6, minMargin: 0.08, levelQuantile: 0.5, relativeToPlate: false,
};

/** What the rules look at, measured once per panel (so that many rules can be tried on one sample). */
export interface ColourFeatures {
  /** Share of the panel's pixels that are chromatic. */
  chromaticShare: number;
  /** The hue band most chromatic pixels fall in, and their share of the chromatic pixels. */
  hue: VehicleColour;
  hueShare: number;
  /** Brightness (0-1) of the achromatic pixels at the 25th and 50th percentiles, and of the plate background. */
  level25: number;
  level50: number;
  white: number;
}

/** The body panel sampled: from 1.5 plate heights above the plate to just above it, one width either side. */
export function bodyRegion(plate: PlateRect, width: number, height: number): PlateRect | null {
  const left = Math.max(0, Math.round(plate.x - 1 * plate.width));
  const right = Math.min(width, Math.round(plate.x + 2 * plate.width));
  const top = Math.max(0, Math.round(plate.y - 1.5 * plate.height));
  const bottom = Math.min(height, Math.round(plate.y - 0.2 * plate.height));
  return right - left >= 4 && bottom - top >= 4 ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

function hsv(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  let h = 0;
  if (d > 0) h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, max === 0 ? 0 : d / max, max / 255];
}

function hueName(h: number, s: number, v: number): VehicleColour {
  if (h < 15 || h >= 330) return v < 0.3 ? 'brown' : 'red';
  // Orange and yellow hues that are dark or washed out are brown/beige bodies, not paint that bright.
  if (h < 45) return v < 0.55 || s < 0.45 ? 'brown' : h < 30 ? 'orange' : 'yellow';
  if (h < 70) return v < 0.45 || s < 0.35 ? 'brown' : 'yellow';
  if (h < 170) return 'green';
  if (h < 270) return 'blue';
  return 'red';
}

const UNKNOWN: ColourJudgement = { colour: 'unknown', named: 'unknown' };

/**
 * Measures RGB pixels (interleaved, 3 channels) of a body panel. `white` is the brightness (0-1) of
 * something known to be white in the same exposure: the plate's background.
 */
export function colourFeatures(rgb: Uint8Array | Buffer, white = 1): ColourFeatures | null {
  const n = Math.floor(rgb.length / 3);
  if (n === 0) return null;
  const votes = new Map<VehicleColour, number>();
  const values: number[] = [];
  let chromatic = 0;
  for (let i = 0; i < n; i++) {
    const [h, s, v] = hsv(rgb[3 * i]!, rgb[3 * i + 1]!, rgb[3 * i + 2]!);
    // Saturation means little in near-black pixels (sensor noise), so those count as achromatic.
    if (s > 0.35 && v > 0.3) {
      chromatic++;
      const name = hueName(h, s, v);
      votes.set(name, (votes.get(name) ?? 0) + 1);
    } else values.push(v);
  }
  const [hue, count] = [...votes.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['unknown' as VehicleColour, 0];
  values.sort((a, b) => a - b);
  const at = (q: number) => (values.length ? values[Math.floor(values.length * q)]! : 0);
  return { chromaticShare: chromatic / n, hue, hueShare: chromatic ? count / chromatic : 0, level25: at(0.25), level50: at(0.5), white };
}

/**
 * Names the colour from the panel's features. White, silver, grey and black differ only in
 * brightness, which exposure changes more than paint: hence the plate reference and the margin.
 */
export function judgeFeatures(f: ColourFeatures | null, rules: ColourRules = DEFAULT_COLOUR_RULES): ColourJudgement {
  if (!f) return UNKNOWN;
  if (f.chromaticShare >= rules.chromaticShare && f.hue !== 'unknown') {
    // Paint is one colour: a panel split between hues (a livery, foliage behind glass) is unknown.
    return { colour: f.hueShare >= rules.minHueShare ? f.hue : 'unknown', named: f.hue };
  }
  const level = (rules.levelQuantile === 0.25 ? f.level25 : f.level50) / (rules.relativeToPlate ? Math.max(0.2, f.white) : 1);
  const named: VehicleColour = level >= rules.whiteAt ? 'white' : level >= rules.silverAt ? 'silver' : level >= rules.greyAt ? 'grey' : 'black';
  const margin = Math.min(...[rules.whiteAt, rules.silverAt, rules.greyAt].map((t) => Math.abs(level - t)));
  return { colour: margin >= rules.minMargin ? named : 'unknown', named };
}

/** The colour of RGB pixels of a body panel (see colourFeatures, judgeFeatures). */
export function classifyPixels(rgb: Uint8Array | Buffer, white = 1, rules: ColourRules = DEFAULT_COLOUR_RULES): VehicleColour {
  return judgeFeatures(colourFeatures(rgb, white), rules).colour;
}

/**
 * The body colour of the vehicle whose plate is at `plate` in an encoded (JPEG/PNG) frame. A
 * one-channel frame says nothing about paint: unknown. (Night frames under the infrared strobe are
 * left out by the capture pipeline, which knows the mode.)
 */
export async function judgeColour(image: Buffer, plate: PlateRect, rules: ColourRules = DEFAULT_COLOUR_RULES): Promise<ColourJudgement> {
  return judgeFeatures(await panelFeatures(image, plate), rules);
}

/**
 * The features of the body panel above `plate`, or null where there is none to judge (no panel in
 * the frame, a one-channel frame). The frame is decoded once, only the area around the plate.
 */
export async function panelFeatures(image: Buffer, plate: PlateRect): Promise<ColourFeatures | null> {
  const meta = await sharp(image).metadata();
  const width = meta.width ?? 0, height = meta.height ?? 0;
  if ((meta.channels ?? 0) < 3) return null;
  const body = bodyRegion(plate, width, height);
  const plateBox = clip(plate, width, height);
  if (!body || !plateBox) return null;
  // One extract that holds both the body panel and the plate.
  const left = Math.min(body.x, plateBox.x), top = Math.min(body.y, plateBox.y);
  const right = Math.max(body.x + body.width, plateBox.x + plateBox.width), bottom = Math.max(body.y + body.height, plateBox.y + plateBox.height);
  const area = { left, top, width: right - left, height: bottom - top };
  const pixels = await sharp(image).extract(area).removeAlpha().toColourspace('srgb').raw().toBuffer();
  return featuresIn({ pixels, width: area.width, left, top }, body, plateBox);
}

/**
 * panelFeatures on a frame already decoded to 8-bit RGB (the recognizer keeps it from reading the
 * plate): the same pixels, so the same features, without decoding the JPEG again.
 */
export function panelFeaturesOfRgb(frame: { pixels: Buffer; width: number; height: number }, plate: PlateRect): ColourFeatures | null {
  const body = bodyRegion(plate, frame.width, frame.height);
  const plateBox = clip(plate, frame.width, frame.height);
  if (!body || !plateBox) return null;
  return featuresIn({ pixels: frame.pixels, width: frame.width, left: 0, top: 0 }, body, plateBox);
}

/**
 * panelFeatures on a raw camera's I420 frame: only the area holding the panel and the plate is
 * converted to RGB (a few thousand pixels, not the frame's two million), once per read.
 */
export function panelFeaturesOfI420(frame: { data: Buffer; width: number; height: number }, plate: PlateRect): ColourFeatures | null {
  const body = bodyRegion(plate, frame.width, frame.height);
  const plateBox = clip(plate, frame.width, frame.height);
  if (!body || !plateBox) return null;
  const left = Math.min(body.x, plateBox.x), top = Math.min(body.y, plateBox.y);
  const area = { x: left, y: top, width: Math.max(body.x + body.width, plateBox.x + plateBox.width) - left, height: Math.max(body.y + body.height, plateBox.y + plateBox.height) - top };
  return featuresIn({ pixels: rgbOfI420(frame.data, frame.width, frame.height, area), width: area.width, left, top }, body, plateBox);
}

function featuresIn(view: RgbView, body: PlateRect, plateBox: PlateRect): ColourFeatures | null {
  return colourFeatures(sample(view, body, 32, 16), plateWhite(sample(view, plateBox, 32, 16)));
}

/** The colour name alone (see judgeColour). */
export async function vehicleColour(image: Buffer, plate: PlateRect, rules: ColourRules = DEFAULT_COLOUR_RULES): Promise<VehicleColour> {
  return (await judgeColour(image, plate, rules)).colour;
}

interface RgbView {
  pixels: Buffer;
  width: number;
  left: number;
  top: number;
}

function clip(r: PlateRect, width: number, height: number): PlateRect | null {
  const x = Math.max(0, Math.round(r.x)), y = Math.max(0, Math.round(r.y));
  const w = Math.min(width - x, Math.round(r.width)), h = Math.min(height - y, Math.round(r.height));
  return w >= 2 && h >= 2 ? { x, y, width: w, height: h } : null;
}

/** A grid of `cols` x `rows` box-averaged RGB samples of a frame region. */
function sample(view: RgbView, r: PlateRect, cols: number, rows: number): Buffer {
  const out = Buffer.alloc(cols * rows * 3);
  for (let j = 0; j < rows; j++) {
    const y0 = Math.floor((j * r.height) / rows), y1 = Math.max(y0 + 1, Math.floor(((j + 1) * r.height) / rows));
    for (let i = 0; i < cols; i++) {
      const x0 = Math.floor((i * r.width) / cols), x1 = Math.max(x0 + 1, Math.floor(((i + 1) * r.width) / cols));
      let red = 0, green = 0, blue = 0, count = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const at = ((r.y - view.top + y) * view.width + (r.x - view.left + x)) * 3;
          red += view.pixels[at]!;
          green += view.pixels[at + 1]!;
          blue += view.pixels[at + 2]!;
          count++;
        }
      }
      out.set([Math.round(red / count), Math.round(green / count), Math.round(blue / count)], (j * cols + i) * 3);
    }
  }
  return out;
}

/** The plate background's brightness: the 75th percentile of the plate box (its characters are darker). */
function plateWhite(rgb: Buffer): number {
  const grey: number[] = [];
  for (let i = 0; i + 2 < rgb.length; i += 3) grey.push(0.2126 * rgb[i]! + 0.7152 * rgb[i + 1]! + 0.0722 * rgb[i + 2]!);
  grey.sort((a, b) => a - b);
  return grey[Math.floor(grey.length * 0.75)]! / 255;
}
