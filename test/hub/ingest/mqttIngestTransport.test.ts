import t from 'tap';
import { silentLogger } from '../../../core/index.js';
import { EmbeddedBroker } from '../../../hub/index.js';
import { topics } from '../../../sync/index.js';
import { startHttpBalancer } from '../../../bench/fleet/httpBalancer.js';
import { brokerNode } from '../../helpers/brokerNode.js';
import { captureLogger, eventually, makeRead } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';
import { rabbitAvailable, serveBrokerAuth, startRabbitCluster } from '../../helpers/rabbitNode.js';
import { makeDevice, startHub } from '../../helpers/syncRig.js';

// Ports no other test uses, below the ephemeral range: ACL test 21000-21499, fleet test 22000-22899,
// AMQP ingest 23000-23499.
const BASE_PORT = 23500 + (process.pid % 50) * 30;
t.setTimeout(4 * 60_000);

t.test("hub ingest over MQTT moves to the cluster's next node when its own node is killed, and takes the batches sent meanwhile", async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  let authUrl: string | null = null;
  const balancer = await startHttpBalancer(() => (authUrl ? [authUrl] : []));
  tt.teardown(() => balancer.close());
  // Three nodes: the MQTT plugin's client-id registry needs a majority of them up.
  const cluster = await startRabbitCluster(tt, { nodes: 3, basePort: BASE_PORT, hubHttpUrl: balancer.url });
  const [hubNode, deviceNode, spare] = cluster.mqttUrls as [string, string, string];

  // With the site registry: ingest takes reads only from an approved site (site-1, cam0 and cam1).
  const { store } = (await harness(tt, 'sqlite'))!;
  authUrl = await serveBrokerAuth(tt, store, cluster.hubUser);
  const hub = await startHub(tt, { store, brokerUrl: hubNode, fallbackBrokerUrls: [deviceNode, spare], hubUser: cluster.hubUser });
  tt.ok(hub.ingest.connected, 'ingest is connected to its node');

  const device = await makeDevice(tt, hub, { brokerUrl: deviceNode, maxReads: 10 });
  await device.uplink.start();
  await cluster.nodes[0]!.kill();
  const reads = Array.from({ length: 50 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  for (const r of reads) await device.buffer.append(r);
  await eventually(async () => (await device.buffer.stats()).reads === 0, 60_000).catch(() => undefined);
  tt.equal((await device.buffer.stats()).reads, 0, "the appliance drained its buffer through the hub's new node");
  tt.equal((await store.ingestCounters(device.deviceId)).readsStored, 50, 'every read stored once');
  tt.ok(hub.ingest.connected, 'ingest is connected again (readiness)');
});

t.test('a batch ack the broker never acknowledges fails after the PUBACK deadline with ALPR_ERR_SYNC_BROKER_SILENT, is logged, the connection is cut, and the batch redelivered after the reconnect gets its ack', async (tt) => {
  // With the site registry: ingest takes reads only from an approved site (site-1, cam0 and cam1).
  const { store } = (await harness(tt, 'sqlite'))!;
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store, now: Date.now, logger: silentLogger() });
  await broker.start();
  tt.teardown(() => broker.stop());
  const node = await brokerNode(broker.hubUrl);
  tt.teardown(() => node.kill());
  const log = captureLogger();
  // Ingest reaches the broker through the node; the appliance straight.
  const hub = await startHub(tt, { store, brokerUrl: node.url, hubUser: { username: 'hub', password: broker.hubPassword }, pubackTimeoutMs: 1000, logger: log.logger });
  const device = await makeDevice(tt, { ...hub, brokerUrl: broker.url });
  // The node now answers pings but drops every publish (and ingest's PUBACK for the batch).
  node.deafToPublishes();
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  await device.uplink.start();
  const failed = () => log.lines().filter((l) => l.msg === 'publish to a device failed' && l.topic === topics.acks(device.deviceId) && (l.err as { code?: string }).code === 'ALPR_ERR_SYNC_BROKER_SILENT');
  await eventually(() => failed().length > 0, 5_000).catch(() => undefined);
  // Up before MQTT.js's reconnect (a second after the cut), whose CONNECT a deaf node would drop.
  node.up();
  tt.equal(failed().length, 1, 'the ack failed with the typed error and was logged');
  // The uplink's first batch (empty, for the hub's time) was taken: only its ack is missing.
  tt.ok(hub.ingest.stats.batches >= 1, 'the batch was taken meanwhile');
  tt.equal(log.lines().filter((l) => l.msg === 'broker not answering; connection cut').length, 1, 'the connection was cut');
  await eventually(() => node.connections() === 2, 5_000).catch(() => undefined);
  tt.equal(node.connections(), 2, 'and ingest connected anew');
  await eventually(async () => (await device.buffer.stats()).reads === 0, 10_000).catch(() => undefined);
  tt.equal((await device.buffer.stats()).reads, 0, 'the batch, sent again, got its ack, and the read went after it: ingest did not hang');
  tt.equal(hub.ingest.stats.readsStored, 1, 'and its read is stored once');
});
