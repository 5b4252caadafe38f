import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { silentLogger, systemClock } from '../../../core/index.js';
import { EmbeddedBroker, loadOrCreateHubKeys } from '../../../hub/index.js';
import { AlertLink } from '../../../hub/alerts/alertLink.js';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { alpr, newSigningKeys, rawPublicKey, sealAlert, toWireRead, topics, verifyAlertAck } from '../../../sync/index.js';
import { brokerNode } from '../../helpers/brokerNode.js';
import { captureLogger, eventually, makeRead, tempDir } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';

// Without the deadline the ack's publish hangs, and so does the link's stop: fail within this instead of tap's default.
t.setTimeout(30_000);

/**
 * A hub with the hot list and pole-a enrolled, the embedded broker, and the device's side straight
 * on the broker: it counts the alert acks it gets, sees when the link `linkClientId` has
 * subscribed (Aedes announces each subscription: hits sent before the link's would reach no
 * one), and sends a sealed hit on ABC1234 (its read changed by `read`, if given) and returns its read.
 */
async function alertRig(t: import('tap').Test, linkClientId: string) {
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, alerts, devices } = h.services;
  await hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  const deviceKeys = newSigningKeys();
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(deviceKeys.publicKey), siteId: 'site-1' }, 'test');
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store: h.store, now: Date.now, logger: silentLogger() });
  await broker.start();
  t.teardown(() => broker.stop());
  const device = await mqtt.connectAsync(broker.hubUrl, { username: 'hub', password: broker.hubPassword, clientId: 'alert-device' });
  t.teardown(() => device.endAsync(true));
  const seen = { acks: 0, linkSubscribed: false, ackPayloads: [] as Buffer[] };
  device.on('message', (topic, payload) => {
    if (topic === topics.alertAcks('pole-a')) (seen.acks++, seen.ackPayloads.push(payload));
    else if (payload.toString().includes(linkClientId)) seen.linkSubscribed = true;
  });
  await device.subscribeAsync([topics.alertAcks('pole-a'), '$SYS/+/new/subscribes'], { qos: 1 });
  const log = captureLogger();
  const keys = await loadOrCreateHubKeys(join(await tempDir(t), 'keys'));
  const sendHit = async (overrides: Parameters<typeof makeRead>[0] = {}) => {
    // Taken now by the clock the links below run on (the system's): a read from the harness's
    // fixed month would be past the 30-day retention by today, and refused as one.
    const read = makeRead({ deviceId: 'pole-a', siteId: 'site-1', plate: 'ABC1234', region: 'IL', capturedAt: Date.now(), ...overrides });
    const hit = { deviceId: 'pole-a', read: toWireRead(read, read.capturedAt), entryId: 'V123456789', nearMatch: false, matchedPlate: 'ABC1234', hotlistVersion: 1, matchedAtMs: Date.now() };
    await device.publishAsync(topics.alerts('pole-a'), Buffer.from(sealAlert(hit, deviceKeys.privateKey, keys.seal)), { qos: 1 });
    return read;
  };
  /** The hub's alert link on the rig's broker, started, subscribed, and stopped at teardown. */
  const startLink = async (options: Partial<ConstructorParameters<typeof AlertLink>[0]> = {}) => {
    const link = new AlertLink({
      brokerUrl: broker.hubUrl, username: 'hub', password: broker.hubPassword, sharedGroup: null, clientId: linkClientId, store: h.store,
      keys, hotlists, alerts, maxImageBytes: 1024 * 1024, clock: systemClock, logger: log.logger, ...options,
    });
    await link.start();
    t.teardown(() => link.stop());
    await eventually(() => seen.linkSubscribed, 5_000);
    return link;
  };
  return { h, hotlists, alerts, broker, device, seen, log, keys, sendHit, startLink };
}

t.test('the reads of a stored batch are matched against the hot list with one refresh from the store, and their hits are raised', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, alerts } = h.services;
  await hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  // Never started: matchStored needs no broker.
  const link = new AlertLink({
    brokerUrl: 'mqtt://127.0.0.1:9', username: 'hub', password: '', sharedGroup: null, clientId: 'alert-link-test', store: h.store,
    keys: await loadOrCreateHubKeys(join(await tempDir(t), 'keys')), hotlists, alerts, maxImageBytes: 1024 * 1024, clock: h.clock, logger: silentLogger(),
  });
  await hotlists.match('ABC1234', 'IL'); // the matcher is current, as on a running hub
  const reads = await h.addReads([
    ...Array.from({ length: 30 }, (_, i) => ({ plate: `CLR${String(i).padStart(4, '0')}`, region: 'IL' })),
    { plate: 'ABC1234', region: 'IL' }, { plate: 'XYZ789', region: 'WI' },
  ]);
  const sql = h.store.sql;
  const hotlistQueries: string[] = [];
  for (const method of ['get', 'all'] as const) {
    const original = sql[method].bind(sql) as (...args: unknown[]) => Promise<unknown>;
    (sql as unknown as Record<string, unknown>)[method] = (text: string, ...rest: unknown[]) => {
      if (text.includes('hotlist_')) hotlistQueries.push(text);
      return original(text, ...rest);
    };
  }
  await link.matchStored(reads);
  t.equal(hotlistQueries.length, 1, `one hot-list query for ${reads.length} reads (${hotlistQueries.length} made)`);
  t.equal(link.stats.alertsRaised, 2, 'both hot plates raised their alert');
  t.equal((await alerts.stats(0, h.clock.now() + 1000)).alerts, 2, 'and the alerts are stored');
});

t.test('an alert ack the broker never acknowledges fails after the PUBACK deadline with ALPR_ERR_SYNC_BROKER_SILENT, is logged, the connection is cut, and the hit redelivered after the reconnect gets its ack', async (t) => {
  const { h, hotlists, alerts, broker, seen, log, keys, sendHit } = await alertRig(t, 'alert-link-silent');
  const node = await brokerNode(broker.hubUrl);
  t.teardown(() => node.kill());
  const link = new AlertLink({
    brokerUrl: node.url, username: 'hub', password: broker.hubPassword, sharedGroup: null, clientId: 'alert-link-silent', pubackTimeoutMs: 1000, store: h.store,
    keys, hotlists, alerts, maxImageBytes: 1024 * 1024, clock: systemClock, logger: log.logger,
  });
  await link.start();
  t.teardown(() => link.stop());
  await eventually(() => seen.linkSubscribed, 5_000);
  await sendHit();
  await eventually(() => seen.acks === 1, 5_000);
  // The node now answers pings but drops every publish (and the link's PUBACK for the next hit).
  node.deafToPublishes();
  await sendHit();
  const failed = () => log.lines().filter((l) => l.msg === 'alert ack not sent' && (l.err as { code?: string }).code === 'ALPR_ERR_SYNC_BROKER_SILENT');
  await eventually(() => failed().length > 0, 5_000).catch(() => undefined);
  // Up before MQTT.js's reconnect (a second after the cut), whose CONNECT a deaf node would drop.
  node.up();
  t.equal(failed().length, 1, 'the ack failed with the typed error and was logged');
  t.ok(link.stats.alertsRaised >= 2, 'the hit raised its alert meanwhile');
  t.equal(log.lines().filter((l) => l.msg === 'broker not answering; connection cut').length, 1, 'the connection was cut');
  await eventually(() => node.connections() === 2, 5_000).catch(() => undefined);
  t.equal(node.connections(), 2, 'and the link connected anew');
  await eventually(() => seen.acks === 2, 10_000).catch(() => undefined);
  t.equal(seen.acks, 2, 'the second hit, redelivered on the new connection, got its ack: the link did not hang');
});

t.test('a hit larger than a read with two images at the hub\'s limit is discarded unread, logged with ALPR_ERR_HUB_INCOMING_TOO_LARGE and counted against its device; the next hit raises its alert', async (t) => {
  const { alerts, device, seen, log, sendHit, startLink } = await alertRig(t, 'alert-link-limits');
  const link = await startLink();
  // Over 2 x 1 MiB + 64 KiB.
  await device.publishAsync(topics.alerts('pole-a'), Buffer.alloc(2 * 1024 * 1024 + 64 * 1024 + 1, 0x41), { qos: 1 });
  await sendHit();
  await eventually(() => seen.acks === 1, 5_000);
  t.same(link.stats.oversizedByDevice, { 'pole-a': 1 }, 'counted against the device');
  t.ok(log.lines().some((l) => l.code === 'ALPR_ERR_HUB_INCOMING_TOO_LARGE' && l.deviceId === 'pole-a'), 'logged with its code and device');
  t.ok(link.stats.alertsRaised >= 1, 'the next hit raised its alert');
});

t.test('a hit whose read is dated beyond the allowed clock skew is refused as a batch refuses that read: its read is not stored, no alert is raised and no ack is sent; a sound hit after it raises its alert', async (t) => {
  const { h, alerts, seen, log, sendHit, startLink } = await alertRig(t, 'alert-link-future');
  const link = await startLink({ maxFutureSkewMs: 60_000 });
  // A day ahead (beyond any skew), and three minutes ahead (within the default, beyond the 60 s configured).
  const future = [await sendHit({ capturedAt: Date.now() + 86_400_000 }), await sendHit({ capturedAt: Date.now() + 180_000 })];
  // Both handled, whichever way.
  await eventually(() => link.stats.hitsRefused + link.stats.alertsRaised >= 2, 5_000).catch(() => undefined);
  t.equal(link.stats.hitsRefused, 2, 'both hits were refused');
  t.equal(link.stats.alertsRaised, 0, 'no alert was raised');
  t.equal((await alerts.stats(0, Date.now() + 2 * 86_400_000)).alerts, 0, 'and none is stored');
  for (const read of future) t.equal(await h.store.getRead(read.id), null, 'the future-dated read was not stored');
  t.ok(log.lines().some((l) => l.msg === 'alert refused' && /ahead of the hub's clock/.test(String(l.why))), 'the refusal is logged with the reason a batch gets');
  const sound = await sendHit();
  await eventually(() => seen.acks >= 1, 5_000).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  t.equal(seen.acks, 1, 'only the sound hit was acknowledged');
  t.equal(link.stats.alertsRaised, 1, 'the sound hit raised its alert');
  t.ok(await h.store.getRead(sound.id), 'and its read was stored');
});

t.test('a hit whose read is past the retention period is refused for good: not stored, no alert, and a signed ack that says so, which the appliance takes as final', async (t) => {
  const { h, seen, keys, sendHit, startLink } = await alertRig(t, 'alert-link-expired');
  const link = await startLink({ logger: silentLogger() });
  const old = await sendHit({ capturedAt: Date.now() - 40 * 86_400_000 });
  await eventually(() => seen.acks >= 1, 5_000);
  t.equal(link.stats.hitsRefused, 1, 'the hit was refused');
  t.equal(link.stats.alertsRaised, 0, 'no alert was raised');
  t.equal(await h.store.getRead(old.id), null, 'its read was not stored');
  const ack = verifyAlertAck(seen.ackPayloads[0]!, keys.sign.publicKey);
  t.match(ack, { deviceId: 'pole-a', readId: old.id, entryId: 'V123456789', refusal: alpr.v1.AlertRefusal.ALERT_REFUSAL_EXPIRED, reason: /before the retention period/ }, 'the signed ack names the refusal and its reason');
});

t.test('a hit whose read names a camera its site does not list, or that comes after its site was retired, is refused: no read is stored, no alert raised, no ack sent', async (t) => {
  const { h, alerts, seen, log, sendHit, startLink } = await alertRig(t, 'alert-link-site');
  const link = await startLink();
  const unlisted = await sendHit({ cameraId: 'cam9' });
  const sound = await sendHit();
  // The sound hit is handled after the other (one device, QoS 1, in order).
  await eventually(() => (link.stats.alertsRaised > 0 && link.stats.hitsRefused + link.stats.alertsRaised >= 2), 5_000).catch(() => undefined);
  t.equal(link.stats.hitsRefused, 1, 'the unlisted camera\'s hit was refused');
  t.equal(link.stats.alertsRaised, 1, 'only the listed camera\'s hit raised an alert');
  t.equal(await h.store.getRead(unlisted.id), null, 'the unlisted camera\'s read was not stored');
  t.ok(await h.store.getRead(sound.id));

  await h.services.sites.retire('site-1', 'admin-1', 'pole taken down');
  const afterRetirement = await sendHit();
  await eventually(() => link.stats.hitsRefused + link.stats.alertsRaised >= 3, 5_000).catch(() => undefined);
  t.equal(link.stats.hitsRefused, 2, 'the hit from the retired site was refused');
  t.equal(link.stats.alertsRaised, 1, 'no alert from the retired site');
  t.equal(await h.store.getRead(afterRetirement.id), null, 'nor its read');
  t.equal((await alerts.stats(0, Date.now() + 1000)).alerts, 1, 'the one stored alert is the sound hit\'s');
  t.ok(log.lines().some((l) => l.msg === 'alert refused' && /site site-1 is retired/.test(String(l.why))), 'the refusal names the retired site');
  await eventually(() => seen.acks >= 1, 5_000).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  t.equal(seen.acks, 1, 'and no ack for the refused hits');
});

t.test('a hit reusing the id of a stored read raises alerts from the stored read only: a listed plate on the hit raises nothing over another vehicle\'s images, and a stored read on the list raises its own alert once', async (t) => {
  const { h, alerts, seen, log, sendHit, startLink } = await alertRig(t, 'alert-link-reused-id');
  const link = await startLink();
  // Read X of plate CLR0001 (on no list) is stored; a hit then names X with the listed ABC1234.
  const [stored] = await h.addReads([{ deviceId: 'pole-a', plate: 'CLR0001', region: 'IL', capturedAt: Date.now() - 60_000, receivedAt: Date.now() }]);
  await sendHit({ id: stored!.id });
  await eventually(() => seen.acks === 1, 5_000);
  t.equal(link.stats.alertsRaised, 0, 'no alert for the hit\'s plate');
  t.equal((await alerts.stats(0, Date.now() + 1000)).alerts, 0, 'and none is stored');
  t.equal((await h.store.getRead(stored!.id))?.plate, 'CLR0001', 'the stored read stands');
  t.ok(log.lines().some((l) => l.msg === 'hit names a read id the hub holds for another read; matched the stored read'), 'the mismatch is logged');

  // A listed read stored without its alert (a hub that died between the two): its hit, sent
  // again, raises the alert of the stored read, and once.
  const [listed] = await h.addReads([{ deviceId: 'pole-a', plate: 'ABC1234', region: 'IL', capturedAt: Date.now() - 30_000, receivedAt: Date.now() }]);
  await sendHit({ id: listed!.id, capturedAt: listed!.capturedAt + 2 });
  await sendHit({ id: listed!.id, capturedAt: listed!.capturedAt + 2 });
  await eventually(() => seen.acks === 3, 5_000);
  t.equal(link.stats.alertsRaised, 1, 'one alert for the stored listed read');
  t.same(await h.store.sql.all('SELECT read_id, plate FROM alerts'), [{ read_id: listed!.id, plate: 'ABC1234' }], 'describing the stored read');
});
