import t from 'tap';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { createLogger, systemClock } from '../../core/index.js';
import { loadConfigFile, loadDataKey, readBufferFromConfig, uplinkFromConfig } from '../../firmware/index.js';
import { Hub } from '../../hub/index.js';
import { main } from '../../provisioning/cli.js';
import { brokerToken, rawPublicKey, readPrivateKey } from '../../sync/index.js';
import { eventually, makeRead, tempDir } from '../helpers/index.js';
import { runCli } from '../helpers/cliRunner.js';
import { Writable } from 'node:stream';

const FRAMES = new URL('../../demo/frames', import.meta.url).pathname;

async function startHub(t: import('tap').Test) {
  const dataDir = await tempDir(t, 'alpr-prov-hub-');
  const auditDir = await tempDir(t, 'alpr-prov-audit-');
  const hub = new Hub({
    dataDir, audit: { keyFile: join(auditDir, 'audit-key.pem'), witnessFile: join(auditDir, 'audit.witness') }, pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: {}, clock: systemClock,
    logger: createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) as never }),
  });
  await hub.start();
  t.teardown(() => hub.stop());
  const s = hub.services!;
  await s.sites.approve({ siteId: 'harlem-north', name: 'Harlem Ave at North Ave', approvalRef: 'GO468-S-001', latitude: 41.909, longitude: -87.806, cameras: ['cam0'] }, 'chief');
  await s.sites.approve({ siteId: 'madison-oak', name: 'Madison St at Oak Park Ave', approvalRef: 'GO468-S-002', latitude: 41.879, longitude: -87.785, cameras: ['cam0'] }, 'chief');
  return hub;
}

/** Syncs one read from the appliance's buffer, as the firmware would. */
async function syncOneRead(configPath: string, hub: Hub): Promise<string> {
  const config = await loadConfigFile(configPath);
  const logger = createLogger({ level: 'silent' });
  const buffer = readBufferFromConfig(config, [await loadDataKey(join(config.dataDir, 'data.key'))], systemClock, logger);
  await buffer.open();
  const read = makeRead({ deviceId: config.deviceId, siteId: config.siteId, capturedAt: Date.now() });
  await buffer.append(read);
  const uplink = await uplinkFromConfig(config, buffer, systemClock, logger);
  await uplink!.start();
  await eventually(async () => (await hub.services!.store.getRead(read.id)) !== null, 10_000);
  await uplink!.stop();
  await buffer.close();
  return read.id;
}

t.test('enroll, selftest, sync, rotate-keys, sync, relocate, decommission; afterwards the broker refuses the appliance', async (t) => {
  const hub = await startHub(t);
  const s = hub.services!;
  const dir = await tempDir(t, 'alpr-prov-appliance-');
  const config = join(dir, 'appliance.yaml');
  const dataDir = join(dir, 'data');
  const { token } = await s.devices.issueEnrollmentToken('harlem-north', 24 * 3600_000, 'admin-1');

  const sites = await runCli(main, ['site', 'list', '--hub', hub.httpUrl, '--token', token, '--quiet']);
  t.equal(sites.code, 0, sites.err);
  t.same(sites.json().map((x: { siteId: string }) => x.siteId), ['harlem-north'], 'the token shows the one site it enrolls at');

  const enrolled = await runCli(main, ['enroll', '--hub', hub.httpUrl, '--token', token, '--device-id', 'pole-17', '--config', config, '--data-dir', dataDir,
    '--expect-hub-key-id', hub.keys!.seal.keyId]);
  t.equal(enrolled.code, 0, enrolled.err);
  t.match(enrolled.err, /\[1\] making the device key/, 'progress is shown');
  t.notOk(enrolled.out.includes(token) || enrolled.err.includes(token), 'the token is never printed');
  const device = await s.store.getDevice('pole-17');
  t.equal(device?.siteId, 'harlem-north');
  const keyOnDisk = await readPrivateKey(join(dataDir, 'device.pem'));
  t.same(device?.publicKey, rawPublicKey((await import('node:crypto')).createPublicKey(keyOnDisk)), 'the hub holds the public half of the key made here');

  const configured = await runCli(main, ['configure', '--config', config, '--quiet',
    '--set', 'camera.type=replay', '--set', `camera.folder=${FRAMES}`, '--set', 'trigger.inputs=[{pin: 17}]', '--set', 'tamper.pin=24', '--set', 'illuminator.pin=18']);
  t.equal(configured.code, 0, configured.err);

  const report = join(dir, 'selftest.json');
  const onSimulated = await runCli(main, ['selftest', '--config', config, '--json', report, '--quiet']);
  t.equal(onSimulated.code, 1, 'simulated hardware fails the self-test unless allowed');
  for (const check of ['gpio', 'illuminator', 'camera']) t.match(onSimulated.out, new RegExp(`^SIMULATED +${check} `, 'm'), `${check} on a simulated backend says SIMULATED, not PASS`);
  t.match(onSimulated.err, /--allow-simulated/, 'the installer is told why it failed');
  t.equal(JSON.parse(await readFile(report, 'utf8')).passed, false);
  const tested = await runCli(main, ['selftest', '--config', config, '--json', report, '--allow-simulated', '--quiet']);
  t.equal(tested.code, 0, tested.out + tested.err);
  for (const check of ['gpio', 'illuminator', 'camera']) t.match(tested.out, new RegExp(`^SIMULATED +${check} `, 'm'), check);
  for (const check of ['recognition', 'buffer', 'hub round trip']) t.match(tested.out, new RegExp(`^PASS +${check} `, 'm'), check);
  const record = JSON.parse(await readFile(report, 'utf8')) as { passed: boolean; results: Array<{ check: string; speed?: { msMedian1080p: number; frameFormat: string; readers: string; frames: number; cores: number } }> };
  t.equal(record.passed, true, 'the maintenance record is written');
  const speed = record.results.find((r) => r.check === 'recognition')?.speed;
  t.ok(speed && speed.msMedian1080p > 0 && speed.frameFormat === 'raw' && ['int8', 'float'].includes(speed.readers) && speed.frames === 3 && speed.cores > 0, `the record keeps this board's recognition speed per 1080p frame (${JSON.stringify(speed)})`);
  t.equal(await s.store.countReads(), 0, 'the round trip stored nothing at the hub');

  const first = await syncOneRead(config, hub);
  t.ok(await s.store.getRead(first), 'a read synced with the enrolled key');

  const rotated = await runCli(main, ['rotate-keys', '--hub', hub.httpUrl, '--config', config, '--quiet']);
  t.equal(rotated.code, 0, rotated.err);
  t.notSame((await s.store.getDevice('pole-17'))?.publicKey, device?.publicKey, 'the hub has the new key');
  await syncOneRead(config, hub);
  t.equal(await s.store.countReads(), 2, 'another read synced under the new key');

  const moved = await runCli(main, ['relocate', '--hub', hub.httpUrl, '--site', 'madison-oak', '--config', config, '--quiet']);
  t.equal(moved.code, 0, moved.err);
  t.equal((await s.store.getDevice('pole-17'))?.siteId, 'madison-oak');
  t.equal((await loadConfigFile(config)).siteId, 'madison-oak', 'the config follows');
  await syncOneRead(config, hub);

  const keyBefore = await readPrivateKey(join(dataDir, 'device.pem'));
  // What the firmware keeps beside the buffer: a hit the hub never acknowledged (a read and its
  // images, sealed to the hub) and the hot list (sealed to the device key).
  await mkdir(join(dataDir, 'alerts'), { recursive: true });
  await writeFile(join(dataDir, 'alerts', '001780272000000-read.entry.alert'), 'sealed hit');
  await mkdir(join(dataDir, 'hotlist'), { recursive: true });
  await writeFile(join(dataDir, 'hotlist', 'snapshot-3-00000-of-1.bin'), 'sealed list');
  const gone = await runCli(main, ['decommission', '--hub', hub.httpUrl, '--config', config, '--quiet']);
  t.equal(gone.code, 0, gone.err);
  t.equal((await s.store.getDevice('pole-17'))?.status, 'revoked');
  await t.rejects(readFile(join(dataDir, 'device.pem')), 'the device key is destroyed');
  await t.rejects(readFile(join(dataDir, 'data.key')), 'the data key is destroyed');
  t.same((await readdir(dataDir)).filter((n) => n === 'alerts' || n === 'hotlist'), [], 'pending hits and the hot list are removed');

  // Even with a copy of the old key, the broker no longer lets the appliance in.
  await t.rejects(mqtt.connectAsync(hub.broker!.url, { clientId: 'pole-17', username: 'pole-17', password: brokerToken('pole-17', keyBefore, Date.now()), reconnectPeriod: 0, connectTimeout: 3000 }));
  const actions = new Set((await s.audit.query({ limit: 1000 })).map((r) => r.action));
  for (const a of ['device.enrollmentToken', 'device.enroll', 'device.rotateKey', 'device.relocate', 'device.decommission']) t.ok(actions.has(a), `${a} audited at the hub`);
});

t.test('refusals: unapproved site, used or expired token, wrong hub key, bad config, unapproved relocation, pending reads', async (t) => {
  const hub = await startHub(t);
  const s = hub.services!;
  await t.rejects(s.devices.issueEnrollmentToken('not-approved', 3600_000, 'admin-1'), { code: 'ALPR_ERR_SITE_NOT_APPROVED' });
  const dir = await tempDir(t, 'alpr-prov-neg-');
  const args = (token: string, name: string, extra: string[] = []) => ['enroll', '--hub', hub.httpUrl, '--token', token, '--device-id', name, '--config', join(dir, `${name}.yaml`), '--data-dir', join(dir, name), '--quiet', ...extra];

  const wrongKey = (await s.devices.issueEnrollmentToken('harlem-north', 3600_000, 'admin-1')).token;
  const mismatch = await runCli(main, args(wrongKey, 'pole-a', ['--expect-hub-key-id', 'deadbeefdeadbeef']));
  t.equal(mismatch.code, 1);
  t.match(mismatch.err, /ALPR_ERR_SYNC_KEY: .*not the expected deadbeefdeadbeef/);
  await t.rejects(readFile(join(dir, 'pole-a', 'device.pem')), 'nothing kept after a refusal');

  const once = (await s.devices.issueEnrollmentToken('harlem-north', 3600_000, 'admin-1')).token;
  t.equal((await runCli(main, args(once, 'pole-b'))).code, 0);
  const reused = await runCli(main, args(once, 'pole-c'));
  t.equal(reused.code, 1);
  t.match(reused.err, /ALPR_ERR_ENROLLMENT_TOKEN: .*already used/);
  const again = await runCli(main, args(once, 'pole-b'));
  t.match(again.err, /already enrolled/, 'an enrolled appliance is not enrolled twice');

  const shortLived = (await s.devices.issueEnrollmentToken('harlem-north', 60_000, 'admin-1')).token;
  await s.store.sql.run('UPDATE enrollment_tokens SET expires_at = ?', [Date.now() - 1]);
  const expired = await runCli(main, args(shortLived, 'pole-d'));
  t.match(expired.err, /ALPR_ERR_ENROLLMENT_TOKEN: .*expired/);
  t.match((await runCli(main, args('enr_unknown-token-value', 'pole-e'))).err, /unknown/);

  const cfg = join(dir, 'pole-b.yaml');
  const before = await readFile(cfg, 'utf8');
  const bad = await runCli(main, ['configure', '--config', cfg, '--set', 'camera.type=webcam', '--quiet']);
  t.equal(bad.code, 78, 'a config the schema refuses exits 78 (docs/errors.md)');
  t.match(bad.err, /ALPR_ERR_CONFIG_INVALID/);
  t.equal(await readFile(cfg, 'utf8'), before, 'an invalid setting writes nothing');

  const nowhere = await runCli(main, ['relocate', '--hub', hub.httpUrl, '--site', 'nowhere', '--config', cfg, '--quiet']);
  t.match(nowhere.err, /ALPR_ERR_SITE_NOT_APPROVED/);

  // A read the hub cannot take (the broker is stopped): decommission keeps it unless told.
  const config = await loadConfigFile(cfg);
  const buffer = readBufferFromConfig(config, [await loadDataKey(join(config.dataDir, 'data.key'))], systemClock, createLogger({ level: 'silent' }));
  await buffer.open();
  await buffer.append(makeRead({ deviceId: 'pole-b', siteId: 'harlem-north', capturedAt: Date.now() }));
  await buffer.close();
  await hub.broker!.stop();
  const pending = await runCli(main, ['decommission', '--hub', hub.httpUrl, '--config', cfg, '--sync-timeout-s', '1', '--quiet']);
  t.equal(pending.code, 1);
  t.match(pending.err, /1 reads could not be synced/);
  t.equal((await s.store.getDevice('pole-b'))?.status, 'active', 'nothing was revoked');
  t.equal((await runCli(main, ['decommission', '--hub', hub.httpUrl, '--config', cfg, '--discard-pending', '--quiet'])).code, 64, '--discard-pending needs --yes');
  const discarded = await runCli(main, ['decommission', '--hub', hub.httpUrl, '--config', cfg, '--discard-pending', '--yes', '--sync-timeout-s', '1', '--quiet']);
  t.equal(discarded.code, 0, discarded.err);
  t.same(discarded.json(), { synced: 0, discarded: 1 });
  t.equal((await s.store.getDevice('pole-b'))?.status, 'revoked');
});

t.test('selftest fails the buffer check when the data key is missing, and does not make one', async (t) => {
  const hub = await startHub(t);
  const dir = await tempDir(t, 'alpr-prov-nokey-');
  const config = join(dir, 'appliance.yaml');
  const dataDir = join(dir, 'data');
  const { token } = await hub.services!.devices.issueEnrollmentToken('harlem-north', 3600_000, 'admin-1');
  t.equal((await runCli(main, ['enroll', '--hub', hub.httpUrl, '--token', token, '--device-id', 'pole-nokey', '--config', config, '--data-dir', dataDir, '--quiet'])).code, 0);
  t.equal((await runCli(main, ['configure', '--config', config, '--quiet', '--set', 'camera.type=replay', '--set', `camera.folder=${FRAMES}`])).code, 0);
  await rm(join(dataDir, 'data.key'));
  const tested = await runCli(main, ['selftest', '--config', config, '--allow-simulated', '--quiet']);
  t.equal(tested.code, 1, 'a pole with no data key does not pass');
  t.match(tested.out, /^FAIL +buffer .*ALPR_ERR_BUFFER_KEY/m);
  await t.rejects(readFile(join(dataDir, 'data.key')), 'no key was made behind the installer\'s back');
});
