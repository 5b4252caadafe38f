import sharp from 'sharp';

/**
 * Vehicle body colour from the context image: one of ten names, or 'unknown'. A small colour-
 * statistics classifier, not a trained model: it samples the body panel above the plate (the trunk
 * lid or bonnet, beside the lights) in RGB, splits its pixels into chromatic and achromatic ones,
 * and names the majority. Rules and thresholds were set from colour science (HSV hue bands) and the
 * labelled development sample in inference/fixtures/vehicle-colours.csv; accuracy is in the model card.
 */
export const VEHICLE_COLOURS = ['white', 'black', 'grey', 'silver', 'red', 'blue', 'green', 'yellow', 'brown', 'orange'] as const;
export type VehicleColour = (typeof VEHICLE_COLOURS)[number] | 'unknown';

export interface PlateRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The body panel sampled: from 2.5 plate heights above the plate to half a height above it, 1.5 widths either side. */
export function bodyRegion(plate: PlateRect, width: number, height: number): PlateRect | null {
  const left = Math.max(0, Math.round(plate.x - 1 * plate.width));
  const right = Math.min(width, Math.round(plate.x + 2 * plate.width));
  const top = Math.max(0, Math.round(plate.y - 1.5 * plate.height));
  const bottom = Math.min(height, Math.round(plate.y - 0.2 * plate.height));
  return right - left >= 4 && bottom - top >= 4 ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

// Fractions of the plate background's brightness.
const WHITE_AT = 0.85, SILVER_AT = 0.6, GREY_AT = 0.35;

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

/**
 * Names the colour of RGB pixels (interleaved, 3 channels) of a body panel. `white` is the
 * brightness (0-1) of something known to be white in the same exposure: the plate's background.
 * White, silver, grey and black differ only in brightness, which exposure changes more than paint.
 */
export function classifyPixels(rgb: Uint8Array | Buffer, white = 1): VehicleColour {
  const n = Math.floor(rgb.length / 3);
  if (n === 0) return 'unknown';
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
  if (chromatic / n >= 0.35) {
    const [name, count] = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]!;
    // Paint is one colour: a panel split between hues (a livery, foliage behind glass) is unknown.
    return count / chromatic >= 0.6 ? name : 'unknown';
  }
  values.sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)]! / Math.max(0.2, white);
  if (median >= WHITE_AT) return 'white';
  if (median >= SILVER_AT) return 'silver';
  if (median >= GREY_AT) return 'grey';
  return 'black';
}

/** The body colour of the vehicle whose plate is at `plate` in an encoded (JPEG/PNG) frame. */
export async function vehicleColour(image: Buffer, plate: PlateRect): Promise<VehicleColour> {
  const meta = await sharp(image).metadata();
  const region = bodyRegion(plate, meta.width ?? 0, meta.height ?? 0);
  if (!region) return 'unknown';
  const rgb = await sharp(image).extract({ left: region.x, top: region.y, width: region.width, height: region.height })
    .resize(32, 16, { fit: 'fill' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  return classifyPixels(rgb, await plateWhite(image, plate, meta.width ?? 0, meta.height ?? 0));
}

/** The plate background's brightness: the 75th percentile of the plate box (its characters are darker). */
async function plateWhite(image: Buffer, plate: PlateRect, width: number, height: number): Promise<number> {
  const left = Math.max(0, Math.round(plate.x)), top = Math.max(0, Math.round(plate.y));
  const w = Math.min(width - left, Math.round(plate.width)), h = Math.min(height - top, Math.round(plate.height));
  if (w < 2 || h < 2) return 1;
  const grey = await sharp(image).extract({ left, top, width: w, height: h }).resize(32, 16, { fit: 'fill' }).toColourspace('b-w').raw().toBuffer();
  const sorted = [...grey].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.75)]! / 255;
}
