import t from 'tap';
import mqtt from 'mqtt';
import { alpr, brokerToken, newSigningKeys, sealBatch, topics } from '../../sync/index.js';
import { eventually, makeRead } from '../helpers/index.js';
import { checkArrival, contentOf } from '../helpers/readContent.js';
import { makeDevice, startHub } from '../helpers/syncRig.js';

t.test('reads appended on the appliance arrive at the hub exactly once, in order, and leave the buffer', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { maxReads: 7 });
  const reads = Array.from({ length: 40 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now(), imageBytes: 2000 }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 40 && (await device.buffer.stats()).reads === 0, 15_000);
  tt.same(await checkArrival(hub.store, reads.map(contentOf)), { missing: [], changed: [], unexpected: [], outOfOrder: [] },
    'every field and both images arrive intact (and are stored encrypted), in the order they were captured');
  const counters = await hub.store.ingestCounters(device.deviceId);
  tt.same({ stored: counters.readsStored, duplicates: counters.duplicates, gaps: counters.gaps }, { stored: 40, duplicates: 0, gaps: 0 });
  const hubSequence = await hub.store.lastSequence(device.deviceId);
  await eventually(() => device.uplink.stats.lastAckedSequence === hubSequence, 5000);
  tt.equal(device.uplink.stats.lastAckedSequence, hubSequence, 'device and hub agree on the last batch');
  tt.equal(hub.ingest.stats.gaps, 0);
});

t.test('a batch signed by an unknown key, flipped bits and garbage are refused and store nothing', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub);
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now()), protocolVersion: 4 });
  const acks: alpr.v1.BatchAck[] = [];
  await client.subscribeAsync(topics.acks(device.deviceId), { qos: 1 });
  client.on('message', (_t, payload) => acks.push(alpr.v1.BatchAck.decode(alpr.v1.SignedAck.decode(payload).ack)));
  const hubKey = { publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId };
  const read = { id: '7d0f2c9e-8a63-4c55-9d6e-0b8e6f6a1a11', capturedAtMs: Date.now(), siteId: 'site-1', cameraId: 'cam0', plate: 'ABC1234', confidence: 0.9 };
  // Signed by a key that is not the registered one.
  await client.publishAsync(topics.reads(device.deviceId), Buffer.from(sealBatch({ deviceId: device.deviceId, sequence: 1, reads: [read] }, newSigningKeys().privateKey, hubKey)), { qos: 1 });
  // Flipped bits in the ciphertext.
  const good = alpr.v1.SealedEnvelope.decode(sealBatch({ deviceId: device.deviceId, sequence: 2, reads: [read] }, device.keys.privateKey, hubKey));
  good.ciphertext[10]! ^= 0x01;
  await client.publishAsync(topics.reads(device.deviceId), Buffer.from(alpr.v1.SealedEnvelope.encode(good).finish()), { qos: 1 });
  // Garbage.
  await client.publishAsync(topics.reads(device.deviceId), Buffer.from('not protobuf at all \x00\xff'), { qos: 1 });
  await eventually(() => hub.ingest.stats.refused === 3, 5000);
  tt.equal(await hub.store.countReads(), 0);
  await eventually(() => acks.length >= 2, 5000);
  tt.ok(acks.every((a) => a.batchError.length > 0), 'negative acks to the known device');
  await client.endAsync();
});

t.test('the broker refuses unknown devices and a device publishing under another device\'s id', async (tt) => {
  const hub = await startHub(tt);
  const a = await makeDevice(tt, hub);
  const b = await makeDevice(tt, hub);
  const stranger = newSigningKeys();
  await tt.rejects(mqtt.connectAsync(hub.brokerUrl, { clientId: 'pole-stranger', username: 'pole-stranger', password: brokerToken('pole-stranger', stranger.privateKey, Date.now()), reconnectPeriod: 0 }));
  await tt.rejects(mqtt.connectAsync(hub.brokerUrl, { clientId: a.deviceId, username: a.deviceId, password: brokerToken(a.deviceId, stranger.privateKey, Date.now()), reconnectPeriod: 0 }), 'a token signed with the wrong key');
  // A correctly signed token dated outside the window gets probation, not a refusal: test/faults/clockSkew.test.ts.
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: a.deviceId, username: a.deviceId, password: brokerToken(a.deviceId, a.keys.privateKey, Date.now()), reconnectPeriod: 0, protocolVersion: 4 });
  const sealed = sealBatch({ deviceId: b.deviceId, sequence: 1, reads: [] }, a.keys.privateKey, { publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId });
  // The broker drops the connection rather than acknowledge it; do not wait for a PUBACK.
  client.publish(topics.reads(b.deviceId), Buffer.from(sealed), { qos: 1 }, () => undefined);
  await new Promise((r) => setTimeout(r, 500));
  tt.equal(hub.ingest.stats.batches + hub.ingest.stats.refused, 0, 'the publish never reached ingest');
  client.end(true);
});

t.test('an old token, correctly signed, sent while its device is connected is refused: it does not close the live session, however often it is sent', async (tt) => {
  const hub = await startHub(tt);
  const a = await makeDevice(tt, hub);
  const live = await mqtt.connectAsync(hub.brokerUrl, { clientId: a.deviceId, username: a.deviceId, password: brokerToken(a.deviceId, a.keys.privateKey, Date.now()), reconnectPeriod: 0, protocolVersion: 4 });
  tt.teardown(() => live.endAsync(true));
  let closed = 0;
  live.on('close', () => closed++);
  const stale = brokerToken(a.deviceId, a.keys.privateKey, Date.now() - 3600_000);
  for (let i = 0; i < 3; i++) {
    await tt.rejects(mqtt.connectAsync(hub.brokerUrl, { clientId: a.deviceId, username: a.deviceId, password: stale, reconnectPeriod: 0, protocolVersion: 4 }), `replay ${i + 1} is refused`);
  }
  await new Promise((r) => setTimeout(r, 200));
  tt.equal(closed, 0, 'the device\'s own connection was never closed');
  tt.ok(live.connected);
  await live.endAsync(true);
  // Disconnected, the same device with a clock an hour off is admitted to learn the hub's time, as before.
  const probation = await mqtt.connectAsync(hub.brokerUrl, { clientId: a.deviceId, username: a.deviceId, password: stale, reconnectPeriod: 0, protocolVersion: 4 });
  tt.ok(probation.connected, 'a device that is not connected still gets probation');
  await probation.endAsync(true);
});

t.test('a revoked device is refused at the broker and by ingest', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub);
  await hub.store.setDeviceStatus(device.deviceId, 'revoked');
  await tt.rejects(mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now()), reconnectPeriod: 0 }));
});

t.test('duplicated deliveries and resent batches are stored once', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub);
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now()), protocolVersion: 4 });
  const read = { id: '7d0f2c9e-8a63-4c55-9d6e-0b8e6f6a1a12', capturedAtMs: Date.now(), siteId: 'site-1', cameraId: 'cam0', plate: 'DUP1234', confidence: 0.9 };
  const sealed = Buffer.from(sealBatch({ deviceId: device.deviceId, sequence: 1, reads: [read] }, device.keys.privateKey, { publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId }));
  for (let i = 0; i < 3; i++) await client.publishAsync(topics.reads(device.deviceId), sealed, { qos: 1 });
  await eventually(() => hub.ingest.stats.batches === 3, 5000);
  tt.equal(await hub.store.countReads(), 1);
  tt.equal(hub.ingest.stats.duplicates, 2);
  await client.endAsync();
});

t.test('an oversized batch is refused without storing anything', async (tt) => {
  const hub = await startHub(tt, { maxBatchBytes: 10_000 });
  const device = await makeDevice(tt, hub, { maxReads: 50 });
  for (let i = 0; i < 5; i++) await device.buffer.append(makeRead({ siteId: 'site-1', capturedAt: Date.now(), imageBytes: 8000 }));
  await device.uplink.start();
  await eventually(() => hub.ingest.stats.refused >= 1, 5000);
  tt.equal(await hub.store.countReads(), 0);
  tt.equal((await device.buffer.stats()).reads, 5, 'the appliance keeps the reads');
});
