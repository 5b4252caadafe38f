import t from 'tap';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger, systemClock } from '../../../core/index.js';
import { Hub, type HubOptions } from '../../../hub/index.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { captureLogger, tempDir } from '../../helpers/index.js';

t.test('/healthz and /readyz answer a load balancer; SIGTERM-style drain turns /readyz to 503 before the hub stops', async (t) => {
  const hub = new Hub({
    dataDir: await tempDir(t, 'alpr-hub-ops-'), audit: await auditFiles(t), pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 10 } }, drainGraceMs: 1_000,
    clock: systemClock, logger: silentLogger(),
  });
  await hub.start();
  t.teardown(() => hub.stop());
  const url = hub.httpUrl;
  t.same(await (await fetch(`${url}/healthz`)).json(), { status: 'ok' });
  await hub.auditCheck!.done();
  const ready = await fetch(`${url}/readyz`);
  t.equal(ready.status, 200);
  t.same(await ready.json(), { ready: true, draining: false, checks: { store: true, broker: true, auditChain: true } }, 'store and broker reachable, the audit chain verified');

  const drained = hub.drain();
  const during = await fetch(`${url}/readyz`);
  t.equal(during.status, 503, 'during the grace period the balancer is told to stop sending work');
  t.same(await during.json(), { ready: false, draining: true, checks: { store: true, broker: true, auditChain: true } });
  t.equal((await fetch(`${url}/healthz`)).status, 200, 'yet the process is alive and still answers');
  await drained;
  await t.rejects(fetch(`${url}/healthz`), 'after the drain the hub takes no new HTTP connection');
});

t.test('a hub whose audit chain was tampered with starts degraded: /readyz 503 with the reason, an ALPR_ERR_AUDIT_CHAIN error logged; an intact chain starts ready', async (t) => {
  const options = async (): Promise<HubOptions> => ({
    dataDir: await tempDir(t, 'alpr-hub-ops-'), audit: await auditFiles(t), pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 10 } }, clock: systemClock, logger: silentLogger(),
  });
  const base = await options();
  const first = new Hub(base);
  await first.start();
  await first.services!.accounts.create({ username: 'a.one', displayName: 'A One', role: 'officer' }, 'admin');
  t.equal((await first.auditCheck!.done()).state, 'intact');
  t.equal((await fetch(`${first.httpUrl}/readyz`)).status, 200, 'an intact chain starts ready');
  await first.stop();

  const db = new Database(join(base.dataDir, 'hub.db'));
  db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 2').run('{"username":"someone.else"}');
  db.close();
  const log = captureLogger();
  const second = new Hub({ ...base, logger: log.logger });
  await second.start();
  t.teardown(() => second.stop());
  await second.auditCheck!.done();
  const ready = await fetch(`${second.httpUrl}/readyz`);
  t.equal(ready.status, 503, 'not ready: a load balancer sends it no work');
  t.match(await ready.json(), {
    ready: false, checks: { store: true, broker: true, auditChain: false },
    reasons: { auditChain: /^ALPR_ERR_AUDIT_CHAIN: the audit chain does not verify: 1 problem\(s\), the first at record 2: record 2 does not match its hash/ },
  });
  t.equal((await fetch(`${second.httpUrl}/healthz`)).status, 200, 'alive: not restarted in a loop by its supervisor');
  const errors = log.lines().filter((l) => l.level === 50);
  t.match(errors, [{ code: 'ALPR_ERR_AUDIT_CHAIN', module: 'auditCheck', problems: [{ seq: 2, problem: 'changed' }] }]);
  t.match(await second.services!.audit.query({ action: 'audit.startCheck', limit: 5 }), [{ actor: 'system', outcome: 'failed' }], 'the finding is in the chain too');
});
