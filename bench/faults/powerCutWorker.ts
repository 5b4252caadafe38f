/**
 * Child process of the power-cut runs. The data folder (buffer and data key) is on the cut
 * filesystem; the journal of what the buffer acknowledged is on a real disk beside it, because it
 * is the observer's record, not the appliance's. On start the worker does what the firmware does
 * (finishes an interrupted key rotation, opens the buffer), then checks the buffer against the
 * journal and prints the verdict as one JSON line. Then it works the buffer until it is killed:
 * appends, batches marked synced or released, and from time to time a data-key rotation.
 *
 * What "acknowledged" means, from the buffer's API (docs/sync.md):
 *   - a read whose append() resolved survives any later cut, until a markSynced() of a batch
 *     holding it is called;
 *   - a read in a batch whose markSynced() resolved never comes back;
 *   - a read whose append() or markSynced() was still running at the cut may be there or not,
 *     but if it is there it is whole and readable.
 * Journal lines, each written after the promise it records resolved:
 *   T id   append called        A id   append resolved
 *   P batch ids   markSynced called        S batch   markSynced resolved
 *   K step   a key rotation step is durable
 *
 *   powerCutWorker.ts DATA_DIR JOURNAL (work [KILL_STEP] | verify)
 * KILL_STEP: the worker SIGKILLs itself right after the first rotation reports that step.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
// The buffer's own entry, not firmware/index.ts: a worker starts once per cut, and the whole
// firmware (recognizer, drivers) takes seconds to load on the shared test machine.
import { ReadBuffer, recoverDataKey, rotateDataKey, THIRTY_DAYS_MS, type DataKey } from '../../firmware/buffer/index.js';
import type { ReadRecord } from '../../firmware/recognition.js';
import { openJournal } from './journal.js';

const [dataDir, journal, mode, killStep] = process.argv.slice(2) as [string, string, string, string | undefined];
const note = openJournal(journal);
const keyPath = join(dataDir, 'data.key');
const openBuffer = (keys: DataKey[]) => new ReadBuffer({
  path: join(dataDir, 'buffer'), keys, retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000,
  // A small memtable: LevelDB writes tables and compacts them every few dozen reads, so cuts land in compactions.
  writeBufferBytes: 64 * 1024, clock: systemClock, logger: silentLogger(),
});

export interface Verdict {
  /** Reads whose append() resolved, not handed to markSynced(), and missing. */
  lostAcked: number;
  /** Reads whose markSynced() resolved and that came back. */
  resurrected: number;
  corruptRecords: number;
  readable: number;
  problems: string[];
}

async function verify(buffer: ReadBuffer): Promise<Verdict> {
  const attempted = new Set<string>();
  const appended = new Set<string>();
  const syncing = new Set<string>();
  const synced = new Set<string>();
  const batches = new Map<string, string[]>();
  const text = existsSync(journal) ? readFileSync(journal, 'utf8') : '';
  for (const line of text.split('\n')) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'T') attempted.add(a!);
    else if (kind === 'A') appended.add(a!);
    else if (kind === 'P') {
      const ids = (b ?? '').split(',');
      batches.set(a!, ids);
      for (const id of ids) syncing.add(id);
    } else if (kind === 'S') for (const id of batches.get(a!) ?? []) synced.add(id);
  }
  const present = new Set<string>();
  const problems: string[] = [];
  let resurrected = 0;
  for await (const read of buffer.readAll()) {
    if (present.has(read.id)) problems.push(`read ${read.id} stored twice`);
    present.add(read.id);
    if (!attempted.has(read.id)) problems.push(`read ${read.id} was never appended`);
    if (synced.has(read.id)) resurrected++;
  }
  let lostAcked = 0;
  for (const id of appended) if (!syncing.has(id) && !present.has(id)) lostAcked++;
  const stats = await buffer.stats();
  if (stats.reads !== present.size) problems.push(`bookkeeping says ${stats.reads} reads, ${present.size} are readable`);
  if (lostAcked) problems.push(`${lostAcked} acknowledged reads missing`);
  if (resurrected) problems.push(`${resurrected} reads came back after markSynced resolved`);
  if (stats.corruptRecords) problems.push(`${stats.corruptRecords} corrupt records`);
  return { lostAcked, resurrected, corruptRecords: stats.corruptRecords, readable: present.size, problems };
}

function makeRead(): ReadRecord {
  const p = { x: 1, y: 2 };
  const imageBytes = 200 + Math.floor(Math.random() * 3000);
  return {
    id: randomUUID(), capturedAt: Date.now(), deviceId: 'pole-cut', siteId: 'site-cut', cameraId: 'cam0', plate: 'CUT1234',
    confidence: 0.9, charConfidences: [0.9], region: 'IL', regionConfidence: 0.7, lowConfidence: false, corners: [p, p, p, p],
    crop: Buffer.alloc(Math.floor(imageBytes / 4), 0xab), context: Buffer.alloc(imageBytes, 0xcd),
  };
}

async function rotate(): Promise<DataKey> {
  await rotateDataKey({
    keyPath, openBuffer, onStep: (step) => {
      note(`K ${step}`);
      if (step === killStep) process.kill(process.pid, 'SIGKILL');
    },
  });
  return recoverDataKey({ keyPath, openBuffer });
}

async function main(): Promise<void> {
  let buffer: ReadBuffer;
  try {
    buffer = openBuffer([await recoverDataKey({ keyPath, openBuffer })]);
    await buffer.open();
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    process.stdout.write(`${JSON.stringify({ unreadable: `${err instanceof Error ? err.message : String(err)}${cause}` })}\n`);
    process.exit(3);
  }
  process.stdout.write(`${JSON.stringify(await verify(buffer))}\n`);
  if (mode === 'verify') {
    await buffer.close();
    return;
  }
  // Where a kill at a rotation step is asked for, rotate at once so the step comes soon.
  let rotateIn = killStep ? 0 : 5 + Math.floor(Math.random() * 20);
  for (;;) {
    if (rotateIn-- === 0) {
      await buffer.close();
      buffer = openBuffer([await rotate()]);
      await buffer.open();
      rotateIn = 10 + Math.floor(Math.random() * 30);
    }
    const n = 1 + Math.floor(Math.random() * 20);
    await Promise.all(Array.from({ length: n }, async () => {
      const read = makeRead();
      note(`T ${read.id}`);
      await buffer.append(read);
      note(`A ${read.id}`);
    }));
    if (Math.random() < 0.5) {
      const batch = await buffer.nextBatch(1 + Math.floor(Math.random() * 30), 1e6);
      if (batch && Math.random() < 0.2) buffer.releaseBatch(batch.batchId);
      else if (batch) {
        note(`P ${batch.batchId} ${batch.reads.map((r) => r.id).join(',')}`);
        await buffer.markSynced(batch.batchId);
        note(`S ${batch.batchId}`);
      }
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`FAIL ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(4);
});
