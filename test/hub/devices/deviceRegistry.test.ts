import t from 'tap';
import { onBothStores } from '../../helpers/hubHarness.js';

const report = (overrides = {}) => ({ deviceId: 'pole-1', online: true, at: Date.now(), unsyncedReads: 3, oldestUnsyncedAgeS: 12, tamperOpen: false, health: { uptimeS: 60 }, ...overrides });

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
