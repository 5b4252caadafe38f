import t from 'tap';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { silentLogger, systemClock } from '../../../core/index.js';
import { loadOrCreateHubKeys } from '../../../hub/index.js';
import { AlertLink } from '../../../hub/alerts/alertLink.js';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { MqttIngestTransport } from '../../../hub/ingest/mqttIngestTransport.js';
import { newSigningKeys, rawPublicKey, sealAlert, sealBatch, toWireRead, topics } from '../../../sync/index.js';
import { eventually, makeRead, serviceAvailable, tempDir } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';
import { startAclMosquitto } from '../../helpers/mosquitto.js';

t.setTimeout(60_000);

t.test('a batch or alert a device left retained on the broker is not taken again by hub clients that subscribe later; its retained status still is', async (t) => {
  if (!(await serviceAvailable(t, 'mosquitto'))) return;
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, alerts, devices } = h.services;
  await hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  const deviceKeys = newSigningKeys();
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(deviceKeys.publicKey), siteId: 'site-1' }, 'test');
  const keys = await loadOrCreateHubKeys(join(await tempDir(t), 'keys'));
  const hubPassword = randomBytes(12).toString('hex');
  // Mosquitto with the ACL the project documents: it keeps whatever a device publishes retained.
  const broker = await startAclMosquitto(t, { hub: hubPassword, 'pole-a': 'device-secret' });

  // A stolen device login leaves a genuine-looking batch and hit retained, beside a status.
  const thief = await mqtt.connectAsync(broker.url, { clientId: 'pole-a', username: 'pole-a', password: 'device-secret', reconnectPeriod: 0, protocolVersion: 4 });
  t.teardown(() => thief.endAsync(true));
  const read = makeRead({ deviceId: 'pole-a', siteId: 'site-1', plate: 'ABC1234', region: 'IL', capturedAt: Date.now() });
  const hit = () => sealAlert({ deviceId: 'pole-a', read: toWireRead(read, read.capturedAt), entryId: 'V123456789', nearMatch: false, matchedPlate: 'ABC1234', hotlistVersion: 1, matchedAtMs: Date.now() }, deviceKeys.privateKey, keys.seal);
  const batch = sealBatch({ deviceId: 'pole-a', sequence: 1, sentAtMs: Date.now(), reads: [toWireRead(read, read.capturedAt)] }, deviceKeys.privateKey, { publicKey: keys.seal.publicKey, keyId: keys.seal.keyId });
  await thief.publishAsync(topics.reads('pole-a'), Buffer.from(batch), { qos: 1, retain: true });
  await thief.publishAsync(topics.alerts('pole-a'), Buffer.from(hit()), { qos: 1, retain: true });
  await thief.publishAsync(topics.status('pole-a'), Buffer.from('status'), { qos: 1, retain: true });

  // Hub clients subscribing now, as after a hub restart.
  const login = { brokerUrl: broker.url, username: 'hub', password: hubPassword, sharedGroup: null };
  const ingest = new MqttIngestTransport({ ...login, clientId: 'ingest-retained', logger: silentLogger() });
  const taken: string[] = [];
  await ingest.start(async (topic) => void taken.push(topic));
  t.teardown(() => ingest.stop());
  const link = new AlertLink({ ...login, clientId: 'alerts-retained', store: h.store, keys, hotlists, alerts, maxImageBytes: 1024 * 1024, clock: systemClock, logger: silentLogger() });
  await link.start();
  t.teardown(() => link.stop());

  await eventually(() => taken.includes(topics.status('pole-a')), 10_000);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  t.same(taken, [topics.status('pole-a')], 'ingest took the retained status and not the retained batch');
  t.equal(link.stats.hitsReceived, 0, 'the alert link did not take the retained hit');
  t.equal((await alerts.stats(0, Date.now() + 1000)).alerts, 0, 'no alert was raised from it');

  // What the device sends now still arrives.
  await thief.publishAsync(topics.reads('pole-a'), Buffer.from(batch), { qos: 1 });
  await thief.publishAsync(topics.alerts('pole-a'), Buffer.from(hit()), { qos: 1 });
  await eventually(() => taken.includes(topics.reads('pole-a')) && link.stats.hitsReceived === 1, 10_000);
  t.pass('a batch and a hit sent now are taken');
});
