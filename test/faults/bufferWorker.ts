/**
 * Child process for the SIGKILL fault test. On start it checks the buffer against the journal of
 * what earlier incarnations were told (appends that returned, syncs that returned), then works
 * the buffer hard until it is killed. Journal lines are written after each promise resolves:
 *   T id        about to append        A id       append returned
 *   P batch ids about to mark synced   S batch    markSynced returned
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
// The buffer's own entry, not firmware/index.ts: a worker starts once per kill, and the rest of the
// firmware (recognizer, drivers, sharp) only adds to each start.
import { loadDataKey, ReadBuffer, THIRTY_DAYS_MS } from '../../firmware/buffer/index.js';
import { openJournal } from '../../bench/faults/journal.js';
import { makeRead } from '../helpers/reads.js';

const [dir, mode] = process.argv.slice(2) as [string, string | undefined];
const journal = join(dir, 'journal.log');
const note = openJournal(journal);

async function verify(buffer: ReadBuffer): Promise<string[]> {
  const attempted = new Set<string>();
  const appended = new Set<string>();
  const maybeSynced = new Set<string>();
  const synced = new Set<string>();
  const pendingBatches = new Map<string, string[]>();
  const text = existsSync(journal) ? readFileSync(journal, 'utf8') : '';
  for (const line of text.split('\n')) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'T') attempted.add(a!);
    else if (kind === 'A') appended.add(a!);
    else if (kind === 'P') pendingBatches.set(a!, (b ?? '').split(','));
    else if (kind === 'S') for (const id of pendingBatches.get(a!) ?? []) synced.add(id);
  }
  for (const ids of pendingBatches.values()) for (const id of ids) if (!synced.has(id)) maybeSynced.add(id);
  const present = new Set<string>();
  const problems: string[] = [];
  for await (const read of buffer.readAll()) {
    if (present.has(read.id)) problems.push(`read ${read.id} stored twice`);
    present.add(read.id);
    if (!attempted.has(read.id)) problems.push(`read ${read.id} was never appended`);
    if (synced.has(read.id)) problems.push(`read ${read.id} survived its markSynced`);
  }
  for (const id of appended) if (!synced.has(id) && !maybeSynced.has(id) && !present.has(id)) problems.push(`read ${id} was appended and is missing`);
  const stats = await buffer.stats();
  if (stats.corruptRecords > 0) problems.push(`${stats.corruptRecords} corrupt records`);
  if (stats.reads !== present.size) problems.push(`bookkeeping says ${stats.reads} reads, ${present.size} are readable`);
  return problems;
}

async function main(): Promise<void> {
  const buffer = new ReadBuffer({
    path: join(dir, 'buffer'), keys: [await loadDataKey(join(dir, 'data.key'))], retentionMs: THIRTY_DAYS_MS,
    maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock: systemClock, logger: silentLogger(),
  });
  await buffer.open();
  const problems = await verify(buffer);
  if (problems.length) {
    process.stderr.write(`FAIL ${problems.slice(0, 5).join('; ')}\n`);
    process.exit(3);
  }
  process.stdout.write('ready\n');
  if (mode === 'verify') {
    await buffer.close();
    return;
  }
  for (;;) {
    const n = 1 + Math.floor(Math.random() * 20);
    await Promise.all(Array.from({ length: n }, async () => {
      const read = makeRead({ imageBytes: 200 + Math.floor(Math.random() * 3000), capturedAt: Date.now() });
      note(`T ${read.id}`);
      await buffer.append(read);
      note(`A ${read.id}`);
    }));
    if (Math.random() < 0.6) {
      const batch = await buffer.nextBatch(1 + Math.floor(Math.random() * 30), 1e6);
      if (batch) {
        if (Math.random() < 0.2) {
          buffer.releaseBatch(batch.batchId);
        } else {
          note(`P ${batch.batchId} ${batch.reads.map((r) => r.id).join(',')}`);
          await buffer.markSynced(batch.batchId);
          note(`S ${batch.batchId}`);
        }
      }
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`FAIL ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(4);
});
