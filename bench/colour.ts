import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { judgeColour } from '../inference/index.js';
import { machine, percentile, round } from './machine.js';
import { openReferenceWorkload } from './referenceWorkload.js';

/**
 * `npm run bench -- colour [--reads N]`: what judging a read's vehicle colour costs the appliance,
 * once per read (not per frame): decoding the 1080p JPEG context frame around the plate and
 * measuring the body panel. The plate box is where a 1080p camera sees a plate at mid-range
 * (180x90 px, centre of the lower half); the time depends on the box's size, not on the picture.
 * The frozen reference unit runs between reads, so the figures compare across machines as a ratio.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { reads: { type: 'string', default: '200' } } });
  const reads = Number(values.reads);
  const frame = await readFile(new URL('./reference/frame-1080p.jpg', import.meta.url));
  const plate = { x: 870, y: 700, width: 180, height: 90 };
  const reference = await openReferenceWorkload();
  for (let i = 0; i < 10; i++) await judgeColour(frame, plate); // warm-up
  const times: number[] = [];
  const referenceTimes: number[] = [];
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    await judgeColour(frame, plate);
    times.push(performance.now() - started);
    if (i % 10 === 0) referenceTimes.push(await reference.once());
  }
  await reference.close();
  times.sort((a, b) => a - b);
  referenceTimes.sort((a, b) => a - b);
  const median = percentile(times, 50), referenceMs = percentile(referenceTimes, 50);
  process.stderr.write(`${reads} reads: median ${round(median, 2)} ms, p95 ${round(percentile(times, 95), 2)} ms; reference unit ${round(referenceMs, 1)} ms\n`);
  process.stdout.write(`${JSON.stringify({ reads, ms_median_per_read: round(median, 2), ms_p95_per_read: round(percentile(times, 95), 2), reference_ms: round(referenceMs, 1), ratio: round(median / referenceMs, 3), ...machine() })}\n`);
  return 0;
}
