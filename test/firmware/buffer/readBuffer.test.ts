import t from 'tap';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { ManualClock } from '../../../core/index.js';
import { destroyDataKey, loadDataKey, loadOrCreateDataKey, newDataKey, ReadBuffer, THIRTY_DAYS_MS, writeDataKey, type DataKey } from '../../../firmware/index.js';
import { captureLogger, makeRead, tempDir } from '../../helpers/index.js';

async function openBuffer(dir: string, options: { key?: DataKey; keys?: DataKey[]; clock?: ManualClock; maxBytes?: number; leaseMs?: number } = {}) {
  const clock = options.clock ?? new ManualClock(Date.UTC(2026, 5, 1));
  const buffer = new ReadBuffer({
    path: join(dir, 'buffer'), keys: options.keys ?? [options.key ?? newDataKey()], retentionMs: THIRTY_DAYS_MS,
    maxBytes: options.maxBytes ?? 100_000_000, leaseMs: options.leaseMs ?? 60_000, evictEveryMs: 60_000, clock, logger: captureLogger().logger,
  });
  await buffer.open();
  return { buffer, clock };
}

t.test('reads come back in capture order in batches limited by count and bytes, and go once synced', async (tt) => {
  const dir = await tempDir(tt);
  const { buffer } = await openBuffer(dir);
  const reads = Array.from({ length: 10 }, () => makeRead({ imageBytes: 1000 }));
  for (const r of reads) await buffer.append(r);
  const first = await buffer.nextBatch(4, 1_000_000);
  tt.same(first?.reads.map((r) => r.id), reads.slice(0, 4).map((r) => r.id));
  tt.same(first?.reads[0]?.plate, reads[0]!.plate);
  tt.same(first?.reads[0]?.context, reads[0]!.context, 'images come back intact');
  const second = await buffer.nextBatch(100, 3500); // each record is about 1.6 kB encrypted
  tt.equal(second?.reads.length, 2, 'byte limit respected');
  tt.same(second?.reads.map((r) => r.id), reads.slice(4, 6).map((r) => r.id), 'handed-out reads are not handed out twice');
  await buffer.markSynced(first!.batchId);
  tt.equal((await buffer.stats()).reads, 6);
  await tt.rejects(buffer.markSynced(first!.batchId), { code: 'ALPR_ERR_BUFFER_UNKNOWN_BATCH' });
  const huge = await buffer.nextBatch(100, 10);
  tt.equal(huge?.reads.length, 1, 'a batch always carries at least one read');
  await buffer.close();
});

t.test('reads handed out but never acknowledged come back: after release, lease expiry, or restart', async (tt) => {
  const dir = await tempDir(tt);
  const key = newDataKey();
  const { buffer, clock } = await openBuffer(dir, { key, leaseMs: 1000 });
  const read = makeRead();
  await buffer.append(read);
  const a = await buffer.nextBatch(10, 1e6);
  tt.equal(await buffer.nextBatch(10, 1e6), null);
  buffer.releaseBatch(a!.batchId);
  const b = await buffer.nextBatch(10, 1e6);
  tt.equal(b?.reads[0]?.id, read.id, 'released');
  clock.advance(1500);
  const c = await buffer.nextBatch(10, 1e6);
  tt.equal(c?.reads[0]?.id, read.id, 'lease expired');
  await buffer.close();
  const { buffer: again } = await openBuffer(dir, { key, clock });
  const d = await again.nextBatch(10, 1e6);
  tt.equal(d?.reads[0]?.id, read.id, 'after restart');
  await again.close();
});

t.test('nothing in the LevelDB files reveals a plate or an image', async (tt) => {
  const dir = await tempDir(tt);
  const { buffer } = await openBuffer(dir);
  const read = makeRead({ plate: 'ZQX4821', crop: Buffer.from('CROP-MARKER-BYTES'), context: Buffer.from('CONTEXT-MARKER-BYTES') });
  await buffer.append(read);
  await buffer.close();
  const files = await readdir(join(dir, 'buffer'));
  for (const f of files) {
    const bytes = await readFile(join(dir, 'buffer', f));
    for (const secret of ['ZQX4821', 'CROP-MARKER', 'CONTEXT-MARKER', read.id]) tt.equal(bytes.includes(secret), false, `${f} does not contain ${secret}`);
  }
});

t.test('retention: a read is gone at 30 days plus one second, including across restarts', async (tt) => {
  const dir = await tempDir(tt);
  const key = newDataKey();
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const { buffer } = await openBuffer(dir, { key, clock });
  await buffer.append(makeRead({ capturedAt: clock.now() }));
  clock.advance(THIRTY_DAYS_MS - 1000);
  await buffer.append(makeRead({ capturedAt: clock.now() }));
  tt.equal(await buffer.evictExpired(), 0);
  await buffer.close();
  clock.advance(2000); // the box was off for two seconds: the first read is now 30 days + 1 s old
  const { buffer: again } = await openBuffer(dir, { key, clock });
  const stats = await again.stats();
  tt.equal(stats.reads, 1, 'evicted at open');
  tt.equal(stats.evictedExpired, 1);
  tt.ok((stats.oldestReadAgeS ?? 0) < 5, 'the survivor is the young read');
  await again.close();
});

t.test('retention holds when the wall clock jumps backwards or the RTC is unset', async (tt) => {
  const dir = await tempDir(tt);
  const key = newDataKey();
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const { buffer } = await openBuffer(dir, { key, clock });
  await buffer.append(makeRead({ capturedAt: clock.now() }));
  clock.advance(10 * 86_400_000);
  clock.setWall(Date.UTC(2026, 0, 1)); // NTP steps the clock five months back
  clock.advance(20 * 86_400_000 + 1000);
  tt.equal(await buffer.evictExpired(), 1, 'the buffer\'s own clock still counts 30 days');
  await buffer.close();

  // Captured with a dead RTC (1970), then the box restarts still without a real time.
  const dir2 = await tempDir(tt);
  const clock2 = new ManualClock(Date.UTC(1970, 0, 2));
  const { buffer: b2 } = await openBuffer(dir2, { key, clock: clock2 });
  await b2.append(makeRead({ capturedAt: clock2.now() }));
  clock2.advance(29 * 86_400_000);
  await b2.close();
  clock2.advance(2 * 86_400_000); // monotonic time moves while it runs again
  const { buffer: b3 } = await openBuffer(dir2, { key, clock: clock2 });
  tt.equal((await b3.stats()).reads, 1, 'downtime under an unset clock is unknown and not counted');
  clock2.advance(86_400_000);
  tt.equal(await b3.evictExpired(), 1, 'but running time is, so 30 days of operation evict it');
  await b3.close();

  // A read captured under a sane clock is evicted by capture time once the wall clock says so,
  // even if the box's own clock has not run that long (it was off, with a working RTC).
  const dir3 = await tempDir(tt);
  const clock3 = new ManualClock(Date.UTC(2026, 5, 1));
  const { buffer: b4 } = await openBuffer(dir3, { key, clock: clock3 });
  await b4.append(makeRead({ capturedAt: clock3.now() }));
  await b4.close();
  clock3.setWall(Date.UTC(2026, 5, 1) + THIRTY_DAYS_MS + 1000);
  const { buffer: b5 } = await openBuffer(dir3, { key, clock: clock3 });
  tt.equal((await b5.stats()).reads, 0);
  await b5.close();
});

t.test('capacity: the oldest reads go first and forced evictions are reported as data loss', async (tt) => {
  const dir = await tempDir(tt);
  const { buffer } = await openBuffer(dir, { maxBytes: 12_000 });
  const reads = Array.from({ length: 6 }, () => makeRead({ imageBytes: 2000 }));
  for (const r of reads) await buffer.append(r);
  const stats = await buffer.stats();
  tt.ok(stats.bytes <= 12_000);
  tt.ok(stats.dataLossReads >= 1, `${stats.dataLossReads} reads lost`);
  const batch = await buffer.nextBatch(100, 1e9);
  tt.same(batch?.reads.map((r) => r.id), reads.slice(stats.dataLossReads).map((r) => r.id), 'the newest survive, in order');
  await tt.rejects(buffer.append(makeRead({ imageBytes: 20_000 })), { code: 'ALPR_ERR_BUFFER_FULL' });
  tt.equal((await buffer.stats()).reads, batch?.reads.length, 'nothing already stored was lost by the refused read');
  await buffer.close();
});

t.test('bad reads are refused with a typed error and nothing stored is lost', async (tt) => {
  const dir = await tempDir(tt);
  const { buffer } = await openBuffer(dir);
  await buffer.append(makeRead());
  for (const bad of [null, {}, makeRead({ confidence: 2 }), makeRead({ crop: 'not a buffer' as unknown as Buffer }), makeRead({ id: '' }), makeRead({ vehicleColour: 'purple' as 'red' })]) {
    await tt.rejects(buffer.append(bad as never), { code: 'ALPR_ERR_BUFFER_INVALID_READ' });
  }
  await tt.rejects(buffer.append(makeRead({ vehicleColour: 'purple' as 'red' })), { message: /vehicleColour: must be one of white, black/ });
  tt.equal((await buffer.stats()).reads, 1);
  await buffer.close();
  await tt.rejects(buffer.append(makeRead()), { code: 'ALPR_ERR_BUFFER_CLOSED' });
});

t.test('tampered or truncated ciphertext is set aside, never handed out, and the rest still flows', async (tt) => {
  const dir = await tempDir(tt);
  const key = newDataKey();
  const { buffer, clock } = await openBuffer(dir, { key });
  const reads = [makeRead(), makeRead(), makeRead()];
  for (const r of reads) await buffer.append(r);
  await buffer.close();
  const db = new ClassicLevel<string, Buffer>(join(dir, 'buffer'), { keyEncoding: 'utf8', valueEncoding: 'buffer' });
  const keys: string[] = [];
  for await (const k of db.keys({ gt: 'r!', lt: 'r!~' })) keys.push(k);
  const flipped = Buffer.from((await db.get(keys[0]!))!);
  flipped[flipped.length - 5]! ^= 0x40;
  await db.put(keys[0]!, flipped);
  await db.put(keys[1]!, (await db.get(keys[1]!))!.subarray(0, 20));
  await db.close();
  const { buffer: again } = await openBuffer(dir, { key, clock });
  const batch = await again.nextBatch(10, 1e9);
  tt.same(batch?.reads.map((r) => r.id), [reads[2]!.id]);
  tt.equal((await again.stats()).corruptRecords, 2);
  await again.close();
});

t.test('a wrong key is a typed error that deletes nothing', async (tt) => {
  const dir = await tempDir(tt);
  const { buffer } = await openBuffer(dir);
  await buffer.append(makeRead());
  await buffer.close();
  const { buffer: wrong } = await openBuffer(dir, { key: newDataKey() });
  await tt.rejects(wrong.nextBatch(10, 1e9), { code: 'ALPR_ERR_BUFFER_KEY' });
  tt.equal((await wrong.stats()).reads, 1, 'the record is still there');
  await wrong.close();
});

t.test('key rotation: records under the previous key stay readable while it is held', async (tt) => {
  const dir = await tempDir(tt);
  const oldKey = newDataKey();
  const newKey = newDataKey();
  const { buffer, clock } = await openBuffer(dir, { key: oldKey });
  await buffer.append(makeRead());
  await buffer.close();
  const { buffer: rotated } = await openBuffer(dir, { keys: [newKey, oldKey], clock });
  await rotated.append(makeRead());
  tt.same([...(await rotated.keyIdsInUse())].sort(), [oldKey.id, newKey.id].sort());
  tt.equal((await rotated.nextBatch(10, 1e9))?.reads.length, 2);
  await rotated.close();
});

t.test('crypto-erase: destroying the key file makes every buffered read unreadable at once', async (tt) => {
  const dir = await tempDir(tt);
  const keyPath = join(dir, 'data.key');
  const key = await loadOrCreateDataKey(keyPath);
  const { buffer, clock } = await openBuffer(dir, { key });
  await buffer.append(makeRead());
  await buffer.close();
  await destroyDataKey(keyPath);
  await tt.rejects(loadDataKey(keyPath), { code: 'ALPR_ERR_BUFFER_KEY' });
  const { buffer: after } = await openBuffer(dir, { key: await loadOrCreateDataKey(keyPath), clock });
  await tt.rejects(after.nextBatch(10, 1e9), { code: 'ALPR_ERR_BUFFER_KEY' });
  await after.close();
});

t.test('a key file that is the wrong size or readable by others is refused', async (tt) => {
  const dir = await tempDir(tt);
  await writeFile(join(dir, 'short.key'), Buffer.alloc(16), { mode: 0o600 });
  await tt.rejects(loadDataKey(join(dir, 'short.key')), { code: 'ALPR_ERR_BUFFER_KEY', message: /16 bytes/ });
  await writeFile(join(dir, 'open.key'), Buffer.alloc(32), { mode: 0o644 });
  await tt.rejects(loadDataKey(join(dir, 'open.key')), { code: 'ALPR_ERR_BUFFER_KEY', message: /0600/ });
  const key = newDataKey();
  await writeDataKey(join(dir, 'good.key'), key);
  tt.equal((await loadDataKey(join(dir, 'good.key'))).id, key.id);
});

t.test('concurrent appends are committed together and all become durable', async (tt) => {
  const dir = await tempDir(tt);
  const key = newDataKey();
  const { buffer, clock } = await openBuffer(dir, { key });
  const reads = Array.from({ length: 300 }, () => makeRead({ imageBytes: 500 }));
  await Promise.all(reads.map((r) => buffer.append(r)));
  await buffer.close();
  const { buffer: again } = await openBuffer(dir, { key, clock });
  const batch = await again.nextBatch(1000, 1e9);
  tt.same(batch?.reads.map((r) => r.id), reads.map((r) => r.id), 'all present, in append order');
  await again.close();
});

for (const variant of ['made to look younger', 'made to look younger and set aside as if the hub had refused it'] as const) {
  t.test(`bookkeeping edited without the key (a read ${variant}) keeps nothing past 30 days: such reads are deleted, never handed out`, async (tt) => {
    const quarantined = variant !== 'made to look younger';
    const dir = await tempDir(tt);
    const key = newDataKey();
    const clock = new ManualClock(Date.UTC(2026, 5, 1));
    const { buffer } = await openBuffer(dir, { key, clock });
    const old = [makeRead({ capturedAt: clock.now() }), makeRead({ capturedAt: clock.now() })];
    for (const r of old) await buffer.append(r);
    clock.advance(20 * 86_400_000);
    const young = makeRead({ capturedAt: clock.now() });
    await buffer.append(young);
    await buffer.close();
    // The first read's append time (plaintext, 'elapsed|captured|bytes') is set to the young read's:
    // eviction, which stops at the first read not yet expired, would then keep both old reads.
    const db = new ClassicLevel<string, Buffer>(join(dir, 'buffer'), { keyEncoding: 'utf8', valueEncoding: 'buffer' });
    await db.open();
    const metas: Array<[string, string]> = [];
    for await (const [k, v] of db.iterator({ gt: 'm!', lt: 'm!~' })) metas.push([k, v.toString()]);
    const youngAppend = metas[2]![1].split('|')[0]!;
    await db.put(metas[0]![0], Buffer.from([youngAppend, ...metas[0]![1].split('|').slice(1)].join('|')));
    // A quarantined read is never decrypted to be sent, so its edit is not seen there.
    if (quarantined) await db.put(`q!${metas[0]![0].slice(2)}`, Buffer.from(JSON.stringify({ reason: 'edited', at: 0 })));
    await db.close();
    clock.advance(11 * 86_400_000);
    const { logger, lines } = captureLogger();
    const again = new ReadBuffer({ path: join(dir, 'buffer'), keys: [key], retentionMs: THIRTY_DAYS_MS, maxBytes: 100_000_000, leaseMs: 60_000, evictEveryMs: 60_000, clock, logger });
    await again.open();
    const batch = await again.nextBatch(10, 100_000_000);
    tt.same(batch?.reads.map((r) => r.id), [young.id], 'only the 11-day-old read is handed out; the 31-day-old ones are not');
    const held: string[] = [];
    for await (const r of again.readAll()) held.push(r.id);
    tt.same(held, quarantined ? [old[0]!.id, young.id] : [young.id], quarantined ? 'the read held back by the edited one is gone (the edited one stays set aside, never sent)' : 'the old reads are gone from the store');
    const logged = lines().find((l) => (l.err as { code?: string } | undefined)?.code === 'ALPR_ERR_BUFFER_DECRYPT');
    tt.match(logged, quarantined ? { untrusted: 0, expired: 1 } : { untrusted: 1, expired: 1 }, 'the deletions are logged');
    tt.equal((await again.stats()).dataLossReads, quarantined ? 0 : 1, 'an edited read deleted counts as lost');
    await again.close();
  });
}

t.test('a state record set back without the key cannot make the buffer\'s clock read less than its latest append', async (tt) => {
  const dir = await tempDir(tt);
  const key = newDataKey();
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const { buffer } = await openBuffer(dir, { key, clock });
  const first = makeRead({ capturedAt: clock.now() });
  await buffer.append(first);
  clock.advance(10 * 86_400_000);
  await buffer.append(makeRead({ capturedAt: clock.now() }));
  await buffer.close();
  const db = new ClassicLevel<string, Buffer>(join(dir, 'buffer'), { keyEncoding: 'utf8', valueEncoding: 'buffer' });
  await db.open();
  const state = JSON.parse((await db.get('s!state'))!.toString()) as Record<string, number>;
  await db.put('s!state', Buffer.from(JSON.stringify({ ...state, elapsed: 0, lastWall: 0 })));
  await db.close();
  const { buffer: again } = await openBuffer(dir, { key, clock });
  clock.advance(20 * 86_400_000 + 1000);
  tt.equal(await again.evictExpired(), 1, 'the first read goes 30 days after it was appended by the clock it had reached, not 30 days after the clock was set back');
  await again.close();
});
