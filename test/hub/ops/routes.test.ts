import t from 'tap';
import { silentLogger, systemClock } from '../../../core/index.js';
import { Hub } from '../../../hub/index.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { tempDir } from '../../helpers/index.js';

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
  const ready = await fetch(`${url}/readyz`);
  t.equal(ready.status, 200);
  t.same(await ready.json(), { ready: true, draining: false, checks: { store: true, broker: true } }, 'store and broker reachable');

  const drained = hub.drain();
  const during = await fetch(`${url}/readyz`);
  t.equal(during.status, 503, 'during the grace period the balancer is told to stop sending work');
  t.same(await during.json(), { ready: false, draining: true, checks: { store: true, broker: true } });
  t.equal((await fetch(`${url}/healthz`)).status, 200, 'yet the process is alive and still answers');
  await drained;
  await t.rejects(fetch(`${url}/healthz`), 'after the drain the hub takes no new HTTP connection');
});
