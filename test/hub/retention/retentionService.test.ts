import t from 'tap';
import { createHash } from 'node:crypto';
import { DAY, onBothStores, START } from '../../helpers/hubHarness.js';

onBothStores(t, 'reads older than 30 days go at start and on schedule, with proof of deletion in the audit log', async (t, h) => {
  const reads = await h.addReads([
    { plate: 'OLD0001', capturedAt: START - 31 * DAY }, { plate: 'OLD0002', capturedAt: START - 30 * DAY - 1000 },
    { plate: 'NEW0001', capturedAt: START - 29 * DAY }, { plate: 'NEW0002', capturedAt: START - DAY },
  ]);
  await h.services.retention.start();
  t.teardown(() => h.services.retention.stop());
  t.equal(await h.store.countReads(), 2, 'the purge at start removed the two old reads');
  const [proof] = await h.services.audit.query({ action: 'retention.purge', limit: 5 });
  t.equal(proof?.detail.deleted, 2);
  t.equal(proof?.detail.reason, 'start');
  const expectedDigest = createHash('sha256').update([reads[0]!.id, reads[1]!.id].sort().join('\n')).digest('hex');
  t.equal(proof?.detail.idsSha256, expectedDigest, 'the digest lets an auditor check the deleted id list');
  t.same(Object.values(proof?.detail.byDay as Record<string, number>).reduce((a, b) => a + b, 0), 2);

  h.clock.advance(DAY + 3600_000); // the hourly schedule runs meanwhile
  await h.services.retention.run('manual', 'admin-1');
  t.equal(await h.store.countReads(), 1, 'the 29-day-old read aged out');
  const runs = await h.services.audit.query({ action: 'retention.purge', limit: 100 });
  t.ok(runs.some((r) => r.detail.reason === 'schedule'), 'scheduled runs are audited too');

  const search = await h.store.sql.all<{ plate: string }>('SELECT plate FROM plate_index ORDER BY plate');
  t.same(search.map((r) => r.plate), ['NEW0002'], 'purged plates leave the search index too');
});

onBothStores(t, 'a whole day of reads is purged in one run', async (t, h) => {
  await h.addReads(Array.from({ length: 200 }, (_, i) => ({ plate: `DAY${i}`, capturedAt: Date.UTC(2026, 8, 15) + i * 1000 })));
  await h.addReads([{ plate: 'KEEP01', capturedAt: START - DAY }]);
  const report = await h.services.retention.run('manual', 'admin-1');
  t.equal(report.deleted, 200);
  t.same(report.byDay, { '2026-09-15': 200 });
  t.equal(await h.store.countReads(), 1);
});

onBothStores(t, 'a read goes 30 days after the earlier of its capture and its arrival, whatever day it claims to be captured on', async (t, h) => {
  const [farFuture, nextDay, ancient, late, held] = await h.addReads([
    { plate: 'FUT4001', capturedAt: START + 400 * DAY }, // stored before the hub refused such reads
    { plate: 'SKEW001', capturedAt: START + 13 * 3600_000 }, // tomorrow's day table, by a clock running ahead
    { plate: 'OLD1990', capturedAt: Date.UTC(1990, 0, 1) }, // outside every day table
    { plate: 'LATE001', capturedAt: START - 20 * DAY }, // arrived 20 days after capture
    { plate: 'HELD001', capturedAt: START + 200 * DAY },
  ]);
  await h.store.sql.run('INSERT INTO holds (hold_id, read_id, case_number, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)', ['hold-1', held!.id, '26-000777', 'officer-1', START]);
  // A hold is the export's row and its audit record together; a row alone is released by the purge.
  await h.services.audit.append({ actor: 'officer-1', action: 'hold.place', detail: { holdId: 'hold-1', readId: held!.id, caseNumber: '26-000777' } });
  const alive = async () => (await h.store.allReadIds()).sort();

  const first = await h.services.retention.run('manual', 'admin-1');
  t.equal(first.deleted, 1, 'at once: the read dated 1990');
  t.equal(await h.store.getRead(ancient!.id), null);

  h.clock.advance(10 * DAY + 3600_000);
  await h.services.retention.run('manual', 'admin-1');
  t.equal(await h.store.getRead(late!.id), null, '30 days after its capture, though it arrived 20 days late');
  t.same(await alive(), [farFuture!.id, nextDay!.id, held!.id].sort(), 'the rest arrived less than 30 days ago');

  h.clock.advance(20 * DAY);
  const last = await h.services.retention.run('manual', 'admin-1');
  t.equal(await h.store.getRead(farFuture!.id), null, 'the read dated 400 days ahead went 30 days after it arrived');
  t.equal(await h.store.getRead(nextDay!.id), null, 'so did the one on a day table still ahead');
  t.same(await alive(), [held!.id], 'only the held read is left');
  t.equal(last.keptOnHold, 1, 'and the proof of deletion counts it as kept on hold');
  t.same((await h.store.getRead(held!.id))?.crop, Buffer.from('crop-jpeg'), 'with its images');
  const images = await h.store.sql.get<{ n: number | string }>('SELECT count(*) AS n FROM read_images');
  t.equal(Number(images?.n), 1, 'the purged reads\' images went with them');
  const plates = await h.store.sql.all<{ plate: string }>('SELECT plate FROM plate_index ORDER BY plate');
  t.same(plates.map((r) => r.plate), ['HELD001'], 'the purged plates left the plate index, future-dated ones included');
});
