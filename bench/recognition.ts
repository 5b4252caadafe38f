import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { silentLogger, systemClock } from '../core/index.js';
import { evidenceJpeg, rawFrameOfImage, type CapturedImage } from '../drivers/index.js';
import { judgeFeatures, panelFeaturesOfI420, recognizerFromConfig, validateRecognizerConfig } from '../inference/index.js';
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
 * - ms_median_1080p_appliance / ms_p95_1080p_appliance: camera to read, what the appliance pays per
 *   frame with the shipped default (camera.frame_format raw): the camera's I420 frame taken as it
 *   is (its Y plane is the grey frame, checked, not copied), detection plus reading, and, for each
 *   plate the frame shows, the evidence a read adds with raw frames (the colour from U/V around
 *   the plate, and the 1080p context JPEG encoded from I420) divided by the burst's 3 frames, as
 *   one read comes from a 3-frame burst. Not counted: the plate-crop JPEG (the same in both
 *   modes) and the camera's own time to expose and write the frame;
 * - ms_median_1080p_jpeg / ms_p95_1080p_jpeg: the same frames as JPEG (frame_format jpeg): decoding
 *   the 1080p JPEG plus detection and reading (the colour then comes from the decoded RGB, and
 *   the context image is the camera's JPEG, so a read adds nearly nothing);
 * - ms_evidence_per_read: median of the colour plus context JPEG a read costs with raw frames;
 * - reference_ms: median of a frozen reference unit (bench/referenceWorkload.ts), timed in the same
 *   run between frames; ratio = ms_median_1080p_appliance / reference_ms compares machines.
 */
const BURST_FRAMES = 3;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { frames: { type: 'string', default: '200' }, backend: { type: 'string' }, images: { type: 'string' }, models: { type: 'string' } } });
  sharp.concurrency(1);
  const folder = values.images ?? new URL('../demo/frames', import.meta.url).pathname;
  const names = (await readdir(folder)).filter((n) => /\.(jpe?g|png)$/i.test(n)).sort();
  const frames = await Promise.all(names.map(async (n) => sharp(await readFile(join(folder, n))).resize(1920, 1080, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer()));
  // As configured for the appliance: the config schema's defaults.
  const config = validateRecognizerConfig({ ...(values.backend ? { backend: values.backend as BackendChoice } : {}), ...(values.models ? { model_dir: values.models } : {}), dedupe_window_ms: 0 });
  const recognizer = (await recognizerFromConfig(config, systemClock, silentLogger()))!;
  const grey = await Promise.all(frames.map(async (f) => sharp(f).toColourspace('b-w').raw().toBuffer()));
  // What a raw camera hands over for the same scenes.
  const raws: CapturedImage[] = await Promise.all(frames.map(async (f, i) => ({ format: 'yuv420' as const, ...(await rawFrameOfImage(f, `frame ${i}`)), capturedAt: 0, origin: `frame ${i}` })));
  const reference = await openReferenceWorkload();
  for (const f of frames.slice(0, 5)) await recognizer.recognize({ data: f }); // warm-up
  for (let i = 0; i < 2; i++) await reference.once();
  const referenceTimes: number[] = [];
  const raw: number[] = [];
  const appliance: number[] = [];
  const evidence: number[] = [];
  const jpeg: number[] = [];
  let plates = 0;
  for (let i = 0; i < Number(values.frames); i++) {
    let started = performance.now();
    plates += (await recognizer.recognize({ raw: grey[i % grey.length]!, width: 1920, height: 1080, channels: 1 })).length;
    raw.push(performance.now() - started);
    started = performance.now();
    const frame = raws[i % raws.length]!;
    const found = await recognizer.recognize({ yuv420: frame.data, width: frame.width, height: frame.height });
    const recognized = performance.now() - started;
    let evidenceMs = 0;
    for (const plate of found) {
      const at = performance.now();
      judgeFeatures(panelFeaturesOfI420(frame, plate.box));
      await evidenceJpeg(frame);
      evidence.push(performance.now() - at);
      evidenceMs += (performance.now() - at) / BURST_FRAMES;
    }
    appliance.push(recognized + evidenceMs);
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
  for (const list of [raw, appliance, evidence, jpeg]) list.sort((a, b) => a - b);
  const result = {
    benchmark: 'recognition', ms_median_1080p: round(percentile(raw, 50), 1), ms_p95_1080p: round(percentile(raw, 95), 1),
    ms_median_1080p_appliance: round(percentile(appliance, 50), 1), ms_p95_1080p_appliance: round(percentile(appliance, 95), 1),
    ms_median_1080p_jpeg: round(percentile(jpeg, 50), 1), ms_p95_1080p_jpeg: round(percentile(jpeg, 95), 1),
    ms_evidence_per_read: evidence.length ? round(percentile(evidence, 50), 1) : null,
    reference_ms: round(referenceMs, 1), ratio: round(percentile(appliance, 50) / referenceMs, 2),
    frames: raw.length, plates_found: plates, backend: recognizer.backendName, readers: recognizer.readerPrecision, machine: machine(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
