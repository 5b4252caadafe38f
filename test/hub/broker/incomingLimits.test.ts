import t from 'tap';
import { join } from 'node:path';
import { systemClock } from '../../../core/index.js';
import { ImageCipher, SqliteStore } from '../../../hub/index.js';
import { startHttpBalancer } from '../../../bench/fleet/httpBalancer.js';
import { connectHubClient } from '../../../hub/broker/hubBrokerClient.js';
import { HUB_CLIENT_MAX_PACKET_BYTES, HUB_MAX_PACKET_BYTES } from '../../../hub/broker/incomingLimits.js';
import { alpr, brokerToken, topics } from '../../../sync/index.js';
import { captureLogger, eventually, makeRead, tempDir } from '../../helpers/index.js';
import { rabbitAvailable, serveBrokerAuth, startRabbitCluster } from '../../helpers/rabbitNode.js';
import { startAclMosquitto } from '../../helpers/mosquitto.js';
import { serviceAvailable } from '../../helpers/services.js';
import { makeDevice, startHub } from '../../helpers/syncRig.js';

t.setTimeout(8 * 60_000);
const HUB = 'hub-secret-for-limits-test';
/** What a stolen device token can publish on the device's own topics when the broker has no limit: 40 MiB. */
const OVERSIZED = Buffer.alloc(40 * 1024 * 1024, 0x41);

/**
 * Publishes at QoS 1 as the device; 'acked' on the broker's PUBACK, 'disconnected' when the broker
 * drops the connection first, 'unacknowledged' when neither comes within 10 s.
 */
async function publishAs(url: string, deviceId: string, password: string, topic: string, payload: Buffer, clientId = `${deviceId}-thief`): Promise<'acked' | 'disconnected' | 'unacknowledged'> {
  const mqtt = await import('mqtt');
  const client = await mqtt.connectAsync(url, { clientId, username: deviceId, password, reconnectPeriod: 0 });
  try {
    return await new Promise((resolve, reject) => {
      client.once('close', () => resolve('disconnected'));
      setTimeout(() => resolve('unacknowledged'), 10_000).unref();
      client.publish(topic, payload, { qos: 1 }, (err) => (err ? reject(err) : resolve('acked')));
    });
  } finally {
    await client.endAsync(true);
  }
}

t.test('over MQTT 5 (a shared group) a broker without a packet limit never hands ingest a 40 MiB batch, and the device\'s later batches are stored', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const broker = await startAclMosquitto(tt, { hub: HUB, 'pole-aaa': 'secret-a' }, { packetLimit: false });
  const log = captureLogger();
  const hub = await startHub(tt, { brokerUrl: broker.url, hubUser: { username: 'hub', password: HUB }, sharedGroup: 'alpr-hub', logger: log.logger });
  const device = await makeDevice(tt, hub, { deviceId: 'pole-aaa', brokerUrl: broker.url, mqttPassword: 'secret-a' });
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: 'pole-aaa', capturedAt: Date.now() }));
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 1, 20_000);

  await publishAs(broker.url, 'pole-aaa', 'secret-a', topics.reads('pole-aaa'), OVERSIZED);
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: 'pole-aaa', capturedAt: Date.now() }));
  await eventually(async () => (await hub.store.countReads()) === 2, 30_000).catch(() => undefined);
  tt.equal(await hub.store.countReads(), 2, 'the read stored before is kept and the next batch is stored');
  tt.equal(hub.ingest.stats.refused, 0, 'the oversized batch never reached ingest (the broker dropped it for the hub)');
  tt.notOk(log.lines().some((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE'), 'no connection of the hub had to be cut');
});

t.test('under MQTT 3.1.1 a hub client cuts a packet over the limit at its header, logs ALPR_ERR_HUB_INCOMING_TOO_LARGE, and takes the next message', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const broker = await startAclMosquitto(tt, { hub: HUB, 'pole-aaa': 'secret-a' }, { packetLimit: false });
  const log = captureLogger();
  // The hot-list push's kind of client: a clean session subscribed to every status.
  const hub = await connectHubClient({ brokerUrl: broker.url, username: 'hub', password: HUB, sharedGroup: null, clientId: 'hub-limits-test' }, 'clean', { clock: systemClock, logger: log.logger });
  tt.teardown(() => hub.end());
  const sizes: number[] = [];
  hub.client.on('message', (_topic, payload) => sizes.push(payload.length));
  hub.client.on('connect', () => hub.client.subscribe(topics.allStatus, { qos: 1 }));
  await eventually(() => hub.client.connected, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 300));

  await publishAs(broker.url, 'pole-aaa', 'secret-a', topics.status('pole-aaa'), OVERSIZED);
  await eventually(() => log.lines().some((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE'), 20_000).catch(() => undefined);
  tt.ok(log.lines().some((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE'), 'the cut is logged with its code');
  const status = Buffer.from(alpr.v1.DeviceStatus.encode({ deviceId: 'pole-aaa', online: true, atMs: Date.now() }).finish());
  // As a device does on its status period, until the client has reconnected and subscribed again.
  await eventually(async () => {
    await publishAs(broker.url, 'pole-aaa', 'secret-a', topics.status('pole-aaa'), status);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return sizes.includes(status.length);
  }, 20_000).catch(() => undefined);
  tt.ok(sizes.includes(status.length), 'the next status arrives on the new connection');
  tt.ok(sizes.every((n) => n <= HUB_CLIENT_MAX_PACKET_BYTES), 'nothing over the limit reached the client');
});

t.test('under MQTT 3.1.1 ingest\'s persistent session drops a 40 MiB batch the broker redelivers at every reconnect, and stores the device\'s later batches', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const broker = await startAclMosquitto(tt, { hub: HUB, 'pole-aaa': 'secret-a' }, { packetLimit: false });
  const log = captureLogger();
  const hub = await startHub(tt, { brokerUrl: broker.url, hubUser: { username: 'hub', password: HUB }, logger: log.logger });
  const device = await makeDevice(tt, hub, { deviceId: 'pole-aaa', brokerUrl: broker.url, mqttPassword: 'secret-a' });
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: 'pole-aaa', capturedAt: Date.now() }));
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 1, 20_000);

  await publishAs(broker.url, 'pole-aaa', 'secret-a', topics.reads('pole-aaa'), OVERSIZED);
  await eventually(() => log.lines().some((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE'), 20_000).catch(() => undefined);
  for (let i = 0; i < 3; i++) await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: 'pole-aaa', capturedAt: Date.now() }));
  await eventually(async () => (await hub.store.countReads()) === 4, 30_000).catch(() => undefined);
  tt.equal(await hub.store.countReads(), 4, 'the read stored before is kept and the next batches are stored');
  tt.equal(log.lines().filter((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE').length, 1, 'cut once, not at every reconnect');
  tt.equal(hub.ingest.stats.refused, 0, 'the oversized batch never reached ingest');
  tt.ok(hub.ingest.connected, 'ingest is connected (readiness)');
});

t.test('a batch the embedded broker admits at its limit reaches ingest uncut, and gets its negative ack there', async (tt) => {
  const log = captureLogger();
  const hub = await startHub(tt, { logger: log.logger });
  const device = await makeDevice(tt, hub);
  const topic = topics.reads(device.deviceId);
  // Remaining length (topic length, topic, packet id, payload) exactly at the broker's limit.
  const payload = Buffer.alloc(HUB_MAX_PACKET_BYTES - 2 - Buffer.byteLength(topic) - 2, 0x41);
  tt.equal(await publishAs(hub.brokerUrl, device.deviceId, brokerToken(device.deviceId, device.keys.privateKey, Date.now()), topic, payload, device.deviceId), 'acked', 'the broker admits it');
  await eventually(() => hub.ingest.stats.refused === 1, 20_000).catch(() => undefined);
  tt.equal(hub.ingest.stats.refused, 1, 'ingest refused it as over 32 MiB (the negative ack that makes an appliance split a batch)');
  tt.notOk(log.lines().some((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE'), 'the hub\'s client did not cut it');
});

t.test('a status over 32 KiB is discarded unread and counted against its device; the device\'s batches go on', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const broker = await startAclMosquitto(tt, { hub: HUB, 'pole-aaa': 'secret-a' });
  const log = captureLogger();
  const hub = await startHub(tt, { brokerUrl: broker.url, hubUser: { username: 'hub', password: HUB }, logger: log.logger });
  const device = await makeDevice(tt, hub, { deviceId: 'pole-aaa', brokerUrl: broker.url, mqttPassword: 'secret-a' });
  await publishAs(broker.url, 'pole-aaa', 'secret-a', topics.status('pole-aaa'), Buffer.alloc(100_000, 0x42));
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: 'pole-aaa', capturedAt: Date.now() }));
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 1, 20_000);
  tt.same(hub.ingest.stats.oversizedByDevice, { 'pole-aaa': 1 }, 'counted against the device whose topic it came on');
  tt.ok(log.lines().some((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE' && l.deviceId === 'pole-aaa'), 'logged with its code and device');
});

t.test('the shipped Mosquitto limit refuses a 40 MiB publish from the device itself; nothing reaches the hub and stored reads stay', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const broker = await startAclMosquitto(tt, { hub: HUB, 'pole-aaa': 'secret-a' });
  const hub = await startHub(tt, { brokerUrl: broker.url, hubUser: { username: 'hub', password: HUB } });
  const device = await makeDevice(tt, hub, { deviceId: 'pole-aaa', brokerUrl: broker.url, mqttPassword: 'secret-a' });
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: 'pole-aaa', capturedAt: Date.now() }));
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 1, 20_000);
  tt.equal(await publishAs(broker.url, 'pole-aaa', 'secret-a', topics.reads('pole-aaa'), OVERSIZED), 'disconnected', 'the broker disconnects the publisher');
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: 'pole-aaa', capturedAt: Date.now() }));
  await eventually(async () => (await hub.store.countReads()) === 2, 20_000);
  tt.equal(hub.ingest.stats.refused, 0, 'the oversized batch never reached ingest');
});

t.test('through a RabbitMQ 3.10 node as shipped, a 40 MiB publish from a device is refused by the node (max_message_size), a 100 KB status is discarded by AMQP ingest and counted, and the device\'s batches are stored', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  // A node boots in about 50 s of CPU, minutes on busy cores.
  tt.setTimeout(6 * 60_000);
  let authUrl: string | null = null;
  const balancer = await startHttpBalancer(() => (authUrl ? [authUrl] : []));
  tt.teardown(() => balancer.close());
  // Ports of their own: the other RabbitMQ tests take 21000-25499 and 29000-29499.
  const cluster = await startRabbitCluster(tt, { nodes: 1, basePort: 28000 + (process.pid % 50) * 10, hubHttpUrl: balancer.url, tag: 'limits' });
  const dir = await tempDir(tt, 'alpr-limits-');
  const store = new SqliteStore({ path: join(dir, 'hub.db'), images: new ImageCipher(Buffer.alloc(32, 7)), now: Date.now });
  await store.migrate();
  tt.teardown(() => store.close());
  const log = captureLogger();
  const hub = await startHub(tt, { store, brokerUrl: cluster.mqttUrls[0]!, hubUser: cluster.hubUser, amqp: { urls: cluster.amqpUrls }, logger: log.logger });
  authUrl = await serveBrokerAuth(tt, store, cluster.hubUser);
  const device = await makeDevice(tt, hub, { brokerUrl: cluster.mqttUrls[0]! });
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  await device.uplink.start();
  await eventually(async () => (await store.countReads()) === 1, 60_000);

  const token = () => brokerToken(device.deviceId, device.keys.privateKey, Date.now());
  // 3.10 closes the AMQP channel behind the device's connection (precondition_failed, in the
  // node's log) and leaves the MQTT connection open without a PUBACK.
  tt.not(await publishAs(cluster.mqttUrls[0]!, device.deviceId, token(), topics.reads(device.deviceId), OVERSIZED), 'acked', 'the node takes no 40 MiB publish from a device');
  tt.equal(await publishAs(cluster.mqttUrls[0]!, device.deviceId, token(), topics.status(device.deviceId), Buffer.alloc(100_000, 0x42)), 'acked', 'a 100 KB status passes the node');
  await eventually(() => (hub.ingest.stats.oversizedByDevice[device.deviceId] ?? 0) === 1, 30_000).catch(() => undefined);
  tt.same(hub.ingest.stats.oversizedByDevice, { [device.deviceId]: 1 }, 'ingest discarded the status unread and counted it against the device');
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  await eventually(async () => (await store.countReads()) === 2, 60_000).catch(() => undefined);
  tt.equal(await store.countReads(), 2, 'the read stored before is kept and the next batch is stored');
  tt.equal(hub.ingest.stats.refused, 0, 'the oversized batch never reached ingest');
});
