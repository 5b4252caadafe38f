import t from 'tap';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../../core/index.js';
import mqtt from 'mqtt';
import { createHubServices, ImageCipher, IngestService, loadOrCreateHubKeys, SqliteStore, type HubKeys, type HubStore, type IngestOptions } from '../../../hub/index.js';
import { AmqpIngestTransport } from '../../../hub/ingest/amqpIngestTransport.js';
import { HotlistPush } from '../../../hub/hotlists/hotlistPush.js';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { alpr, newSigningKeys, rawPublicKey, topics } from '../../../sync/index.js';
import { startHttpBalancer } from '../../../bench/fleet/httpBalancer.js';
import { amqpNode } from '../../helpers/amqpNode.js';
import { captureLogger, eventually, makeRead, tempDir } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';
import { rabbitAvailable, serveBrokerAuth, startRabbitCluster, type RabbitCluster } from '../../helpers/rabbitNode.js';
import { makeDevice, startHub } from '../../helpers/syncRig.js';

type Tap = import('tap').Test;

// Ports no other test uses, below the ephemeral range: the ACL test takes 21000-21499, the fleet
// test 22000-22899.
const BASE_PORT = 23000 + (process.pid % 50) * 10;
t.setTimeout(4 * 60_000);

t.test('a batch one hub process cannot store goes back to the RabbitMQ queue and another process stores it, with no resend from the appliance; acks reach devices at QoS 0', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  let authUrl: string | null = null;
  const balancer = await startHttpBalancer(() => (authUrl ? [authUrl] : []));
  tt.teardown(() => balancer.close());
  const cluster = await startRabbitCluster(tt, { nodes: 1, basePort: BASE_PORT, hubHttpUrl: balancer.url });

  const dir = await tempDir(tt, 'alpr-amqp-ingest-');
  const imageKey = Buffer.alloc(32, 7);
  const store = new SqliteStore({ path: join(dir, 'hub.db'), images: new ImageCipher(imageKey), now: Date.now });
  await store.migrate();
  tt.teardown(() => store.close());
  await approveSite(store);
  const amqp = { urls: cluster.amqpUrls };
  const hub = await startHub(tt, { store, brokerUrl: cluster.mqttUrls[0]!, hubUser: cluster.hubUser, amqp });

  // The node admits the device through the hub's auth endpoints, as in a deployment.
  authUrl = await serveBrokerAuth(tt, store, cluster.hubUser);

  // A second hub process on the same queue whose database is gone: every batch it takes fails.
  const lostDb = new SqliteStore({ path: join(dir, 'hub.db'), images: new ImageCipher(imageKey), now: Date.now });
  await lostDb.close();
  const brokenLog = captureLogger();
  const broken = new IngestService({
    brokerUrl: cluster.mqttUrls[0]!, username: cluster.hubUser.username, password: cluster.hubUser.password, sharedGroup: null, clientId: 'hub-without-db', amqp,
    store: lostDb, keys: hub.keys, maxBatchBytes: 32 * 1024 * 1024, maxImageBytes: 4 * 1024 * 1024, now: Date.now, logger: brokenLog.logger,
  });
  await broken.start();
  tt.teardown(() => broken.stop());

  // An ack timeout far beyond the test: only the broker's redelivery can bring a failed batch in.
  const device = await makeDevice(tt, hub, { maxReads: 10, ackTimeoutMs: 120_000 });
  // A second subscriber to the device's acks (the hub's own account may read any topic), at QoS 1
  // as the appliance subscribes: the QoS each ack arrives with is the one the hub sent it at.
  const watcher = await mqtt.connectAsync(cluster.mqttUrls[0]!, { username: cluster.hubUser.username, password: cluster.hubUser.password, clientId: 'ack-watcher', clean: true });
  tt.teardown(() => watcher.endAsync(true));
  const ackQos: number[] = [];
  watcher.on('message', (_topic, _payload, packet) => ackQos.push(packet.qos));
  await watcher.subscribeAsync(topics.acks(device.deviceId), { qos: 1 });
  const reads = Array.from({ length: 200 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 90_000).catch(() => undefined);
  tt.equal((await device.buffer.stats()).reads, 0, 'the appliance drained its buffer');

  const failed = brokenLog.lines().filter((l) => l.msg === 'ingest failed; the broker will redeliver').length;
  tt.ok(failed > 0, `the process without its database took ${failed} batch(es) and gave them back`);
  const counters = await store.ingestCounters(device.deviceId);
  tt.equal(counters.readsStored, 200, 'every read stored once');
  tt.equal(await store.countReads(), 200);
  tt.equal(counters.resentBatches, 0, 'the appliance never resent a batch: the queue handed each failed one to the other process');
  // Transient and unacknowledged by the device: no disk write on the queue's mirrors, no PUBACK.
  tt.ok(ackQos.length > 0 && ackQos.every((q) => q === 0), `acks arrived at QoS 0 (${ackQos.length} seen: ${[...new Set(ackQos)].join(', ')})`);
});

/** The site registry on `store`, with site-1 approved for cam0: ingest takes reads only from an approved site's listed cameras. */
async function approveSite(store: HubStore): Promise<void> {
  const services = await createHubServices({ store, clock: systemClock, logger: silentLogger(), keys: { imageKey: randomBytes(32), sign: newSigningKeys() }, policy: { passwordCost: { logN: 10 } } });
  await services.sites.approve({ siteId: 'site-1', name: 'Harlem and North', approvalRef: 'CHIEF-2026-001', latitude: 41.887, longitude: -87.806, cameras: ['cam0'] }, 'chief');
}

const hubLogin = (cluster: RabbitCluster) => ({ brokerUrl: cluster.mqttUrls[0]!, username: cluster.hubUser.username, password: cluster.hubUser.password, sharedGroup: null });

/** A hub process's ingest on the cluster's queues (not started). */
const statusIngest = (cluster: RabbitCluster, store: HubStore, keys: HubKeys, options: Pick<IngestOptions, 'recordStatus'>) => new IngestService({
  ...hubLogin(cluster), clientId: `hub-ingest-${randomBytes(3).toString('hex')}`, amqp: { urls: cluster.amqpUrls }, store, keys,
  maxBatchBytes: 1024 * 1024, maxImageBytes: 1024 * 1024, now: Date.now, logger: silentLogger(), ...options,
});

/** A device's status as the MQTT plugin routes it: to amq.topic, where the MQTT subscriptions are bound too. */
async function publishStatus(tt: Tap, cluster: RabbitCluster, status: alpr.v1.IDeviceStatus): Promise<void> {
  const { default: amqp } = await import('amqplib');
  const publisher = await amqp.connect({ hostname: '127.0.0.1', port: Number(new URL(cluster.amqpUrls[0]!).port), username: cluster.hubUser.username, password: cluster.hubUser.password });
  tt.teardown(() => publisher.close());
  const channel = await publisher.createChannel();
  channel.publish('amq.topic', `alpr.v1.${status.deviceId}.status`, Buffer.from(alpr.v1.DeviceStatus.encode(status).finish()));
}

/** One private node for the status tests, booted by the first (a boot costs seconds); no device logs in, so the auth backend is never asked. */
let statusNode: Promise<RabbitCluster> | null = null;
const statusCluster = () => (statusNode ??= startRabbitCluster(t, { nodes: 1, basePort: BASE_PORT + 5, hubHttpUrl: 'http://127.0.0.1:9', tag: 'status' }));

t.test('each device status is handled by one of the hub processes on the queue, in the order sent, and another takes over when that one stops', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  const cluster = await statusCluster();
  const options = { urls: cluster.amqpUrls, username: cluster.hubUser.username, password: cluster.hubUser.password, logger: silentLogger() };
  const received: Array<{ process: string; n: number }> = [];
  const processes = ['a', 'b', 'c'].map((name) => ({ name, transport: new AmqpIngestTransport(options) }));
  for (const p of processes) {
    await p.transport.start(async (topic, payload) => {
      if (topic === topics.status('pole-1')) received.push({ process: p.name, n: payload.readUInt32BE(0) });
    });
    tt.teardown(() => p.transport.stop());
  }
  const send = async (from: number, count: number) => {
    for (let n = from; n < from + count; n++) {
      const payload = Buffer.alloc(4);
      payload.writeUInt32BE(n);
      // As the MQTT plugin routes a device's status: amq.topic, alpr.v1.pole-1.status.
      processes.find((p) => p.transport.connected)!.transport.publish(topics.status('pole-1'), payload, { retain: false });
    }
    await eventually(() => received.length >= from + count, 10_000).catch(() => undefined);
  };
  await send(0, 50);
  await new Promise((resolve) => setTimeout(resolve, 500));
  tt.equal(received.length, 50, 'each status handled once, not once per hub process');
  tt.same(received.map((r) => r.n), Array.from({ length: 50 }, (_, i) => i), 'in the order sent');
  const active = received[0]!.process;
  tt.ok(received.every((r) => r.process === active), 'by one process at a time');
  await processes.find((p) => p.name === active)!.transport.stop();
  await send(50, 20);
  await new Promise((resolve) => setTimeout(resolve, 500));
  tt.equal(received.length, 70, 'after that process stops, another handles the next statuses, each once');
  tt.ok(received.slice(50).every((r) => r.process !== active), 'none of them by the stopped one');
});

t.test('over AMQP a device status is answered by the hot-list push of one hub process: two processes, one status, one push', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  const cluster = await statusCluster();
  const h = (await harness(tt, 'sqlite'))!;
  await h.services.hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  const deviceKeys = newSigningKeys();
  await h.services.devices.enroll({ deviceId: 'pole-hot', publicKey: rawPublicKey(deviceKeys.publicKey), siteId: 'site-1' }, 'test');
  const keys = await loadOrCreateHubKeys(join(await tempDir(tt), 'keys'));
  // Two hub processes as hubProcess.ts wires them in AMQP mode: the push takes its statuses from ingest.
  const pushes: HotlistPush[] = [];
  for (const name of ['a', 'b']) {
    const ingest = statusIngest(cluster, h.store, keys, {});
    const push = new HotlistPush({
      ...hubLogin(cluster), clientId: `hub-hotlist-${name}`, statuses: ingest, store: h.store, keys, hotlists: h.services.hotlists,
      partEntries: 1000, listTtlMs: 86_400_000, pollMs: 60_000, statusPeriodMs: 180_000, clock: h.clock, logger: silentLogger(),
    });
    await push.start();
    await ingest.start();
    tt.teardown(async () => {
      await ingest.stop();
      await push.stop();
    });
    pushes.push(push);
  }
  await publishStatus(tt, cluster, { deviceId: 'pole-hot', online: true, atMs: Date.now(), hotlistVersion: 0 });
  const sent = () => pushes.reduce((n, p) => n + p.stats.updatesSent, 0);
  await eventually(() => sent() > 0, 10_000).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  tt.equal(sent(), 1, 'one hot-list push for the status, not one per hub process');
  tt.same(pushes.map((p) => p.stats.snapshotsSent).sort(), [0, 1], 'the list went as one snapshot, from one process');
});

t.test('over AMQP a status is acknowledged only once recorded: one whose recording fails goes back to the queue and is recorded when it comes again', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  const cluster = await statusCluster();
  const h = (await harness(tt, 'sqlite'))!;
  const keys = await loadOrCreateHubKeys(join(await tempDir(tt), 'keys'));
  let attempts = 0;
  const recorded: number[] = [];
  const ingest = statusIngest(cluster, h.store, keys, {
    recordStatus: async (report) => {
      if (++attempts === 1) throw new Error('the store is down');
      recorded.push(report.at);
    },
  });
  await ingest.start();
  tt.teardown(() => ingest.stop());
  const at = Date.now();
  await publishStatus(tt, cluster, { deviceId: 'pole-rec', online: true, atMs: at });
  await eventually(() => recorded.length > 0, 10_000).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300));
  tt.same(recorded, [at], 'the status was recorded, once, when the queue handed it back');
  tt.equal(attempts, 2, 'after one failed attempt');
});

t.test('an ack the RabbitMQ node never confirms fails after the confirm deadline with ALPR_ERR_SYNC_BROKER_SILENT, is logged, and ingest moves to the next node, where publishes are confirmed again', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  const cluster = await statusCluster();
  const direct = cluster.amqpUrls[0]!;
  const node = await amqpNode(direct);
  tt.teardown(() => node.kill());
  const log = captureLogger();
  const statuses: Buffer[] = [];
  // The node first, the same node straight after it (as the next node of a cluster).
  const transport = new AmqpIngestTransport({ urls: [node.url, direct], username: cluster.hubUser.username, password: cluster.hubUser.password, confirmTimeoutMs: 1000, logger: log.logger });
  await transport.start(async (topic, payload) => {
    if (topic === topics.status('pole-deaf')) statuses.push(payload);
  });
  tt.teardown(() => transport.stop());
  // Heartbeats, consumer acks and closes still pass; publishes vanish unconfirmed.
  node.deafToPublishes();
  transport.publish(topics.acks('pole-deaf'), Buffer.from('ack'), { retain: false });
  const failed = () => log.lines().filter((l) => l.msg === 'publish to a device failed' && l.topic === topics.acks('pole-deaf') && (l.err as { code?: string }).code === 'ALPR_ERR_SYNC_BROKER_SILENT');
  await eventually(() => failed().length > 0, 5_000).catch(() => undefined);
  tt.equal(failed().length, 1, 'the ack failed with the typed error and was logged');
  tt.equal(log.lines().filter((l) => l.msg === 'broker not answering; connection cut').length, 1, 'the connection was cut');
  const consuming = () => log.lines().filter((l) => l.msg === 'ingest consuming from the broker cluster').map((l) => l.url);
  await eventually(() => consuming().length === 2 && transport.connected, 5_000).catch(() => undefined);
  tt.same(consuming(), [new URL(node.url).host, new URL(direct).host], 'ingest consumes from the next node');
  // Round the node and back through the status queue: a publish on the new connection is confirmed.
  transport.publish(topics.status('pole-deaf'), Buffer.from('status'), { retain: false });
  await eventually(() => statuses.length > 0, 5_000).catch(() => undefined);
  tt.equal(statuses.length, 1, 'a publish on the new connection went through');
  await new Promise((resolve) => setTimeout(resolve, 300));
  tt.equal(log.lines().filter((l) => l.msg === 'publish to a device failed').length, 1, 'and nothing else failed');
});
