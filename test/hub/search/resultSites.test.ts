import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';

const lawful = { purpose: 'violent_crime', offense: '13A', caseNumber: '26-004871', description: 'shooting at Lake and Harlem, suspect vehicle seen leaving' };

onBothStores(t, 'a search reply places its reads at their sites, and only those sites: the officer still cannot list every position', async (t, h) => {
  await h.services.sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-002', latitude: 41.88, longitude: -87.78, cameras: ['cam0'] }, 'chief');
  await h.services.sites.approve({ siteId: 'site-3', name: 'Roosevelt and Austin', approvalRef: 'CHIEF-2026-003', latitude: 41.866, longitude: -87.774, cameras: ['cam0'] }, 'chief');
  await h.addReads([{ plate: 'ABC1234', siteId: 'site-1' }, { plate: 'ABC1234', siteId: 'site-2' }, { plate: 'XYZ9876', siteId: 'site-3' }]);
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const officer = await h.user('officer');
  const headers = { authorization: `Bearer ${officer.token}` };

  const reply = await app.inject({ method: 'POST', url: '/api/v1/search', headers, payload: { ...lawful, plate: 'ABC1234', mode: 'exact' } });
  t.equal(reply.statusCode, 200);
  const body = reply.json() as { hits: unknown[]; sites: Array<Record<string, unknown>> };
  t.equal(body.hits.length, 2);
  t.same(body.sites, [
    { siteId: 'site-1', name: 'Harlem and North', latitude: 41.887, longitude: -87.806 },
    { siteId: 'site-2', name: 'Madison and Oak Park Ave', latitude: 41.88, longitude: -87.78 },
  ], 'the two sites where the reads were taken, with name and position, and nothing of their approval');
  t.notOk(JSON.stringify(body).includes('Roosevelt'), 'a site with no read in the result is not named');

  const empty = (await app.inject({ method: 'POST', url: '/api/v1/search', headers, payload: { ...lawful, plate: 'NONE000', mode: 'exact' } })).json() as { sites: unknown[] };
  t.same(empty.sites, [], 'a search with no hits places no site');

  const listed = (await app.inject({ method: 'GET', url: '/api/v1/sites', headers })).json() as Array<Record<string, unknown>>;
  t.equal(listed.length, 3, 'the officer still sees which sites exist');
  t.notOk(listed.some((s) => 'latitude' in s || 'longitude' in s), 'but the listing of every site still carries no coordinates');
});
