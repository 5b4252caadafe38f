import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { failAudit, onBothStores } from '../../helpers/hubHarness.js';
import { newSigningKeys, rawPublicKey, signDeviceRequest } from '../../../sync/index.js';

const report = (overrides = {}) => ({ deviceId: 'pole-1', online: true, at: Date.now(), unsyncedReads: 3, oldestUnsyncedAgeS: 12, tamperOpen: false, hotlistVersion: 0, health: { uptimeS: 60 }, ...overrides });

onBothStores(t, 'appliance status is kept per device; tamper and offline changes are audited', async (t, h) => {
  const { devices, audit } = h.services;
  await devices.recordStatus(report());
  let [pole] = (await devices.overview()).filter((d) => d.deviceId === 'pole-1');
  t.equal(pole?.online, true);
  t.equal(pole?.unsyncedReads, 3);
  t.same(pole?.health, { uptimeS: 60 });
  await devices.recordStatus(report({ tamperOpen: true }));
  await devices.recordStatus(report({ tamperOpen: true }));
  await devices.recordStatus(report({ tamperOpen: false, online: false }));
  [pole] = (await devices.overview()).filter((d) => d.deviceId === 'pole-1');
  t.equal(pole?.online, false);
  const actions = (await audit.query({ limit: 100 })).map((r) => r.action).filter((a) => a.startsWith('device.t') || a.startsWith('device.o'));
  t.same(actions, ['device.tamperOpened', 'device.tamperClosed', 'device.offline'], 'each change once, in order');
  await devices.recordStatus(report({ deviceId: 'stranger' }));
  t.notOk((await devices.overview()).some((d) => d.deviceId === 'stranger'), 'status from an unknown device is ignored');
});

onBothStores(t, 'a device going offline and online again and again has 12 changes an hour audited and one record saying it flaps; its tamper switch is always audited; its status is still stored', async (t, h) => {
  const { devices, audit } = h.services;
  const before = (await audit.head())?.seq ?? 0;
  const start = Date.now();
  for (let i = 0; i < 100; i++) await devices.recordStatus(report({ online: i % 2 === 0, at: start + i * 1000 }));
  await devices.recordStatus(report({ online: false, tamperOpen: true, at: start + 100_000 }));
  await devices.recordStatus(report({ online: false, tamperOpen: false, at: start + 101_000 }));
  const written = (await audit.query({ afterSeq: before, limit: 500 })).map((r) => r.action);
  t.equal(written.filter((a) => a === 'device.online' || a === 'device.offline').length, 12, '12 connectivity changes audited one by one');
  t.equal(written.filter((a) => a === 'device.statusFlapping').length, 1, 'then one record that the device flaps');
  t.same(written.filter((a) => a.startsWith('device.tamper')), ['device.tamperOpened', 'device.tamperClosed'], 'the enclosure opening behind the flapping is audited');
  t.equal((await devices.overview()).find((d) => d.deviceId === 'pole-1')?.online, false, 'the last status is stored');
  h.clock.advance(3600_000 + 1000);
  await devices.recordStatus(report({ online: true, at: start + 200_000 }));
  t.equal((await audit.query({ afterSeq: before, limit: 500 })).at(-1)?.action, 'device.online', 'an hour later its changes are audited again');
});

onBothStores(t, 'one device\'s broken stored status does not fail the device listing for everyone', async (t, h) => {
  const { devices, store } = h.services;
  await devices.enroll({ deviceId: 'pole-2', publicKey: Buffer.alloc(32, 7), siteId: 'site-1' }, 'test');
  await devices.recordStatus(report({ deviceId: 'pole-2', health: { uptimeS: 9 } }));
  // What the hub stored before statuses were bounded: 100 KB of health cut off mid-JSON.
  const broken = JSON.stringify({ note: 'x'.repeat(100_000) }).slice(0, 65_536);
  await store.sql.run(`INSERT INTO device_status (device_id, online, reported_at, received_at, unsynced_reads, oldest_unsynced_age_s, tamper_open, health)
    VALUES (?, 1, ?, ?, 0, 0, 0, ?)`, ['pole-1', h.clock.now(), h.clock.now(), broken]);
  const admin = await h.user('admin');
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const reply = await app.inject({ method: 'GET', url: '/api/v1/devices', headers: { authorization: `Bearer ${admin.token}` } });
  t.equal(reply.statusCode, 200, 'the listing still answers');
  const listed = reply.json() as Array<{ deviceId: string; health: unknown; statusProblem: string | null; online: boolean | null }>;
  const pole1 = listed.find((d) => d.deviceId === 'pole-1');
  t.equal(pole1?.health, null, 'the broken health is not shown');
  t.match(pole1?.statusProblem, /health/, 'and the listing says why');
  t.equal(pole1?.online, true, 'the rest of its status is');
  t.same(listed.find((d) => d.deviceId === 'pole-2')?.health, { uptimeS: 9 }, 'other devices are listed in full');
});

onBothStores(t, 'hub processes recording the same status at once (each receives it) store it and audit a change once', async (t, h) => {
  const { devices, audit } = h.services;
  const together = async (r: ReturnType<typeof report>) => (await Promise.all(Array.from({ length: 4 }, () => devices.recordStatus(r)))).filter((o) => o.cameOnline).length;
  t.equal(await together(report()), 1, 'the first status: one process is told the device came online (it sends the config push)');
  t.equal(await together(report({ online: false })), 0);
  t.equal(await together(report({ online: true, tamperOpen: true })), 1, 'back online: one process is told, once');
  t.equal(await together(report({ online: true })), 0, 'still online: none is');
  const [pole] = (await devices.overview()).filter((d) => d.deviceId === 'pole-1');
  t.equal(pole?.online, true, 'the latest status is stored');
  const actions = (await audit.query({ limit: 100 })).map((r) => r.action).filter((a) => a.startsWith('device.t') || a.startsWith('device.o'));
  t.same(actions.sort(), ['device.offline', 'device.online', 'device.tamperClosed', 'device.tamperOpened'], 'each change audited once');
});

onBothStores(t, 'a status older than the one stored (handed back to the queue, redelivered) does not overwrite it, unless the stored one was dated ahead of the hub\'s clock', async (t, h) => {
  const { devices, audit } = h.services;
  const now = h.clock.now();
  await devices.recordStatus(report({ at: now, online: true, unsyncedReads: 1 }));
  t.same(await devices.recordStatus(report({ at: now - 10_000, online: false, unsyncedReads: 9 })), { cameOnline: false }, 'the older status is let go');
  let [pole] = (await devices.overview()).filter((d) => d.deviceId === 'pole-1');
  t.same({ online: pole?.online, unsyncedReads: pole?.unsyncedReads }, { online: true, unsyncedReads: 1 }, 'the newer status stays');
  t.notOk((await audit.query({ limit: 100 })).some((r) => r.action === 'device.offline'), 'and no offline change is audited for it');
  // A device whose clock ran an hour fast, then was corrected: its statuses count again at once.
  await devices.recordStatus(report({ at: now + 3_600_000, online: true, unsyncedReads: 2 }));
  await devices.recordStatus(report({ at: now + 1_000, online: false, unsyncedReads: 4 }));
  [pole] = (await devices.overview()).filter((d) => d.deviceId === 'pole-1');
  t.same({ online: pole?.online, unsyncedReads: pole?.unsyncedReads }, { online: false, unsyncedReads: 4 }, 'after a clock correction the device\'s status is recorded');
});

onBothStores(t, 'a signed device request sent several times at once is carried out once; the copies are refused as replays, not answered as store failures', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const key = newSigningKeys();
  await h.services.sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park', approvalRef: 'CHIEF-2026-002', latitude: 41.88, longitude: -87.79, cameras: ['cam0'] }, 'chief');
  await h.services.devices.enroll({ deviceId: 'pole-9', publicKey: rawPublicKey(key.publicKey), siteId: 'site-1' }, 'admin');
  const request = { deviceId: 'pole-9', action: 'relocate' as const, at: h.clock.now(), fields: { siteId: 'site-2' } };
  const payload = { at: request.at, fields: request.fields, signature: signDeviceRequest(request, key.privateKey) };
  const answers = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'POST', url: '/api/v1/provisioning/devices/pole-9/relocate', payload })));
  t.same(answers.map((r) => r.statusCode).sort(), [200, 403, 403], 'one is carried out, two refused');
  for (const r of answers.filter((a) => a.statusCode !== 200)) t.match(r.json(), { code: 'ALPR_ERR_DEVICE_REQUEST', message: /replay/ });
  t.equal((await h.services.audit.query({ action: 'device.relocate', limit: 10 })).length, 1, 'one relocation in the audit chain');
});

onBothStores(t, 'an unsigned relocation is refused alike whether or not the site it names is approved: it learns no site ids', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  await h.services.devices.enroll({ deviceId: 'pole-9', publicKey: rawPublicKey(newSigningKeys().publicKey), siteId: 'site-1' }, 'admin');
  const relocate = (siteId: string) => app.inject({ method: 'POST', url: '/api/v1/provisioning/devices/pole-9/relocate', payload: { at: h.clock.now(), fields: { siteId }, signature: Buffer.alloc(64).toString('base64') } });
  const [approved, unknown] = [await relocate('site-1'), await relocate('no-such-site')];
  t.same([approved.statusCode, unknown.statusCode], [403, 403]);
  t.same(unknown.json(), approved.json(), 'the same answer for an unknown site as for an approved one');
  // Nor which device ids are in service: an unknown and a revoked device get what a wrong signature gets.
  const decommission = (deviceId: string) => app.inject({ method: 'POST', url: `/api/v1/provisioning/devices/${deviceId}/decommission`, payload: { at: h.clock.now(), fields: {}, signature: Buffer.alloc(64).toString('base64') } });
  const enrolled = (await decommission('pole-9')).json();
  const messageOf = (body: { message: string }, id: string) => body.message.replace(id, 'ID');
  t.equal(messageOf((await decommission('pole-nope')).json(), 'pole-nope'), messageOf(enrolled, 'pole-9'), 'an unknown device id is answered as an enrolled one with a wrong signature');
  await h.services.devices.revoke('pole-9', 'admin', 'stolen from its pole');
  t.equal((await decommission('pole-9')).json().message, enrolled.message, 'and so is a revoked one');
});

onBothStores(t, 'a device at a retired site cannot relocate itself to a site in service with its own key', async (t, h) => {
  const key = newSigningKeys();
  await h.services.sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park', approvalRef: 'CHIEF-2026-002', latitude: 41.88, longitude: -87.79, cameras: ['cam0'] }, 'chief');
  await h.services.devices.enroll({ deviceId: 'pole-9', publicKey: rawPublicKey(key.publicKey), siteId: 'site-1' }, 'admin');
  await h.services.sites.retire('site-1', 'chief', 'pole taken down');
  const request = { deviceId: 'pole-9', action: 'relocate' as const, at: h.clock.now(), fields: { siteId: 'site-2' } };
  await t.rejects(h.services.devices.relocate(request, signDeviceRequest(request, key.privateKey)), { code: 'ALPR_ERR_SITE_NOT_APPROVED', message: /site site-1 is retired/ });
  t.equal((await h.store.getDevice('pole-9'))?.siteId, 'site-1', 'it stays where it was, its reads refused');
});

onBothStores(t, 'a device enrollment, revocation, key rotation, relocation or decommissioning whose audit record cannot be written is not made', async (t, h) => {
  const { devices, sites, store } = h.services;
  await sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park', approvalRef: 'CHIEF-2026-002', latitude: 41.88, longitude: -87.79, cameras: ['cam0'] }, 'chief');
  const key = newSigningKeys();
  const signed = (action: 'rotate-key' | 'relocate' | 'decommission', fields: Record<string, string> = {}) => {
    const request = { deviceId: 'pole-9', action, at: h.clock.now(), fields };
    h.clock.advance(1000);
    return { request, signature: signDeviceRequest(request, key.privateKey) };
  };

  let restore = failAudit(h, 'device.enroll');
  await t.rejects(devices.enroll({ deviceId: 'pole-9', publicKey: rawPublicKey(key.publicKey), siteId: 'site-1' }, 'admin'), { code: 'ALPR_ERR_STORE' });
  t.equal(await store.getDevice('pole-9'), null, 'an unrecorded enrollment leaves no device');
  const { token } = await devices.issueEnrollmentToken('site-1', 3600_000, 'admin');
  await t.rejects(devices.enrollWithToken({ token, deviceId: 'pole-9', publicKey: rawPublicKey(key.publicKey) }), { code: 'ALPR_ERR_STORE' });
  t.equal(await store.getDevice('pole-9'), null, 'nor does one with a token');
  restore();
  t.match(await devices.checkEnrollmentToken(token), { siteId: 'site-1' }, 'and the token is not spent');
  await devices.enrollWithToken({ token, deviceId: 'pole-9', publicKey: rawPublicKey(key.publicKey) });

  restore = failAudit(h, 'device.rotateKey');
  const next = newSigningKeys();
  const rotation = signed('rotate-key', { newPublicKey: rawPublicKey(next.publicKey).toString('base64') });
  await t.rejects(devices.rotateKey(rotation.request, rotation.signature, signDeviceRequest(rotation.request, next.privateKey)), { code: 'ALPR_ERR_STORE' });
  restore();
  t.same((await store.getDevice('pole-9'))!.publicKey, rawPublicKey(key.publicKey), 'an unrecorded rotation keeps the old key');

  restore = failAudit(h, 'device.relocate');
  const move = signed('relocate', { siteId: 'site-2' });
  await t.rejects(devices.relocate(move.request, move.signature), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await store.getDevice('pole-9'))!.siteId, 'site-1', 'an unrecorded relocation keeps the site');

  restore = failAudit(h, 'device.decommission');
  const retire = signed('decommission');
  await t.rejects(devices.decommission(retire.request, retire.signature), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await store.getDevice('pole-9'))!.status, 'active', 'an unrecorded decommissioning leaves the device active');

  restore = failAudit(h, 'device.revoke');
  await t.rejects(devices.revoke('pole-9', 'admin', 'stolen from the pole'), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await store.getDevice('pole-9'))!.status, 'active', 'an unrecorded revocation leaves the device active');
  await devices.revoke('pole-9', 'admin', 'stolen from the pole');
  t.equal((await store.getDevice('pole-9'))!.status, 'revoked');
  await t.rejects(devices.revoke('pole-404', 'admin', 'no such pole'), { code: 'ALPR_ERR_NOT_FOUND' });
  t.same((await h.services.audit.query({ limit: 500 })).filter((r) => r.action.startsWith('device.') && r.detail.deviceId === 'pole-9').map((r) => r.action), ['device.enroll', 'device.revoke'], 'the chain holds only what was done');
});

onBothStores(t, 'an appliance request that finds its registration changed since it was checked (revoked meanwhile) changes nothing', async (t, h) => {
  const { devices, store } = h.services;
  const key = newSigningKeys();
  await devices.enroll({ deviceId: 'pole-9', publicKey: rawPublicKey(key.publicKey), siteId: 'site-1' }, 'admin');
  const next = newSigningKeys();
  const request = { deviceId: 'pole-9', action: 'rotate-key' as const, at: h.clock.now(), fields: { newPublicKey: rawPublicKey(next.publicKey).toString('base64') } };
  const checkSigned = devices.checkSigned.bind(devices);
  // An administrator revokes the device right after its signature was checked.
  devices.checkSigned = async (r, s) => {
    const device = await checkSigned(r, s);
    await devices.revoke('pole-9', 'admin', 'stolen from the pole');
    return device;
  };
  t.teardown(() => void (devices.checkSigned = checkSigned));
  await t.rejects(devices.rotateKey(request, signDeviceRequest(request, key.privateKey), signDeviceRequest(request, next.privateKey)), { code: 'ALPR_ERR_CONFLICT' });
  const stored = (await store.getDevice('pole-9'))!;
  t.equal(stored.status, 'revoked', 'the revocation stands');
  t.same(stored.publicKey, rawPublicKey(key.publicKey), 'and the revoked device did not get a new key');
});
