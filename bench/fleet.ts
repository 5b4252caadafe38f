import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AlprError, silentLogger, systemClock } from '../core/index.js';
import { createHubServices, loadOrCreateHubKeys, openAuditTrail, PgStore, ImageCipher } from '../hub/index.js';
import { CpuMeter, pidsMatching } from './fleet/cpuMeter.js';
import { prepareFleetSite } from './fleet/fleetSite.js';
import { startHttpBalancer } from './fleet/httpBalancer.js';
import { startHubProcess, type HubChild } from './fleet/hubProcess.js';
import { rabbitInstalled, startRabbitCluster } from './fleet/rabbitCluster.js';
import { defaultDataRoot, runFleet } from './fleet/simulator.js';
import { machine, round } from './machine.js';

/**
 * The fleet benchmark (issue 23): N simulated appliances (default 1,000, one read per second
 * each, five minutes) enrolled at and sending to three `alpr-hub serve` processes on one fresh
 * PostgreSQL database, through a private three-node RabbitMQ cluster (devices over MQTT, hubs
 * competing for one quorum queue over AMQP). Halfway through, one hub process is SIGKILLed (and
 * started again after --hub-restart-after seconds) and then one broker node is SIGKILLed (left
 * dead). Figures come from the database: reads stored (distinct ids), reads lost (captured,
 * neither stored nor still in an appliance's buffer when the drain ends), duplicates a search
 * would show (rows beyond one per id) and capture to stored (reads.stored_at minus captured_at,
 * both on the hub's clock), p99. Reads still buffered are reported as not_delivered_at_end.
 * Capture starts only once every appliance's uplink is connected and has heard the hub
 * (`clock_starts`; the time to get there is in enrol_s), so the figures are steady state plus the
 * kills, not the fleet's logins.
 */
const PG_URL = process.env.ALPR_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SAMPLE_EVERY_MS = 5000;

const OPTIONS = {
  appliances: { type: 'string', default: '1000' }, rate: { type: 'string', default: '1' }, duration: { type: 'string', default: '300' },
  hubs: { type: 'string', default: '3' }, nodes: { type: 'string', default: '3' }, workers: { type: 'string', default: '4' },
  'hub-restart-after': { type: 'string', default: '15' }, 'drain-timeout': { type: 'string', default: '120' }, 'batch-max-age-ms': { type: 'string' },
  'ack-timeout-ms': { type: 'string' }, 'base-port': { type: 'string' },
  /** Leave the database and the work folder (hub data, logs) for a look afterwards. */
  keep: { type: 'boolean' },
} as const;

async function adminQuery<T>(sql: string, url = PG_URL): Promise<T[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Stops a hub process with SIGTERM (it drains), or SIGKILL when it does not stop in time. */
async function stopHub(hub: HubChild): Promise<void> {
  if (hub.child.exitCode !== null || hub.child.signalCode !== null) return;
  hub.child.kill('SIGTERM');
  const stopped = await Promise.race([hub.exited.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 30_000, false))]);
  if (!stopped) hub.child.kill('SIGKILL');
}

export async function main(argv: string[]): Promise<number> {
  const { values: v } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  const n = (name: keyof typeof v) => Number(v[name]);
  const hubCount = n('hubs');
  const nodeCount = n('nodes');
  if (hubCount < 2 || nodeCount < 2) throw new AlprError('ALPR_ERR_USAGE', '--hubs and --nodes: at least 2 (one of each is killed)');
  if (!(await rabbitInstalled())) throw new AlprError('ALPR_ERR_USAGE', 'the fleet benchmark needs RabbitMQ installed (/usr/lib/rabbitmq/bin): it runs a private cluster');
  const say = (line: string) => process.stderr.write(`[fleet ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const tag = randomBytes(3).toString('hex');
  const database = `alpr_fleet_${tag}`;
  const root = await mkdtemp(join(tmpdir(), 'alpr-bench-fleet-'));
  const dbUrl = new URL(PG_URL);
  dbUrl.pathname = `/${database}`;
  const pgUrl = dbUrl.href;
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    await adminQuery(`CREATE DATABASE ${database}`);
    if (!v.keep) cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    say(`database ${database}; work folder ${root}`);
    // One hub identity for the fleet, in each process's data folder: any process opens what an appliance sealed.
    const hubDirs = Array.from({ length: hubCount }, (_, i) => join(root, `hub${i}`));
    const keys = await loadOrCreateHubKeys(join(hubDirs[0]!, 'keys'));
    for (const dir of hubDirs.slice(1)) await cp(join(hubDirs[0]!, 'keys'), join(dir, 'keys'), { recursive: true });
    const audit = { keyFile: join(root, 'audit', 'audit-key.pem'), witnessFile: join(root, 'audit', 'audit.witness') };
    const auditArgs = ['--audit-key', audit.keyFile, '--audit-witness', audit.witnessFile];

    const hubs: HubChild[] = [];
    const live = () => hubs.filter((h) => h.child.exitCode === null && h.child.signalCode === null);
    const balancer = await startHttpBalancer(() => live().map((h) => h.httpUrl));
    cleanups.push(() => balancer.close());
    say(`starting a ${nodeCount}-node RabbitMQ cluster (about a minute a node on a busy VM)`);
    const cluster = await startRabbitCluster({
      nodes: nodeCount, basePort: v['base-port'] ? n('base-port') : 26000 + (process.pid % 40) * 40, hubHttpUrl: balancer.url, dir: join(root, 'rabbit'), tag: `fleet${tag}`, log: say,
    });
    cleanups.push(() => cluster.stop());
    // Each hub process starts on another node and fails over through the rest, in turn.
    const inTurn = (urls: string[], i: number) => [...urls.slice(i % urls.length), ...urls.slice(0, i % urls.length)];
    const hubArgs = (i: number) => {
      const [mqttUrl, ...mqttFallbacks] = inTurn(cluster.mqttUrls, i);
      return [
        'serve', '--data', hubDirs[i]!, '--pg', pgUrl, '--pg-schema', 'alpr', ...auditArgs, '--http-port', '0', '--broker-auth-endpoints',
        '--broker-url', mqttUrl!, '--broker-fallback-urls', mqttFallbacks.join(','), '--broker-username', cluster.hubUser.username, `--broker-password=${cluster.hubUser.password}`,
        '--ingest-amqp-url', inTurn(cluster.amqpUrls, i).join(','),
      ];
    };
    cleanups.push(() => Promise.all(hubs.map(stopHub)));
    // Beside its data folder, so --keep keeps it (a restarted process appends to its predecessor's).
    const hubLog = (i: number) => join(root, `hub${i}.log`);
    // The first alone: it makes the tables and the audit key the others share.
    hubs.push(await startHubProcess(hubArgs(0), hubLog(0)));
    hubs.push(...(await Promise.all(Array.from({ length: hubCount - 1 }, (_, i) => startHubProcess(hubArgs(i + 1), hubLog(i + 1))))));
    say(`${hubCount} hub processes up: ${hubs.map((h) => h.httpUrl).join(' ')}`);

    // The Chief's site approval and the first admin, on the hub machine (as `alpr-hub account create`).
    const store = new PgStore({ connectionString: pgUrl, schema: 'alpr', images: new ImageCipher(keys.imageKey), now: Date.now });
    await store.migrate();
    cleanups.push(() => store.close());
    const auditTrail = await openAuditTrail(hubDirs[0]!, audit, silentLogger());
    cleanups.push(() => auditTrail.witness.close());
    const services = await createHubServices({ store, clock: systemClock, logger: silentLogger(), keys, auditTrail });
    const { siteId, session } = await prepareFleetSite(services, 'fleet-site');

    // The Erlang VMs, found once (a scan of /proc at every sample costs the benchmark itself) by
    // their home folder, which is in their command line (the node name is only in their environment).
    const brokerPids = await pidsMatching(join(root, 'rabbit'));
    const meter = new CpuMeter({
      hubs: () => hubs.map((h) => h.child.pid!),
      broker: () => brokerPids,
      postgres: async () => (await adminQuery<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = '${database}'`)).map((r) => r.pid),
    });
    let cpuAtStart: Record<string, number> = {};
    const loads: number[] = [];
    const killed: string[] = [];
    const timers: NodeJS.Timeout[] = [];
    const sampler = setInterval(() => {
      loads.push(loadavg()[0]!);
      void meter.sample();
    }, SAMPLE_EVERY_MS);
    cleanups.push(async () => clearInterval(sampler));
    const durationS = n('duration');
    const sync: Record<string, number> = {};
    if (v['batch-max-age-ms']) sync.batch_max_age_ms = n('batch-max-age-ms');
    if (v['ack-timeout-ms']) sync.ack_timeout_ms = n('ack-timeout-ms');
    let capturing = 0;
    let finished = false;
    const fleet = await runFleet({
      appliances: n('appliances'), ratePerS: n('rate'), durationS, hubUrl: hubs[0]!.httpUrl, session, siteId, brokerUrls: cluster.mqttUrls, workers: n('workers'),
      dataRoot: defaultDataRoot(), drainTimeoutS: n('drain-timeout'), expectHubKeyId: keys.seal.keyId, enrolConcurrency: 8, sync, say,
      onCapturing: (startAt) => {
        capturing = startAt;
        void meter.sample().then(() => (cpuAtStart = meter.totals()));
        const since = () => `${Math.round((Date.now() - startAt) / 1000)} s`;
        const victimHub = 1;
        const victimNode = cluster.nodes[nodeCount - 1]!;
        timers.push(setTimeout(() => {
          const hub = hubs[victimHub]!;
          hub.child.kill('SIGKILL');
          killed.push(`hub process ${victimHub} (pid ${hub.child.pid}) SIGKILL at ${since()}`);
          say(killed.at(-1)!);
          timers.push(setTimeout(() => {
            void startHubProcess(hubArgs(victimHub), hubLog(victimHub)).then((restarted) => {
              hubs[victimHub] = restarted;
              // Ready only after the run ended: stopped like the others (the cleanup has run).
              if (finished) void stopHub(restarted);
              say(`hub process ${victimHub} started again (pid ${restarted.child.pid}) at ${since()}`);
            }, (err: unknown) => say(`hub process ${victimHub} did not start again: ${String(err)}`));
          }, n('hub-restart-after') * 1000));
        }, (startAt - Date.now()) + (durationS * 1000) / 2));
        timers.push(setTimeout(() => {
          void victimNode.kill().then(() => {
            killed.push(`broker node ${victimNode.name} SIGKILL at ${since()}`);
            say(killed.at(-1)!);
          });
        }, (startAt - Date.now()) + (durationS * 1000) / 2 + 10_000));
      },
    });
    finished = true;
    for (const t of timers) clearTimeout(t);
    await meter.sample();
    const cpu = meter.totals(cpuAtStart);
    const wallS = (Date.now() - capturing) / 1000;

    // What the database holds, against what the appliances captured.
    const stored = await store.sql.all<{ id: string }>('SELECT DISTINCT id FROM reads');
    const atHub = new Set(stored.map((r) => r.id));
    const sentIds = new Set(fleet.reads.map((r) => r.id));
    // A read not at the hub may still be in its appliance's buffer (the drain timed out): not
    // delivered, but not lost. Lost is what is neither stored nor held. The buffers hold every
    // unacknowledged read, stored ones included (their ack was on its way).
    const notStored = fleet.reads.filter((r) => !atHub.has(r.id)).length;
    const storedUnacked = fleet.reads.filter((r) => r.ackedAt === null && atHub.has(r.id)).length;
    const stillBuffered = fleet.unsynced - storedUnacked;
    const lost = notStored - stillBuffered;
    const unexpected = stored.filter((r) => !sentIds.has(r.id)).length;
    const [rows] = await store.sql.all<{ total: number; distinct_ids: number; p50: number | null; p99: number | null; max: number | null }>(`
      SELECT count(*)::int AS total, count(DISTINCT id)::int AS distinct_ids,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY stored_at - captured_at) AS p50,
        percentile_disc(0.99) WITHIN GROUP (ORDER BY stored_at - captured_at) AS p99, max(stored_at - captured_at) AS max
      FROM reads`);
    const readsStored = atHub.size - unexpected;
    const result = {
      appliances: fleet.appliances, hubs: hubCount, reads_sent: fleet.readsSent, reads_stored: readsStored, lost,
      duplicates_visible: rows!.total - rows!.distinct_ids, p99_capture_to_commit_ms: rows!.p99 === null ? null : Number(rows!.p99), killed,
      benchmark: 'fleet', rate_per_appliance: n('rate'), duration_s: durationS, broker_nodes: nodeCount, unexpected_reads: unexpected, not_delivered_at_end: stillBuffered,
      p50_capture_to_commit_ms: rows!.p50 === null ? null : Number(rows!.p50), max_capture_to_commit_ms: rows!.max === null ? null : Number(rows!.max),
      p50_capture_to_ack_ms: fleet.ackP50Ms, p99_capture_to_ack_ms: fleet.ackP99Ms, resent_batches: fleet.retries,
      // Capture (and so every latency figure) starts only once every uplink is connected and has heard the hub.
      clock_starts: 'every appliance linked', tokens_s: round(fleet.tokensS, 1), enrol_s: round(fleet.enrolS, 1), stored_per_s: Math.round(readsStored / wallS),
      cpu_s: { ...cpu, simulator: round(fleet.workerCpuS, 1), simulator_capture: round(fleet.workerCaptureCpuS, 1) }, reads_per_hub_cpu_s: cpu.hubs ? Math.round(readsStored / cpu.hubs) : null,
      load_avg_1m_mean: loads.length ? round(loads.reduce((a, b) => a + b, 0) / loads.length, 2) : null, wall_s: Math.round(wallS), machine: machine(),
    };
    say(`stored ${readsStored}/${fleet.readsSent}, lost ${lost}, duplicates ${result.duplicates_visible}, capture to stored p99 ${result.p99_capture_to_commit_ms} ms; cpu ${JSON.stringify(result.cpu_s)}`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => say(`cleanup: ${String(err)}`));
    if (!v.keep) await rm(root, { recursive: true, force: true });
  }
}
