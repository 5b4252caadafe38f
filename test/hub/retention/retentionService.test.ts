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
