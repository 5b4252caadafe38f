import t from 'tap';
import { JobLease } from '../../../hub/ops/jobLease.js';
import { onBothStores } from '../../helpers/hubHarness.js';

onBothStores(t, 'one claim of a job wins per period, whoever asks, and the job is free again once it expires', async (tt, h) => {
  const holders = Array.from({ length: 8 }, (_, i) => new JobLease({ sql: h.store.sql, clock: h.clock, holder: `hub-${i}` }));
  const first = await Promise.all(holders.map((lease) => lease.claim('retention.purge', 60_000)));
  tt.equal(first.filter(Boolean).length, 1, 'exactly one of eight concurrent claims wins');
  tt.notOk(await holders[first.indexOf(true)]!.claim('retention.purge', 60_000), 'the winner itself does not run twice in one period');
  tt.ok(await holders[0]!.claim('hotlist.expire', 60_000), 'another job is claimed apart');
  h.clock.advance(60_000);
  const second = await Promise.all(holders.map((lease) => lease.claim('retention.purge', 60_000)));
  tt.equal(second.filter(Boolean).length, 1, 'after the period one claim wins again');
});

t.test('pg: two hub processes starting on one database purge once, not once each', async (tt) => {
  const { harness } = await import('../../helpers/hubHarness.js');
  const h = await harness(tt, 'pg');
  if (!h) return;
  const peer = await h.peer();
  tt.ok(h.services.lease && peer.lease, 'PostgreSQL hubs hold a lease');
  await Promise.all([h.services.retention.start(), peer.retention.start()]);
  await Promise.all([h.services.retention.stop(), peer.retention.stop()]);
  const purges = await h.services.audit.query({ action: 'retention.purge', limit: 10 });
  tt.equal(purges.length, 1, 'one retention.purge in the audit chain');
});

t.test('sqlite: a single hub process has no lease and its jobs just run', async (tt) => {
  const { harness } = await import('../../helpers/hubHarness.js');
  const h = await harness(tt, 'sqlite');
  tt.equal(h!.services.lease, null);
  await h!.services.retention.start();
  await h!.services.retention.stop();
  await h!.services.retention.start();
  await h!.services.retention.stop();
  tt.equal((await h!.services.audit.query({ action: 'retention.purge', limit: 10 })).length, 2, 'both starts purged');
});
