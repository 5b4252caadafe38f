import t from 'tap';
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { alpr, brokerToken, sealBatch, topics } from '../../../sync/index.js';
import { eventually } from '../../helpers/index.js';
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

const wireRead = (capturedAtMs: number, plate: string) => ({
  id: randomUUID(), capturedAtMs, siteId: 'site-1', cameraId: 'cam0', plate, confidence: 0.9, cropJpeg: Buffer.from('crop'), contextJpeg: Buffer.from('context'),
});

t.test('a read dated beyond the allowed clock skew is refused by name in the ack and counted; the rest of its batch is stored', async (t) => {
  const hub = await startHub(t, { maxFutureSkewMs: 5 * 60_000 });
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

t.test('each read keeps the colour the appliance judged; an older appliance\'s read is stored as unknown; an unknown colour name is refused by name and nothing of it is stored', async (t) => {
  const hub = await startHub(t);
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
