import t from 'tap';
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { silentLogger, systemClock } from '../../../core/index.js';
import { EmbeddedBroker, loadOrCreateHubKeys } from '../../../hub/index.js';
import { HotlistKeeper } from '../../../firmware/hotlist/hotlistKeeper.js';
import { HotlistPush } from '../../../hub/hotlists/hotlistPush.js';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { newSigningKeys, rawPublicKey, topics } from '../../../sync/index.js';
import { brokerNode } from '../../helpers/brokerNode.js';
import { captureLogger, eventually, tempDir } from '../../helpers/index.js';
import { DAY, harness } from '../../helpers/hubHarness.js';

// Without the deadline the push hangs, and so does its stop: fail within this instead of tap's default.
t.setTimeout(30_000);

t.test('a hot-list push the broker never acknowledges fails after the PUBACK deadline with ALPR_ERR_SYNC_BROKER_SILENT, is logged, and the device\'s next status gets the list through', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, devices } = h.services;
  await hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  for (const deviceId of ['pole-a', 'pole-b']) await devices.enroll({ deviceId, publicKey: rawPublicKey(newSigningKeys().publicKey), siteId: 'site-1' }, 'test');
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store: h.store, now: Date.now, logger: silentLogger() });
  await broker.start();
  t.teardown(() => broker.stop());
  const node = await brokerNode(broker.hubUrl);
  t.teardown(() => node.kill());
  // What reaches pole-b, straight from the broker.
  const watcher = await mqtt.connectAsync(broker.hubUrl, { username: 'hub', password: broker.hubPassword, clientId: 'hotlist-watcher' });
  t.teardown(() => watcher.endAsync(true));
  let toB = 0;
  watcher.on('message', () => toB++);
  await watcher.subscribeAsync(topics.hotlist('pole-b'), { qos: 1 });

  const statuses = new EventEmitter(); // as ingest emits them
  const log = captureLogger();
  const push = new HotlistPush({
    brokerUrl: node.url, username: 'hub', password: broker.hubPassword, sharedGroup: null, clientId: 'hotlist-push-test', pubackTimeoutMs: 1000, statuses,
    store: h.store, keys: await loadOrCreateHubKeys(join(await tempDir(t), 'keys')), hotlists, partEntries: 1000, listTtlMs: DAY, pollMs: 60_000, statusPeriodMs: 180_000, clock: systemClock, logger: log.logger,
  });
  await push.start();
  t.teardown(() => push.stop());
  const status = (deviceId: string) => statuses.emit('deviceStatus', { deviceId, online: true, hotlistVersion: 0 });

  status('pole-a');
  await eventually(() => push.stats.updatesSent === 1, 10_000);
  // The node now answers pings but drops every publish.
  node.deafToPublishes();
  status('pole-b');
  const failed = () => log.lines().filter((l) => l.msg === 'hot-list push failed' && (l.err as { code?: string }).code === 'ALPR_ERR_SYNC_BROKER_SILENT');
  await eventually(() => failed().length > 0, 5_000).catch(() => undefined);
  t.equal(failed().length, 1, 'the push failed with the typed error and was logged');
  node.up();
  // The device reports on its status period (here every half second) until the list gets through:
  // the client is reconnecting after the cut, which takes seconds on a loaded machine. A hung push
  // queue never gets it through, however many statuses come.
  const reporting = setInterval(() => status('pole-b'), 500);
  t.teardown(() => clearInterval(reporting));
  status('pole-b');
  await eventually(() => push.stats.updatesSent === 2, 30_000).catch(() => undefined);
  clearInterval(reporting);
  t.equal(push.stats.updatesSent, 2, 'the next status got the list through: the push queue did not hang');
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.equal(toB, 1, 'pole-b got one update: the failed one was not sent again after the reconnect');
});

t.test('after a failover only the process that now takes a device\'s statuses pushes it a new version: the one that last heard it longer ago than the status period does not', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, devices } = h.services;
  const extract = await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8');
  await hotlists.importExtract(extract, NCIC_MAPPING, 'test', 'fixture');
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(newSigningKeys().publicKey), siteId: 'site-1' }, 'test');
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store: h.store, now: Date.now, logger: silentLogger() });
  await broker.start();
  t.teardown(() => broker.stop());
  const keys = await loadOrCreateHubKeys(join(await tempDir(t), 'keys'));
  // Two hub processes, each fed by its own ingest: the status queue's single active consumer moves from one to the other.
  const hubProcess = async (name: string) => {
    const statuses = new EventEmitter();
    const push = new HotlistPush({
      brokerUrl: broker.hubUrl, username: 'hub', password: broker.hubPassword, sharedGroup: null, clientId: `hotlist-push-${name}`, statuses,
      store: h.store, keys, hotlists, partEntries: 1000, listTtlMs: DAY, pollMs: 60_000, statusPeriodMs: 180_000, clock: h.clock, logger: silentLogger(),
    });
    await push.start();
    t.teardown(() => push.stop());
    return { push, status: (hotlistVersion: number) => statuses.emit('deviceStatus', { deviceId: 'pole-a', online: true, hotlistVersion }) };
  };
  const first = await hubProcess('first');
  const second = await hubProcess('second');
  const version = await hotlists.version();

  first.status(0);
  await eventually(() => first.push.stats.updatesSent === 1, 10_000);
  // Failover: the second process takes the statuses, once a minute, while the first stays connected to the broker.
  second.status(version);
  // Its first status gets the list's expiry moved on, as any process's does.
  await eventually(() => second.push.stats.updatesSent === 1, 10_000);
  for (let minute = 0; minute < 4; minute++) {
    h.clock.advance(60_000);
    second.status(version);
  }
  // Those statuses answered (nothing to send) before the list changes, or one would carry the new version.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await hotlists.importExtract(`${extract.trimEnd()}\nV923456789,VEH,NEW9999,IL,2026,PC,HOND,CIV,2019,BLU,4D,IL0161300,20261101,,\n`, NCIC_MAPPING, 'test', 'fixture');
  t.ok((await hotlists.version()) > version, 'the list has a new version');
  h.clock.advance(60_000); // each process polls the version
  await eventually(() => second.push.stats.updatesSent === 2, 10_000).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.equal(second.push.stats.updatesSent, 2, 'the process that hears the device pushed the new version');
  t.equal(first.push.stats.updatesSent, 1, 'the process that has not heard it for four minutes did not push it too');
});

t.test('a device at a retired site, still enrolled, gets no hot list: its statuses are answered with nothing', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, devices, sites } = h.services;
  await hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(newSigningKeys().publicKey), siteId: 'site-1' }, 'test');
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store: h.store, now: Date.now, logger: silentLogger() });
  await broker.start();
  t.teardown(() => broker.stop());
  const statuses = new EventEmitter();
  const push = new HotlistPush({
    brokerUrl: broker.hubUrl, username: 'hub', password: broker.hubPassword, sharedGroup: null, clientId: 'hotlist-push-retired', statuses,
    store: h.store, keys: await loadOrCreateHubKeys(join(await tempDir(t), 'keys')), hotlists, partEntries: 1000, listTtlMs: DAY, pollMs: 60_000, statusPeriodMs: 180_000, clock: h.clock, logger: silentLogger(),
  });
  await push.start();
  t.teardown(() => push.stop());
  statuses.emit('deviceStatus', { deviceId: 'pole-a', online: true, hotlistVersion: 0 });
  await eventually(() => push.stats.updatesSent === 1, 10_000);
  await sites.retire('site-1', 'chief', 'camera pole taken down');
  h.clock.advance(60_000);
  statuses.emit('deviceStatus', { deviceId: 'pole-a', online: true, hotlistVersion: 0 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.equal(push.stats.updatesSent, 1, 'after the retirement nothing more is sent');
});

t.test('no hot-list message is larger than the appliances take: a snapshot is cut into parts by bytes, and a delta too large for one message goes as a snapshot', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, devices } = h.services;
  const extract = await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8');
  await hotlists.importExtract(extract, NCIC_MAPPING, 'test', 'fixture');
  const device = newSigningKeys();
  await devices.enroll({ deviceId: 'pole-a', publicKey: rawPublicKey(device.publicKey), siteId: 'site-1' }, 'test');
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store: h.store, now: Date.now, logger: silentLogger() });
  await broker.start();
  t.teardown(() => broker.stop());
  const keys = await loadOrCreateHubKeys(join(await tempDir(t), 'keys'));
  // The appliance's side: what it would be sent, and whether it can build the list from it.
  const keeper = new HotlistKeeper({ dir: join(await tempDir(t), 'hotlist'), deviceId: 'pole-a', deviceKey: device.privateKey, hubVerifyKey: keys.sign.publicKey, clock: systemClock, logger: silentLogger() });
  await keeper.start();
  t.teardown(() => keeper.stop());
  const watcher = await mqtt.connectAsync(broker.hubUrl, { username: 'hub', password: broker.hubPassword, clientId: 'hotlist-size-watcher' });
  t.teardown(() => watcher.endAsync(true));
  const sizes: number[] = [];
  watcher.on('message', (_topic, payload) => {
    sizes.push(payload.length);
    void keeper.receive(payload);
  });
  await watcher.subscribeAsync(topics.hotlist('pole-a'), { qos: 1 });
  // Room for about four of the fixture's entries: the same cut as 8 MiB makes of a large list.
  const maxMessageBytes = 4096 + 600;
  const statuses = new EventEmitter();
  const push = new HotlistPush({
    brokerUrl: broker.hubUrl, username: 'hub', password: broker.hubPassword, sharedGroup: null, clientId: 'hotlist-push-sizes', statuses, maxMessageBytes,
    store: h.store, keys, hotlists, partEntries: 1000, listTtlMs: DAY, pollMs: 60_000, statusPeriodMs: 180_000, clock: systemClock, logger: silentLogger(),
  });
  await push.start();
  t.teardown(() => push.stop());

  statuses.emit('deviceStatus', { deviceId: 'pole-a', online: true, hotlistVersion: 0 });
  await eventually(() => keeper.status().entries === 8, 10_000);
  t.ok(sizes.length > 1, `the snapshot went in ${sizes.length} parts`);
  const held = keeper.version;
  // An import adding 60 entries: as one delta, about 8 KB.
  const rows = Array.from({ length: 60 }, (_, i) => `V8${String(i).padStart(8, '0')},VEH,NEW${1000 + i},IL,2026,PC,HOND,CIV,2019,BLU,4D,IL0161300,20261101,,`);
  await hotlists.importExtract(`${extract.trimEnd()}\n${rows.join('\n')}\n`, NCIC_MAPPING, 'test', 'fixture');
  const before = sizes.length;
  await new Promise((resolve) => setTimeout(resolve, 600)); // past the IN_FLIGHT window's resend check: report what is held
  statuses.emit('deviceStatus', { deviceId: 'pole-a', online: true, hotlistVersion: held });
  await eventually(() => keeper.status().entries === 68, 10_000);
  t.ok(sizes.length - before > 1, `the changes went as a snapshot in ${sizes.length - before} parts, not one delta`);
  t.ok(sizes.every((n) => n <= maxMessageBytes), `every message within ${maxMessageBytes} bytes (largest ${Math.max(...sizes)})`);
  t.equal(keeper.version, await hotlists.version(), 'the appliance holds the new version');
});
