import t from 'tap';
import { captureLogger, eventually, makeRead } from '../helpers/index.js';
import { rawPublicKey } from '../../sync/index.js';
import { brokerNode } from '../helpers/brokerNode.js';
import { makeDevice, startHub, type Device } from '../helpers/syncRig.js';
import { ensureSite } from '../../bench/siteApproval.js';

// Brokers, hubs and appliances started and stopped a dozen times: 45 s with three test files at a
// time on 2 cores. The limit here is for a hang, not a speed target.
t.setTimeout(4 * 60_000);

/** Starts the device's uplink and waits until its first read is stored: the link works before a fault. */
async function startSynced(device: Device): Promise<void> {
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  await device.uplink.start();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 30_000);
}

/** 'stopped' when stop() returns within 30 s, else what a hang looks like. */
function stopWithin30s(device: Device): Promise<unknown> {
  return Promise.race([device.uplink.stop().then(() => 'stopped'), new Promise((resolve) => setTimeout(resolve, 30_000, 'still stopping after 30 s'))]);
}

t.test('when its broker node dies the uplink moves to the next node and every read arrives once', async (t) => {
  const hub = await startHub(t);
  const a = await brokerNode(hub.brokerUrl);
  const b = await brokerNode(hub.brokerUrl);
  t.teardown(() => { a.kill(); b.kill(); });
  const device = await makeDevice(t, hub, { brokerUrl: a.url, fallbackBrokerUrls: [b.url], maxReads: 20 });
  const reads = Array.from({ length: 200 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  for (const r of reads.slice(0, 100)) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) >= 40, 30_000);
  a.kill();
  for (const r of reads.slice(100)) await device.buffer.append(r);
  await eventually(async () => (await device.buffer.stats()).reads === 0, 60_000);
  t.ok(b.connections() >= 1, 'the uplink reconnected through the second node');
  t.equal(await hub.store.countReads(), 200, 'every read is stored');
  t.same((await hub.store.allReadIds()).sort(), reads.map((r) => r.id).sort(), 'each read once, none lost, none doubled');
});

t.test('stopping while its broker node is gone with a batch unacknowledged returns, and the batch stays buffered', async (t) => {
  const hub = await startHub(t);
  const node = await brokerNode(hub.brokerUrl);
  t.teardown(() => node.kill());
  const device = await makeDevice(t, hub, { brokerUrl: node.url });
  await startSynced(device);
  // The node stops answering: the next batch goes out and neither the broker's PUBACK nor the hub's ack comes back.
  node.hang();
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  await eventually(() => device.uplink.stats.retries >= 1, 30_000);
  node.kill();
  await eventually(() => !device.uplink.stats.connected, 10_000);
  const outcome = await stopWithin30s(device);
  t.equal(outcome, 'stopped', 'stop() returns although the broker never acknowledged the publish');
  t.equal((await device.buffer.stats()).reads, 1, 'the unacknowledged read is still in the buffer, to be sent after a restart');
  t.equal(await hub.store.countReads(), 1, 'and the hub never had it');
});

t.test('a batch unacknowledged when its broker node dies is sent again through the next node at once, not after the ack timeout', async (t) => {
  const hub = await startHub(t);
  const a = await brokerNode(hub.brokerUrl);
  const b = await brokerNode(hub.brokerUrl);
  t.teardown(() => { a.kill(); b.kill(); });
  // An ack timeout far longer than the wait below: only a resend on reconnect can deliver in time.
  const device = await makeDevice(t, hub, { brokerUrl: a.url, fallbackBrokerUrls: [b.url], ackTimeoutMs: 120_000 });
  await startSynced(device);
  a.hang();
  const late = makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() });
  await device.buffer.append(late);
  device.uplink.notify();
  // Published into the hung node: wait until it is out, then the node dies.
  await eventually(async () => (await device.buffer.stats()).leasedBatches === 1, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  a.kill();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 60_000);
  t.ok(await hub.store.getRead(late.id), 'the read sent into the dead node is stored, through the next one');
  t.ok(device.uplink.stats.retries >= 1, `sent again on reconnecting (${device.uplink.stats.retries} retries)`);
});

t.test('an outage does not grow the resend backoff: reads captured while the link is down wait for it, and go at once when it is back', async (t) => {
  const hub = await startHub(t);
  const node = await brokerNode(hub.brokerUrl);
  t.teardown(() => node.kill());
  const log = captureLogger();
  const device = await makeDevice(t, hub, { brokerUrl: node.url, logger: log.logger });
  await startSynced(device);
  // A batch in flight when the link goes: published into a node that stopped answering, which then dies.
  node.hang();
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  device.uplink.notify();
  await eventually(async () => (await device.buffer.stats()).leasedBatches === 1, 30_000);
  node.down();
  await eventually(() => !device.uplink.stats.connected, 10_000);
  // Reads captured during the outage, each waking the uplink as the pipeline does.
  for (let i = 0; i < 8; i++) {
    await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
    device.uplink.notify();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  node.up();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 30_000);
  t.equal(await hub.store.countReads(), 10, 'every read arrived once the link was back');
  // Each failed try used to double the backoff (to backoff_max, 1 s here; 60 s by default), and a
  // resend after the reconnect that went unanswered waited that long.
  const grown = log.lines().filter((l) => l.msg === 'no ack from the hub; will resend' && Number(l.retryInMs) > 100);
  t.same(grown.map((l) => l.retryInMs), [], 'no resend backoff grew while the link was down');
});

t.test('stopping while its broker node hangs (connected, answering nothing) returns, and the batch stays buffered', async (t) => {
  const hub = await startHub(t);
  const node = await brokerNode(hub.brokerUrl);
  t.teardown(() => node.kill());
  const device = await makeDevice(t, hub, { brokerUrl: node.url });
  await startSynced(device);
  node.hang();
  await device.buffer.append(makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  await eventually(() => device.uplink.stats.retries >= 1, 30_000);
  const outcome = await stopWithin30s(device);
  t.equal(outcome, 'stopped', 'stop() returns although the broker takes neither the batch nor the offline status');
  t.equal((await device.buffer.stats()).reads, 1, 'the unacknowledged read is still in the buffer');
});

t.test('an appliance whose login the broker refused keeps trying, and syncs once it is let in', async (t) => {
  const hub = await startHub(t);
  // Not in the registry yet: the broker refuses its login (CONNACK "not authorized"), as a
  // cluster node does while its auth backend cannot reach a hub.
  const device = await makeDevice(t, hub, { register: false, maxReads: 10 });
  const reads = Array.from({ length: 30 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(() => device.uplink.stats.lastError !== null, 10_000);
  t.match(device.uplink.stats.lastError, /refused|authoriz/i, `refused at first: ${device.uplink.stats.lastError}`);
  await ensureSite(hub.store, 'site-1');
  await hub.store.upsertDevice({ deviceId: device.deviceId, publicKey: rawPublicKey(device.keys.publicKey), siteId: 'site-1', status: 'active', enrolledAt: Date.now() });
  await eventually(async () => (await device.buffer.stats()).reads === 0, 20_000).catch(() => undefined);
  t.equal((await device.buffer.stats()).reads, 0, 'it logged in again by itself and the hub acknowledged every read');
  t.equal(await hub.store.countReads(), 30);
});

t.test('a login whose CONNACK never comes (the broker used its token) is retried on the next node with a fresh token, and the reads arrive', async (t) => {
  const hub = await startHub(t);
  const a = await brokerNode(hub.brokerUrl);
  const b = await brokerNode(hub.brokerUrl);
  t.teardown(() => { a.kill(); b.kill(); });
  // The embedded broker takes each token once, as the cluster's auth backend does.
  a.mute();
  const device = await makeDevice(t, hub, { brokerUrl: a.url, fallbackBrokerUrls: [b.url], connectTimeoutMs: 1000 });
  const read = makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() });
  await device.buffer.append(read);
  await device.uplink.start();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 30_000);
  t.ok(a.connections() >= 1 && b.connections() >= 1, 'the first login went to the mute node, the next to the other');
  t.ok(await hub.store.getRead(read.id), 'the read is stored through the second node');
});

t.test('a broker node that answers pings but acknowledges no publish is left for the next node after the PUBACK deadline, and the reads arrive', async (t) => {
  const hub = await startHub(t);
  const a = await brokerNode(hub.brokerUrl);
  const b = await brokerNode(hub.brokerUrl);
  t.teardown(() => { a.kill(); b.kill(); });
  const log = captureLogger();
  // Keepalive of 1 s: MQTT.js pings the deaf node often, and its answers keep the connection up.
  const device = await makeDevice(t, hub, { brokerUrl: a.url, fallbackBrokerUrls: [b.url], pubackTimeoutMs: 3000, keepaliveS: 1, logger: log.logger });
  await startSynced(device);
  a.deafToPublishes();
  const late = makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() });
  await device.buffer.append(late);
  device.uplink.notify();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 20_000).catch(() => undefined);
  t.ok(await hub.store.getRead(late.id), 'the read published into the deaf node is stored, through the next one');
  t.ok(b.connections() >= 1, 'the uplink moved to the second node');
  const cut = log.lines().filter((l) => (l.err as { code?: string } | undefined)?.code === 'ALPR_ERR_SYNC_BROKER_SILENT');
  t.ok(cut.length >= 1, 'the cut is logged with its code');
});
