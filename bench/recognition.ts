import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { silentLogger, systemClock } from '../core/index.js';
import { recognizerFromConfig, validateConfig } from '../firmware/index.js';
import type { BackendChoice } from '../inference/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * Time per 1080p frame, detection plus reading, in one process limited to one core's worth of
 * threads (ONNX Runtime one intra-op thread, libvips one thread), with the default backend.
 * Frames: the demo's scenes scaled to 1920x1080 and re-encoded as JPEG, so the time includes
 * decoding a 1080p JPEG as the appliance does.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { frames: { type: 'string', default: '200' }, backend: { type: 'string' }, images: { type: 'string' } } });
  sharp.concurrency(1);
  const folder = values.images ?? new URL('../demo/frames', import.meta.url).pathname;
  const names = (await readdir(folder)).filter((n) => /\.(jpe?g|png)$/i.test(n)).sort();
  const frames = await Promise.all(names.map(async (n) => sharp(await readFile(join(folder, n))).resize(1920, 1080, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer()));
  // As configured for the appliance: the config schema's defaults.
  const config = validateConfig({ recognizer: { ...(values.backend ? { backend: values.backend as BackendChoice } : {}), dedupe_window_ms: 0 } });
  const recognizer = (await recognizerFromConfig(config, systemClock, silentLogger()))!;
  for (const f of frames.slice(0, 5)) await recognizer.recognize({ data: f }); // warm-up
  const times: number[] = [];
  let plates = 0;
  for (let i = 0; i < Number(values.frames); i++) {
    const started = performance.now();
    plates += (await recognizer.recognize({ data: frames[i % frames.length]! })).length;
    times.push(performance.now() - started);
  }
  await recognizer.close();
  times.sort((a, b) => a - b);
  const result = {
    benchmark: 'recognition', ms_median_1080p: round(percentile(times, 50), 1), ms_p95_1080p: round(percentile(times, 95), 1),
    frames: times.length, plates_found: plates, backend: recognizer.backendName, machine: machine(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
