import t from 'tap';
import { randomBytes } from 'node:crypto';
import { endClient } from '../../sync/index.js';
import { freePort } from '../helpers/mosquitto.js';
import { MOSQUITTO_URL, serviceAvailable } from '../helpers/index.js';

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p.then(() => 'ended'), new Promise((resolve) => setTimeout(resolve, ms, 'still waiting'))]);

t.test('a client whose broker is gone, holding an unacknowledged QoS 1 message, stops at once', async (tt) => {
  const mqtt = await import('mqtt');
  // Nothing listens there: the client keeps reconnecting, its message in flight forever.
  const client = mqtt.connect(`mqtt://127.0.0.1:${await freePort()}`, { clientId: `end-${randomBytes(3).toString('hex')}`, reconnectPeriod: 200, clean: false });
  client.on('error', () => undefined);
  client.publish('alpr/v1/pole-x/acks', 'ack', { qos: 1 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  tt.equal(await within(endClient(client, 2_000), 5_000), 'ended', 'stopped without waiting for a PUBACK that cannot come');
});

t.test('a connected client hands its QoS 1 messages to the broker before it disconnects', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const mqtt = await import('mqtt');
  const topic = `alpr-test/end-client/${randomBytes(4).toString('hex')}`;
  const reader = await mqtt.connectAsync(MOSQUITTO_URL, { clientId: `reader-${randomBytes(3).toString('hex')}` });
  tt.teardown(() => reader.endAsync(true));
  const seen: string[] = [];
  reader.on('message', (_topic, payload) => seen.push(String(payload)));
  await reader.subscribeAsync(topic, { qos: 1 });
  const writer = await mqtt.connectAsync(MOSQUITTO_URL, { clientId: `writer-${randomBytes(3).toString('hex')}` });
  for (let i = 0; i < 20; i++) writer.publish(topic, `m${i}`, { qos: 1 });
  await endClient(writer);
  await new Promise((resolve) => setTimeout(resolve, 500));
  tt.equal(seen.length, 20, 'every message published before the end reached the broker');
});
