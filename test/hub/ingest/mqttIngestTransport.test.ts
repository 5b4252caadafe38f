import t from 'tap';
import { join } from 'node:path';
import { ImageCipher, SqliteStore } from '../../../hub/index.js';
import { startHttpBalancer } from '../../../bench/fleet/httpBalancer.js';
import { eventually, makeRead, tempDir } from '../../helpers/index.js';
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

  const dir = await tempDir(tt, 'alpr-mqtt-ingest-');
  const store = new SqliteStore({ path: join(dir, 'hub.db'), images: new ImageCipher(Buffer.alloc(32, 9)), now: Date.now });
  await store.migrate();
  tt.teardown(() => store.close());
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
