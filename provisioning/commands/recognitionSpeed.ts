import { arch, cpus } from 'node:os';
import sharp from 'sharp';
import { rawFrameOfImage, type FrameEncoding } from '../../drivers/index.js';
import type { FrameInput, PlateRecognizer } from '../../inference/index.js';

/** What the self-test records of recognition speed on this board, beside the model card's estimate. */
export interface RecognitionSpeed {
  /** Median time to detect and read plates in one 1920x1080 frame as the camera hands it over (decoding a JPEG included). */
  msMedian1080p: number;
  /** How the configured camera hands frames over (camera.frame_format): raw I420 or JPEG. */
  frameFormat: FrameEncoding;
  /** The readers' precision on this CPU: int8 where ONNX Runtime computes it exactly (arm64, x86-64 with VNNI), else float. */
  readers: 'int8' | 'float';
  frames: number;
  cpu: string;
  cores: number;
  arch: string;
}

/**
 * The figure `npm run bench -- recognition` gives as ms_median_1080p_appliance (raw frames) or
 * ms_median_1080p_jpeg, measured on the pole itself with the built-in image scaled to 1080p, in the
 * form the configured camera delivers: one warm-up, then `frames` timed frames. It is the number to
 * set against the estimate in inference/models/MODEL_CARD.md on the first real board.
 */
export async function measureRecognitionSpeed(recognizer: PlateRecognizer, image: Buffer, frameFormat: FrameEncoding, frames = 3): Promise<RecognitionSpeed> {
  const jpeg = await sharp(image).resize(1920, 1080, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
  let frame: FrameInput = { data: jpeg };
  if (frameFormat === 'raw') {
    const raw = await rawFrameOfImage(jpeg, 'the built-in image');
    frame = { yuv420: raw.data, width: raw.width, height: raw.height };
  }
  await recognizer.recognize(frame);
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    const started = performance.now();
    await recognizer.recognize(frame);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { msMedian1080p: Math.round(times[Math.floor(times.length / 2)]!), frameFormat, readers: recognizer.readerPrecision, frames, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, arch: arch() };
}
