import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { silentLogger, systemClock } from '../core/index.js';
import { recognizerFromConfig, validateRecognizerConfig, type InferenceBackend } from '../inference/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * `npm run bench -- photographs1080 --dataset DIR [--limit N] [--rounds R]`: recognize() on real
 * photographs stretched to 1920x1080 grey frames (decoded beforehand), as configured for the
 * appliance, one thread. Splits each frame's time into the networks' runs (the backend's calls,
 * timed around them) and the JavaScript around them (the rest: pyramid, view sampling, crop
 * resampling, peak scan, decoding, voting, garbage collection), to show where a speed cut lands.
 * `reads_sha256` hashes every frame's plates, so a cut that must not change a read can show it
 * did not.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { dataset: { type: 'string' }, limit: { type: 'string', default: '40' }, rounds: { type: 'string', default: '3' } } });
  if (!values.dataset) {
    process.stderr.write('usage: npm run bench -- photographs1080 --dataset DIR [--limit N] [--rounds R]\n');
    return 64;
  }
  sharp.concurrency(1);
  const names = (await readdir(values.dataset)).filter((n) => /\.(jpe?g|png)$/i.test(n)).sort().slice(0, Number(values.limit));
  const frames = await Promise.all(names.map(async (n) => sharp(join(values.dataset!, n)).resize(1920, 1080, { fit: 'fill' }).toColourspace('b-w').raw().toBuffer()));
  const recognizer = (await recognizerFromConfig(validateRecognizerConfig({ dedupe_window_ms: 0 }), systemClock, silentLogger()))!;
  let networkMs = 0;
  timeCalls((recognizer as unknown as { backend: InferenceBackend }).backend, (ms) => (networkMs += ms));
  const recognize = (pixels: Buffer) => recognizer.recognize({ raw: pixels, width: 1920, height: 1080, channels: 1 });
  for (const f of frames.slice(0, 3)) await recognize(f); // warm-up
  const total: number[] = [];
  const networks: number[] = [];
  const hash = createHash('sha256');
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const f of frames) {
      networkMs = 0;
      const started = performance.now();
      const plates = await recognize(f);
      total.push(performance.now() - started);
      networks.push(networkMs);
      if (r === 0) hash.update(JSON.stringify(plates));
    }
  }
  await recognizer.close();
  const js = total.map((t, i) => t - networks[i]!);
  const mean = (l: number[]) => l.reduce((a, b) => a + b, 0) / l.length;
  for (const l of [total, networks, js]) l.sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({
    benchmark: 'photographs1080', frames: total.length, ms_median: round(percentile(total, 50), 2), ms_mean: round(mean(total), 2),
    ms_networks_mean: round(mean(networks), 2), ms_js_median: round(percentile(js, 50), 2), ms_js_mean: round(mean(js), 2),
    reads_sha256: hash.digest('hex'), backend: recognizer.backendName, readers: recognizer.readerPrecision, machine: machine(),
  })}\n`);
  return 0;
}

/** Adds each network call's duration to `add`, around the backend's own methods. */
function timeCalls(backend: InferenceBackend, add: (ms: number) => void): void {
  for (const name of ['detect', 'read', 'classifyState'] as const) {
    const run = backend[name].bind(backend) as (...args: unknown[]) => Promise<unknown>;
    (backend as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await run(...args);
      } finally {
        add(performance.now() - started);
      }
    };
  }
}
