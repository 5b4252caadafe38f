import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
import { HitAlerts } from '../../firmware/hotlist/hitAlerts.js';
import { THIRTY_DAYS_MS } from '../../firmware/index.js';
import { HotlistKeeper } from '../../firmware/hotlist/hotlistKeeper.js';
import { Hub } from '../../hub/index.js';
import { NCIC_MAPPING } from '../../hub/hotlists/importMapping.js';
import { rawPublicKey, topics, Uplink } from '../../sync/index.js';
import { eventually, makeRead, tempDir } from '../helpers/index.js';
import { makeDevice, type Device } from '../helpers/syncRig.js';
import { auditFiles } from '../helpers/auditFiles.js';

type Tap = import('tap').Test;

async function startHub(t: Tap): Promise<Hub> {
  const hub = new Hub({
    dataDir: await tempDir(t, 'alpr-hub-hotlist-'), audit: await auditFiles(t), pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 10 } }, clock: systemClock, logger: silentLogger(),
  });
  await hub.start();
  t.teardown(() => hub.stop());
  await hub.services!.sites.approve({ siteId: 'site-1', name: 'Harlem and North', approvalRef: 'CHIEF-HL-1', latitude: 41.9, longitude: -87.8, cameras: ['cam0'] }, 'chief');
  await hub.services!.hotlists.importExtract(await readFile(new URL('../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  return hub;
}

/** The appliance's side of hot lists over one uplink, as firmware/appliance.ts wires it. */
function applianceSide(t: Tap, hub: Hub, device: Device, uplink: Uplink) {
  const keeper = new HotlistKeeper({ dir: join(device.dir, 'hotlist'), deviceId: device.deviceId, deviceKey: device.keys.privateKey, hubVerifyKey: hub.keys!.sign.publicKey, clock: systemClock, logger: silentLogger() });
  uplink.onTopic(topics.hotlist(device.deviceId), (b) => void keeper.receive(b));
  uplink.setStatusSource(async () => ({ hotlistVersion: keeper.version }));
  const alerts = new HitAlerts({
    dir: join(device.dir, 'alerts'), deviceId: device.deviceId, deviceKey: device.keys.privateKey, keeper, uplink, retryMs: 200, retentionMs: THIRTY_DAYS_MS, clock: systemClock, logger: silentLogger(),
    hub: { verifyKey: hub.keys!.sign.publicKey },
  });
  t.teardown(async () => {
    await alerts.stop();
    await keeper.stop();
  });
  return { keeper, alerts };
}

function newUplink(hub: Hub, device: Device, statusEveryMs = 500): Uplink {
  return new Uplink({
    deviceId: device.deviceId, brokerUrl: hub.broker!.url, source: device.buffer, deviceKey: device.keys.privateKey,
    hub: { sealPublicKey: hub.keys!.seal.publicKey, sealKeyId: hub.keys!.seal.keyId, verifyKey: hub.keys!.sign.publicKey },
    stateDir: device.dir, maxReads: 100, maxBytes: 4 * 1024 * 1024, maxAgeMs: 50, ackTimeoutMs: 2000, backoff: { initialMs: 100, maxMs: 1000 },
    statusEveryMs, clock: systemClock, logger: silentLogger(),
  });
}

t.test('the hub pushes its list to the appliance, which alerts on a hot plate read while the link is down as soon as it returns', async (t) => {
  const hub = await startHub(t);
  const services = hub.services!;
  const device = await makeDevice(t, { store: services.store, keys: hub.keys!, brokerUrl: hub.broker!.url } as never, { register: false });
  await services.devices.enroll({ deviceId: device.deviceId, publicKey: rawPublicKey(device.keys.publicKey), siteId: 'site-1' }, 'admin');
  const online = device.uplink;
  const first = applianceSide(t, hub, device, online);
  await first.keeper.start();
  await online.start();
  await first.alerts.start();
  await eventually(() => first.keeper.version === 1 && first.keeper.status().entries === 8, 15_000);

  // A delta: a detective lists a plate; it reaches the appliance within the poll.
  const { activationToken } = await services.accounts.create({ username: 'd.one', displayName: 'D One', role: 'detective', trainingCompletedAt: Date.now() - 1e9, policySignedAt: Date.now() - 1e9, leadsCertifiedAt: Date.now() - 1e9 }, 'cli:root');
  await services.accounts.activate(activationToken, 'correct horse battery staple cobalt');
  const account = (await services.accounts.list()).find((a) => a.username === 'd.one')!;
  await services.hotlists.addInternal(account, { plate: 'FEL0009', state: 'IL', category: 'felony_vehicle', offense: '120', caseNumber: '26-007700', reason: 'vehicle in the armed robbery on Lake St' });
  await eventually(() => first.keeper.match('FEL0009', 'IL').length === 1, 10_000);

  // The link goes down; a stolen car passes; the hit is kept on disk.
  await first.alerts.stop();
  await online.stop();
  const read = makeRead({ deviceId: device.deviceId, plate: 'ABC1234', region: 'IL', siteId: 'site-1', capturedAt: Date.now() });
  await device.buffer.append(read);
  t.equal(await first.alerts.check(read), 1, 'the appliance matches offline');
  t.equal(await first.alerts.pending(), 1, 'the hit waits on disk');
  t.equal((await services.alerts.stats(0, Date.now() + 1000)).alerts, 0, 'the hub has heard nothing yet');

  // The appliance restarts with the link back: the kept hit goes first and is acknowledged.
  const back = newUplink(hub, device);
  const second = applianceSide(t, hub, device, back);
  await second.keeper.start();
  t.equal(second.keeper.version, first.keeper.version, 'the list was kept across the restart');
  await back.start();
  t.teardown(() => back.stop());
  await second.alerts.start();
  await eventually(async () => (await second.alerts.pending()) === 0, 15_000);
  const [alert] = await services.alerts.list(account, { status: 'open' });
  t.match(alert, { readId: read.id, plate: 'ABC1234', matchedBy: 'appliance', entry: { vehicleMake: 'HOND', category: 'stolen_vehicle' } });
  await eventually(async () => (await device.buffer.stats()).reads === 0, 15_000);
  t.ok(hub.ingest!.stats.duplicates >= 1, 'the batch that carried the read later found it stored already');
  t.equal((await services.alerts.stats(0, Date.now() + 1000)).alerts, 1, 'the hub\'s own match of the batch raised nothing twice');
});

t.test('the hub matches every stored read too: an appliance without the entry still produces an alert', async (t) => {
  const hub = await startHub(t);
  const services = hub.services!;
  const device = await makeDevice(t, { store: services.store, keys: hub.keys!, brokerUrl: hub.broker!.url } as never, { siteId: 'site-1' });
  await device.uplink.start();
  const read = makeRead({ deviceId: device.deviceId, plate: 'B0S125', region: null, siteId: 'site-1', capturedAt: Date.now() });
  await device.buffer.append(read);
  device.uplink.notify();
  await eventually(async () => (await services.alerts.stats(0, Date.now() + 1000)).alerts === 1, 15_000);
  const stored = await services.store.getRead(read.id);
  t.equal(stored?.plate, 'B0S125');
});

t.test('a status that predates the snapshot just sent gets the next change as a delta, not the whole list again', async (t) => {
  const hub = await startHub(t);
  const services = hub.services!;
  const device = await makeDevice(t, { store: services.store, keys: hub.keys!, brokerUrl: hub.broker!.url } as never, { register: false });
  await services.devices.enroll({ deviceId: device.deviceId, publicKey: rawPublicKey(device.keys.publicKey), siteId: 'site-1' }, 'admin');
  // Statuses every 25 ms, so that some reach the hub between a change and its next poll.
  const uplink = newUplink(hub, device, 25);
  const { keeper } = applianceSide(t, hub, device, uplink);
  // Statuses that left before the snapshot was applied (on a busy appliance or a slow link they
  // reach the hub late) still report no list.
  let late = false;
  uplink.setStatusSource(async () => ({ hotlistVersion: late ? 0 : keeper.version }));
  await keeper.start();
  await uplink.start();
  t.teardown(() => uplink.stop());
  await eventually(() => keeper.version === 1, 15_000);
  late = true;
  await new Promise((r) => setTimeout(r, 1200)); // statuses reporting version 0 reach the hub
  const { activationToken } = await services.accounts.create({ username: 'd.two', displayName: 'D Two', role: 'detective', trainingCompletedAt: Date.now() - 1e9, policySignedAt: Date.now() - 1e9, leadsCertifiedAt: Date.now() - 1e9 }, 'cli:root');
  await services.accounts.activate(activationToken, 'correct horse battery staple cobalt');
  const detective = (await services.accounts.list()).find((a) => a.username === 'd.two')!;
  await services.hotlists.addInternal(detective, { plate: 'FEL0010', state: 'IL', category: 'felony_vehicle', offense: '120', caseNumber: '26-007701', reason: 'vehicle seen leaving the armed robbery on Oak Park Ave' });
  await eventually(() => keeper.version === 2, 10_000);
  await new Promise((r) => setTimeout(r, 1200)); // and more late statuses after the change
  t.equal(hub.hotlistPush!.stats.snapshotsSent, 1, 'one snapshot; the change went as a delta');
  t.equal(keeper.match('FEL0010', 'IL').length, 1);
  t.equal(keeper.status().updatesRefused, 0);
});
