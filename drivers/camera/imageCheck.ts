import type { Metadata } from 'sharp';
import { AlprError } from '../../core/index.js';
import type { FrameFormat } from './types.js';

export interface ImageLimits {
  /** Largest accepted width or height in pixels (4K frames are 3840 wide). */
  maxDimension: number;
  maxBytes: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxDimension: 8192, maxBytes: 64 * 1024 * 1024 };

const PNG_END = Buffer.from('IEND');

/**
 * Checks an encoded frame cheaply, without decoding pixels: the header (format and size) through
 * sharp, and the end marker, which is what a truncated write (a full card, a pulled cable) loses.
 */
export async function checkImage(data: Buffer, origin: string, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<{ format: FrameFormat; width: number; height: number }> {
  if (data.length === 0) throw new AlprError('ALPR_ERR_IMAGE_SIZE', `${origin}: the image is empty`, { details: { origin } });
  if (data.length > limits.maxBytes) {
    throw new AlprError('ALPR_ERR_IMAGE_SIZE', `${origin}: ${data.length} bytes is over the ${limits.maxBytes}-byte limit`, { details: { origin } });
  }
  let meta: Metadata;
  try {
    // libvips is loaded on first use: processes that never see an image do not pay its memory.
    const { default: sharp } = await import('sharp');
    meta = await sharp(data).metadata();
  } catch (cause) {
    throw new AlprError('ALPR_ERR_IMAGE_CORRUPT', `${origin}: not a readable JPEG or PNG`, { cause, details: { origin } });
  }
  const format = meta.format === 'jpeg' ? 'jpeg' : meta.format === 'png' ? 'png' : null;
  if (!format || !meta.width || !meta.height) {
    throw new AlprError('ALPR_ERR_IMAGE_CORRUPT', `${origin}: format ${meta.format ?? 'unknown'} is not JPEG or PNG`, { details: { origin } });
  }
  if (meta.width > limits.maxDimension || meta.height > limits.maxDimension) {
    throw new AlprError('ALPR_ERR_IMAGE_SIZE', `${origin}: ${meta.width}x${meta.height} is over the ${limits.maxDimension}-pixel limit`, { details: { origin } });
  }
  const complete = format === 'jpeg' ? hasJpegEnd(data) : data.lastIndexOf(PNG_END) > data.length - 64;
  if (!complete) throw new AlprError('ALPR_ERR_IMAGE_CORRUPT', `${origin}: the image is truncated`, { details: { origin } });
  return { format, width: meta.width, height: meta.height };
}

/** JPEG ends with FFD9; some cameras pad a few bytes after it, so look near the end. */
function hasJpegEnd(data: Buffer): boolean {
  const from = Math.max(0, data.length - 1024);
  for (let i = data.length - 2; i >= from; i--) if (data[i] === 0xff && data[i + 1] === 0xd9) return true;
  return false;
}
