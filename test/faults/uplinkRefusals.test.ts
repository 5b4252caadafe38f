import t, { type Test } from 'tap';
import mqtt from 'mqtt';
import { silentLogger } from '../../core/index.js';
import { IngestService } from '../../hub/index.js';
import type { DeviceStatusReport } from '../../hub/ingest/ingestService.js';
import { topics, verifyAck, type ReadRecord } from '../../sync/index.js';
import { captureLogger, eventually, makeRead } from '../helpers/index.js';
import { makeDevice, startHub, type Device, type Hub } from '../helpers/syncRig.js';

t.setTimeout(2 * 60_000);

// The hub takes envelopes of at most 300 kB here; a read with 100 kB of images fits, five do not.
const HUB_MAX_BATCH = 300_000;

t.test('an oversized batch is split, and a small valid read appended after it still arrives', async (tt) => {
  // The appliance learned a 32 MB limit from its first ack; the hub is then restarted with a
  // 300 kB one, so the next batch (five 100 kB reads and a small one) is refused as too large.
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { maxReads: 100 });
  await device.uplink.start();
  await eventually(() => device.uplink.stats.batchesAcked >= 1, 10_000);
  await hub.ingest.stop();
  const ingest = await restartIngest(tt, hub, HUB_MAX_BATCH);
  const big = Array.from({ length: 5 }, () => makeRead({ siteId: 'site-1', capturedAt: Date.now() - 60_000, imageBytes: 80_000 }));
  const small = makeRead({ siteId: 'site-1', capturedAt: Date.now() - 59_000 });
  // Appended together: one group commit, so the uplink finds all six in one batch.
  await Promise.all([...big, small].map((r) => device.buffer.append(r)));
  device.uplink.notify();
  await eventually(async () => (await hub.store.countReads()) === 6, 15_000);
  tt.same((await hub.store.allReadIds()).sort(), [...big, small].map((r) => r.id).sort(), 'every read is at the hub, once');
  await eventually(async () => (await device.buffer.stats()).reads === 0, 5_000);
  tt.ok(device.uplink.stats.batchesRefused >= 1, `the hub refused ${device.uplink.stats.batchesRefused} batch(es) as too large, and the appliance split them`);
  tt.equal(device.uplink.stats.readsQuarantined, 0, 'nothing was set aside');
  tt.equal(ingest.stats.gaps, 0, 'the split reused the refused sequence number: no gap at the hub');
});

t.test('with a hub limit known from the start, batches are sized to it and never refused', async (tt) => {
  const hub = await startHub(tt, { maxBatchBytes: HUB_MAX_BATCH });
  const device = await makeDevice(tt, hub, { maxReads: 100 });
  const reads = Array.from({ length: 8 }, () => makeRead({ siteId: 'site-1', capturedAt: Date.now() - 60_000, imageBytes: 80_000 }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 15_000);
  tt.equal(await hub.store.countReads(), 8);
  tt.equal(device.uplink.stats.batchesRefused, 0, 'the limit from the first ack sized every batch');
});

t.test('a read too large for the hub on its own is quarantined, and the reads after it arrive', async (tt) => {
  const hub = await startHub(tt, { maxBatchBytes: HUB_MAX_BATCH });
  const device = await makeDevice(tt, hub, { maxReads: 100 });
  const huge = makeRead({ siteId: 'site-1', capturedAt: Date.now() - 60_000, imageBytes: 400_000 });
  const after = [makeRead({ siteId: 'site-1', capturedAt: Date.now() - 59_000 }), makeRead({ siteId: 'site-1', capturedAt: Date.now() - 58_000 })];
  for (const r of [huge, ...after]) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await device.buffer.stats()).quarantinedReads === 1 && (await device.buffer.stats()).reads === 1, 15_000);
  tt.same((await hub.store.allReadIds()).sort(), after.map((r) => r.id).sort(), 'the reads after it are at the hub');
  tt.equal((await device.buffer.stats()).reads, 1, 'the huge read is still held on the appliance, set aside');
  tt.equal(device.uplink.stats.readsQuarantined, 1);
});

t.test('a read larger than the brokers pass on is set aside on the appliance, never sent: the reads after it arrive', async (tt) => {
  // The node takes packets of at most 200 kB (its guard cuts the connection at a larger header);
  // the hub would take the read. Sent, it would cut the link on every reconnect for ever.
  const hub = await startHub(tt, { broker: { limits: { maxPacketBytes: 200_000 } } });
  const device = await makeDevice(tt, hub, { maxReads: 100, maxPublishBytes: 200_000 });
  await expectSetAside(tt, hub, device, makeRead({ siteId: 'site-1', capturedAt: Date.now() - 60_000, imageBytes: 250_000 }), 'the huge read');
  tt.equal(device.uplink.stats.batchesRefused, 0, 'the hub never saw it');
});

t.test('a read whose envelope is within the brokers\' limit but whose PUBLISH packet is not is set aside too', async (tt) => {
  // The node's guard counts the packet (topic, packet id, framing and the envelope), not the
  // envelope alone: an envelope a few bytes under the limit makes a packet over it, cut at every
  // reconnect for ever, with the reads behind it held back.
  const huge = makeRead({ siteId: 'site-1', capturedAt: Date.now() - 60_000, imageBytes: 150_000 });
  const probe = await makeDevice(tt, await startHub(tt), { maxReads: 100 });
  const envelopeBytes = (probe.uplink as unknown as { seal(reads: ReadRecord[], sequence: number): { bytes: Uint8Array } }).seal([huge], 1).bytes.length;
  const limit = envelopeBytes + 8;
  const hub = await startHub(tt, { broker: { limits: { maxPacketBytes: limit } } });
  const device = await makeDevice(tt, hub, { maxReads: 100, maxPublishBytes: limit });
  await expectSetAside(tt, hub, device, huge, 'the read');
});

t.test('reads the hub refuses as invalid are quarantined, counted in the status the hub receives, and the rest is stored', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { maxReads: 100 });
  const statuses: DeviceStatusReport[] = [];
  hub.ingest.on('deviceStatus', (s) => statuses.push(s));
  const good = [makeRead({ siteId: 'site-1', capturedAt: Date.now() - 60_000 }), makeRead({ siteId: 'site-1', capturedAt: Date.now() - 59_000 })];
  // Each passes the appliance's own checks but not the hub's: a plate with a dash, another site.
  const bad = [makeRead({ siteId: 'site-1', plate: 'AB-123', capturedAt: Date.now() - 59_500 }), makeRead({ siteId: 'site-9', capturedAt: Date.now() - 58_000 })];
  for (const r of [good[0]!, bad[0]!, good[1]!, bad[1]!]) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await device.buffer.stats()).quarantinedReads === 2, 15_000);
  tt.same((await hub.store.allReadIds()).sort(), good.map((r) => r.id).sort(), 'the valid reads are stored');
  const later = makeRead({ siteId: 'site-1', capturedAt: Date.now() });
  await device.buffer.append(later);
  device.uplink.notify();
  await eventually(async () => (await device.buffer.stats()).reads === 2, 10_000);
  tt.equal(await hub.store.countReads(), 3, 'a read appended later goes past the quarantined ones');
  // The count drops when the deletion is queued; the records go when it is committed.
  let held: string[] = [];
  await eventually(async () => {
    held = [];
    for await (const r of device.buffer.readAll()) held.push(r.id);
    return held.length === 2;
  }, 5_000);
  tt.same(held.sort(), bad.map((r) => r.id).sort(), 'the quarantine holds exactly the refused reads, readable with the data key');
  // The status published on the next connect carries the count (the offline status sent on
  // stopping carries it too: wait for the online one).
  await device.uplink.stop();
  await device.uplink.start();
  await eventually(() => statuses.some((s) => s.online && s.quarantinedReads === 2), 10_000);
  const last = statuses.filter((s) => s.online).at(-1)!;
  tt.equal(last.quarantinedReads, 2, 'the hub hears how many reads are quarantined');
  tt.equal(last.unsyncedReads, 0, 'quarantined reads are not counted as waiting to sync');
});

t.test('acks recorded from an earlier life of the device id, replayed under the same sequence numbers, delete nothing: the reads wait for the hub', async (tt) => {
  const hub = await startHub(tt);
  const first = await makeDevice(tt, hub);
  // The broker (or anyone who can publish on the acks topic) records the hub's acks to it.
  const recorded = new Map<number, Buffer>();
  const tap = await mqtt.connectAsync(hub.brokerUrl, { clientId: `ack-replay-${process.pid}`, username: 'hub', password: hub.broker!.hubPassword, protocolVersion: 4 });
  tt.teardown(() => tap.endAsync());
  await tap.subscribeAsync(topics.acks(first.deviceId), { qos: 1 });
  tap.on('message', (topic, payload) => {
    if (topic === topics.acks(first.deviceId)) recorded.set(Number(verifyAck(payload, hub.keys.sign.publicKey).sequence), Buffer.from(payload));
  });
  await first.buffer.append(makeRead({ siteId: 'site-1', capturedAt: Date.now() }));
  await first.uplink.start();
  await eventually(async () => (await first.buffer.stats()).reads === 0 && recorded.size >= 2, 10_000);
  await first.uplink.stop();
  // The same device id starts over at sequence 1 (its state folder lost, or the box replaced and
  // enrolled under the same id), while the hub is not answering: the recorded acks are replayed.
  await hub.ingest.stop();
  const { logger, lines } = captureLogger();
  const second = await makeDevice(tt, hub, { deviceId: first.deviceId, keys: first.keys, logger });
  await tap.unsubscribeAsync(topics.acks(first.deviceId));
  await tap.subscribeAsync(topics.reads(first.deviceId), { qos: 1 });
  let replayed = 0;
  tap.removeAllListeners('message');
  tap.on('message', () => {
    for (const ack of recorded.values()) void tap.publishAsync(topics.acks(first.deviceId), ack, { qos: 1 }).then(() => replayed++);
  });
  const read = makeRead({ siteId: 'site-1', capturedAt: Date.now() });
  await second.buffer.append(read);
  await second.uplink.start();
  await eventually(() => replayed >= 4, 10_000);
  await new Promise((r) => setTimeout(r, 500));
  tt.equal((await second.buffer.stats()).reads, 1, 'the read is still buffered: no replayed ack counted as the hub\'s');
  tt.equal(second.uplink.stats.batchesAcked, 0);
  tt.ok(lines().some((l) => l.msg === 'ignored an ack for another envelope under the sequence number in flight' && l.code === 'ALPR_ERR_SYNC_REPLAYED'), 'the replay is logged with its code');
  await restartIngest(tt, hub, 32 * 1024 * 1024);
  await eventually(async () => (await hub.store.getRead(read.id)) !== null, 15_000);
  tt.pass('once the hub answers, the read arrives');
});

/** The hub's ingest started again with another batch limit (an operator lowered it). */
/**
 * Buffers `huge` and two small reads after it, starts the uplink, and checks that the two reach the
 * hub while `huge` (`named` in the message) stays on the appliance, set aside in the buffer's quarantine.
 */
async function expectSetAside(tt: Test, hub: Hub, device: Device, huge: ReadRecord, named: string): Promise<void> {
  const after = [makeRead({ siteId: 'site-1', capturedAt: Date.now() - 59_000 }), makeRead({ siteId: 'site-1', capturedAt: Date.now() - 58_000 })];
  for (const r of [huge, ...after]) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 2, 15_000).catch(() => undefined);
  tt.same((await hub.store.allReadIds()).sort(), after.map((r) => r.id).sort(), 'the reads after it are at the hub');
  await eventually(async () => (await device.buffer.stats()).quarantinedReads === 1, 5_000).catch(() => undefined);
  tt.equal((await device.buffer.stats()).quarantinedReads, 1, `${named} is held on the appliance, set aside`);
}

async function restartIngest(tt: { teardown(fn: () => unknown): void }, hub: Hub, maxBatchBytes: number): Promise<IngestService> {
  const ingest = new IngestService({
    brokerUrl: hub.brokerUrl, username: 'hub', password: hub.broker!.hubPassword, sharedGroup: null, clientId: 'hub-ingest-restarted', store: hub.store, keys: hub.keys,
    maxBatchBytes, maxImageBytes: 4 * 1024 * 1024, now: Date.now, logger: silentLogger(),
  });
  await ingest.start();
  tt.teardown(() => ingest.stop());
  return ingest;
}
