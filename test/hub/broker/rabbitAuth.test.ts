import t from 'tap';
import Fastify from 'fastify';
import { silentLogger } from '../../../core/index.js';
import { IN_SERVICE_CACHE_MS, RabbitAuth } from '../../../hub/broker/rabbitAuth.js';
import { rabbitAuthRoutes } from '../../../hub/broker/rabbitAuthRoutes.js';
import { brokerToken, newSigningKeys, rawPublicKey } from '../../../sync/index.js';
import { harness, onBothStores, type Harness } from '../../helpers/hubHarness.js';
import { rabbitAvailable, startRabbitNode } from '../../helpers/rabbitNode.js';

// One test boots a private RabbitMQ node: about 50 s of CPU, minutes on busy cores. The limit is
// the file's: tap's runner stops the whole file at package.json's 120 s whatever a subtest sets.
t.setTimeout(6 * 60_000);

const HUB_SECRET = 'hub-broker-secret-for-tests-0123456789';

async function twoDevices(h: Harness) {
  const devices = { a: newSigningKeys(), b: newSigningKeys() };
  await h.services.devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(devices.a.publicKey), siteId: 'site-1' }, 'test');
  await h.services.devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(devices.b.publicKey), siteId: 'site-1' }, 'test');
  const auth = new RabbitAuth({ store: h.store, hubUsername: 'hub', hubPassword: HUB_SECRET, vhost: '/', exchange: 'amq.topic', now: () => h.clock.now(), logger: silentLogger() });
  await auth.migrate();
  return { auth, token: (id: 'a' | 'b', at = h.clock.now()) => brokerToken(`pole-${id}`, devices[id].privateKey, at) };
}

onBothStores(t, 'the cluster auth backend admits a device once per token and only under its own topics', async (tt, h) => {
  const { auth, token } = await twoDevices(h);
  const tokenA = token('a');
  tt.ok(await auth.user({ username: 'pole-a', password: tokenA }), 'a fresh signed token logs the device in');
  tt.notOk(await auth.user({ username: 'pole-a', password: tokenA }), 'the same token a second time (another node, a replay) is refused');
  tt.notOk(await auth.user({ username: 'pole-b', password: token('a') }), "a token signed by another device's key is refused");
  tt.notOk(await auth.user({ username: 'pole-a', password: token('a', h.clock.now() - 6 * 60_000) }), 'a token dated outside the window is refused');
  tt.notOk(await auth.user({ username: 'pole-z', password: token('a') }), 'an unknown device is refused');
  tt.notOk(await auth.user({ username: 'hub', password: 'guess' }), 'a wrong hub secret is refused');
  tt.ok(await auth.user({ username: 'hub', password: HUB_SECRET }));
  await h.services.devices.revoke('pole-b', 'test', 'stolen pole');
  tt.notOk(await auth.user({ username: 'pole-b', password: token('b') }), 'a revoked device is refused');

  const topic = (username: string, permission: string, routingKey: string) => auth.topic({ username, vhost: '/', resource: 'topic', name: 'amq.topic', permission, routing_key: routingKey });
  tt.ok(await topic('pole-a', 'write', 'alpr.v1.pole-a.reads'), 'a device publishes its own reads');
  tt.notOk(await topic('pole-a', 'write', 'alpr.v1.pole-b.reads'), "a device cannot publish under another's id");
  tt.notOk(await topic('pole-a', 'write', 'alpr.v1.pole-a.acks'), 'nor forge its own acks');
  tt.notOk(await topic('pole-a', 'read', 'alpr.v1.*.reads'), "nor subscribe to everyone's reads");
  tt.ok(await topic('pole-a', 'read', 'alpr.v1.pole-a.acks'));
  tt.ok(await topic('hub', 'read', 'alpr.v1.*.reads'), 'the hub reads all reads');
  tt.notOk(await auth.topic({ username: 'pole-a', vhost: '/', resource: 'topic', name: 'amq.fanout', permission: 'write', routing_key: 'alpr.v1.pole-a.reads' }), 'another exchange is refused');
  const resource = (resource: string, name: string, permission: string) => auth.resource({ username: 'pole-a', vhost: '/', resource, name, permission });
  tt.ok(await resource('queue', 'mqtt-subscription-pole-aqos1', 'configure'), "the device's own subscription queue");
  tt.notOk(await resource('queue', 'mqtt-subscription-pole-bqos1', 'read'), "another device's queue is refused");
  tt.notOk(await resource('exchange', 'amq.topic', 'configure'), 'exchanges are not reconfigured by devices');
  tt.notOk(auth.vhost({ username: 'pole-a', vhost: 'other' }), 'another vhost is refused');
});

onBothStores(t, 'the cluster auth endpoint denies the login of a device whose site was retired, however sound its token, and audits it once however often it tries, from whichever hub process it asks', async (tt, h) => {
  const { sites, devices, audit } = h.services;
  await sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-014', latitude: 41.879, longitude: -87.785, cameras: ['cam0'] }, 'chief');
  const keys = { a: newSigningKeys(), b: newSigningKeys() };
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(keys.a.publicKey), siteId: 'site-1' }, 'test');
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(keys.b.publicKey), siteId: 'site-2' }, 'test');
  // Two hub processes serving the endpoint: RabbitMQ's nodes ask whichever the balancer picks.
  const hubProcess = async () => {
    const auth = new RabbitAuth({ store: h.store, hubUsername: 'hub', hubPassword: HUB_SECRET, vhost: '/', exchange: 'amq.topic', now: () => h.clock.now(), logger: silentLogger(), audit });
    await auth.migrate();
    const app = Fastify();
    await app.register(rabbitAuthRoutes, { auth });
    tt.teardown(() => app.close());
    return app;
  };
  const apps = [await hubProcess(), await hubProcess()];
  let tokenAt = h.clock.now();
  const userCheck = async (id: 'a' | 'b', via = 0) => {
    const query = new URLSearchParams({ username: `pole-${id}`, password: brokerToken(`pole-${id}`, keys[id].privateKey, ++tokenAt) });
    return (await apps[via]!.inject({ method: 'GET', url: `/broker-auth/rabbitmq/user?${query}` })).body;
  };
  tt.equal(await userCheck('b'), 'allow', 'in service, the device logs in');

  await sites.retire('site-2', 'admin', 'pole taken down');
  tt.same([await userCheck('b', 0), await userCheck('b', 1), await userCheck('b', 0), await userCheck('b', 1)], ['deny', 'deny', 'deny', 'deny'], 'once its site is retired, every fresh token is denied by either process');
  const refusals = await audit.query({ action: 'device.loginRefused', limit: 10 });
  tt.equal(refusals.length, 1, 'four denied logins, one audit record');
  tt.match(refusals[0], { actor: 'device:pole-b', outcome: 'refused', detail: { siteId: 'site-2', broker: 'rabbitmq', code: 'ALPR_ERR_SITE_NOT_APPROVED', reason: /site site-2 is retired/ } }, 'the record names the device, its site and why');
  tt.equal(await userCheck('a'), 'allow', 'a device at a site in service still logs in');
});

onBothStores(t, 'a device whose site is retired once it is connected to a node is refused its topic and resource checks once its cached answer has expired', async (tt, h) => {
  const { sites, devices } = h.services;
  await sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-014', latitude: 41.879, longitude: -87.785, cameras: ['cam0'] }, 'chief');
  const keys = { a: newSigningKeys(), b: newSigningKeys() };
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(keys.a.publicKey), siteId: 'site-1' }, 'test');
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(keys.b.publicKey), siteId: 'site-2' }, 'test');
  const auth = new RabbitAuth({ store: h.store, hubUsername: 'hub', hubPassword: HUB_SECRET, vhost: '/', exchange: 'amq.topic', now: () => h.clock.now(), logger: silentLogger() });
  await auth.migrate();
  const checks = async (id: 'a' | 'b') => [
    await auth.topic({ username: `pole-${id}`, vhost: '/', resource: 'topic', name: 'amq.topic', permission: 'write', routing_key: `alpr.v1.pole-${id}.reads` }),
    await auth.topic({ username: `pole-${id}`, vhost: '/', resource: 'topic', name: 'amq.topic', permission: 'read', routing_key: `alpr.v1.pole-${id}.config` }),
    await auth.resource({ username: `pole-${id}`, vhost: '/', resource: 'queue', name: `mqtt-subscription-pole-${id}qos1`, permission: 'configure' }),
    await auth.resource({ username: `pole-${id}`, vhost: '/', resource: 'exchange', name: 'amq.topic', permission: 'write' }),
  ];
  tt.ok(await auth.user({ username: 'pole-b', password: brokerToken('pole-b', keys.b.privateKey, h.clock.now()) }), 'in service, the device logs in');
  tt.same(await checks('b'), [true, true, true, true], 'and may use its own topics, queues and the exchange');

  await sites.retire('site-2', 'admin', 'pole taken down');
  h.clock.advance(IN_SERVICE_CACHE_MS);
  tt.same(await checks('b'), [false, false, false, false], 'once its site is retired, its topic and resource checks are refused');
  tt.same(await checks('a'), [true, true, true, true], 'a device at a site in service is still allowed');
  await devices.revoke('pole-a', 'test', 'stolen pole');
  h.clock.advance(IN_SERVICE_CACHE_MS);
  tt.same(await checks('a'), [false, false, false, false], 'nor is a revoked device allowed them');
  tt.ok(await auth.topic({ username: 'hub', vhost: '/', resource: 'topic', name: 'amq.topic', permission: 'read', routing_key: 'alpr.v1.*.reads' }), 'the hub is not a device: still allowed');
});

onBothStores(t, 'a refusal already audited is found by a plain read: further refused logins open no write transaction', async (tt, h) => {
  const { sites, devices, audit } = h.services;
  await sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-014', latitude: 41.879, longitude: -87.785, cameras: ['cam0'] }, 'chief');
  const key = newSigningKeys();
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(key.publicKey), siteId: 'site-2' }, 'test');
  await sites.retire('site-2', 'admin', 'pole taken down');
  const auth = new RabbitAuth({ store: h.store, hubUsername: 'hub', hubPassword: HUB_SECRET, vhost: '/', exchange: 'amq.topic', now: () => h.clock.now(), logger: silentLogger(), audit });
  await auth.migrate();
  const sql = h.store.sql;
  const tx = sql.tx.bind(sql);
  let transactions = 0;
  sql.tx = (fn) => (transactions++, tx(fn));
  tt.teardown(() => void (sql.tx = tx));
  let at = h.clock.now();
  const login = () => auth.user({ username: 'pole-b', password: brokerToken('pole-b', key.privateKey, ++at) });
  tt.notOk(await login(), 'the first login is refused');
  tt.equal(transactions, 1, 'and audited in one transaction');
  for (let i = 0; i < 5; i++) tt.notOk(await login(), `a further login is refused (${i + 1})`);
  tt.equal(transactions, 1, 'with no write transaction');
  tt.equal((await audit.query({ action: 'device.loginRefused', limit: 10 })).length, 1, 'six refused logins, one audit record');
});

t.test('through a RabbitMQ node, a device cannot publish under another device id', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  const h = (await harness(tt, 'sqlite'))!;
  const { auth, token } = await twoDevices(h);
  // RabbitMQ logs devices in now, on the real clock: tokens are dated by the harness clock moved there.
  h.clock.advance(Date.now() - h.clock.now());
  const app = Fastify();
  await app.register(rabbitAuthRoutes, { auth });
  await app.listen({ host: '127.0.0.1', port: 0 });
  tt.teardown(() => app.close());
  const address = app.server.address() as { port: number };
  const node = await startRabbitNode(tt, { hubHttpUrl: `http://127.0.0.1:${address.port}`, basePort: 21000 + (process.pid % 50) * 10, tag: 'acl' });
  const mqtt = await import('mqtt');
  const hub = await mqtt.connectAsync(node.mqttUrl, { clientId: 'hub-acl-test', username: 'hub', password: HUB_SECRET, reconnectPeriod: 0 });
  tt.teardown(() => hub.endAsync());
  const seen: string[] = [];
  hub.on('message', (topic) => seen.push(topic));
  await hub.subscribeAsync('alpr/v1/+/reads', { qos: 1 });

  await tt.rejects(mqtt.connectAsync(node.mqttUrl, { clientId: 'pole-a', username: 'pole-a', password: 'v1.1.forged', reconnectPeriod: 0 }), 'a forged token is refused by the node');
  const a = await mqtt.connectAsync(node.mqttUrl, { clientId: 'pole-a', username: 'pole-a', password: token('a', Date.now()), reconnectPeriod: 0 });
  await a.publishAsync('alpr/v1/pole-a/reads', 'own batch', { qos: 1 });
  const closed = new Promise<void>((resolve) => a.once('close', () => resolve()));
  // Not awaited: the node answers with no PUBACK but by closing the connection.
  a.publish('alpr/v1/pole-b/reads', 'forged batch', { qos: 1 });
  const outcome = await Promise.race([closed.then(() => 'closed'), new Promise((resolve) => setTimeout(resolve, 10_000, 'still open'))]);
  tt.equal(outcome, 'closed', 'the node closes the connection of a device publishing under another id');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  tt.same(seen, ['alpr/v1/pole-a/reads'], "the hub receives the device's own batch and never the forged one");
  a.end(true);
});
