import t from 'tap';
import { randomBytes } from 'node:crypto';
import { eventually } from '../../helpers/index.js';
import { siteInService, type Site } from '../../../hub/sites/siteRegistry.js';
import { onBothStores } from '../../helpers/hubHarness.js';

const site = { siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-014', latitude: 41.879, longitude: -87.785, cameras: ['cam0'] };

onBothStores(t, 'sites are approved by reference; relocation needs a new approval; retired sites take no devices', async (t, h) => {
  const { sites, devices } = h.services;
  const approved = await sites.approve(site, 'chief-1');
  t.equal(approved.status, 'approved');
  await t.rejects(sites.approve({ ...site, siteId: 'site-3' }, 'chief-1'), { code: 'ALPR_ERR_CONFLICT' }, 'an approval reference is used once');
  await t.rejects(sites.relocate('site-2', { approvalRef: 'CHIEF-2026-014', latitude: 41.9, longitude: -87.8 }, 'chief-1'), { code: 'ALPR_ERR_CONFLICT' });
  const moved = await sites.relocate('site-2', { approvalRef: 'CHIEF-2026-020', latitude: 41.9, longitude: -87.8 }, 'chief-1');
  t.equal(moved.latitude, 41.9);
  t.equal(moved.approvalRef, 'CHIEF-2026-020');
  await t.rejects(sites.approve({ ...site, siteId: 'site-9', approvalRef: 'X-1', latitude: 91 }, 'chief-1'), { code: 'ALPR_ERR_INVALID_INPUT' });
  // Camera ids as appliances can name them: one listed as CAM0 or cam_0 would have every read refused.
  for (const camera of ['CAM0', 'cam_0', '-cam']) {
    await t.rejects(sites.approve({ ...site, siteId: 'site-9', approvalRef: 'X-2', cameras: [camera] }, 'chief-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /as appliances name them/ }, camera);
  }

  await devices.enroll({ deviceId: 'pole-9', publicKey: randomBytes(32), siteId: 'site-2' }, 'admin-1');
  await t.rejects(devices.enroll({ deviceId: 'pole-10', publicKey: randomBytes(32), siteId: 'nowhere' }, 'admin-1'), { code: 'ALPR_ERR_SITE_NOT_APPROVED' });
  await sites.retire('site-2', 'admin-1', 'pole removed for road works');
  await t.rejects(devices.enroll({ deviceId: 'pole-11', publicKey: randomBytes(32), siteId: 'site-2' }, 'admin-1'), { code: 'ALPR_ERR_SITE_NOT_APPROVED' });
  const actions = (await h.services.audit.query({ limit: 100 })).map((r) => r.action);
  for (const a of ['site.approve', 'site.relocate', 'site.retire', 'device.enroll']) t.ok(actions.includes(a), `${a} is audited`);
});

onBothStores(t, 'one check says whether a site is in service: an approved site is; a retired one and an id the registry does not hold are refused, each saying which; a retirement is announced once it is stored', async (t, h) => {
  const { sites } = h.services;
  await sites.approve(site, 'chief-1');
  t.match(await siteInService(h.store.sql, 'site-2'), { site: { siteId: 'site-2', status: 'approved' }, refusal: null }, 'an approved site is in service');
  const retired: Array<{ site: Site; stored: Site['status'] | undefined }> = [];
  sites.on('siteRetired', (s) => void sites.get(s.siteId).then((stored) => retired.push({ site: s, stored: stored?.status })));
  await sites.retire('site-2', 'admin-1', 'pole removed for road works');
  await eventually(() => retired.length === 1);
  t.match(retired, [{ site: { siteId: 'site-2', status: 'retired' }, stored: 'retired' }], 'the retirement is announced once, after it is stored');
  t.match(await siteInService(h.store.sql, 'site-2'), { site: { siteId: 'site-2' }, refusal: { code: 'ALPR_ERR_SITE_NOT_APPROVED', message: 'site site-2 is retired: not an approved site in service' } }, 'a retired site is refused, saying so');
  t.match(await siteInService(h.store.sql, 'nowhere'), { site: null, refusal: { code: 'ALPR_ERR_SITE_NOT_APPROVED', message: 'site nowhere is not in the site registry: not an approved site in service' } }, 'so is an id the registry does not hold');
});

onBothStores(t, 'two changes to a site at once: two retirements record one, and a relocation meeting a retirement does not land on the retired site', async (t, h) => {
  const { sites } = h.services;
  await sites.approve(site, 'chief-1');
  const retired: string[] = [];
  sites.on('siteRetired', (s) => retired.push(s.siteId));
  const outcomes = await Promise.allSettled([sites.retire('site-2', 'admin-1', 'pole removed'), sites.retire('site-2', 'admin-2', 'pole removed, again')]);
  t.same(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected'], 'one retirement is made, the other refused');
  t.match(outcomes.find((o) => o.status === 'rejected'), { reason: { code: 'ALPR_ERR_SITE_NOT_APPROVED' } });
  t.equal((await h.services.audit.query({ action: 'site.retire', limit: 10 })).length, 1, 'one site.retire record');
  t.same(retired, ['site-2'], 'announced once');

  await sites.approve({ ...site, siteId: 'site-3', approvalRef: 'CHIEF-2026-077' }, 'chief-1');
  const [relocated, retiredToo] = await Promise.allSettled([
    sites.relocate('site-3', { approvalRef: 'CHIEF-2026-078', latitude: 41.89, longitude: -87.79 }, 'chief-1'),
    sites.retire('site-3', 'admin-1', 'closed'),
  ]);
  t.equal(retiredToo.status, 'fulfilled', 'the retirement is made');
  if (relocated.status === 'fulfilled') t.equal((await h.services.audit.query({ action: 'site.relocate', limit: 10 })).length, 1, 'a relocation that ran first is recorded before the retirement');
  else t.match(relocated.reason, { code: 'ALPR_ERR_SITE_NOT_APPROVED' }, 'a relocation that came second is refused: the site is retired');
  t.equal((await sites.get('site-3'))!.status, 'retired');
});
