import t from 'tap';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
import { loadDataKey, newDataKey, ReadBuffer, recoverDataKey, THIRTY_DAYS_MS, writeDataKey, type DataKey } from '../../firmware/index.js';
import { makeRead, tempDir } from '../helpers/index.js';
import { bundledWorker } from '../helpers/workerBundle.js';

const READS = 3000;
t.setTimeout(5 * 60_000);

function runWorker(worker: string[], dir: string, killStep: string, killAt = 1): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...worker, dir, killStep, String(killAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

const openBuffer = (dir: string) => (keys: DataKey[]) => new ReadBuffer({
  path: join(dir, 'buffer'), keys, retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock: systemClock, logger: silentLogger(),
});

/** Every file outside LevelDB's folder that still holds these key bytes. */
async function filesHolding(dir: string, key: Buffer): Promise<string[]> {
  const holding: string[] = [];
  for (const name of await readdir(dir)) {
    if (name === 'buffer') continue;
    if ((await readFile(join(dir, name))).includes(key)) holding.push(name);
  }
  return holding;
}

// Each cut point: the step reported just before the kill, and which report of it.
const CUTS: Array<[string, number]> = [
  ['nextKeyWritten', 1], ['reencryptedBatch', 1], ['reencryptedBatch', 4], ['reencrypted', 1],
  ['oldKeySetAside', 1], ['nextKeyInPlace', 1], ['oldKeyShredded', 1],
];

t.test(`rotate-keys killed at each step over ${READS} buffered reads: the firmware's start finishes the rotation, every read is readable under the new key alone, the old key is gone`, async (tt) => {
  const dir = await tempDir(tt, 'alpr-rotate-kill-');
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  const worker = await bundledWorker(tt, new URL('./rotationWorker.ts', import.meta.url));
  const filler = openBuffer(dir)([await loadDataKey(join(dir, 'data.key'))]);
  await filler.open();
  const ids = new Set<string>();
  for (let i = 0; i < READS; i += 500) {
    const reads = Array.from({ length: 500 }, () => makeRead({ imageBytes: 100 }));
    await Promise.all(reads.map((r) => filler.append(r)));
    for (const r of reads) ids.add(r.id);
  }
  await filler.close();

  for (const [step, at] of CUTS) {
    const before = await loadDataKey(join(dir, 'data.key'));
    const killed = await runWorker(worker, dir, step, at);
    tt.equal(killed.signal, 'SIGKILL', `killed after ${step} #${at}${killed.stderr ? `: ${killed.stderr}` : ''}`);
    // What the firmware does at start: finish the interrupted rotation, then open with one key.
    const key = await recoverDataKey({ keyPath: join(dir, 'data.key'), openBuffer: openBuffer(dir) });
    tt.not(key.id, before.id, `after ${step} #${at}: the rotation was rolled forward to the new key`);
    tt.same((await readdir(dir)).filter((n) => n !== 'buffer').sort(), ['data.key'], 'no pending, retired or temporary key file is left');
    tt.same(await filesHolding(dir, before.key), [], 'the old key bytes are in no file');
    const buffer = openBuffer(dir)([key]);
    await buffer.open();
    const found = new Set<string>();
    for await (const read of buffer.readAll()) found.add(read.id);
    const stats = await buffer.stats();
    tt.same([...(await buffer.keyIdsInUse())], [key.id], 'every record is under the new key');
    await buffer.close();
    tt.equal(found.size, READS, `all ${READS} reads readable with the new key alone`);
    tt.equal([...ids].filter((id) => !found.has(id)).length, 0, 'no read lost');
    tt.equal(stats.corruptRecords, 0);
  }

  const killedMidWay = await runWorker(worker, dir, 'reencryptedBatch', 2);
  tt.equal(killedMidWay.signal, 'SIGKILL');
  const rerun = await runWorker(worker, dir, 'none');
  tt.equal(rerun.code, 0, `rotate-keys run again after a cut finishes the old rotation and rotates once more${rerun.stderr ? `: ${rerun.stderr}` : ''}`);
  const buffer = openBuffer(dir)([await loadDataKey(join(dir, 'data.key'))]);
  await buffer.open();
  let count = 0;
  for await (const _read of buffer.readAll()) count++;
  await buffer.close();
  tt.equal(count, READS);
});
