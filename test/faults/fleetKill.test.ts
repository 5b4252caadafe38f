import t from 'tap';
import { randomBytes } from 'node:crypto';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { openHubStore } from '../../bench/faults/hubKills.js';
import { startHttpBalancer } from '../../bench/fleet/httpBalancer.js';
import { startHubProcess, type HubChild } from '../../bench/fleet/hubProcess.js';
import { AuditLog, loadOrCreateHubKeys } from '../../hub/index.js';
import { openAuditTrail } from '../../hub/audit/auditTrail.js';
import { silentLogger, systemClock } from '../../core/index.js';
import { ensureSite } from '../../bench/siteApproval.js';
import { main } from '../../hub/cli.js';
import { auditFiles } from '../helpers/auditFiles.js';
import { runCli } from '../helpers/cliRunner.js';
import { eventually, makeRead, PG_URL, serviceAvailable, tempDir } from '../helpers/index.js';
import { rabbitAvailable, startRabbitCluster } from '../helpers/rabbitNode.js';
import { makeDevice, type Device } from '../helpers/syncRig.js';

// 24 by default (the suite must stay under CI's 30 minutes); ALPR_FLEET_APPLIANCES sets more.
const APPLIANCES = Number(process.env.ALPR_FLEET_APPLIANCES ?? 24);
const HUBS = 3;
const NODES = 3;
/** Each appliance appends a read this often for LOAD_MS; a hub process dies at a third, a broker node at two thirds. */
const READ_EVERY_MS = 500;
const LOAD_MS = 18_000;
// Ports no other test uses: the single-node ACL test takes 21000-21499. All of these sit below
// Linux's ephemeral range (32768-60999), where any test's outgoing connection could take a node's
// port before it binds, or a readiness probe connect to itself.
const BASE_PORT = 22000 + (process.pid % 30) * 30;
t.setTimeout(6 * 60_000);

/** Stops a hub process cleanly (SIGTERM drains it), or kills it if it does not stop in time. */
async function stopHub(hub: HubChild): Promise<void> {
  if (hub.child.exitCode !== null || hub.child.signalCode !== null) return;
  hub.child.kill('SIGTERM');
  const stopped = await Promise.race([hub.exited.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 20_000, false))]);
  if (!stopped) hub.child.kill('SIGKILL');
}

t.test(`${APPLIANCES} appliances into ${HUBS} hub processes through a ${NODES}-node RabbitMQ cluster; one hub process and one broker node SIGKILLed mid-stream: every read stored exactly once, the audit chain verifies`, async (tt) => {
  if (!(await rabbitAvailable(tt)) || !(await serviceAvailable(tt, 'postgres'))) return;
  // The shared PostgreSQL only hosts a schema of this test's own; it is never stopped.
  const pg = { url: PG_URL, schema: `alpr_fleet_${randomBytes(4).toString('hex')}` };
  tt.teardown(async () => {
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${pg.schema} CASCADE`);
    await client.end();
  });
  const dir = await tempDir(tt, 'alpr-fleet-');
  const audit = await auditFiles(tt);
  // One hub identity for the fleet: every process opens what the appliances sealed to it.
  const hubDirs = Array.from({ length: HUBS }, (_, i) => join(dir, `hub${i}`));
  const keys = await loadOrCreateHubKeys(join(hubDirs[0]!, 'keys'));
  for (const hubDir of hubDirs.slice(1)) await cp(join(hubDirs[0]!, 'keys'), join(hubDir, 'keys'), { recursive: true });
  const store = openHubStore(hubDirs[0]!, keys.imageKey, pg);
  await store.migrate();
  tt.teardown(() => store.close());

  const hubs: HubChild[] = [];
  const live = () => hubs.filter((h) => h.child.exitCode === null && h.child.signalCode === null);
  const balancer = await startHttpBalancer(() => live().map((h) => h.httpUrl));
  tt.teardown(() => balancer.close());
  const cluster = await startRabbitCluster(tt, { nodes: NODES, basePort: BASE_PORT, hubHttpUrl: balancer.url });
  // Each process starts on another node and fails over through the rest.
  const inTurn = (urls: string[], i: number) => [...urls.slice(i % NODES), ...urls.slice(0, i % NODES)];
  const hubArgs = (i: number) => {
    const [mqttUrl, ...mqttFallbacks] = inTurn(cluster.mqttUrls, i);
    return [
      'serve', '--data', hubDirs[i]!, '--pg', pg.url, '--pg-schema', pg.schema, ...audit.args, '--http-port', '0', '--broker-auth-endpoints',
      '--broker-url', mqttUrl!, '--broker-fallback-urls', mqttFallbacks.join(','), '--broker-username', cluster.hubUser.username, `--broker-password=${cluster.hubUser.password}`,
      '--ingest-amqp-url', inTurn(cluster.amqpUrls, i).join(','),
    ];
  };
  tt.teardown(() => Promise.all(hubs.map(stopHub)));
  // The first one alone: it makes the schema's tables and the audit key the others share.
  hubs.push(await startHubProcess(hubArgs(0)));
  const starts = await Promise.allSettled(Array.from({ length: HUBS - 1 }, (_, i) => startHubProcess(hubArgs(i + 1))));
  // Those that started are stopped at teardown even when another did not.
  for (const s of starts) if (s.status === 'fulfilled') hubs.push(s.value);
  for (const s of starts) if (s.status === 'rejected') throw s.reason;

  // The Chief's approval of the site, recorded as the host records it: through the chain the hub processes witness.
  const trail = await openAuditTrail(hubDirs[0]!, { keyFile: audit.keyFile, witnessFile: audit.witnessFile }, silentLogger());
  await ensureSite(store, 'site-1', ['cam0'], new AuditLog({ sql: store.sql, clock: systemClock, trail }));
  const devices: Device[] = [];
  for (let i = 0; i < APPLIANCES; i++) {
    const [first, ...others] = inTurn(cluster.mqttUrls, i);
    devices.push(await makeDevice(tt, { store, keys, brokerUrl: first! }, { siteId: 'site-1', maxReads: 20, fallbackBrokerUrls: others }));
  }
  // Stopped together at teardown (before each device's own teardown), not one after another.
  tt.teardown(() => Promise.all(devices.map((d) => d.uplink.stop())));
  await Promise.all(devices.map((d) => d.uplink.start()));

  const appended: string[] = [];
  const started = Date.now();
  const killed: string[] = [];
  const victimHub = hubs[1]!;
  const victimNode = cluster.nodes[0]!;
  while (Date.now() - started < LOAD_MS) {
    const tick = Date.now();
    await Promise.all(devices.map(async (d) => {
      const read = makeRead({ deviceId: d.deviceId, siteId: 'site-1', capturedAt: Date.now(), imageBytes: 2000 });
      await d.buffer.append(read);
      appended.push(read.id);
    }));
    const elapsed = Date.now() - started;
    if (killed.length === 0 && elapsed > LOAD_MS / 3) {
      // Frozen first, so it surely dies holding batches: the broker keeps handing it its share
      // (up to its prefetch) and it acknowledges none of them.
      victimHub.child.kill('SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      victimHub.child.kill('SIGKILL');
      killed.push(`hub process ${victimHub.child.pid} at ${elapsed} ms`);
    } else if (killed.length === 1 && elapsed > (2 * LOAD_MS) / 3) {
      await victimNode.kill();
      killed.push(`broker node ${victimNode.name} at ${elapsed} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, READ_EVERY_MS - (Date.now() - tick))));
  }
  tt.comment(`killed: ${killed.join('; ')}; ${appended.length} reads appended`);
  tt.equal(killed.length, 2, 'a hub process and a broker node were killed mid-stream');

  // Every appliance empties its buffer: each read it holds was acknowledged by a hub, after commit.
  const pending = async () => (await Promise.all(devices.map(async (d) => (await d.buffer.stats()).reads))).reduce((a, b) => a + b, 0);
  await eventually(async () => (await pending()) === 0, 150_000).catch(() => undefined);
  tt.equal(await pending(), 0, 'every appliance drained its buffer (the hub acknowledged every read)');

  const stored = await store.allReadIds();
  const atHub = new Set(stored);
  const lost = appended.filter((id) => !atHub.has(id));
  tt.same({ lost: lost.length, duplicatesVisible: stored.length - atHub.size, unexpected: stored.length - appended.length + lost.length }, { lost: 0, duplicatesVisible: 0, unexpected: 0 }, `all ${appended.length} reads stored exactly once`);
  let redelivered = 0;
  for (const d of devices) redelivered += (await store.ingestCounters(d.deviceId)).duplicates;
  tt.comment(`${redelivered} read copies arrived again (resent or redelivered) and were dropped as duplicates`);
  tt.same(live().map((h) => h.child.pid), hubs.filter((h) => h !== victimHub).map((h) => h.child.pid), 'the other hub processes kept running');

  await Promise.all(hubs.map(stopHub));
  const verify = await runCli(main, ['audit', 'verify', '--data', hubDirs[0]!, '--pg', pg.url, '--pg-schema', pg.schema, ...audit.verifyArgs]);
  tt.equal(verify.code, 0, `audit verify passes after the kills: ${verify.out.trim()}${verify.err.trim()}`);
});
