import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { silentLogger, systemClock } from '../core/index.js';
import { recognizerFromConfig, validateRecognizerConfig } from '../inference/index.js';
import type { BackendChoice } from '../inference/index.js';
import { machine, percentile, round } from './machine.js';
import { openReferenceWorkload } from './referenceWorkload.js';

/**
 * Time per 1080p frame in one process limited to one core's worth of threads (ONNX Runtime one
 * intra-op thread, libvips one thread), as configured for the appliance (default backend, 2x2
 * detector tiles, a zoomed second look at 3 and 4 plate widths, nine reader views per plate).
 * Frames: the demo's scenes scaled to 1920x1080.
 * - ms_median_1080p / ms_p95_1080p: detection plus reading of a decoded grey frame (what a camera
 *   delivering YUV hands over: its Y plane);
 * - ms_median_1080p_appliance / ms_p95_1080p_appliance: camera to read, what the appliance pays. The
 *   shipped drivers hand the recognizer JPEG (libcamera writes frameNNNN.jpg, V4L2 through ffmpeg
 *   in MJPEG), so this is the same plus decoding the 1080p JPEG first (the former
 *   ms_median_1080p_jpeg);
 * - reference_ms: median of a frozen reference unit (bench/referenceWorkload.ts), timed in the same
 *   run between frames; ratio = ms_median_1080p_appliance / reference_ms compares machines.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { frames: { type: 'string', default: '200' }, backend: { type: 'string' }, images: { type: 'string' } } });
  sharp.concurrency(1);
  const folder = values.images ?? new URL('../demo/frames', import.meta.url).pathname;
  const names = (await readdir(folder)).filter((n) => /\.(jpe?g|png)$/i.test(n)).sort();
  const frames = await Promise.all(names.map(async (n) => sharp(await readFile(join(folder, n))).resize(1920, 1080, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer()));
  // As configured for the appliance: the config schema's defaults.
  const config = validateRecognizerConfig({ ...(values.backend ? { backend: values.backend as BackendChoice } : {}), dedupe_window_ms: 0 });
  const recognizer = (await recognizerFromConfig(config, systemClock, silentLogger()))!;
  const grey = await Promise.all(frames.map(async (f) => sharp(f).toColourspace('b-w').raw().toBuffer()));
  const reference = await openReferenceWorkload();
  for (const f of frames.slice(0, 5)) await recognizer.recognize({ data: f }); // warm-up
  for (let i = 0; i < 2; i++) await reference.once();
  const referenceTimes: number[] = [];
  const raw: number[] = [];
  const jpeg: number[] = [];
  let plates = 0;
  for (let i = 0; i < Number(values.frames); i++) {
    let started = performance.now();
    plates += (await recognizer.recognize({ raw: grey[i % grey.length]!, width: 1920, height: 1080, channels: 1 })).length;
    raw.push(performance.now() - started);
    started = performance.now();
    await recognizer.recognize({ data: frames[i % frames.length]! });
    jpeg.push(performance.now() - started);
    // Interleaved with the frames so that both see the same load on a shared machine.
    if (i % 4 === 0) referenceTimes.push(await reference.once());
  }
  await recognizer.close();
  await reference.close();
  referenceTimes.sort((a, b) => a - b);
  const referenceMs = percentile(referenceTimes, 50);
  raw.sort((a, b) => a - b);
  jpeg.sort((a, b) => a - b);
  const result = {
    benchmark: 'recognition', ms_median_1080p: round(percentile(raw, 50), 1), ms_p95_1080p: round(percentile(raw, 95), 1),
    ms_median_1080p_appliance: round(percentile(jpeg, 50), 1), ms_p95_1080p_appliance: round(percentile(jpeg, 95), 1),
    reference_ms: round(referenceMs, 1), ratio: round(percentile(jpeg, 50) / referenceMs, 2),
    frames: raw.length, plates_found: plates, backend: recognizer.backendName, machine: machine(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
