import sharp from 'sharp';
import { AlprError } from '../core/index.js';
import { checkRawFrame, type CapturedImage } from '../drivers/index.js';
import { greyOfRgb, greyTable } from './greyTable.js';

/** A frame handed to the recognizer: encoded (JPEG/PNG from a camera), raw pixels, or a raw camera's I420. */
export type FrameInput =
  | { data: Buffer; width?: number; height?: number }
  | { raw: Buffer; width: number; height: number; channels: 1 | 3 }
  | { yuv420: Buffer; width: number; height: number };

/** What a camera captured, as the recognizer takes it. */
export function frameInputOf(image: CapturedImage): FrameInput {
  return image.format === 'yuv420' ? { yuv420: image.data, width: image.width, height: image.height } : { data: image.data };
}

/** The frame as 8-bit grayscale, full resolution: what both networks look at. */
export interface GrayFrame {
  pixels: Buffer;
  width: number;
  height: number;
}

/** The frame's 8-bit RGB pixels, kept from the decode for the vehicle colour (read once per vehicle). */
export interface RgbFrame {
  pixels: Buffer;
  width: number;
  height: number;
}

export const MAX_FRAME_DIMENSION = 8192;

/**
 * Decodes a frame to grayscale. Colour and IR frames alike become one channel (the models are
 * trained on grayscale). Truncated or corrupt data, a zero-size or an absurdly large frame are
 * typed errors.
 */
export async function toGray(frame: FrameInput): Promise<GrayFrame> {
  return (await decodeFrame(frame)).gray;
}

/**
 * toGray, plus the RGB pixels the grey was made from where the frame was colour (8-bit RGB):
 * the colour step reads the body panel from them instead of decoding the JPEG a second time.
 */
export async function decodeFrame(frame: FrameInput): Promise<{ gray: GrayFrame; rgb: RgbFrame | null }> {
  if ('yuv420' in frame) {
    // No decode: the Y plane is the grey frame, a view of the camera's buffer (no copy). The
    // colour step reads U and V around the plate itself (vehicleColour.ts panelFeaturesOfI420),
    // so no RGB frame is made.
    const { yuv420, width, height } = frame;
    checkSize(width, height);
    checkRawFrame(yuv420, width, height, 'raw frame', { maxDimension: MAX_FRAME_DIMENSION, maxBytes: Infinity });
    return { gray: { pixels: yuv420.subarray(0, width * height), width, height }, rgb: null };
  }
  if ('raw' in frame) {
    const { raw, width, height, channels } = frame;
    checkSize(width, height);
    if (raw.length !== width * height * channels) {
      throw new AlprError('ALPR_ERR_IMAGE_SIZE', `raw frame holds ${raw.length} bytes, ${width}x${height}x${channels} needs ${width * height * channels}`);
    }
    if (channels === 1) return { gray: { pixels: raw, width, height }, rgb: null };
    // The same colour-to-grey conversion as for encoded frames, so raw and JPEG read alike.
    return { gray: { pixels: greyOfRgb(raw, width * height, await greyTable()), width, height }, rgb: { pixels: raw, width, height } };
  }
  if (!frame.data || frame.data.length === 0) throw new AlprError('ALPR_ERR_IMAGE_SIZE', 'the frame is empty');
  try {
    const stored = sharp(frame.data, { failOn: 'truncated', limitInputPixels: MAX_FRAME_DIMENSION * MAX_FRAME_DIMENSION });
    const meta = await stored.metadata();
    checkSize(meta.width ?? 0, meta.height ?? 0);
    // A photograph taken with the phone on its side says so in its EXIF orientation (2-8): it is
    // turned upright as every viewer shows it, or its plates would be read on their side. Camera
    // frames and the development photographs carry none (or 1) and skip the step.
    const upright = (meta.orientation ?? 1) > 1;
    const image = upright ? stored.rotate() : stored;
    // Decoded as it is stored (8-bit RGB, or one channel for a grey or IR JPEG) and turned grey
    // through the table (greyTable.ts); anything else (alpha, 16 bits) as before, by libvips.
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    const pixels = info.width * info.height;
    const size = { width: info.width, height: info.height };
    if (info.channels === 1 && data.length === pixels) return { gray: { pixels: data, ...size }, rgb: null };
    // A grey (IR) JPEG comes out as three equal channels: it keeps no RGB, as it has no colour.
    if (info.channels === 3 && data.length === 3 * pixels) return { gray: { pixels: greyOfRgb(data, pixels, await greyTable()), ...size }, rgb: (meta.channels ?? 0) >= 3 ? { pixels: data, ...size } : null };
    const again = sharp(frame.data, { failOn: 'truncated', limitInputPixels: MAX_FRAME_DIMENSION * MAX_FRAME_DIMENSION });
    const grey = await (upright ? again.rotate() : again).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { gray: { pixels: grey.data, width: grey.info.width, height: grey.info.height }, rgb: null };
  } catch (cause) {
    if (cause instanceof AlprError) throw cause;
    throw new AlprError('ALPR_ERR_IMAGE_CORRUPT', 'the frame cannot be decoded (corrupt, truncated or not an image)', { cause });
  }
}

function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new AlprError('ALPR_ERR_IMAGE_SIZE', `frame size ${width}x${height} is empty`);
  if (width > MAX_FRAME_DIMENSION || height > MAX_FRAME_DIMENSION) {
    throw new AlprError('ALPR_ERR_IMAGE_SIZE', `frame size ${width}x${height} is over the ${MAX_FRAME_DIMENSION}-pixel limit`);
  }
}

/** JPEG of a region (the plate crop kept with each read). */
export async function jpegOfRegion(frame: GrayFrame, region: { left: number; top: number; width: number; height: number }): Promise<Buffer> {
  const left = Math.max(0, Math.round(region.left));
  const top = Math.max(0, Math.round(region.top));
  const width = Math.max(1, Math.min(frame.width - left, Math.round(region.width)));
  const height = Math.max(1, Math.min(frame.height - top, Math.round(region.height)));
  return sharp(frame.pixels, { raw: { width: frame.width, height: frame.height, channels: 1 } }).extract({ left, top, width, height }).toColourspace('b-w').jpeg({ quality: 90 }).toBuffer();
}
