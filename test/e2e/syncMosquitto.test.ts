import t from 'tap';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { sealBatch, topics } from '../../sync/index.js';
import { eventually, makeRead, MOSQUITTO_URL, serviceAvailable } from '../helpers/index.js';
import { startAclMosquitto } from '../helpers/mosquitto.js';
import { checkArrival, contentOf } from '../helpers/readContent.js';
import { makeDevice, startHub } from '../helpers/syncRig.js';

t.test('through the real Mosquitto with an MQTT 5 shared subscription, every read arrives once', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const hub = await startHub(tt, { brokerUrl: MOSQUITTO_URL, sharedGroup: `alpr-hub-${randomBytes(3).toString('hex')}` });
  const device = await makeDevice(tt, hub, { maxReads: 25 });
  const reads = Array.from({ length: 120 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now(), imageBytes: 3000 }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 120 && (await device.buffer.stats()).reads === 0, 20_000);
  tt.same(await checkArrival(hub.store, reads.map(contentOf)), { missing: [], changed: [], unexpected: [], outOfOrder: [] }, 'intact and in capture order');
  tt.equal((await hub.store.ingestCounters(device.deviceId)).gaps, 0);
});

t.test('Mosquitto ACL: a device cannot publish under another device\'s id', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const hubPassword = randomBytes(12).toString('hex');
  const broker = await startAclMosquitto(tt, { hub: hubPassword, 'pole-aaa': 'secret-a', 'pole-bbb': 'secret-b' });
  const hub = await startHub(tt, { brokerUrl: broker.url, hubUser: { username: 'hub', password: hubPassword } });
  const a = await makeDevice(tt, hub, { deviceId: 'pole-aaa', brokerUrl: broker.url, mqttPassword: 'secret-a' });
  await makeDevice(tt, hub, { deviceId: 'pole-bbb', brokerUrl: broker.url, mqttPassword: 'secret-b' });
  // pole-aaa, with its own valid credentials, publishes a batch on pole-bbb's topic.
  const client = await mqtt.connectAsync(broker.url, { clientId: 'pole-aaa', username: 'pole-aaa', password: 'secret-a', reconnectPeriod: 0 });
  const forged = sealBatch({ deviceId: 'pole-bbb', sequence: 1, reads: [] }, a.keys.privateKey, { publicKey: hub.keys.seal.publicKey, keyId: hub.keys.seal.keyId });
  client.publish(topics.reads('pole-bbb'), Buffer.from(forged), { qos: 1 }, () => undefined);
  // Its own topic works, proving the connection and the hub are fine.
  await a.buffer.append(makeRead({ siteId: 'site-1', capturedAt: Date.now() }));
  await a.uplink.start();
  await eventually(async () => (await hub.store.countReads()) === 1, 10_000);
  tt.equal(hub.ingest.stats.refused, 0, 'the forged batch never reached the hub');
  tt.equal(hub.ingest.stats.batches, 2, 'its own: the empty batch that learned the hub time (no push on subscribe from Mosquitto), then the read');
  await client.endAsync();
  // A wrong password is refused by the broker.
  await tt.rejects(mqtt.connectAsync(broker.url, { clientId: 'pole-aaa', username: 'pole-aaa', password: 'wrong', reconnectPeriod: 0 }));
});
