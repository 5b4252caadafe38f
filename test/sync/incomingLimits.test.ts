import t from 'tap';
import { join } from 'node:path';
import { systemClock } from '../../core/index.js';
import { HotlistKeeper } from '../../firmware/hotlist/hotlistKeeper.js';
import { encodeHotlistEntries, sealHotlistUpdate, topics } from '../../sync/index.js';
import { PassThrough } from 'node:stream';
import { guardIncomingPackets, HOTLIST_MESSAGE_MAX_BYTES, MAX_INCOMING_PACKET_BYTES } from '../../sync/incomingLimits.js';
import { randomBytes } from 'node:crypto';
import { captureLogger, eventually, makeRead, serviceAvailable } from '../helpers/index.js';
import { startAclMosquitto } from '../helpers/mosquitto.js';
import { makeDevice, startHub, type Device, type Hub } from '../helpers/syncRig.js';

type Tap = import('tap').Test;

t.setTimeout(3 * 60_000);

/**
 * A hub, an appliance holding a one-entry hot list it got from the hub, syncing reads, and a
 * client logged in as the hub: what a compromised broker (or any client with publish rights on
 * the device's topics) can send.
 */
async function applianceWithList(t: Tap) {
  const hub = await startHub(t);
  const log = captureLogger();
  const device = await makeDevice(t, hub, { logger: log.logger });
  const keeper = new HotlistKeeper({ dir: join(device.dir, 'hotlist'), deviceId: device.deviceId, deviceKey: device.keys.privateKey, hubVerifyKey: hub.keys.sign.publicKey, clock: systemClock, logger: log.logger });
  // What reached the keeper: the point of the limits is that an oversized message never does.
  const delivered: number[] = [];
  device.uplink.onTopic(topics.hotlist(device.deviceId), (bytes) => {
    delivered.push(bytes.length);
    void keeper.receive(bytes);
  });
  await keeper.start();
  t.teardown(() => keeper.stop());
  await device.uplink.start();
  await syncOneRead(hub, device);
  const mqtt = await import('mqtt');
  const broker = await mqtt.connectAsync(hub.broker!.hubUrl, { clientId: `pusher-${process.pid}`, username: 'hub', password: hub.broker!.hubPassword, protocolVersion: 4 });
  t.teardown(() => broker.endAsync());
  const entry = { entryId: 'ncic:1', plate: 'ABC1234', state: 'IL', category: 'stolen_vehicle', priority: 1, source: 'ncic' };
  const list = sealHotlistUpdate({ deviceId: device.deviceId, version: 1, snapshot: true, part: 0, parts: 1, upserts: encodeHotlistEntries([entry]), issuedAtMs: Date.now(), listExpiresAtMs: Date.now() + 86_400_000 }, hub.keys.sign.privateKey, device.keys.publicKey);
  await broker.publishAsync(topics.hotlist(device.deviceId), Buffer.from(list), { qos: 1 });
  await eventually(() => keeper.version === 1, 10_000);
  return { hub, device, keeper, broker, delivered, log };
}

async function syncOneRead(hub: Hub, device: Device): Promise<void> {
  const before = await hub.store.countReads();
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  await eventually(async () => (await hub.store.countReads()) === before + 1, 30_000);
}

/** An MQTT packet's bytes: type byte, remaining length (variable-length), body. */
function packet(type: number, body: Buffer): Buffer {
  const length: number[] = [];
  let n = body.length;
  do {
    length.push((n % 128) | (n >= 128 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return Buffer.concat([Buffer.from([type << 4, ...length]), body]);
}

t.test('the guard passes packets within the limit, however they are cut into reads, and destroys the stream at the header of a larger one', async (t) => {
  const stream = new PassThrough();
  const cuts: string[] = [];
  guardIncomingPackets(stream, 1000, (why) => cuts.push(why));
  const small = Buffer.concat([packet(2, Buffer.alloc(2)), packet(3, Buffer.alloc(900)), packet(13, Buffer.alloc(0))]);
  // Split mid-header and mid-body.
  for (const piece of [small.subarray(0, 5), small.subarray(5, 6), small.subarray(6)]) stream.write(piece);
  await new Promise((resolve) => setImmediate(resolve));
  t.same(cuts, [], 'packets of 4, 903 and 2 bytes pass');
  t.notOk(stream.destroyed);
  // A PUBLISH announcing 100,000,000 bytes: its header and the first bytes of its body.
  stream.write(Buffer.concat([Buffer.from([0x30, 0x80, 0xc2, 0xd7, 0x2f]), Buffer.alloc(64)]));
  await new Promise((resolve) => setImmediate(resolve));
  t.same(cuts, ['the broker sent a 100000005-byte packet (limit 1000)'], 'cut at the header, naming the size it announced');
  t.ok(stream.destroyed, 'the stream is destroyed: nothing more of the body is read');
});

function refusals(log: { lines: () => Array<Record<string, unknown>> }) {
  return log.lines().filter((l) => l.code === 'ALPR_ERR_SYNC_INCOMING_TOO_LARGE');
}

t.test('a hot-list message over the packet limit is cut at its header: the list in force stays, and the appliance reconnects and keeps syncing reads', async (t) => {
  const { hub, device, keeper, broker, delivered, log } = await applianceWithList(t);
  // 20 MiB: over the appliance's 8 MiB, under the embedded broker's own 33 MiB packet limit.
  await broker.publishAsync(topics.hotlist(device.deviceId), Buffer.alloc(20 * 1024 * 1024, 0x41), { qos: 1 });
  await eventually(() => refusals(log).length > 0, 15_000);
  const [refused] = refusals(log);
  t.equal(refused!.msg, 'oversized packet from the broker refused; reconnecting', 'refused at the packet header, not after the whole message was read');
  t.match(String((refused!.err as { message: string }).message), /packet \(limit 8388608\)/, 'the error names the limit');
  t.ok(delivered.every((n) => n <= MAX_INCOMING_PACKET_BYTES), 'the oversized message never reached the hot-list keeper');
  t.equal(keeper.version, 1, 'the hot list in force is unchanged');
  t.equal(keeper.status().entries, 1);
  t.equal(keeper.match('ABC1234', 'IL').length, 1, 'and still matches');
  await eventually(() => device.uplink.stats.connected, 15_000);
  await syncOneRead(hub, device);
  t.pass('the appliance connected again and its next read reached the hub');
});

t.test('a message under the packet limit but over its topic\'s limit is ignored with a typed error, and nothing held changes', async (t) => {
  const { hub, device, keeper, broker, delivered, log } = await applianceWithList(t);
  const keyId = device.uplink.stats.hubKeyId;
  const deliveredBefore = delivered.length;
  // Over the hot-list payload limit by a little: the packet itself is still under 8 MiB.
  await broker.publishAsync(topics.hotlist(device.deviceId), Buffer.alloc(HOTLIST_MESSAGE_MAX_BYTES + 1024, 0x41), { qos: 1 });
  // A config push is a few hundred bytes: 64 KiB is not one.
  await broker.publishAsync(topics.config(device.deviceId), Buffer.alloc(64 * 1024, 0x42), { qos: 1 });
  await eventually(() => refusals(log).length >= 2, 15_000);
  const topicsRefused = refusals(log).map((l) => l.topic).sort();
  t.same(topicsRefused, [topics.config(device.deviceId), topics.hotlist(device.deviceId)], 'both refused, each named by its topic');
  t.ok(refusals(log).every((l) => l.msg === 'oversized message from the broker ignored'), 'by the message check, the connection kept');
  t.equal(delivered.length, deliveredBefore, 'the oversized hot-list message never reached the keeper');
  t.equal(keeper.version, 1, 'the hot list in force is unchanged');
  t.equal(keeper.match('ABC1234', 'IL').length, 1);
  t.equal(device.uplink.stats.hubKeyId, keyId, 'the hub key held is unchanged');
  await syncOneRead(hub, device);
  t.pass('reads still sync');
});

t.test('under MQTT 5 the appliance announces its limit in CONNECT: Mosquitto drops an oversized message for it, and the connection is never cut', async (t) => {
  if (!(await serviceAvailable(t, 'mosquitto'))) return;
  const hubPassword = randomBytes(12).toString('hex');
  const broker = await startAclMosquitto(t, { hub: hubPassword, 'pole-mq5': 'device-secret' });
  const hub = await startHub(t, { brokerUrl: broker.url, hubUser: { username: 'hub', password: hubPassword } });
  const log = captureLogger();
  const device = await makeDevice(t, hub, { deviceId: 'pole-mq5', brokerUrl: broker.url, mqttPassword: 'device-secret', mqttVersion: 5, logger: log.logger });
  const delivered: number[] = [];
  device.uplink.onTopic(topics.hotlist(device.deviceId), (bytes) => void delivered.push(bytes.length));
  let linkUps = 0;
  device.uplink.on('linkUp', () => void linkUps++);
  await device.uplink.start();
  await syncOneRead(hub, device);
  const mqtt = await import('mqtt');
  const pusher = await mqtt.connectAsync(broker.url, { clientId: `pusher-${process.pid}`, username: 'hub', password: hubPassword, protocolVersion: 4 });
  t.teardown(() => pusher.endAsync());
  await pusher.publishAsync(topics.hotlist(device.deviceId), Buffer.alloc(MAX_INCOMING_PACKET_BYTES + 1024, 0x41), { qos: 1 });
  // A small one behind it (QoS 1, in order): once it is here, the large one was not sent.
  await pusher.publishAsync(topics.hotlist(device.deviceId), Buffer.from('after'), { qos: 1 });
  await eventually(() => delivered.includes(5), 15_000);
  t.same(delivered, [5], 'only the small message reached the appliance');
  t.same(refusals(log), [], 'the broker dropped the large one: the appliance never had to cut it');
  t.equal(linkUps, 1, 'the connection stayed up');
  await syncOneRead(hub, device);
  t.pass('reads still sync');
});
