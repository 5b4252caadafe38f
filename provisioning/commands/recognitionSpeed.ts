import { arch, cpus } from 'node:os';
import sharp from 'sharp';
import type { PlateRecognizer } from '../../inference/index.js';

/** What the self-test records of recognition speed on this board, beside the model card's estimate. */
export interface RecognitionSpeed {
  /** Median time to detect and read plates in one 1920x1080 JPEG frame, decoding included. */
  msMedian1080pJpeg: number;
  frames: number;
  cpu: string;
  cores: number;
  arch: string;
}

/**
 * The figure `npm run bench -- recognition` gives as ms_median_1080p_jpeg, measured on the pole
 * itself with the built-in image scaled to 1080p: one warm-up, then `frames` timed frames. It is
 * the number to set against the estimate in inference/models/MODEL_CARD.md on the first real board.
 */
export async function measureRecognitionSpeed(recognizer: PlateRecognizer, image: Buffer, frames = 3): Promise<RecognitionSpeed> {
  const frame = await sharp(image).resize(1920, 1080, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
  await recognizer.recognize({ data: frame });
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    const started = performance.now();
    await recognizer.recognize({ data: frame });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { msMedian1080pJpeg: Math.round(times[Math.floor(times.length / 2)]!), frames, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, arch: arch() };
}
