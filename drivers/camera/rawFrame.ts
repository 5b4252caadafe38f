import { AlprError } from '../../core/index.js';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from './imageCheck.js';
import type { CapturedImage } from './types.js';

/**
 * Raw frames as the cameras hand them when no JPEG is wanted: I420 (planar YUV 4:2:0), packed, a
 * width x height Y plane followed by the (width/2) x (height/2) U and V planes. The Y plane is the
 * grey frame the networks read; U and V give the colour. rpicam-still/libcamera-still
 * `--encoding yuv420` writes exactly this: it copies each row out of the ISP's padded buffer
 * (`Y + row * stride`, `width` bytes), so the stride never reaches the file; ffmpeg's rawvideo
 * yuv420p is packed too. Both need an even width and height.
 *
 * Colour maths is full-range BT.601 (JFIF, what libcamera's stills use), in 16.16 fixed point.
 */

/** Bytes of one packed I420 frame. */
export function i420Bytes(width: number, height: number): number {
  return width * height + 2 * (width / 2) * (height / 2);
}

/**
 * Checks a raw frame's bytes against the size it should have. A short file is a truncated write
 * (a full card, a killed capture); a long one means the camera delivered another size than asked
 * (an ISP that rounded the width up): either way the planes cannot be found, so the frame is refused.
 */
export function checkRawFrame(data: Buffer, width: number, height: number, origin: string, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): void {
  if (!(width > 0 && height > 0) || width % 2 !== 0 || height % 2 !== 0) {
    throw new AlprError('ALPR_ERR_IMAGE_SIZE', `${origin}: a raw I420 frame needs an even, non-zero width and height, not ${width}x${height}`, { details: { origin } });
  }
  if (width > limits.maxDimension || height > limits.maxDimension) {
    throw new AlprError('ALPR_ERR_IMAGE_SIZE', `${origin}: ${width}x${height} is over the ${limits.maxDimension}-pixel limit`, { details: { origin } });
  }
  const expected = i420Bytes(width, height);
  if (data.length !== expected) {
    throw new AlprError('ALPR_ERR_IMAGE_SIZE', `${origin}: a ${width}x${height} I420 frame is ${expected} bytes, this one is ${data.length}`, { details: { origin, expected, actual: data.length } });
  }
}

const FIX = 16;
const ONE = 1 << FIX;
const HALF = 1 << (FIX - 1);
const fix = (x: number) => Math.round(x * ONE);
const [YR, YG, YB] = [fix(0.299), fix(0.587), fix(0.114)];
const [UR, UG, UB] = [fix(-0.168736), fix(-0.331264), fix(0.5)];
const [VR, VG, VB] = [fix(0.5), fix(-0.418688), fix(-0.081312)];
const [RV, GU, GV, BU] = [fix(1.402), fix(-0.344136), fix(-0.714136), fix(1.772)];
const clamp = (n: number) => (n < 0 ? 0 : n > 255 ? 255 : n);

/**
 * I420 of 8-bit RGB (3 channels, even width and height), chroma averaged over each 2x2 block: what
 * a YUV camera delivers for the scene a JPEG or PNG shows (the replay camera's raw mode, the bench).
 */
export function i420OfRgb(rgb: Uint8Array, width: number, height: number): Buffer {
  const out = Buffer.allocUnsafe(i420Bytes(width, height));
  const cw = width / 2;
  const uAt = width * height, vAt = uAt + cw * (height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width * 3; x < width; x++, i += 3) out[y * width + x] = (YR * rgb[i]! + YG * rgb[i + 1]! + YB * rgb[i + 2]! + HALF) >> FIX;
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const a = (2 * cy * width + 2 * cx) * 3, b = a + width * 3;
      const r = rgb[a]! + rgb[a + 3]! + rgb[b]! + rgb[b + 3]!;
      const g = rgb[a + 1]! + rgb[a + 4]! + rgb[b + 1]! + rgb[b + 4]!;
      const bl = rgb[a + 2]! + rgb[a + 5]! + rgb[b + 2]! + rgb[b + 5]!;
      // Sums of four pixels: divide by 4 inside the rounding shift.
      out[uAt + cy * cw + cx] = clamp(((UR * r + UG * g + UB * bl + 4 * HALF) >> (FIX + 2)) + 128);
      out[vAt + cy * cw + cx] = clamp(((VR * r + VG * g + VB * bl + 4 * HALF) >> (FIX + 2)) + 128);
    }
  }
  return out;
}

export interface PixelArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * 8-bit RGB (3 channels) of one area of a packed I420 frame (the whole frame when no area is
 * given): the colour judge converts only the panel around a plate, the evidence encoder the frame.
 */
export function rgbOfI420(data: Buffer, width: number, height: number, area: PixelArea = { x: 0, y: 0, width, height }): Buffer {
  // This runs once per read over two million pixels: each chroma sample's three terms are looked
  // up once for the two pixels of a row that share it, and every store is one table lookup that
  // clamps (CLAMP_0_255 is indexed Y + term + CLAMP_OFFSET). Same bytes as the 16.16 formula.
  const out = Buffer.allocUnsafe(area.width * area.height * 3);
  const cw = width / 2;
  const uAt = width * height, vAt = uAt + cw * (height / 2);
  const x1 = area.x + area.width;
  let o = 0;
  const one = (row: number, crow: number, x: number) => {
    const u = data[uAt + crow + (x >> 1)]!, v = data[vAt + crow + (x >> 1)]!;
    const l = data[row + x]! + CLAMP_OFFSET;
    out[o++] = CLAMP_0_255[l + R_OF_V[v]!]!;
    out[o++] = CLAMP_0_255[l + G_OF_UV[(u << 8) | v]!]!;
    out[o++] = CLAMP_0_255[l + B_OF_U[u]!]!;
  };
  for (let y = area.y; y < area.y + area.height; y++) {
    const row = y * width, crow = (y >> 1) * cw;
    let x = area.x;
    // An area starting at an odd column shares its first chroma sample with a pixel outside it.
    if (x & 1) one(row, crow, x++);
    for (; x + 1 < x1; x += 2) {
      const c = crow + (x >> 1);
      const u = data[uAt + c]!, v = data[vAt + c]!;
      const r = R_OF_V[v]! + CLAMP_OFFSET, g = G_OF_UV[(u << 8) | v]! + CLAMP_OFFSET, b = B_OF_U[u]! + CLAMP_OFFSET;
      const left = data[row + x]!, right = data[row + x + 1]!;
      out[o] = CLAMP_0_255[left + r]!;
      out[o + 1] = CLAMP_0_255[left + g]!;
      out[o + 2] = CLAMP_0_255[left + b]!;
      out[o + 3] = CLAMP_0_255[right + r]!;
      out[o + 4] = CLAMP_0_255[right + g]!;
      out[o + 5] = CLAMP_0_255[right + b]!;
      o += 6;
    }
    if (x < x1) one(row, crow, x);
  }
  return out;
}

/**
 * Each chroma term in whole levels, rounded as the 16.16 formula rounds: (Y << 16) + HALF + term
 * >> 16 is Y + ((HALF + term) >> 16) for every integer Y, so the tables hold the latter.
 */
const R_OF_V = Int16Array.from({ length: 256 }, (_, v) => (HALF + RV * (v - 128)) >> FIX);
const B_OF_U = Int16Array.from({ length: 256 }, (_, u) => (HALF + BU * (u - 128)) >> FIX);
const G_OF_UV = Int16Array.from({ length: 65536 }, (_, uv) => (HALF + GU * ((uv >> 8) - 128) + GV * ((uv & 0xff) - 128)) >> FIX);
/** Y + a term lies in -227..482: offset into a table that clamps it to 0..255. */
const CLAMP_OFFSET = 384;
const CLAMP_0_255 = Uint8Array.from({ length: 1024 }, (_, i) => clamp(i - CLAMP_OFFSET));

/** A JPEG or PNG file's picture as a raw camera would hand it (replay's raw mode, the bench). */
export async function rawFrameOfImage(encoded: Buffer, origin: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(encoded).metadata();
  // I420 needs even sides: a camera sensor's are; an odd file loses its last column or row.
  const width = (meta.width ?? 0) & ~1, height = (meta.height ?? 0) & ~1;
  if (width === 0 || height === 0) throw new AlprError('ALPR_ERR_IMAGE_SIZE', `${origin}: ${meta.width}x${meta.height} is too small for a raw I420 frame`, { details: { origin } });
  const rgb = await sharp(encoded).extract({ left: 0, top: 0, width, height }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  return { data: i420OfRgb(rgb, width, height), width, height };
}

/** Quality of the evidence JPEGs made from raw frames: libcamera's default still quality, as the JPEG cameras used. */
export const EVIDENCE_JPEG_QUALITY = 90;

/**
 * The frame as a JPEG for evidence (the context image a read carries). An encoded frame is kept
 * as the camera made it; a raw one is encoded here, which the pipeline does only for frames that
 * gave a read, never per frame.
 */
export async function evidenceJpeg(image: CapturedImage): Promise<Buffer> {
  if (image.format !== 'yuv420') return image.data;
  const { default: sharp } = await import('sharp');
  // Without optimised Huffman tables: on the development photographs at 1080p the file is 2.7%
  // larger and the encode a third of the time (25.5 against 8.7 ms, the same pixels).
  return sharp(rgbOfI420(image.data, image.width, image.height), { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality: EVIDENCE_JPEG_QUALITY, optimiseCoding: false })
    .toBuffer();
}
