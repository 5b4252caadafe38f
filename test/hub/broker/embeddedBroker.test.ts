import t from 'tap';
import { connect, createServer, type Socket } from 'node:net';
import mqtt from 'mqtt';
import { createLogger, silentLogger, systemClock } from '../../../core/index.js';
import { EmbeddedBroker, Hub, ImageCipher } from '../../../hub/index.js';
import { brokerToken, newSigningKeys, rawPublicKey, topics } from '../../../sync/index.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { eventually, makeRead, tempDir } from '../../helpers/index.js';
import { makeStore, onBothStores } from '../../helpers/hubHarness.js';
import { makeDevice, startHub } from '../../helpers/syncRig.js';
import { randomBytes } from 'node:crypto';
import { connect as tlsConnect } from 'node:tls';
import { issue, makeCa } from '../../helpers/certs.js';

t.setTimeout(60_000);

/** Opens a raw TCP connection to the broker and reports whether (and when) the broker closed it. */
async function rawConnection(url: string): Promise<{ socket: Socket; closed: Promise<void>; isClosed: () => boolean }> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let done = false;
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => {
    done = true;
    resolve();
  }));
  return { socket, closed, isClosed: () => done };
}

/** An MQTT remaining-length field. */
function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const withTimeout = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

t.test('an unauthenticated CONNECT announcing 120 MB is cut off at its header and the broker keeps serving devices', async (tt) => {
  const hub = await startHub(tt);
  const conn = await rawConnection(hub.brokerUrl);
  conn.socket.write(Buffer.concat([Buffer.from([0x10]), varint(120 * 1024 * 1024)]));
  // Stream up to 8 MiB of body, 64 KiB at a time, while the connection stays open.
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  while (!conn.isClosed() && sent < 8 * 1024 * 1024) {
    if (!conn.socket.write(chunk)) await withTimeout(new Promise((r) => conn.socket.once('drain', r)), 200);
    sent += chunk.length;
    await new Promise((r) => setImmediate(r));
  }
  tt.not(await withTimeout(conn.closed, 2000), 'timeout', 'the broker closed the connection');
  tt.ok(sent < 8 * 1024 * 1024, `closed after ${sent} bytes written, not after the 8 MiB the test would send`);
  const device = await makeDevice(tt, hub);
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now()), reconnectPeriod: 0 });
  tt.ok(client.connected, 'a device still logs in afterwards');
  await client.endAsync();
});

/** A CONNECT packet (MQTT 3.1.1, clean session, username and password). */
function connectPacket(clientId: string, username: string, password: string): Buffer {
  const str = (v: string) => {
    const b = Buffer.from(v);
    return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
  };
  const body = Buffer.concat([str('MQTT'), Buffer.from([4, 0xc2, 0, 60]), str(clientId), str(username), str(password)]);
  return Buffer.concat([Buffer.from([0x10]), varint(body.length), body]);
}

t.test('over mqtts:// the same cut-off applies to what arrives inside TLS', async (tt) => {
  const ca = await makeCa(tt, 'Broker Test CA');
  const server = await issue(ca, 'broker.test', { server: ['IP:127.0.0.1'] });
  const hub = await startHub(tt, { broker: { tls: { key: server.key, cert: server.cert } } });
  const { port } = new URL(hub.brokerUrl);
  const socket = tlsConnect({ host: '127.0.0.1', port: Number(port), ca: ca.pem });
  await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
  socket.on('error', () => undefined);
  let closed = false;
  const whenClosed = new Promise<void>((r) => socket.once('close', () => ((closed = true), r())));
  socket.write(Buffer.concat([Buffer.from([0x10]), varint(120 * 1024 * 1024)]));
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  while (!closed && sent < 8 * 1024 * 1024) {
    if (!socket.write(chunk)) await withTimeout(new Promise((r) => socket.once('drain', r)), 200);
    sent += chunk.length;
    await new Promise((r) => setImmediate(r));
  }
  tt.not(await withTimeout(whenClosed, 2000), 'timeout', 'the broker closed the TLS connection');
  tt.ok(sent < 8 * 1024 * 1024, `closed after ${sent} bytes written`);
});

t.test('packets sent behind a CONNECT before the login is answered count toward the pre-login budget', async (tt) => {
  const hub = await startHub(tt, { broker: { limits: { preAuthMaxBytes: 4096 } } });
  const device = await makeDevice(tt, hub);
  const conn = await rawConnection(hub.brokerUrl);
  // 20 QoS 0 PUBLISH packets of 1 KiB to the device's own status topic: each allowed, all queued
  // by the broker until the login is answered (Aedes queues up to 42), together over the budget.
  const topic = Buffer.from(`alpr/v1/${device.deviceId}/status`);
  const publishBody = Buffer.concat([Buffer.from([topic.length >> 8, topic.length & 0xff]), topic, Buffer.alloc(1024, 0x20)]);
  const publish = Buffer.concat([Buffer.from([0x30]), varint(publishBody.length), publishBody]);
  conn.socket.write(Buffer.concat([connectPacket(device.deviceId, device.deviceId, brokerToken(device.deviceId, device.keys.privateKey, Date.now())), ...Array(20).fill(publish)]));
  tt.not(await withTimeout(conn.closed, 2000), 'timeout', 'the broker closed the connection');
});

t.test('a socket that never finishes its CONNECT is closed after the connect timeout', async (tt) => {
  const hub = await startHub(tt, { broker: { limits: { connectTimeoutMs: 300 } } });
  const conn = await rawConnection(hub.brokerUrl);
  conn.socket.write(Buffer.from([0x10, 0x20, 0x00])); // a CONNECT header and one byte of 32
  tt.not(await withTimeout(conn.closed, 5000), 'timeout', 'closed by the broker, well before the 5 s the test waits');
});

t.test('after login, a packet over the maximum packet size closes the connection', async (tt) => {
  const hub = await startHub(tt, { broker: { limits: { maxPacketBytes: 256 * 1024 } } });
  const device = await makeDevice(tt, hub);
  const client = await mqtt.connectAsync(hub.brokerUrl, { clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now()), reconnectPeriod: 0 });
  const closed = new Promise<void>((r) => client.once('close', () => r()));
  client.publish(`alpr/v1/${device.deviceId}/reads`, Buffer.alloc(512 * 1024), { qos: 0 });
  tt.not(await withTimeout(closed, 5000), 'timeout', 'the broker dropped the client');
  client.end(true);
});

for (const engine of ['sqlite', 'pg'] as const) {
  t.test(`${engine}: a broker token opens one connection only, even after that connection closed`, async (tt) => {
    const store = await makeStore(tt, engine, new ImageCipher(randomBytes(32)), Date.now);
    if (!store) return;
    const hub = await startHub(tt, { store });
    const device = await makeDevice(tt, hub);
    const token = brokerToken(device.deviceId, device.keys.privateKey, Date.now());
    const options = { clientId: device.deviceId, username: device.deviceId, password: token, reconnectPeriod: 0, connectTimeout: 3000 };
    const first = await mqtt.connectAsync(hub.brokerUrl, options);
    tt.ok(first.connected, 'the first login with the token is accepted');
    await tt.rejects(mqtt.connectAsync(hub.brokerUrl, options), /Not authorized|Bad username/i, 'a second login with the same token is refused while the first is open');
    await first.endAsync();
    await tt.rejects(mqtt.connectAsync(hub.brokerUrl, options), /Not authorized|Bad username/i, 'and after it closed');
    const respelled = token.replace(/^v1\.(\d+)\./, (_m, at: string) => `v1.${Number(at).toExponential()}.`);
    await tt.rejects(mqtt.connectAsync(hub.brokerUrl, { ...options, password: respelled }), /Not authorized|Bad username/i, 'the same token with its time spelled differently is refused');
    const fresh = await mqtt.connectAsync(hub.brokerUrl, { ...options, password: brokerToken(device.deviceId, device.keys.privateKey, Date.now() + 1) });
    tt.ok(fresh.connected, 'a fresh token logs in');
    await fresh.endAsync();
  });
}

t.test('an uplink whose connection drops reconnects with a fresh token and its reads still arrive', async (tt) => {
  const hub = await startHub(tt);
  // A TCP relay between the device and the broker: closing its sockets is a network drop.
  const { hostname, port } = new URL(hub.brokerUrl);
  const relayed = new Set<Socket>();
  const relay = createServer((inbound) => {
    const outbound = connect({ host: hostname, port: Number(port) });
    for (const s of [inbound, outbound]) {
      relayed.add(s);
      s.on('error', () => undefined).on('close', () => relayed.delete(s));
    }
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  tt.teardown(() => new Promise<void>((r) => relay.close(() => r())));
  const device = await makeDevice(tt, hub, { brokerUrl: `mqtt://127.0.0.1:${(relay.address() as { port: number }).port}`, maxReads: 5 });
  await device.uplink.start();
  const first = Array.from({ length: 5 }, () => makeRead({ siteId: 'site-1', capturedAt: Date.now() }));
  for (const r of first) await device.buffer.append(r);
  await eventually(async () => (await hub.store.countReads()) === 5, 10_000);
  for (let drop = 0; drop < 2; drop++) {
    for (const s of relayed) s.destroy();
    await eventually(() => !device.uplink.stats.connected, 5000);
    await eventually(() => device.uplink.stats.connected, 10_000);
  }
  const second = Array.from({ length: 5 }, () => makeRead({ siteId: 'site-1', capturedAt: Date.now() }));
  for (const r of second) await device.buffer.append(r);
  await eventually(async () => (await hub.store.countReads()) === 10, 10_000);
  tt.equal(await hub.store.countReads(), 10, 'reads sent after two reconnects arrived');
  const uses = await hub.store.sql.all<{ token_at: number }>('SELECT token_at FROM broker_token_uses WHERE device_id = ?', [device.deviceId]);
  tt.equal(uses.length, 3, 'three logins, three different tokens');
});

t.test('a device\'s retained flag is kept only on its status: a retained batch or alert is not stored for later subscribers', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub);
  const login = (at: number) => ({ clientId: device.deviceId, username: device.deviceId, password: brokerToken(device.deviceId, device.keys.privateKey, at), reconnectPeriod: 0, protocolVersion: 4 as const });
  const client = await mqtt.connectAsync(hub.brokerUrl, login(Date.now()));
  for (const kind of ['reads', 'alerts', 'status']) await client.publishAsync(`alpr/v1/${device.deviceId}/${kind}`, Buffer.from(`retained ${kind}`), { qos: 1, retain: true });
  await client.endAsync();
  // A hub service subscribing afterwards (as a restarted hub would) gets only what the broker retained.
  const watcher = await mqtt.connectAsync(hub.broker!.hubUrl, { username: 'hub', password: hub.broker!.hubPassword, clientId: 'retained-watcher', reconnectPeriod: 0 });
  tt.teardown(() => watcher.end(true));
  const retained: string[] = [];
  watcher.on('message', (topic, payload, packet) => {
    if (packet.retain && topic.startsWith(`alpr/v1/${device.deviceId}/`)) retained.push(payload.toString());
  });
  await watcher.subscribeAsync(['reads', 'alerts', 'status'].map((kind) => `alpr/v1/${device.deviceId}/${kind}`), { qos: 1 });
  await new Promise((r) => setTimeout(r, 500));
  tt.same(retained, ['retained status']);
});

const site2 = { siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-014', latitude: 41.879, longitude: -87.785, cameras: ['cam0'] };

onBothStores(t, 'a device whose site was retired is refused at login as not authorized, however sound its token and even on probation, is sent no config push, and is audited once however often it tries; a device at a site in service logs in and gets its push', async (tt, h) => {
  const { sites, devices, audit } = h.services;
  const keys = { a: newSigningKeys(), b: newSigningKeys() };
  await sites.approve(site2, 'chief');
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(keys.a.publicKey), siteId: 'site-1' }, 'admin');
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(keys.b.publicKey), siteId: 'site-2' }, 'admin');
  await sites.retire('site-2', 'admin', 'pole taken down');
  const pushedTo: string[] = [];
  const broker = new EmbeddedBroker({
    port: 0, host: '127.0.0.1', store: h.store, now: Date.now, logger: silentLogger(), audit,
    configPushFor: (deviceId) => (pushedTo.push(deviceId), Buffer.from('signed push')),
  });
  await broker.start();
  tt.teardown(() => broker.stop());
  const login = (id: 'a' | 'b', at: number) => ({ clientId: `pole-${id}`, username: `pole-${id}`, password: brokerToken(`pole-${id}`, keys[id].privateKey, at), reconnectPeriod: 0, connectTimeout: 3000 });

  for (let attempt = 0; attempt < 3; attempt++) {
    await tt.rejects(mqtt.connectAsync(broker.url, login('b', Date.now() + attempt)), { code: 5, message: /Not authorized/ }, `a fresh token is refused as not authorized (attempt ${attempt + 1})`);
  }
  await tt.rejects(mqtt.connectAsync(broker.url, login('b', Date.now() - 3 * 3600_000)), { code: 5 }, 'a token from a clock hours off gets no probation (which would send it the hub time)');
  const refusals = await audit.query({ action: 'device.loginRefused', limit: 10 });
  tt.equal(refusals.length, 1, 'four refused logins, one audit record');
  tt.match(refusals[0], { actor: 'device:pole-b', outcome: 'refused', detail: { deviceId: 'pole-b', siteId: 'site-2', broker: 'embedded', code: 'ALPR_ERR_SITE_NOT_APPROVED', reason: /site site-2 is retired/ } }, 'the record names the device, its site and why');

  const a = await mqtt.connectAsync(broker.url, login('a', Date.now()));
  tt.teardown(() => a.endAsync());
  const pushes: string[] = [];
  a.on('message', (topic) => pushes.push(topic));
  await a.subscribeAsync(topics.config('pole-a'), { qos: 1 });
  await eventually(() => pushes.length === 1, 5000).catch(() => undefined);
  tt.same(pushes, [topics.config('pole-a')], 'the device at the site in service logs in and gets its config push');
  tt.same(pushedTo, ['pole-a'], 'no push was made for the refused device');
  tt.equal((await audit.query({ action: 'device.loginRefused', limit: 10 })).length, 1, 'and no more refusals were audited');
});

onBothStores(t, 'a device still connected after its site was retired is sent no config push when it subscribes', async (tt, h) => {
  const { sites, devices, audit } = h.services;
  const keys = { a: newSigningKeys(), b: newSigningKeys() };
  await sites.approve(site2, 'chief');
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(keys.a.publicKey), siteId: 'site-1' }, 'admin');
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(keys.b.publicKey), siteId: 'site-2' }, 'admin');
  const pushedTo: string[] = [];
  const warnings: string[] = [];
  const broker = new EmbeddedBroker({
    port: 0, host: '127.0.0.1', store: h.store, now: Date.now, audit,
    logger: createLogger({ level: 'warn', destination: { write: (line: string) => void warnings.push((JSON.parse(line) as { msg: string }).msg) } }),
    configPushFor: (deviceId) => (pushedTo.push(deviceId), Buffer.from('signed push')),
  });
  await broker.start();
  tt.teardown(() => broker.stop());
  const login = (id: 'a' | 'b') => ({ clientId: `pole-${id}`, username: `pole-${id}`, password: brokerToken(`pole-${id}`, keys[id].privateKey, Date.now()), reconnectPeriod: 0, connectTimeout: 3000 });
  const b = await mqtt.connectAsync(broker.url, login('b'));
  tt.teardown(() => b.endAsync(true));
  const pushesToB: string[] = [];
  b.on('message', (topic) => pushesToB.push(topic));
  // A bare broker: nothing calls disconnectSite, so the device is still connected, as one that won the race would be.
  await sites.retire('site-2', 'admin', 'pole taken down');
  await b.subscribeAsync(topics.config('pole-b'), { qos: 1 });
  await eventually(() => warnings.includes('config push withheld: the device is not active at a site in service'), 5000).catch(() => undefined);
  tt.ok(warnings.includes('config push withheld: the device is not active at a site in service'), 'the push is withheld, and logged');
  const a = await mqtt.connectAsync(broker.url, login('a'));
  tt.teardown(() => a.endAsync(true));
  const pushesToA: string[] = [];
  a.on('message', (topic) => pushesToA.push(topic));
  await a.subscribeAsync(topics.config('pole-a'), { qos: 1 });
  await eventually(() => pushesToA.length === 1, 5000).catch(() => undefined);
  tt.same(pushesToA, [topics.config('pole-a')], 'a device at a site in service still gets its push');
  tt.same(pushedTo, ['pole-a'], 'no push was made for the device at the retired site');
  tt.same(pushesToB, [], 'and it received none');
});

onBothStores(t, 'a login whose site is retired while it waits on the token ledger is refused, not accepted after the site\'s devices were cut off', async (tt, h) => {
  const { sites, devices, audit } = h.services;
  const key = newSigningKeys();
  await sites.approve(site2, 'chief');
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(key.publicKey), siteId: 'site-2' }, 'admin');
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store: h.store, now: Date.now, logger: silentLogger(), audit });
  await broker.start();
  tt.teardown(() => broker.stop());
  // The login's one transaction while its site is in service is the ledger's claim: the site is
  // retired (and its connected devices cut off, as the hub does) before that claim runs.
  const sql = h.store.sql;
  const tx = sql.tx.bind(sql);
  let retireAtNextTx = true;
  sql.tx = async (fn) => {
    if (retireAtNextTx) {
      retireAtNextTx = false;
      await sites.retire('site-2', 'admin', 'pole taken down');
      await broker.disconnectSite('site-2');
    }
    return tx(fn);
  };
  tt.teardown(() => void (sql.tx = tx));
  const options = { clientId: 'pole-b', username: 'pole-b', password: brokerToken('pole-b', key.privateKey, Date.now()), reconnectPeriod: 0, connectTimeout: 3000 };
  await tt.rejects(mqtt.connectAsync(broker.url, options), { code: 5, message: /Not authorized/ }, 'the login is refused as not authorized');
  tt.notOk(retireAtNextTx, 'the site was retired while the login was at the ledger step');
});

t.test('a hub retiring a site cuts off the devices connected there at once; they are refused when they log in again, and devices elsewhere stay connected', async (tt) => {
  const hub = new Hub({
    dataDir: await tempDir(tt, 'alpr-hub-retire-'), audit: await auditFiles(tt), pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 10 } }, clock: systemClock, logger: silentLogger(),
  });
  await hub.start();
  tt.teardown(() => hub.stop());
  const { sites, devices } = hub.services!;
  await sites.approve({ ...site2, siteId: 'site-1', approvalRef: 'CHIEF-2026-001' }, 'chief');
  await sites.approve(site2, 'chief');
  const keys = { a: newSigningKeys(), b: newSigningKeys() };
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(keys.a.publicKey), siteId: 'site-1' }, 'admin');
  await devices.enroll({ deviceId: 'pole-b', publicKey: rawPublicKey(keys.b.publicKey), siteId: 'site-2' }, 'admin');
  const login = (id: 'a' | 'b') => ({ clientId: `pole-${id}`, username: `pole-${id}`, password: brokerToken(`pole-${id}`, keys[id].privateKey, Date.now()), reconnectPeriod: 0, connectTimeout: 3000 });
  const a = await mqtt.connectAsync(hub.broker!.url, login('a'));
  tt.teardown(() => a.endAsync(true));
  const b = await mqtt.connectAsync(hub.broker!.url, login('b'));
  tt.teardown(() => b.endAsync(true));
  let bClosed = false;
  b.on('close', () => (bClosed = true));

  await sites.retire('site-2', 'admin', 'pole taken down');
  await eventually(() => bClosed, 5000).catch(() => undefined);
  tt.ok(bClosed, 'the device at the retired site was disconnected');
  await new Promise((resolve) => setTimeout(resolve, 200));
  tt.ok(a.connected, 'the device at the site in service is still connected');
  await tt.rejects(mqtt.connectAsync(hub.broker!.url, login('b')), { code: 5 }, 'logging in again, it is refused');
});
