import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import type { IngestStats } from '../../../hub/index.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';

onBothStores(t, 'admins and auditors see what ingest refused; other roles do not', async (t, h) => {
  const stats: IngestStats = { batches: 4, readsStored: 10, duplicates: 1, refused: 0, gaps: 0, futureReads: 2, expiredReads: 0, siteReads: 3, statusRefused: 1, oversizedByDevice: { 'pole-a': 2 } };
  const app = await buildApi({ services: h.services, logger: captureLogger().logger, ingestStats: () => stats });
  t.teardown(() => app.close());
  const get = async (token: string) => app.inject({ method: 'GET', url: '/api/v1/ingest/stats', headers: { authorization: `Bearer ${token}` } });
  for (const role of ['admin', 'auditor']) {
    const reply = await get((await h.user(role)).token);
    t.equal(reply.statusCode, 200, reply.body);
    t.same(reply.json(), stats, `${role} sees the refusal counts`);
  }
  stats.futureReads++;
  t.equal((await get((await h.user('admin')).token)).json().futureReads, 3, 'the counts are live');
  t.equal((await get((await h.user('officer')).token)).statusCode, 403);
});
