import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { harness, onBothStores } from '../../helpers/hubHarness.js';
import { loadMapOutline } from '../../../hub/sites/mapOutline.js';
import { DEMO_MAP_OUTLINE } from '../../../demo/demoHub.js';

onBothStores(t, 'approval references and coordinates go only to the Chief and admins; an enrollment token shows only its own site', async (t, h) => {
  await h.services.sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-002', latitude: 41.88, longitude: -87.78, cameras: ['cam0'] }, 'chief');
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const get = async (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  for (const role of ['officer', 'dispatcher', 'analyst', 'detective', 'auditor']) {
    const u = await h.user(role);
    const reply = await get('/api/v1/sites', bearer(u.token));
    t.equal(reply.statusCode, 200);
    const sites = reply.json() as Array<Record<string, unknown>>;
    t.same(sites.map((s) => s.siteId), ['site-1', 'site-2'], `${role} sees which sites exist, to narrow a search`);
    t.notOk(sites.some((s) => 'approvalRef' in s || 'latitude' in s || 'longitude' in s || 'approvedBy' in s), `${role} sees no approval reference or coordinates`);
    t.equal((await get('/api/v1/provisioning/sites', bearer(u.token))).statusCode, 403, `${role} cannot use the installer listing either`);
  }
  for (const role of ['admin', 'chief']) {
    const u = await h.user(role);
    const sites = (await get('/api/v1/sites', bearer(u.token))).json() as Array<Record<string, unknown>>;
    t.same(sites.map((s) => s.approvalRef), ['CHIEF-2026-001', 'CHIEF-2026-002'], `${role} sees the approval references`);
    t.equal(sites[1]?.latitude, 41.88);
  }

  const { token } = await h.services.devices.issueEnrollmentToken('site-2', 3600_000, 'admin-1');
  const installer = await get('/api/v1/provisioning/sites', { 'x-enrollment-token': token });
  t.equal(installer.statusCode, 200, installer.body);
  t.same((installer.json() as Array<{ siteId: string }>).map((s) => s.siteId), ['site-2'], 'the token shows only the site it enrolls at');
  t.equal(installer.json()[0].approvalRef, 'CHIEF-2026-002', 'with what the installer checks on the pole');
});

t.test('every signed-in role gets the map outline the hub was configured with; no one signed out does', async (t) => {
  const outline = await loadMapOutline(DEMO_MAP_OUTLINE);
  const h = (await harness(t, 'sqlite', { mapOutline: outline }))!;
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  for (const role of ['officer', 'dispatcher', 'analyst', 'detective', 'admin', 'auditor', 'chief']) {
    const reply = await app.inject({ method: 'GET', url: '/api/v1/map/outline', headers: { authorization: `Bearer ${(await h.user(role)).token}` } });
    t.equal(reply.statusCode, 200, `${role}: ${reply.body.slice(0, 200)}`);
    t.same(reply.json(), outline, `${role} gets the outline to draw the sites over`);
  }
  t.match(outline.features.find((f) => f.properties?.kind === 'boundary'), { geometry: { type: 'Polygon' } }, 'the demo outline has its boundary');
  const signedOut = await app.inject({ method: 'GET', url: '/api/v1/map/outline' });
  t.equal(signedOut.statusCode, 401, 'signed out, the outline is refused like every other API call');
});
