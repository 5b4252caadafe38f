import t from 'tap';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { ManualClock } from '../../../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS, type DataKey } from '../../../firmware/index.js';
import { captureLogger, makeRead, tempDir } from '../../helpers/index.js';

async function openBuffer(dir: string, key: DataKey, clock: ManualClock) {
  const buffer = new ReadBuffer({
    path: join(dir, 'buffer'), keys: [key], retentionMs: THIRTY_DAYS_MS, maxBytes: 100_000_000, leaseMs: 60_000, evictEveryMs: 60_000, clock, logger: captureLogger().logger,
  });
  await buffer.open();
  return buffer;
}

t.test('reads set aside when a batch is acknowledged are kept, encrypted, never handed out again, and survive a restart', async (tt) => {
  const dir = await tempDir(tt);
  const key = newDataKey();
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  let buffer = await openBuffer(dir, key, clock);
  const reads = [makeRead({ plate: 'QUAR111' }), makeRead({ plate: 'GOOD222' }), makeRead({ plate: 'QUAR333' })];
  for (const r of reads) await buffer.append(r);
  const batch = (await buffer.nextBatch(10, 1_000_000))!;
  await buffer.markSynced(batch.batchId, [{ readId: reads[0]!.id, reason: 'plate must be 1-12 upper-case letters and digits' }, { readId: reads[2]!.id, reason: 'read is from another site' }]);
  let stats = await buffer.stats();
  tt.equal(stats.reads, 2, 'the acknowledged read is gone, the two refused ones are held');
  tt.equal(stats.quarantinedReads, 2);
  tt.equal(await buffer.nextBatch(10, 1_000_000), null, 'quarantined reads are never handed to the uplink again');
  await buffer.close();

  buffer = await openBuffer(dir, key, clock);
  stats = await buffer.stats();
  tt.equal(stats.quarantinedReads, 2, 'the quarantine is durable across a restart');
  tt.equal(await buffer.nextBatch(10, 1_000_000), null);
  const held = [];
  for await (const r of buffer.readAll()) held.push(r.plate);
  tt.same(held.sort(), ['QUAR111', 'QUAR333'], 'readable with the data key');
  await buffer.close();

  const db = new ClassicLevel<string, Buffer>(join(dir, 'buffer'), { keyEncoding: 'utf8', valueEncoding: 'buffer' });
  await db.open();
  let plaintext = 0;
  for await (const [k, v] of db.iterator()) if (`${k}${v.toString('latin1')}`.includes('QUAR')) plaintext++;
  await db.close();
  tt.equal(plaintext, 0, 'no plate text is stored in the clear, in records or in quarantine markers');
});

t.test('quarantined reads are deleted at the retention limit like any other read', async (tt) => {
  const dir = await tempDir(tt);
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const buffer = await openBuffer(dir, newDataKey(), clock);
  const refused = makeRead();
  await buffer.append(refused);
  const batch = (await buffer.nextBatch(10, 1_000_000))!;
  await buffer.markSynced(batch.batchId, [{ readId: refused.id, reason: 'invalid' }]);
  clock.advance(THIRTY_DAYS_MS - 1000);
  await buffer.evictExpired();
  tt.equal((await buffer.stats()).quarantinedReads, 1, 'kept until 30 days');
  clock.advance(2000);
  tt.equal(await buffer.evictExpired(), 1);
  const stats = await buffer.stats();
  tt.equal(stats.reads, 0);
  tt.equal(stats.quarantinedReads, 0, 'gone at 30 days, marker and all');
  await buffer.close();
});
