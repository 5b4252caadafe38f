import t from 'tap';
import { randomBytes } from 'node:crypto';
import { request } from 'node:https';
import { Writable } from 'node:stream';
import { createLogger, systemClock } from '../../../core/index.js';
import { Hub } from '../../../hub/index.js';
import { totp } from '../../../hub/accounts/totp.js';
import { issue, makeCa, type Issued } from '../../helpers/certs.js';
import { base32Decode, PASSWORD } from '../../helpers/hubHarness.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { runCli } from '../../helpers/cliRunner.js';
import { main as provision } from '../../../provisioning/cli.js';
import { PG_URL, serviceAvailable, tempDir } from '../../helpers/index.js';

t.setTimeout(120_000);

/** One HTTPS call to the hub on a fresh connection, presenting `client` as the TLS client certificate. */
function call(url: string, ca: Buffer, client: Issued | null, method: string, path: string, options: { token?: string; cookie?: string; body?: unknown } = {}): Promise<{ status: number; json: any; setCookie: string[] }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), {
      method, ca, agent: false, ...(client ? { cert: client.cert, key: client.key } : {}),
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.cookie ? { cookie: `alpr_session=${options.cookie}` } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || 'null'), setCookie: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

for (const engine of ['sqlite', 'pg'] as const) {
  t.test(`${engine}: with an agency CA, operators need its client certificate and a session works only on the certificate it was signed in on`, async (t) => {
    if (engine === 'pg' && !(await serviceAvailable(t, 'postgres'))) return;
    const agency = await makeCa(t, 'Oak Park PD Devices CA');
    const rogue = await makeCa(t, 'Someone Else CA');
    const server = await issue(agency, 'alpr-hub.test', { server: ['IP:127.0.0.1'] });
    const [laptopA, laptopB, homePc] = [await issue(agency, 'OPPD-LT-0412', 'client'), await issue(agency, 'OPPD-LT-0977', 'client'), await issue(rogue, 'home-pc', 'client')];
    const schema = `alpr_mtls_${randomBytes(4).toString('hex')}`;
    const hub = new Hub({
      dataDir: await tempDir(t, 'alpr-mtls-'), audit: await auditFiles(t), pgUrl: engine === 'pg' ? PG_URL : null, pgSchema: schema, brokerUrl: null, brokerUsername: 'hub', brokerPassword: '',
      sharedGroup: null, mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0,
      tls: { certPath: server.certPath, keyPath: server.keyPath, clientCaPath: agency.certPath },
      policy: { passwordCost: { logN: 12 } }, clock: systemClock, logger: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) as never }),
    });
    await hub.start();
    t.teardown(async () => {
      await hub.stop();
      if (engine === 'pg') {
        const { default: pg } = await import('pg');
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
    });
    const s = hub.services!;
    const { activationToken } = await s.accounts.create({ username: 'k.admin', displayName: 'K. Admin', role: 'admin' }, 'cli:root');
    const secret = base32Decode(new URL((await s.accounts.activate(activationToken, PASSWORD)).otpauthUri).searchParams.get('secret')!);
    const step = Math.floor(Date.now() / 30_000);
    const { userId } = await s.accounts.confirmTotp('k.admin', PASSWORD, totp(secret, (step - 1) * 30_000));
    const api = (client: Issued | null, method: string, path: string, options?: { token?: string; cookie?: string; body?: unknown }) => call(hub.httpUrl, agency.pem, client, method, path, options);
    const credentials = { username: 'k.admin', password: PASSWORD, code: totp(secret, step * 30_000) };

    t.equal((await api(null, 'GET', '/health')).status, 200, 'the health check needs no certificate');
    const enroll = await api(null, 'POST', '/api/v1/provisioning/enroll', { body: { token: 'x'.repeat(32), deviceId: 'pole-1', publicKey: randomBytes(32).toString('base64') } });
    t.equal(enroll.json.code, 'ALPR_ERR_ENROLLMENT_TOKEN', 'appliances enroll without a client certificate (and are judged by their token)');
    for (const [client, who] of [[null, 'no certificate'], [homePc, 'a certificate from another CA']] as const) {
      const refused = await api(client, 'POST', '/api/v1/auth/sign-in', { body: credentials });
      t.equal(refused.status, 403, `sign-in with ${who} is refused`);
      t.equal(refused.json.code, 'ALPR_ERR_CLIENT_CERT');
    }

    const signedIn = await api(laptopA, 'POST', '/api/v1/auth/sign-in', { body: credentials });
    t.equal(signedIn.status, 200, `sign-in on an agency laptop works (${signedIn.json.code ?? 'ok'})`);
    const token = signedIn.json.token as string;
    t.equal((await api(laptopA, 'GET', '/api/v1/me', { token })).status, 200, 'the session works on the laptop it was signed in on');

    const stolen = await api(laptopB, 'GET', '/api/v1/me', { token });
    t.equal(stolen.status, 403, 'the same token from another agency laptop is refused');
    t.equal(stolen.json.code, 'ALPR_ERR_CLIENT_CERT');
    t.match(stolen.json.message, /another device/);
    const bare = await api(null, 'GET', '/api/v1/me', { token });
    t.equal(bare.json.code, 'ALPR_ERR_CLIENT_CERT', 'and from a machine with no certificate');
    t.equal((await api(laptopA, 'GET', '/api/v1/me', { token })).status, 200, 'the owner\'s session goes on working');
    const asCookie = await api(laptopB, 'GET', '/api/v1/me', { cookie: token });
    t.equal(asCookie.json?.code, 'ALPR_ERR_CLIENT_CERT', 'and sent as the console\'s cookie from the other laptop, too');

    // The console's session is bound the same way, at its own sign-in (the token travels in a cookie).
    const consoleSignIn = await api(laptopA, 'POST', '/api/v1/auth/console-session', { body: { ...credentials, code: totp(secret, (step + 1) * 30_000) } });
    t.equal(consoleSignIn.status, 200, `the console signs in on the laptop (${consoleSignIn.json.code ?? 'ok'})`);
    const cookie = /^alpr_session=([^;]+)/.exec(consoleSignIn.setCookie.find((c) => c.startsWith('alpr_session=')) ?? '')?.[1] ?? '';
    t.equal((await api(laptopA, 'GET', '/api/v1/me', { cookie })).status, 200, 'the console\'s session works on its laptop');
    const carried = await api(laptopB, 'GET', '/api/v1/me', { cookie });
    t.equal(carried.json?.code, 'ALPR_ERR_CLIENT_CERT', 'and not on another');

    // The provisioning CLI presents the laptop's certificate with the admin's session (listing every site needs sites.manage).
    await s.sites.approve({ siteId: 'harlem-north', name: 'Harlem Ave at North Ave', approvalRef: 'GO468-S-001', latitude: 41.909, longitude: -87.806, cameras: ['cam0'] }, 'chief');
    const cli = ['site', 'list', '--hub', hub.httpUrl, '--hub-ca', agency.certPath, `--session=${token}`, '--quiet'];
    const listed = await runCli(provision, [...cli, '--client-cert', laptopA.certPath, '--client-key', laptopA.keyPath]);
    t.equal(listed.code, 0, `alpr-provision with the session's certificate works ${listed.err}`);
    const elsewhere = await runCli(provision, [...cli, '--client-cert', laptopB.certPath, '--client-key', laptopB.keyPath]);
    t.match(elsewhere.err, /ALPR_ERR_CLIENT_CERT/, 'and with another device\'s certificate it is refused');

    const audit = await s.audit.query({ limit: 1000 });
    const refusals = audit.filter((r) => r.action === 'auth.clientCert' && r.outcome === 'refused');
    t.equal(refusals.length, 5, 'every use of a carried token is in the audit chain');
    t.equal(refusals[0]!.actor, userId, 'under the account the token belongs to');
    t.match(refusals[0]!.detail, { presented: /CN=OPPD-LT-0977/, boundTo: /CN=OPPD-LT-0412/, route: 'GET /api/v1/me' });
    t.ok(audit.some((r) => r.action === 'auth.clientCertBound' && r.actor === userId && /OPPD-LT-0412/.test(String(r.detail.certificate))), 'the binding at sign-in is audited');
    t.same((await s.audit.verify()).problems, [], 'the chain verifies');
  });
}
