import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import mqtt from 'mqtt';
import { createLogger, isAlprError, systemClock } from '../../core/index.js';
import { loadConfigFile, loadDataKey, readBufferFromConfig, uplinkFromConfig } from '../../firmware/index.js';
import { Hub, type HubOptions } from '../../hub/index.js';
import { main } from '../../provisioning/cli.js';
import { brokerToken, readPrivateKey } from '../../sync/index.js';
import { issue, makeCa } from '../helpers/certs.js';
import { auditFiles } from '../helpers/auditFiles.js';
import { runCli } from '../helpers/cliRunner.js';
import { eventually, makeRead, tempDir } from '../helpers/index.js';

t.setTimeout(120_000);

/** Tries one MQTT login; the outcome as the client saw it ('connected', or why not), within 5 s. */
function tryLogin(url: string, options: mqtt.IClientOptions): Promise<string> {
  return new Promise((resolve) => {
    const client = mqtt.connect(url, { ...options, reconnectPeriod: 0, connectTimeout: 5000 });
    const settle = (outcome: string) => {
      client.end(true);
      resolve(outcome);
    };
    client.once('connect', () => settle('connected'));
    client.once('error', (err) => settle(err.message));
    client.once('close', () => settle('closed'));
  });
}

const quiet = () => createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) as never });

async function hubOptions(t: import('tap').Test, overrides: Partial<HubOptions>): Promise<HubOptions> {
  return {
    dataDir: await tempDir(t, 'alpr-tls-hub-'), audit: await auditFiles(t), pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: {}, clock: systemClock, logger: quiet(), ...overrides,
  };
}

t.test('over HTTPS and mqtts://, an appliance enrolls trusting only the agency CA, syncs, and rotates its keys; without the CA it cannot', async (t) => {
  const ca = await makeCa(t, 'Oak Park PD Test CA');
  const server = await issue(ca, 'alpr-hub.test', { server: ['IP:127.0.0.1', 'DNS:localhost'] });
  const hub = new Hub(await hubOptions(t, { tls: { certPath: server.certPath, keyPath: server.keyPath } }));
  await hub.start();
  t.teardown(() => hub.stop());
  t.match(hub.httpUrl, /^https:\/\/127\.0\.0\.1:\d+$/, 'the API is served over HTTPS');
  t.match(hub.broker!.url, /^mqtts:\/\/127\.0\.0\.1:\d+$/, 'the broker listens for devices over TLS');
  const s = hub.services!;
  await s.sites.approve({ siteId: 'harlem-north', name: 'Harlem Ave at North Ave', approvalRef: 'GO468-S-001', latitude: 41.909, longitude: -87.806, cameras: ['cam0'] }, 'chief');
  const { token } = await s.devices.issueEnrollmentToken('harlem-north', 24 * 3600_000, 'admin-1');
  const dir = await tempDir(t, 'alpr-tls-appliance-');
  const config = join(dir, 'appliance.yaml');
  const dataDir = join(dir, 'data');
  const args = ['enroll', '--hub', hub.httpUrl, '--token', token, '--device-id', 'pole-17', '--config', config, '--data-dir', dataDir, '--quiet'];

  const untrusted = await runCli(main, args);
  t.equal(untrusted.code, 1, 'without --hub-ca the hub\'s certificate is not trusted');
  t.match(untrusted.err, /ALPR_ERR_SYNC_BROKER.*(self-signed|unable to (get|verify))/i);
  t.equal(await s.store.getDevice('pole-17'), null, 'and nothing was enrolled');

  const enrolled = await runCli(main, [...args, '--hub-ca', ca.certPath]);
  t.equal(enrolled.code, 0, enrolled.err);
  t.match(enrolled.json().brokerUrl, /^mqtts:\/\//, 'enrollment hands out the TLS broker');
  const written = await loadConfigFile(config);
  t.equal(written.sync.caFile, join(dataDir, 'hub-ca.pem'), 'the appliance keeps the CA for its uplink');
  t.same(await readFile(written.sync.caFile), ca.pem);

  // The appliance syncs over mqtts://, trusting the CA from its config.
  const syncOne = async () => {
    const cfg = await loadConfigFile(config);
    const logger = createLogger({ level: 'silent' });
    const buffer = readBufferFromConfig(cfg, [await loadDataKey(join(cfg.dataDir, 'data.key'))], systemClock, logger);
    await buffer.open();
    const read = makeRead({ deviceId: cfg.deviceId, siteId: cfg.siteId, capturedAt: Date.now() });
    await buffer.append(read);
    const uplink = await uplinkFromConfig(cfg, buffer, systemClock, logger);
    await uplink!.start();
    try {
      await eventually(async () => (await s.store.getRead(read.id)) !== null, 15_000);
    } finally {
      await uplink!.stop();
      await buffer.close();
    }
  };
  await syncOne();
  t.pass('a read went over mqtts:// to the hub');

  const rotated = await runCli(main, ['rotate-keys', '--hub', hub.httpUrl, '--config', config, '--quiet']);
  t.equal(rotated.code, 0, `rotate-keys trusts the CA kept at enrollment: ${rotated.err}`);
  await syncOne();
  t.pass('and another after the key rotation');

  // The same broker port does not speak plain MQTT, nor TLS to a client that does not trust the CA.
  const key = await readPrivateKey(join(dataDir, 'device.pem'));
  const port = new URL(hub.broker!.url).port;
  const login = () => ({ clientId: 'pole-17', username: 'pole-17', password: brokerToken('pole-17', key, Date.now()), reconnectPeriod: 0, connectTimeout: 3000 });
  t.not(await tryLogin(`mqtt://127.0.0.1:${port}`, login()), 'connected', 'plain MQTT to the TLS port fails');
  t.match(await tryLogin(`mqtts://127.0.0.1:${port}`, login()), /self-signed|unable to (get|verify)/i, 'TLS without the agency CA fails');
  t.equal(await tryLogin(`mqtts://127.0.0.1:${port}`, { ...login(), ca: ca.pem }), 'connected', 'TLS with the agency CA and a fresh token logs in');
  t.match(await tryLogin(hub.broker!.hubUrl, login()), /Not authorized|Bad username/i, 'devices cannot use the hub services\' loopback listener');
});

t.test('the hub refuses to serve plain HTTP or MQTT off loopback unless told to', async (t) => {
  for (const [overrides, what] of [[{ httpHost: '0.0.0.0' }, 'the HTTP API on 0.0.0.0'], [{ mqttHost: '0.0.0.0' }, 'the embedded MQTT broker on 0.0.0.0']] as const) {
    const exposed = new Hub(await hubOptions(t, overrides));
    const err = await exposed.start().then(() => null, (e: unknown) => e);
    await exposed.stop();
    t.ok(isAlprError(err, 'ALPR_ERR_TLS_REQUIRED'), `${what}: refused with ALPR_ERR_TLS_REQUIRED`);
    t.match((err as Error | null)?.message, what, 'the message names what would be exposed');
  }
  const allowed = new Hub(await hubOptions(t, { httpHost: '0.0.0.0', allowPlaintext: true }));
  await allowed.start();
  t.teardown(() => allowed.stop());
  t.match(allowed.httpUrl, /^http:\/\/0\.0\.0\.0:/, 'with --allow-plaintext it starts');
});

t.test('behind a TLS-terminating reverse proxy named with --trust-proxy, the hub records the client the proxy names', async (t) => {
  const hub = new Hub(await hubOptions(t, { trustedProxies: ['127.0.0.1'] }));
  await hub.start();
  t.teardown(() => hub.stop());
  const failed = await fetch(`${hub.httpUrl}/api/v1/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
    body: JSON.stringify({ username: 'no.such.officer', password: 'a wrong passphrase of some length', code: '000000' }),
  });
  t.equal(failed.status, 401);
  const records = await hub.services!.audit.query({ action: 'auth.signIn', limit: 10 });
  t.same(records.map((r) => r.detail.ip), ['203.0.113.9'], 'the failed sign-in is audited with the forwarded client address');
});

t.test('the RabbitMQ auth endpoints are not served with a hub broker password short enough to guess through them', async (t) => {
  const short = new Hub(await hubOptions(t, { brokerUrl: 'mqtt://127.0.0.1:1', brokerPassword: 'hub-secret', brokerAuthEndpoints: true }));
  const err = await short.start().then(() => null, (e: unknown) => e);
  await short.stop();
  t.ok(isAlprError(err, 'ALPR_ERR_USAGE'), 'refused with ALPR_ERR_USAGE before it starts anything');
  t.match((err as Error | null)?.message, /at least 24 characters/);
});
