import t from 'tap';
import { randomUUID, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import mqtt from 'mqtt';
import { main } from '../../hub/cli.js';
import { alpr, brokerToken, newSealingKeys, newSigningKeys, readHubIdentity, sealBatch, signConfigPush, topics, verifyAck, writeHubIdentity } from '../../sync/index.js';
import { runCli } from '../helpers/cliRunner.js';
import { captureLogger, eventually, makeRead } from '../helpers/index.js';
import { makeDevice, startHub, type Device, type Hub } from '../helpers/syncRig.js';

t.setTimeout(2 * 60_000);

/** Appends `count` reads a few milliseconds apart while the uplink runs (batches keep flowing). */
async function appendWhileSyncing(device: Device, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = makeRead({ siteId: 'site-1', capturedAt: Date.now(), imageBytes: 2000 });
    await device.buffer.append(r);
    ids.push(r.id);
    device.uplink.notify();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return ids;
}

async function rotate(hub: Hub, graceDays: number): Promise<{ oldKeyId: string; newKeyId: string }> {
  const r = await runCli(main, ['keys', 'rotate-seal', '--data', dirname(hub.keys.dir), '--grace-days', String(graceDays)]);
  if (r.code !== 0) throw new Error(`rotate-seal exited ${r.code}: ${r.err}`);
  return r.json() as { oldKeyId: string; newKeyId: string };
}

async function deviceWithHubFile(tt: Parameters<typeof startHub>[0], hub: Hub): Promise<{ device: Device; hubFile: string }> {
  const probe = await makeDevice(tt, hub, { register: false });
  const hubFile = join(probe.dir, 'hub.json');
  await writeHubIdentity(hubFile, { sealPublicKey: hub.keys.seal.publicKey, verifyKey: hub.keys.sign.publicKey });
  return { device: await makeDevice(tt, hub, { maxReads: 10, hubIdentityFile: hubFile }), hubFile };
}

t.test('a sealing key pushed by anyone but the hub, for another device, or retired before the one held (a replay) is not taken: batches stay sealed to the current key', async (tt) => {
  const hub = await startHub(tt, { keyCheckEveryMs: 200 });
  // Two rotations: K1 became current at T1 and was retired at T2, when K2 became current.
  await rotate(hub, 7);
  await eventually(() => hub.keys.seal.sinceMs > 0, 10_000);
  const retired = { publicKey: hub.keys.seal.publicKey, sinceMs: hub.keys.seal.sinceMs };
  await rotate(hub, 7);
  await eventually(() => hub.keys.seal.sinceMs > retired.sinceMs, 10_000);
  // Enrolled after the rotations: hub.json names K2, without the time it became current.
  const probe = await makeDevice(tt, hub, { register: false });
  const hubFile = join(probe.dir, 'hub.json');
  await writeHubIdentity(hubFile, { sealPublicKey: hub.keys.seal.publicKey, verifyKey: hub.keys.sign.publicKey });
  const { logger, lines } = captureLogger();
  const device = await makeDevice(tt, hub, { hubIdentityFile: hubFile, logger });
  await device.uplink.start();
  await eventually(() => device.uplink.stats.batchesAcked > 0, 10_000);
  const push = (deviceId: string, signer: KeyObject, key: { publicKey: KeyObject; sinceMs: number }) =>
    Buffer.from(signConfigPush({ deviceId, hubTimeMs: Date.now(), sealPublicKey: key.publicKey, sealKeySinceMs: key.sinceMs }, signer));
  const fresh = { publicKey: newSealingKeys().publicKey, sinceMs: Date.now() };
  const broker = await mqtt.connectAsync(hub.brokerUrl, { clientId: `forger-${process.pid}`, username: 'hub', password: hub.broker!.hubPassword, protocolVersion: 4 });
  tt.teardown(() => broker.endAsync());
  await broker.publishAsync(topics.config(device.deviceId), push(device.deviceId, newSigningKeys().privateKey, fresh), { qos: 1 });
  await broker.publishAsync(topics.config(device.deviceId), push('pole-other', hub.keys.sign.privateKey, fresh), { qos: 1 });
  // The hub's own push of K1, recorded when it was current, replayed (retained, as rotations leave it).
  await broker.publishAsync(topics.config(device.deviceId), push(device.deviceId, hub.keys.sign.privateKey, retired), { qos: 1, retain: true });
  await eventually(() => lines().filter((l) => /ignored a config push/.test(String(l.msg))).length >= 2, 5_000);
  await new Promise((r) => setTimeout(r, 300));
  await broker.publishAsync(topics.config(device.deviceId), Buffer.alloc(0), { qos: 1, retain: true });
  const read = makeRead({ siteId: 'site-1', capturedAt: Date.now() });
  await device.buffer.append(read);
  device.uplink.notify();
  await eventually(async () => (await hub.store.getRead(read.id)) !== null, 10_000);
  tt.equal(device.uplink.hubSealKey.keyId, hub.keys.seal.keyId, 'the appliance still seals to the current key, and its read is stored');
  tt.equal((await readHubIdentity(hubFile)).sealKeyId, hub.keys.seal.keyId, 'hub.json names the current key');
  tt.equal((await readHubIdentity(hubFile)).sealKeySinceMs, hub.keys.seal.sinceMs, 'hub.json learned when it became current, from the hub\'s push');
  tt.notOk(lines().some((l) => l.msg === 'hub sealing key rotated; pending batches are sealed to the new key'), 'no key change was taken');
  tt.ok(lines().some((l) => l.msg === 'ignored a config push that does not verify'), 'the forged push is logged');
  tt.ok(lines().some((l) => l.msg === 'ignored a config push addressed to another device'), 'the misaddressed push is logged');
});

t.test('rotating the hub sealing key while batches are in flight loses and strands no read; the appliance saves the new key', async (tt) => {
  const hub = await startHub(tt, { keyCheckEveryMs: 200 });
  const { device, hubFile } = await deviceWithHubFile(tt, hub);
  await device.uplink.start();
  const before = appendWhileSyncing(device, 150);
  await eventually(async () => (await hub.store.countReads()) >= 20, 15_000);
  const rotated = await rotate(hub, 7);
  const ids = await before;
  await eventually(() => device.uplink.stats.hubKeyId === rotated.newKeyId, 10_000);
  await eventually(async () => (await device.buffer.stats()).reads === 0, 20_000);
  tt.same((await hub.store.allReadIds()).sort(), ids.sort(), 'every read arrived, once');
  tt.equal((await readHubIdentity(hubFile)).sealKeyId, rotated.newKeyId, 'hub.json holds the new key (a restart keeps it)');
  tt.equal(hub.keys.seal.keyId, rotated.newKeyId, 'the running hub took up the new key');
  tt.equal(hub.ingest.stats.gaps, 0);
});

t.test('with no grace period, a rotation in the middle of sync still strands nothing: refused batches are re-sealed', async (tt) => {
  const hub = await startHub(tt, { keyCheckEveryMs: 200 });
  const { device } = await deviceWithHubFile(tt, hub);
  await device.uplink.start();
  const before = appendWhileSyncing(device, 100);
  await eventually(async () => (await hub.store.countReads()) >= 10, 15_000);
  const rotated = await rotate(hub, 0);
  const ids = await before;
  await eventually(async () => (await device.buffer.stats()).reads === 0, 20_000);
  tt.same((await hub.store.allReadIds()).sort(), ids.sort(), 'every read arrived, once');
  tt.equal(device.uplink.stats.hubKeyId, rotated.newKeyId);
});

t.test('a batch sealed to a retired key is opened during its grace period and refused, saying re-seal, after it', async (tt) => {
  const hub = await startHub(tt, { keyCheckEveryMs: 200 });
  const device = await makeDevice(tt, hub);
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now()), protocolVersion: 4 });
  tt.teardown(() => client.endAsync());
  const acks: alpr.v1.BatchAck[] = [];
  await client.subscribeAsync(topics.acks(device.deviceId), { qos: 1 });
  client.on('message', (topic, payload) => {
    if (topic === topics.acks(device.deviceId)) acks.push(verifyAck(payload, hub.keys.sign.publicKey));
  });
  const send = async (sequence: number, key: { publicKey: KeyObject; keyId: string }) => {
    const read = { id: randomUUID(), capturedAtMs: Date.now(), siteId: 'site-1', cameraId: 'cam0', plate: 'ROT1234', confidence: 0.9 };
    const count = acks.length;
    await client.publishAsync(topics.reads(device.deviceId), Buffer.from(sealBatch({ deviceId: device.deviceId, sequence, reads: [read] }, device.keys.privateKey, key)), { qos: 1 });
    await eventually(() => acks.length > count, 10_000);
    return acks.at(-1)!;
  };
  const currentKey = () => ({ publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId });
  const first = currentKey();
  const noGrace = await rotate(hub, 0);
  await eventually(() => hub.keys.seal.keyId === noGrace.newKeyId, 5_000);
  const refused = await send(1, first);
  tt.equal(refused.refusal, alpr.v1.Refusal.REFUSAL_HUB_KEY, 'past its grace period: refused, and the refusal says re-seal to the current key');
  tt.match(refused.batchError, /re-seal/);
  const second = currentKey();
  const withGrace = await rotate(hub, 7);
  await eventually(() => hub.keys.seal.keyId === withGrace.newKeyId, 5_000);
  const inGrace = await send(2, second);
  tt.equal(inGrace.batchError, '', 'opened with the retired key while its grace period runs');
  tt.equal(inGrace.acceptedReadIds.length, 1);
  tt.equal(await hub.store.countReads(), 1);
});
