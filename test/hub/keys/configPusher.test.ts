import t from 'tap';
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../../core/index.js';
import { startHttpBalancer } from '../../../bench/fleet/httpBalancer.js';
import { ensureSite } from '../../../bench/siteApproval.js';
import { ConfigPusher, Hub, loadOrCreateHubKeys } from '../../../hub/index.js';
import { main } from '../../../hub/cli.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { runCli } from '../../helpers/cliRunner.js';
import { onBothStores } from '../../helpers/hubHarness.js';
import { eventually, makeRead, tempDir } from '../../helpers/index.js';
import { rabbitAvailable, startRabbitCluster } from '../../helpers/rabbitNode.js';
import { brokerToken, newSigningKeys, rawPublicKey, sealBatch, topics, verifyConfigPush } from '../../../sync/index.js';
import { makeDevice } from '../../helpers/syncRig.js';

// Ports no other test uses, below the ephemeral range: 21000-21499 ACL, 22000-22899 fleet,
// 23000-24999 ingest transports (and under the shared RabbitMQ's 25672).
const BASE_PORT = 25000 + (process.pid % 50) * 10;
t.setTimeout(4 * 60_000);

t.test('an appliance offline during a seal-key rotation with no grace period gets the new key when it reconnects through RabbitMQ (AMQP ingest, no retained push), and its next batch is stored', async (tt) => {
  if (!(await rabbitAvailable(tt))) return;
  let hubUrl: string | null = null;
  const balancer = await startHttpBalancer(() => (hubUrl ? [hubUrl] : []));
  tt.teardown(() => balancer.close());
  const cluster = await startRabbitCluster(tt, { nodes: 1, basePort: BASE_PORT, hubHttpUrl: balancer.url, tag: 'push' });
  const dataDir = await tempDir(tt, 'alpr-hub-push-');
  const hub = new Hub({
    dataDir, audit: await auditFiles(tt), pgUrl: null, pgSchema: 'alpr', brokerUrl: cluster.mqttUrls[0]!, brokerUsername: cluster.hubUser.username, brokerPassword: cluster.hubUser.password,
    brokerAuthEndpoints: true, sharedGroup: null, ingestAmqpUrls: cluster.amqpUrls, mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0,
    policy: { passwordCost: { logN: 10 } }, clock: systemClock, logger: silentLogger(),
  });
  await hub.start();
  tt.teardown(() => hub.stop());
  hubUrl = hub.httpUrl;
  const store = hub.services!.store;
  const devices = hub.services!.devices;
  const online = async (deviceId: string) => (await devices.overview()).find((d) => d.deviceId === deviceId)?.online ?? null;

  const device = await makeDevice(tt, { store, keys: hub.keys!, brokerUrl: cluster.mqttUrls[0]! }, { maxReads: 1 });
  await device.uplink.start();
  await device.buffer.append(makeRead({ siteId: 'site-1', capturedAt: Date.now() }));
  device.uplink.notify();
  await eventually(async () => (await store.countReads()) === 1, 30_000);
  await eventually(async () => (await online(device.deviceId)) === true, 10_000);

  // The appliance goes offline (its last status says so), and the hub's key is rotated meanwhile.
  await device.uplink.stop();
  await eventually(async () => (await online(device.deviceId)) === false, 10_000).catch(() => undefined);
  tt.equal(await online(device.deviceId), false, 'the hub saw it go offline (its last status)');
  const oldKeyId = hub.keys!.seal.keyId;
  const r = await runCli(main, ['keys', 'rotate-seal', '--data', dataDir, '--grace-days', '0']);
  tt.equal(r.code, 0, r.err);
  await hub.configPusher!.checkRotation();
  const newKeyId = hub.keys!.seal.keyId;
  tt.not(newKeyId, oldKeyId, 'the hub took up the new key (and announced it to the devices connected then)');

  // Back online with nothing to send (a stale batch's refusal would also bring the key): only
  // the push for coming online can tell it. Then a batch sealed to the old key would be refused.
  await device.uplink.start();
  await eventually(() => device.uplink.stats.hubKeyId === newKeyId, 15_000).catch(() => undefined);
  tt.equal(device.uplink.stats.hubKeyId, newKeyId, 'the appliance holds the new key');
  await device.buffer.append(makeRead({ siteId: 'site-1', capturedAt: Date.now() }));
  device.uplink.notify();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 15_000).catch(() => undefined);
  tt.equal(await store.countReads(), 2, 'its next batch was sealed to the new key and stored');
  tt.equal((await device.buffer.stats()).reads, 0, 'nothing is left on the appliance');
});

t.test('a batch sealed to a key past its grace period gets its device a fresh push of the current key (it missed the rotation without the hub seeing it offline)', async (tt) => {
  const dataDir = await tempDir(tt, 'alpr-hub-stale-');
  const hub = new Hub({
    dataDir, audit: await auditFiles(tt), pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 10 } }, clock: systemClock, logger: silentLogger(),
  });
  await hub.start();
  tt.teardown(() => hub.stop());
  const deviceId = 'pole-stale';
  const keys = newSigningKeys();
  // The broker lets in only devices at a site approved and in service.
  await ensureSite(hub.services!.store, 'site-1', ['cam0'], hub.services!.audit);
  await hub.services!.store.upsertDevice({ deviceId, publicKey: rawPublicKey(keys.publicKey), siteId: 'site-1', status: 'active', enrolledAt: Date.now() });
  const oldKey = { publicKey: hub.keys!.seal.publicKey, keyId: hub.keys!.seal.keyId };
  const r = await runCli(main, ['keys', 'rotate-seal', '--data', dataDir, '--grace-days', '0']);
  tt.equal(r.code, 0, r.err);
  await hub.configPusher!.checkRotation();
  const newKeyId = hub.keys!.seal.keyId;

  // The device connects only now, holding the old key; the push the broker sends on subscribing is set aside.
  const client = await mqtt.connectAsync(hub.broker!.url, { clientId: deviceId, username: deviceId, password: brokerToken(deviceId, keys.privateKey, Date.now()), protocolVersion: 4 });
  tt.teardown(() => client.endAsync());
  const pushes: string[] = [];
  client.on('message', (topic, payload) => {
    if (topic === topics.config(deviceId)) pushes.push(verifyConfigPush(payload, hub.keys!.sign.publicKey).sealKeyId);
  });
  await client.subscribeAsync([topics.config(deviceId), topics.acks(deviceId)], { qos: 1 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const onSubscribe = pushes.length;

  const read = { id: randomUUID(), capturedAtMs: Date.now(), siteId: 'site-1', cameraId: 'cam0', plate: 'OLD1234', confidence: 0.9 };
  await client.publishAsync(topics.reads(deviceId), Buffer.from(sealBatch({ deviceId, sequence: 1, reads: [read] }, keys.privateKey, oldKey)), { qos: 1 });
  await eventually(() => pushes.length > onSubscribe, 5_000).catch(() => undefined);
  tt.same(pushes.slice(onSubscribe), [newKeyId], 'the refusal of the stale batch brought one push of the current key');
});

onBothStores(t, 'no config push goes to a device whose site was retired: not the key rotation\'s, nor a fresh one when it comes online or seals to a stale key; a device at a site in service gets each', async (tt, h) => {
  const { sites, devices } = h.services;
  await sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-014', latitude: 41.879, longitude: -87.785, cameras: ['cam0'] }, 'chief');
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(newSigningKeys().publicKey), siteId: 'site-1' }, 'admin');
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(newSigningKeys().publicKey), siteId: 'site-2' }, 'admin');
  await sites.retire('site-2', 'admin', 'pole taken down');
  // What goes out on each device's config topic.
  const published: string[] = [];
  const pusher = new ConfigPusher({
    keys: await loadOrCreateHubKeys(join(await tempDir(tt), 'keys')), store: h.store, publish: (deviceId, _push, retain) => published.push(`${deviceId}${retain ? ' (retained)' : ''}`),
    checkEveryMs: 60_000, clock: h.clock, logger: silentLogger(),
  });
  await pusher.checkRotation();
  tt.same(published.sort(), ['pole-1 (retained)', 'pole-a (retained)'], 'the current key is announced to the devices at site-1 only');
  published.length = 0;
  await pusher.sendFresh('pole-b', 'cameOnline');
  await pusher.sendFresh('pole-b', 'staleHubKey');
  await pusher.sendFresh('pole-a', 'cameOnline');
  await pusher.sendFresh('pole-a', 'staleHubKey');
  tt.same(published, ['pole-a', 'pole-a'], 'fresh pushes go to the device in service only');
});
