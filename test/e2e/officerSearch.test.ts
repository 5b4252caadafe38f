import t from 'tap';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createLogger, systemClock } from '../../core/index.js';
import { Hub } from '../../hub/index.js';
import { totp } from '../../hub/accounts/totp.js';
import { base32Decode, PASSWORD } from '../helpers/hubHarness.js';
import { eventually, PG_URL, serviceAvailable, tempDir } from '../helpers/index.js';
import { runAppliance } from '../helpers/applianceRig.js';
import { Writable } from 'node:stream';

/**
 * Issue #5 "done when": a newly created officer with MFA runs a purpose-gated search over reads
 * ingested from an appliance, every step lands in a verifiable audit chain, and the purge runs.
 */
for (const engine of ['sqlite', 'pg'] as const) {
  t.test(`${engine}: an officer with MFA finds the appliance's reads through the hub API, all of it audited`, async (t) => {
    if (engine === 'pg' && !(await serviceAvailable(t, 'postgres'))) return;
    const dataDir = await tempDir(t, 'alpr-hub-e2e-');
    const schema = `alpr_e2e_${randomBytes(4).toString('hex')}`;
    const logs: string[] = [];
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (c, _e, done) => (logs.push(String(c)), done()) }) as never });
    const auditDir = await tempDir(t, 'alpr-hub-audit-');
    const hub = new Hub({
      dataDir, audit: { keyFile: join(auditDir, 'audit-key.pem'), witnessFile: join(auditDir, 'audit.witness') }, pgUrl: engine === 'pg' ? PG_URL : null, pgSchema: schema, brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
      mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 12 } }, clock: systemClock, logger,
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
    const services = hub.services!;
    // The Chief approves the site; the appliance is enrolled to it.
    await services.sites.approve({ siteId: 'site-e2e', name: 'Harlem Ave at North Ave', approvalRef: 'GO-4.68-SITE-07', latitude: 41.909, longitude: -87.806, cameras: ['cam0'] }, 'chief');
    const { reads, buffer } = await runAppliance(t, { store: services.store, keys: hub.keys! }, hub.broker!.url,
      async (deviceId, publicKey) => void (await services.devices.enroll({ deviceId, publicKey, siteId: 'site-e2e' }, 'admin')));
    await eventually(async () => (await services.store.countReads()) === reads.length && (await buffer.stats()).reads === 0, 20_000);
    // The appliance's retained status reached the hub: online, enclosure closed.
    await eventually(async () => (await services.devices.overview()).some((d) => d.online === true && d.tamperOpen === false), 10_000);

    // An admin (bootstrapped on the hub machine) creates the officer over HTTP.
    const api = (method: 'GET' | 'POST', url: string, body?: unknown, token?: string) => fetch(`${hub.httpUrl}${url}`, {
      method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, any> }));
    const year = Date.now() - 30 * 86_400_000;
    const { activationToken: adminToken } = await services.accounts.create({ username: 'admin.one', displayName: 'Admin One', role: 'admin' }, 'cli:root');
    const adminSecret = base32Decode(new URL((await services.accounts.activate(adminToken, PASSWORD)).otpauthUri).searchParams.get('secret')!);
    // Enrolling and signing in each need a code the hub has not seen: the previous and the current
    // 30-second step (both within the allowed drift).
    const step = Math.floor(Date.now() / 30_000);
    await services.accounts.confirmTotp('admin.one', PASSWORD, totp(adminSecret, (step - 1) * 30_000));
    const adminSession = await api('POST', '/api/v1/auth/sign-in', { username: 'admin.one', password: PASSWORD, code: totp(adminSecret, step * 30_000) });
    t.equal(adminSession.status, 200, JSON.stringify(adminSession.json));
    const created = await api('POST', '/api/v1/accounts', { username: 'k.officer', displayName: 'K. Officer', role: 'officer', trainingCompletedAt: year, policySignedAt: year, leadsCertifiedAt: year }, adminSession.json.token);
    t.equal(created.status, 201);
    const activated = await api('POST', '/api/v1/auth/activate', { activationToken: created.json.activationToken, password: PASSWORD });
    const secret = base32Decode(new URL(activated.json.otpauthUri).searchParams.get('secret')!);
    // The officer's codes are taken from the clock again: the admin's step may be two steps old by
    // now on a loaded machine (password hashing), outside the drift the hub allows.
    const officerStep = Math.floor(Date.now() / 30_000);
    t.equal((await api('POST', '/api/v1/auth/mfa/confirm', { username: 'k.officer', password: PASSWORD, code: totp(secret, (officerStep - 1) * 30_000) })).status, 200);
    const session = await api('POST', '/api/v1/auth/sign-in', { username: 'k.officer', password: PASSWORD, code: totp(secret, officerStep * 30_000) });
    t.equal(session.status, 200);

    // The officer searches for a plate the appliance read, under a stated purpose.
    const stored = await services.store.getRead(reads[0]!);
    const search = await api('POST', '/api/v1/search', {
      plate: stored!.plate, mode: 'exact', purpose: 'stolen_vehicle', offense: '240', caseNumber: '26-010191', description: 'reported stolen overnight from Oak Park Ave',
    }, session.json.token);
    t.equal(search.status, 200, JSON.stringify(search.json));
    t.ok(search.json.hits.some((h: { id: string }) => h.id === reads[0]), 'the appliance\'s read is found');
    const refused = await api('POST', '/api/v1/search', { plate: stored!.plate, mode: 'exact', purpose: 'stolen_vehicle', offense: '240', description: 'no case number given here' }, session.json.token);
    t.equal(refused.status, 400);

    // Every step is in the chain, and the chain verifies.
    const verify = await api('GET', '/api/v1/audit/verify', undefined, adminSession.json.token);
    t.same(verify.json.problems, []);
    const actions = new Set((await services.audit.query({ limit: 10_000 })).map((r) => r.action));
    for (const a of ['site.approve', 'device.enroll', 'account.create', 'account.activate', 'account.mfaEnroll', 'auth.signIn', 'reads.search', 'retention.purge']) t.ok(actions.has(a), `${a} audited`);
    t.notOk(logs.join('').includes(stored!.plate), 'the plate never reached the hub logs');
  });
}
