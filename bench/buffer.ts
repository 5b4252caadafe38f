import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ManualClock, silentLogger, systemClock, type Clock } from '../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS, type ReadRecord } from '../firmware/index.js';
import { machine, round } from './machine.js';

/**
 * The encrypted read buffer on this machine's disk:
 * - appends_per_s_30kb: durable appends of reads carrying a 30 KB context image, 64 in flight
 *   (the pipeline's recognize stage and a burst's reads arrive together; group commit shares fsyncs);
 * - evict_1m_s: 1,000,000 small reads stored, then 30 days pass, then the time to evict them all;
 * - rss_mb_1m: the process's resident memory while those 1,000,000 reads are held.
 */
function read(capturedAt: number, imageBytes: number, image: Buffer): ReadRecord {
  const p = { x: 0, y: 0 };
  return {
    id: randomUUID(), capturedAt, deviceId: 'bench', siteId: 'bench', cameraId: 'cam0', plate: 'ABC1234', confidence: 0.9,
    charConfidences: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], region: 'IL', regionConfidence: 0.8, lowConfidence: false,
    corners: [p, p, p, p], crop: image.subarray(0, Math.floor(imageBytes / 10)), context: image.subarray(0, imageBytes),
  };
}

async function buffer(dir: string, clock: Clock): Promise<ReadBuffer> {
  const b = new ReadBuffer({ path: dir, keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 64e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock, logger: silentLogger() });
  await b.open();
  return b;
}

async function appendAll(b: ReadBuffer, count: number, inFlight: number, make: () => ReadRecord): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < count) {
      next++;
      await b.append(make());
    }
  }));
  return (performance.now() - started) / 1000;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { reads: { type: 'string', default: '1000000' }, appends: { type: 'string', default: '10000' } } });
  const root = await mkdtemp(join(tmpdir(), 'alpr-bench-buffer-'));
  try {
    const clock = new ManualClock(Date.now());
    const small = await buffer(join(root, 'small'), clock);
    const count = Number(values.reads);
    const tiny = Buffer.alloc(64, 1);
    const storeSeconds = await appendAll(small, count, 256, () => read(clock.now(), 40, tiny));
    global.gc?.();
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    process.stderr.write(`stored ${count} small reads in ${storeSeconds.toFixed(1)} s; rss ${rssMb.toFixed(0)} MB\n`);
    clock.advance(THIRTY_DAYS_MS + 1000);
    const started = performance.now();
    const evicted = await small.evictExpired();
    const evictSeconds = (performance.now() - started) / 1000;
    const left = (await small.stats()).reads;
    await small.close();
    process.stderr.write(`evicted ${evicted} in ${evictSeconds.toFixed(1)} s; ${left} left\n`);
    const image = Buffer.alloc(30_000, 7);
    const big = await buffer(join(root, 'big'), systemClock);
    await appendAll(big, 500, 64, () => read(Date.now(), 30_000, image)); // warm-up
    const appends = Number(values.appends);
    const appendSeconds = await appendAll(big, appends, 64, () => read(Date.now(), 30_000, image));
    await big.close();
    process.stderr.write(`appends: ${appends} in ${appendSeconds.toFixed(2)} s\n`);

    const result = {
      benchmark: 'buffer',
      appends_per_s_30kb: Math.round(appends / appendSeconds),
      evict_1m_s: round(evictSeconds * (1_000_000 / count), 2),
      rss_mb_1m: Math.round(rssMb),
      store_1m_s: round(storeSeconds, 1),
      reads: count,
      evicted,
      machine: machine(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return evicted === count && left === 0 ? 0 : 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
