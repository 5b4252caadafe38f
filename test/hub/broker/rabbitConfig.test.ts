import t from 'tap';
import { readFile } from 'node:fs/promises';
import { RABBIT_MQTT_SETTINGS } from '../../../hub/broker/rabbitConfig.js';
import { brokerToken, newSigningKeys, rawPublicKey, topics } from '../../../sync/index.js';
import { harness } from '../../helpers/hubHarness.js';
import { eventually } from '../../helpers/index.js';
import { rabbitAvailable, serveBrokerAuth, startRabbitNode } from '../../helpers/rabbitNode.js';

// A RabbitMQ node boots in about 50 s of CPU, minutes on busy cores. The limit is the file's:
// tap's runner stops the whole file at package.json's 120 s whatever a subtest sets.
t.setTimeout(6 * 60_000);

const HUB = { username: 'hub', password: 'hub-broker-secret-for-tests-0123456789' };

t.test('the rabbitmq.conf in docs/scaling.md carries every MQTT setting the project ships', async (t) => {
  const doc = await readFile(new URL('../../../docs/scaling.md', import.meta.url), 'utf8');
  const lines = doc.split('\n').map((l) => l.replace(/#.*$/, '').trim());
  for (const setting of RABBIT_MQTT_SETTINGS) t.ok(lines.includes(setting), setting);
});

t.test('through a RabbitMQ node as shipped, a device\'s retained status, batch and alert reach no later subscriber', async (t) => {
  if (!(await rabbitAvailable(t))) return;
  const h = (await harness(t, 'sqlite'))!;
  const device = newSigningKeys();
  await h.services.devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(device.publicKey), siteId: 'site-1' }, 'test');
  const authUrl = await serveBrokerAuth(t, h.store, HUB);
  // Ports no other RabbitMQ test takes (21000-25499, 28000-28499). 25600-25999, used before, held
  // the shared node's Erlang distribution port 25672: one run in 40 waited there for ever.
  const node = await startRabbitNode(t, { hubHttpUrl: authUrl, basePort: 29000 + (process.pid % 50) * 10, tag: 'retain' });
  const mqtt = await import('mqtt');
  // What a stolen device token can do: log in as the device and publish retained on its own topics.
  const thief = await mqtt.connectAsync(node.mqttUrl, { clientId: 'pole-a', username: 'pole-a', password: brokerToken('pole-a', device.privateKey, Date.now()), reconnectPeriod: 0, protocolVersion: 4 });
  t.teardown(() => thief.endAsync(true));
  const own = [topics.status('pole-a'), topics.reads('pole-a'), topics.alerts('pole-a')];
  for (const topic of own) await thief.publishAsync(topic, Buffer.from(`retained on ${topic}`), { qos: 1, retain: true });

  // Later subscribers: by each exact topic (RabbitMQ 3.10 looks retained messages up by the
  // subscription's topic), and by the hub's wildcards (as newer versions match them).
  const hub = await mqtt.connectAsync(node.mqttUrl, { clientId: 'hub-retain-test', username: HUB.username, password: HUB.password, reconnectPeriod: 0, protocolVersion: 4 });
  t.teardown(() => hub.endAsync(true));
  const received: Array<{ topic: string; retain: boolean }> = [];
  hub.on('message', (topic, _payload, packet) => received.push({ topic, retain: packet.retain }));
  await hub.subscribeAsync([...own, topics.allStatus, topics.allReads, topics.allAlerts], { qos: 1 });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  t.same(received, [], 'no retained message was delivered');

  // The subscriptions work: a status the device sends now arrives.
  await thief.publishAsync(topics.status('pole-a'), Buffer.from('live'), { qos: 1 });
  await eventually(() => received.length > 0, 10_000);
  t.equal(received[0]!.topic, topics.status('pole-a'), 'a status sent now still reaches the hub');
});
