import t from 'tap';
import { join } from 'node:path';
import { ManualClock } from '../../../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS } from '../../../firmware/index.js';
import { captureLogger, makeRead, tempDir } from '../../helpers/index.js';

const DAY = 86_400_000;
const RECORD_BYTES = 1_700; // a read with 1000-byte images, encrypted

async function openBuffer(dir: string, clock: ManualClock, maxReads: number) {
  const buffer = new ReadBuffer({
    path: join(dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: maxReads * RECORD_BYTES,
    // A lease far longer than the outage: only eviction can withdraw a batch here.
    leaseMs: 100 * DAY, evictEveryMs: 60_000, clock, logger: captureLogger().logger,
  });
  await buffer.open();
  return buffer;
}

t.test('a 45-day outage with the byte budget full: the oldest reads go and are counted, a batch the uplink holds is withdrawn when eviction takes its reads, and nothing older than 30 days is handed out', async (tt) => {
  const dir = await tempDir(tt);
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const buffer = await openBuffer(dir, clock, 30);
  const captured = new Map<string, number>();
  const append = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const read = makeRead({ imageBytes: 1000, capturedAt: clock.now() });
      captured.set(read.id, read.capturedAt);
      await buffer.append(read);
    }
  };

  // The hub goes away. The uplink takes the oldest reads and keeps resending them.
  await append(5);
  const held = await buffer.nextBatch(5, 1e9);
  tt.equal(held?.reads.length, 5);
  tt.equal(await buffer.renewLease(held!.batchId), true, 'a whole batch may be resent');

  // Ten busy days fill the budget: the oldest reads, the held batch's first, are pushed out.
  for (let day = 0; day < 10; day++) {
    clock.advance(DAY / 2);
    await append(3);
    clock.advance(DAY / 2);
  }
  const afterBusy = await buffer.stats();
  tt.ok(afterBusy.dataLossReads > 0, `${afterBusy.dataLossReads} reads lost to the byte budget are counted`);
  tt.ok(afterBusy.bytes <= 30 * RECORD_BYTES, 'the budget holds');
  tt.equal(await buffer.renewLease(held!.batchId), false, 'the held batch lost reads to eviction: the uplink must not send it again');

  // A batch taken later, then the outage runs on past the retention limit of its reads.
  const late = await buffer.nextBatch(4, 1e9);
  tt.equal(late?.reads.length, 4);
  tt.equal(await buffer.renewLease(late!.batchId), true);
  for (let day = 10; day < 45; day++) {
    clock.advance(DAY);
    if (day % 2 === 0) await append(1);
  }
  tt.equal(await buffer.renewLease(late!.batchId), false, 'reads past 30 days withdraw the batch holding them');
  // The hub's ack for the late batch arrives after all (it was sent before the eviction).
  await buffer.markSynced(late!.batchId);
  tt.pass('the ack of a withdrawn batch is taken without error');

  // Days pass with nobody asking the buffer anything. Then the hub is back. Periodic eviction never
  // ran here (the buffer was not start()ed): nextBatch must still hand out nothing past the limit.
  clock.advance(4 * DAY);
  let delivered = 0;
  const lateIds = new Set(late!.reads.map((r) => r.id));
  for (let i = 0; i < 100; i++) {
    const batch = await buffer.nextBatch(7, 1e9);
    if (!batch) break;
    for (const read of batch.reads) {
      const age = clock.now() - captured.get(read.id)!;
      if (age > THIRTY_DAYS_MS) tt.fail(`read ${read.id} handed out at ${Math.round(age / DAY)} days old`);
      if (lateIds.has(read.id)) tt.fail(`read ${read.id} was acknowledged with the late batch and came back`);
      delivered++;
    }
    tt.equal(await buffer.renewLease(batch.batchId), true);
    await buffer.markSynced(batch.batchId);
  }
  const end = await buffer.stats();
  tt.equal(end.reads, 0, 'everything deliverable was delivered');
  tt.ok(end.evictedExpired > 0, `${end.evictedExpired} reads expired during the outage`);
  tt.equal(delivered + end.dataLossReads + end.evictedExpired, captured.size,
    `every read is accounted for: ${delivered} delivered, ${end.dataLossReads} lost to the budget, ${end.evictedExpired} expired`);
  await buffer.close();
});
