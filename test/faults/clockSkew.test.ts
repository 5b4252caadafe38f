import t, { type Test } from 'tap';
import mqtt from 'mqtt';
import { systemClock, type Clock } from '../../core/index.js';
import { alpr, brokerToken, openBatch, publicKeyFromRaw, rawPublicKey, signConfigPush, topics, verifyConfigPush } from '../../sync/index.js';
import { captureLogger, eventually, makeRead } from '../helpers/index.js';
import { makeDevice, startHub, type Hub } from '../helpers/syncRig.js';

t.setTimeout(2 * 60_000);

const HOUR = 3_600_000;

/** The appliance's wall clock `offsetMs` off the real time (timers and monotonic time are real). */
const skewedClock = (offsetMs: number): Clock => ({ ...systemClock, now: () => Date.now() + offsetMs });

/** A dead RTC: the wall clock starts at 1970 (one second past the epoch) when the appliance starts. */
function clockFrom1970(): Clock {
  const started = performance.now();
  return { ...systemClock, now: () => 1000 + Math.round(performance.now() - started) };
}

/** Every read as it crossed the wire, opened with the hub's keys (what ingest judged). */
async function tapWire(tt: { teardown(fn: () => unknown): void }, hub: Hub, devicePublicKey: Buffer): Promise<alpr.v1.IRead[]> {
  const seen: alpr.v1.IRead[] = [];
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: `tap-${process.pid}`, username: 'hub', password: hub.broker!.hubPassword, protocolVersion: 4 });
  tt.teardown(() => client.endAsync());
  await client.subscribeAsync(topics.allReads, { qos: 0 });
  client.on('message', (_topic, payload) => {
    try {
      const header = alpr.v1.SealedEnvelope.decode(payload);
      seen.push(...openBatch(header, hub.keys.seal.privateKey, hub.keys.seal.publicKey, publicKeyFromRaw(devicePublicKey, 'ed25519')).reads);
    } catch {
      // not openable: counted by the test through what the hub stored
    }
  });
  return seen;
}

async function deliversWithHubTime(tt: Test, clock: Clock, label: string): Promise<void> {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { clock, maxReads: 5 });
  const wire = await tapWire(tt, hub, rawPublicKey(device.keys.publicKey));
  // Captured before the appliance has heard from the hub: stamped only with its own clock.
  const early = Array.from({ length: 6 }, () => makeRead({ siteId: 'site-1', capturedAt: clock.now() }));
  for (const r of early) await device.buffer.append(r);
  const startedAt = Date.now();
  await device.uplink.start();
  await new Promise((r) => setTimeout(r, 300));
  const late = Array.from({ length: 6 }, () => makeRead({ siteId: 'site-1', capturedAt: clock.now() }));
  for (const r of late) await device.buffer.append(r);
  device.uplink.notify();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 20_000);
  const all = [...early, ...late];
  tt.same((await hub.store.allReadIds()).sort(), all.map((r) => r.id).sort(), `${label}: every read arrived`);
  for (const r of all) {
    const stored = (await hub.store.getRead(r.id))!;
    tt.ok(stored.capturedAt >= startedAt - 5_000 && stored.capturedAt <= Date.now(), `${label}: stored with the hub's time (${new Date(stored.capturedAt).toISOString()}), not the appliance's (${new Date(r.capturedAt).toISOString()})`);
  }
  await eventually(() => wire.length >= all.length, 5_000);
  const sent = new Map(wire.map((w) => [w.id, w]));
  tt.ok(all.every((r) => Number(sent.get(r.id)?.deviceCapturedAtMs) === r.capturedAt), `${label}: the appliance's own capture time travels beside the hub time`);
  tt.ok(Math.abs(device.uplink.stats.clockSkewMs! - (Date.now() - clock.now())) < 5_000, `${label}: the appliance knows its clock is ${Math.round(device.uplink.stats.clockSkewMs! / 1000)} s off`);
}

t.test('an appliance whose clock is 2 hours ahead delivers every read, stamped with the hub time', (tt) => deliversWithHubTime(tt, skewedClock(2 * HOUR), '+2 h'));

t.test('an appliance whose clock is 2 hours behind delivers every read, stamped with the hub time', (tt) => deliversWithHubTime(tt, skewedClock(-2 * HOUR), '-2 h'));

t.test('an appliance whose clock starts at 1970 delivers every read, stamped with the hub time', (tt) => deliversWithHubTime(tt, clockFrom1970(), '1970'));

t.test('a correctly signed broker token dated 2 hours off gets in only to learn the hub time: it may publish nothing', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub);
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now() - 2 * HOUR), reconnectPeriod: 0, protocolVersion: 4 });
  tt.teardown(() => client.end(true));
  const pushes: Array<{ hubTimeMs: number; retained: boolean }> = [];
  client.on('message', (topic, payload, packet) => {
    if (topic === topics.config(device.deviceId)) pushes.push({ hubTimeMs: verifyConfigPush(payload, hub.keys.sign.publicKey).hubTimeMs, retained: packet.retain });
  });
  await client.subscribeAsync(topics.config(device.deviceId), { qos: 1 });
  await tt.rejects(client.subscribeAsync(topics.acks(device.deviceId), { qos: 1 }), 'its acks are declined: only its config topic is open to it');
  await eventually(() => pushes.length > 0, 5_000);
  tt.ok(Math.abs(pushes[0]!.hubTimeMs - Date.now()) < 5_000, 'a signed push with the hub time arrives');
  tt.equal(pushes[0]!.retained, false, 'fresh, not a retained old one');
  client.publish(topics.reads(device.deviceId), Buffer.from('x'), { qos: 1 }, () => undefined);
  client.publish(topics.status(device.deviceId), Buffer.from('x'), { qos: 1 }, () => undefined);
  await new Promise((r) => setTimeout(r, 500));
  tt.equal(hub.ingest.stats.batches + hub.ingest.stats.refused, 0, 'its publish never reached ingest');
});

t.test('a read stamped with the hub time at capture keeps it after a restart that set the clock back to 1970', async (tt) => {
  const hub = await startHub(tt);
  // The box captured this three hours ago (by the hub's clock), knowing the hub's time, then
  // restarted with a dead RTC: its own clock now reads 1970 and the read's device time is later
  // than that, so its age cannot be judged from the device clock any more.
  const device = await makeDevice(tt, hub, { clock: clockFrom1970() });
  const capturedHub = Date.now() - 3 * HOUR;
  const read = makeRead({ siteId: 'site-1', capturedAt: 50_000, hubCapturedAt: capturedHub });
  await device.buffer.append(read);
  await device.uplink.start();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 15_000);
  tt.equal((await hub.store.getRead(read.id))!.capturedAt, capturedHub, 'stored with the hub time it was stamped with at capture');
});

t.test('a genuine config push replayed by the broker weeks later does not turn the hub time back: reads stay stamped with the hub time', async (tt) => {
  // The appliance's own clocks jump 11 minutes (more than the 10 a highest estimate stands) once
  // it knows the hub's time, so its estimate runs 11 minutes ahead: the hub takes reads 1 h ahead.
  const hub = await startHub(tt, { maxFutureSkewMs: HOUR });
  let jumpMs = 0;
  const clock: Clock = { ...systemClock, now: () => Date.now() + jumpMs, monotonic: () => performance.now() + jumpMs };
  const { logger, lines } = captureLogger();
  const device = await makeDevice(tt, hub, { clock, logger });
  await device.uplink.start();
  await eventually(() => device.uplink.stats.batchesAcked > 0, 10_000);
  jumpMs = 11 * 60_000;
  // Signed by the hub 40 days ago for this device (recorded then), published again without retain.
  const old = signConfigPush({ deviceId: device.deviceId, hubTimeMs: Date.now() - 40 * 24 * HOUR, sealPublicKey: hub.keys.seal.publicKey, sealKeySinceMs: 0 }, hub.keys.sign.privateKey);
  const attacker = await mqtt.connectAsync(hub.brokerUrl, { clientId: `replay-${process.pid}`, username: 'hub', password: hub.broker!.hubPassword, protocolVersion: 4 });
  tt.teardown(() => attacker.endAsync());
  await attacker.publishAsync(topics.config(device.deviceId), Buffer.from(old), { qos: 1, retain: false });
  await eventually(() => lines().some((l) => l.msg === 'ignored a config push that would turn the hub time back'), 5_000);
  const read = makeRead({ siteId: 'site-1', capturedAt: clock.now() });
  await device.buffer.append(read);
  device.uplink.notify();
  await eventually(async () => (await hub.store.getRead(read.id)) !== null, 10_000);
  const stored = (await hub.store.getRead(read.id))!.capturedAt;
  tt.ok(stored > Date.now() - 60_000, `the read is stored as captured now (${new Date(stored).toISOString()}), not 40 days ago`);
  tt.equal(lines().find((l) => l.msg === 'ignored a config push that would turn the hub time back')?.code, 'ALPR_ERR_SYNC_REPLAYED', 'the log names the replay');
});
