import t from 'tap';
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { alpr, brokerToken, sealBatch, topics } from '../../../sync/index.js';
import { eventually } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';
import { makeDevice, startHub, type Device, type Hub } from '../../helpers/syncRig.js';

type Tap = import('tap').Test;

/** A device's own MQTT connection, with the acks it receives. */
async function connect(t: Tap, hub: Hub, device: Device) {
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now()), protocolVersion: 4 });
  t.teardown(() => client.endAsync());
  const acks: alpr.v1.BatchAck[] = [];
  await client.subscribeAsync(topics.acks(device.deviceId), { qos: 1 });
  client.on('message', (_topic, payload) => acks.push(alpr.v1.BatchAck.decode(alpr.v1.SignedAck.decode(payload).ack)));
  return { client, acks };
}

/**
 * A hub whose store holds the site registry, with site-1 approved for cam0 and cam1 (hubHarness):
 * ingest takes reads only from a site approved and in service, by a camera it lists.
 */
async function siteHub(t: Tap, options: Omit<NonNullable<Parameters<typeof startHub>[1]>, 'store'> = {}) {
  const h = (await harness(t, 'sqlite'))!;
  return { h, hub: await startHub(t, { ...options, store: h.store }) };
}

const wireRead = (capturedAtMs: number, plate: string, cameraId = 'cam0') => ({
  id: randomUUID(), capturedAtMs, siteId: 'site-1', cameraId, plate, confidence: 0.9, cropJpeg: Buffer.from('crop'), contextJpeg: Buffer.from('context'),
});

const send = async (client: mqtt.MqttClient, hub: Hub, device: Device, sequence: number, reads: Array<ReturnType<typeof wireRead>>) => {
  const hubKey = { publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId };
  await client.publishAsync(topics.reads(device.deviceId), Buffer.from(sealBatch({ deviceId: device.deviceId, sequence, reads }, device.keys.privateKey, hubKey)), { qos: 1 });
};

t.test('a read dated beyond the allowed clock skew is refused by name in the ack and counted; the rest of its batch is stored', async (t) => {
  const { hub } = await siteHub(t, { maxFutureSkewMs: 5 * 60_000 });
  const device = await makeDevice(t, hub);
  const { client, acks } = await connect(t, hub, device);
  const now = Date.now();
  const farAhead = wireRead(now + 400 * 86_400_000, 'FUT4001');
  const justAhead = wireRead(now + 10 * 60_000, 'FUT0010');
  const withinSkew = wireRead(now + 60_000, 'SKW0001');
  const ordinary = wireRead(now - 1000, 'ORD0001');
  const hubKey = { publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId };
  await client.publishAsync(topics.reads(device.deviceId), Buffer.from(sealBatch({ deviceId: device.deviceId, sequence: 1, reads: [farAhead, justAhead, withinSkew, ordinary] }, device.keys.privateKey, hubKey)), { qos: 1 });
  await eventually(() => acks.length === 1, 5000);
  const [ack] = acks;
  t.same(ack!.acceptedReadIds.sort(), [withinSkew.id, ordinary.id].sort(), 'reads within the skew are stored');
  t.same(ack!.rejected.map((r) => r.readId).sort(), [farAhead.id, justAhead.id].sort(), 'the future-dated reads are named in the ack');
  t.match(ack!.rejected[0]!.reason, /ahead of the hub's clock/);
  t.equal(hub.ingest.stats.futureReads, 2, 'and counted');
  t.same((await hub.store.allReadIds()).sort(), [withinSkew.id, ordinary.id].sort(), 'nothing future-dated reached the store');
});

t.test('a read captured before the 30-day retention, as a batch sent again after the purge carries, is refused by name and counted; nothing of it comes back', async (t) => {
  const { hub } = await siteHub(t);
  const device = await makeDevice(t, hub);
  const { client, acks } = await connect(t, hub, device);
  const now = Date.now();
  const purged = wireRead(now - 31 * 86_400_000, 'OLD0031');
  const ancient = wireRead(now - 400 * 86_400_000, 'OLD0400');
  const recent = wireRead(now - 29 * 86_400_000, 'NEW0029');
  await send(client, hub, device, 1, [purged, ancient, recent]);
  await eventually(() => acks.length === 1, 5000);
  t.same(acks[0]!.acceptedReadIds, [recent.id], 'a read within the 30 days is stored');
  t.same(acks[0]!.rejected.map((r) => r.readId).sort(), [purged.id, ancient.id].sort(), 'the older ones are named in the ack');
  t.match(acks[0]!.rejected[0]!.reason, /before the retention period/);
  t.equal(hub.ingest.stats.expiredReads, 2, 'and counted');
  t.same(await hub.store.allReadIds(), [recent.id], 'nothing older than the retention reached the store');
});

t.test('a read sent again with another capture time (resealed with a new clock correction) is acked and counted as a duplicate, never stored twice; once purged, its resend is refused as expired', async (t) => {
  const { h, hub } = await siteHub(t);
  const device = await makeDevice(t, hub);
  const { client, acks } = await connect(t, hub, device);
  const now = Date.now();
  // A second before yesterday's midnight (UTC), then resealed two seconds later: another capture day.
  const midnight = Math.floor(now / 86_400_000) * 86_400_000 - 86_400_000;
  const read = wireRead(midnight - 1000, 'DUP0001');
  await send(client, hub, device, 1, [read]);
  await eventually(() => acks.length === 1, 5000);
  await send(client, hub, device, 2, [{ ...read, capturedAtMs: midnight + 1000 }]);
  await eventually(() => acks.length === 2, 5000);
  t.same(acks[1]!.acceptedReadIds, [read.id], 'acked, so the appliance lets it go');
  t.equal(hub.ingest.stats.duplicates, 1, 'counted as a duplicate');
  t.equal(hub.ingest.stats.readsStored, 1);
  t.same(await hub.store.allReadIds(), [read.id], 'one read');
  t.equal((await hub.store.getRead(read.id))?.capturedAt, midnight - 1000, 'the first copy stands');

  // A read stored 31 days ago and purged: the store holds its id no longer, and ingest's age check refuses it.
  const [old] = await h.addReads([{ deviceId: device.deviceId, capturedAt: now - 31 * 86_400_000, receivedAt: now - 31 * 86_400_000 }]);
  await hub.store.purgeReadsBefore(now - 30 * 86_400_000);
  await send(client, hub, device, 3, [{ ...wireRead(now - 31 * 86_400_000 + 2000, 'ABC1234'), id: old!.id as ReturnType<typeof randomUUID> }]);
  await eventually(() => acks.length === 3, 5000);
  t.same(acks[2]!.rejected.map((r) => r.readId), [old!.id], 'refused by name');
  t.match(acks[2]!.rejected[0]!.reason, /before the retention period/);
  t.same(await hub.store.allReadIds(), [read.id], 'and not stored again');
});

t.test('each read keeps the colour the appliance judged; an older appliance\'s read is stored as unknown; an unknown colour name is refused by name and nothing of it is stored', async (t) => {
  const { hub } = await siteHub(t);
  const device = await makeDevice(t, hub);
  const { client, acks } = await connect(t, hub, device);
  const now = Date.now();
  const red = { ...wireRead(now - 3000, 'COL0001'), vehicleColour: 'red' };
  const older = wireRead(now - 2000, 'COL0002');
  const purple = { ...wireRead(now - 1000, 'COL0003'), vehicleColour: 'purple' };
  const hubKey = { publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId };
  await client.publishAsync(topics.reads(device.deviceId), Buffer.from(sealBatch({ deviceId: device.deviceId, sequence: 1, reads: [red, older, purple] }, device.keys.privateKey, hubKey)), { qos: 1 });
  await eventually(() => acks.length === 1, 5000);
  t.same(acks[0]!.acceptedReadIds.sort(), [red.id, older.id].sort());
  t.same(acks[0]!.rejected.map((r) => [r.readId, r.reason]), [[purple.id, 'vehicle_colour must be one of white, black, grey, silver, red, blue, green, yellow, brown, orange, unknown']]);
  t.equal((await hub.store.getRead(red.id))?.vehicleColour, 'red');
  t.equal((await hub.store.getRead(older.id))?.vehicleColour, 'unknown');
  t.equal(await hub.store.getRead(purple.id), null);
});

t.test('a status with a 100 KB health field or a hot-list version beyond a safe integer is refused and counted; a sound one is passed on with its version', async (t) => {
  const hub = await startHub(t);
  const device = await makeDevice(t, hub);
  const { client } = await connect(t, hub, device);
  const seen: unknown[] = [];
  hub.ingest.on('deviceStatus', (report) => seen.push({ health: report.health, hotlistVersion: report.hotlistVersion }));
  const status = (healthJson: string, hotlistVersion = 7) => Buffer.from(alpr.v1.DeviceStatus.encode({ deviceId: device.deviceId, online: true, atMs: Date.now(), healthJson, hotlistVersion }).finish());
  await client.publishAsync(topics.status(device.deviceId), status(JSON.stringify({ note: 'x'.repeat(100_000) })), { qos: 1, retain: true });
  await client.publishAsync(topics.status(device.deviceId), status('{"uptimeS": 5'), { qos: 1, retain: true });
  await client.publishAsync(topics.status(device.deviceId), status('{}', 2 ** 60), { qos: 1, retain: true });
  await client.publishAsync(topics.status(device.deviceId), status(JSON.stringify({ uptimeS: 5 })), { qos: 1, retain: true });
  await eventually(() => seen.length === 1, 5000);
  t.equal(hub.ingest.stats.statusRefused, 3, 'the oversized, the malformed and the out-of-range status were refused and counted');
  t.same(seen, [{ health: { uptimeS: 5 }, hotlistVersion: 7 }]);
});

t.test('once its site is retired, a device still enrolled there has every read of its batches refused by name in the ack and counted: nothing of them is stored or found by a search, and what it sent before stays', async (t) => {
  const { h, hub } = await siteHub(t);
  const device = await makeDevice(t, hub);
  const { client, acks } = await connect(t, hub, device);
  const before = wireRead(Date.now() - 2000, 'RET0001');
  await send(client, hub, device, 1, [before]);
  await eventually(() => acks.length === 1, 5000);
  t.same(acks[0]!.acceptedReadIds, [before.id], 'stored while the site was in service');

  await h.services.sites.retire('site-1', 'admin-1', 'pole taken down');
  t.equal((await hub.store.getDevice(device.deviceId))?.status, 'active', 'the device itself is still enrolled');
  const after = [wireRead(Date.now() - 1000, 'RET0002'), wireRead(Date.now() - 500, 'RET0003', 'cam1')];
  await send(client, hub, device, 2, after);
  await eventually(() => acks.length === 2, 5000);
  const ack = acks[1]!;
  t.equal(ack.batchError, '', 'the batch is acked, not refused whole: the appliance does not send it again');
  t.same(ack.acceptedReadIds, [], 'no read of it was accepted');
  t.same(ack.rejected.map((r) => r.readId).sort(), after.map((r) => r.id).sort(), 'each read is named in the ack');
  t.match(ack.rejected[0]?.reason, /site site-1 is retired/, 'the reason names the retired site');
  t.equal(hub.ingest.stats.siteReads, 2, 'and counted');
  t.same(await hub.store.allReadIds(), [before.id], 'nothing of it reached the store; the read stored before is kept');

  // What an officer would find: the read from before the retirement, none from after.
  const officer = await h.user('officer');
  const search = (plate: string) => h.services.search.search(officer.account, {
    purpose: 'stolen_vehicle', offense: '240', caseNumber: '26-004512', description: 'silver sedan stolen from a driveway', plate, mode: 'exact', from: Date.now() - 3_600_000, to: Date.now() + 60_000,
  });
  t.equal((await search('RET0001')).hits.length, 1, 'the search finds reads (the one stored before)');
  t.equal((await search('RET0002')).hits.length, 0, 'and no read sent after the retirement');
  t.equal((await search('RET0003')).hits.length, 0);
});

t.test('a read by a camera its site does not list is refused by name in the ack and counted; the reads of the listed cameras in its batch are stored', async (t) => {
  const { hub } = await siteHub(t);
  const device = await makeDevice(t, hub);
  const { client, acks } = await connect(t, hub, device);
  const now = Date.now();
  const listed = [wireRead(now - 3000, 'CAM0001', 'cam0'), wireRead(now - 2000, 'CAM0002', 'cam1')];
  const unlisted = wireRead(now - 1000, 'CAM0009', 'cam9');
  await send(client, hub, device, 1, [...listed, unlisted]);
  await eventually(() => acks.length === 1, 5000);
  t.same(acks[0]!.acceptedReadIds.sort(), listed.map((r) => r.id).sort(), 'the listed cameras\' reads are stored');
  t.same(acks[0]!.rejected.map((r) => [r.readId, r.reason]), [[unlisted.id, 'camera cam9 is not one the site site-1 lists']], 'the unlisted camera\'s read is named with its reason');
  t.equal(hub.ingest.stats.siteReads, 1, 'and counted');
  t.equal(await hub.store.getRead(unlisted.id), null, 'nothing of it is stored');
});
