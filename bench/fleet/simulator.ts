import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AlprError, errorMessage, EXIT, exitCodeFor } from '../../core/index.js';
import { HubClient } from '../../provisioning/index.js';
import { percentile } from '../machine.js';
import { parseSentRead, type FleetPlan, type FromWorker, type SentRead, type ToWorker, type WorkerProgress } from './fleetProtocol.js';

const TOOL = fileURLToPath(new URL('../../bin/tool.js', import.meta.url));
const WORKER = fileURLToPath(new URL('./applianceWorker.ts', import.meta.url));
/** Token requests in flight at once: each is a transaction and an audit append at the hub. */
const TOKEN_CONCURRENCY = 8;

export interface FleetOptions {
  appliances: number;
  ratePerS: number;
  durationS: number;
  hubUrl: string;
  /** An admin session (sites.manage) that issues the enrollment tokens. */
  session: string;
  siteId: string;
  /**
   * The broker's nodes: appliance i connects to node i mod n and fails over to the others in turn,
   * so the fleet is spread over the cluster. Empty: the broker enrollment names.
   */
  brokerUrls: string[];
  workers: number;
  /** Where the appliances' folders go (a temporary folder made in it, removed afterwards). */
  dataRoot: string;
  drainTimeoutS: number;
  expectHubKeyId: string | null;
  enrolConcurrency: number;
  sync: Record<string, number>;
  /** Progress lines (stderr for the CLI). */
  say: (line: string) => void;
  /** Called once every appliance is enrolled, connected and has heard the hub, as capture starts (the fleet benchmark times its kills from here). */
  onCapturing?: (startAt: number) => void;
}

export interface FleetResult {
  appliances: number;
  workers: number;
  tokensS: number;
  /** Enrollment, start and link (every uplink connected and has heard the hub), before capture starts. */
  enrolS: number;
  readsSent: number;
  readsAcked: number;
  /** Reads left in the appliances' buffers when the drain timed out. */
  unsynced: number;
  /** Capture to the hub's signed ack at the appliance (an upper bound on capture to commit). */
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  retries: number;
  /** CPU seconds the workers used (the simulator's own load on this machine), enrollment included. */
  workerCpuS: number;
  /** The same from capture's start to the end of the drain: what the appliances cost per read. */
  workerCaptureCpuS: number;
  reads: SentRead[];
}

interface WorkerHandle {
  child: ChildProcess;
  progress: WorkerProgress;
  enrolled: number;
  message(type: FromWorker['type']): Promise<FromWorker>;
  exited: Promise<number | null>;
}

function startWorker(): WorkerHandle {
  const child = fork(TOOL, [WORKER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: WorkerHandle = {
    child, exited, enrolled: 0, progress: { sent: 0, acked: 0, connected: 0, retries: 0 },
    message: (type) => new Promise((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type === 'failed') reject(new AlprError('ALPR_ERR_INTERNAL', `fleet worker failed: ${m.message}`));
        else if (m.type === type) resolve(m);
        else return;
        child.off('message', onMessage);
      };
      child.on('message', onMessage);
      void exited.then((code) => reject(new AlprError('ALPR_ERR_INTERNAL', `fleet worker exited (${code}) while the simulator waited for "${type}"`)));
    }),
  };
  child.on('message', (m: FromWorker) => {
    if (m.type === 'progress') handle.progress = m;
    if (m.type === 'enrolled') handle.enrolled = m.count;
  });
  return handle;
}

/** One-time enrollment tokens for `count` appliances at one site, issued with the admin's session. */
async function issueTokens(o: FleetOptions, count: number): Promise<string[]> {
  const client = new HubClient(o.hubUrl, { session: o.session });
  const tokens: string[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(TOKEN_CONCURRENCY, count) }, async () => {
    for (let i = next++; i < count; i = next++) tokens[i] = (await client.issueToken(o.siteId, 2)).token;
  }));
  return tokens;
}

/** Node i mod n first, then the rest in turn. */
const nodeOrder = (urls: string[], i: number) => [...urls.slice(i % Math.max(1, urls.length)), ...urls.slice(0, i % Math.max(1, urls.length))];

const sum = (handles: WorkerHandle[], key: keyof WorkerProgress) => handles.reduce((n, h) => n + h.progress[key], 0);

/**
 * Many appliances against one hub, in a few processes: enrolls each (its own keys, token, config,
 * encrypted buffer), starts their uplinks, replays reads at `ratePerS` each for `durationS`,
 * waits for the acks, and returns what was sent and acknowledged.
 */
export async function runFleet(o: FleetOptions): Promise<FleetResult> {
  if (!Number.isInteger(o.appliances) || o.appliances < 1) throw new AlprError('ALPR_ERR_USAGE', '--appliances: a whole number above 0');
  if (!(o.ratePerS > 0 && o.ratePerS <= 100)) throw new AlprError('ALPR_ERR_USAGE', '--rate: reads per second per appliance, above 0 and at most 100');
  if (!(o.durationS > 0)) throw new AlprError('ALPR_ERR_USAGE', '--duration: seconds above 0');
  if (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > 64) throw new AlprError('ALPR_ERR_USAGE', '--workers: 1 to 64');
  if (!Number.isInteger(o.enrolConcurrency) || o.enrolConcurrency < 1 || o.enrolConcurrency > 64) throw new AlprError('ALPR_ERR_USAGE', '--enrol-concurrency: 1 to 64');
  if (!(o.drainTimeoutS >= 0)) throw new AlprError('ALPR_ERR_USAGE', '--drain-timeout: seconds, 0 or more');
  for (const [key, value] of Object.entries(o.sync)) if (!Number.isInteger(value) || value < 0) throw new AlprError('ALPR_ERR_USAGE', `--${key.replaceAll('_', '-')}: whole milliseconds`);
  await mkdir(o.dataRoot, { recursive: true });
  const dataDir = await mkdtemp(join(o.dataRoot, 'alpr-fleet-'));
  const tag = randomBytes(3).toString('hex');
  const workers: WorkerHandle[] = [];
  try {
    o.say(`issuing ${o.appliances} enrollment tokens at ${o.hubUrl} for site ${o.siteId}`);
    let began = performance.now();
    const tokens = await issueTokens(o, o.appliances);
    const tokensS = (performance.now() - began) / 1000;
    o.say(`tokens issued in ${tokensS.toFixed(1)} s; enrolling in ${o.workers} worker processes`);
    const plan: FleetPlan = {
      hubUrl: o.hubUrl, siteId: o.siteId, ratePerS: o.ratePerS, durationS: o.durationS,
      drainTimeoutS: o.drainTimeoutS, dataDir, expectHubKeyId: o.expectHubKeyId, enrolConcurrency: o.enrolConcurrency, sync: o.sync,
    };
    began = performance.now();
    for (let w = 0; w < Math.min(o.workers, o.appliances); w++) workers.push(startWorker());
    workers.forEach((h, w) => {
      const appliances = tokens.flatMap((token, i) => (i % workers.length === w ? [{ deviceId: `fleet-${tag}-${String(i).padStart(5, '0')}`, token, brokerUrls: nodeOrder(o.brokerUrls, i) }] : []));
      h.child.send({ type: 'enrol', plan, worker: w, appliances } satisfies ToWorker);
    });
    const enrolTicker = setInterval(() => o.say(`enrolled ${workers.reduce((n, h) => n + h.enrolled, 0)}/${o.appliances}`), 5000);
    try {
      await Promise.all(workers.map((h) => h.message('ready')));
    } finally {
      clearInterval(enrolTicker);
    }
    const enrolS = (performance.now() - began) / 1000;
    // Every uplink is connected and has heard the hub (each worker says ready only then); a
    // moment for the go message to reach all workers, so they start capturing together.
    const startAt = Date.now() + 500;
    o.say(`${o.appliances} appliances enrolled, started and linked to the hub in ${enrolS.toFixed(1)} s; capturing ${o.ratePerS}/s each for ${o.durationS} s`);
    for (const h of workers) h.child.send({ type: 'go', startAt } satisfies ToWorker);
    o.onCapturing?.(startAt);
    let lastAcked = 0;
    const ticker = setInterval(() => {
      const acked = sum(workers, 'acked');
      o.say(`t=${Math.round((Date.now() - startAt) / 1000)} s  sent ${sum(workers, 'sent')}  acked ${acked} (${acked - lastAcked}/5 s)  connected ${sum(workers, 'connected')}/${o.appliances}  retries ${sum(workers, 'retries')}`);
      lastAcked = acked;
    }, 5000);
    let done: Array<Extract<FromWorker, { type: 'done' }>>;
    try {
      done = (await Promise.all(workers.map((h) => h.message('done')))) as typeof done;
    } finally {
      clearInterval(ticker);
    }
    await Promise.all(workers.map((h) => h.exited));
    const reads: SentRead[] = [];
    for (const d of done) for (const line of (await readFile(d.readsFile, 'utf8')).split('\n')) if (line) reads.push(parseSentRead(line));
    const latencies = reads.flatMap((r) => (r.ackedAt === null ? [] : [r.ackedAt - r.capturedAt])).sort((a, b) => a - b);
    return {
      appliances: o.appliances, workers: workers.length, tokensS, enrolS, readsSent: reads.length, readsAcked: latencies.length,
      unsynced: done.reduce((n, d) => n + d.unsynced, 0), ackP50Ms: percentile(latencies, 50), ackP99Ms: percentile(latencies, 99), ackMaxMs: latencies.at(-1) ?? NaN,
      retries: done.reduce((n, d) => n + d.retries, 0), workerCpuS: done.reduce((n, d) => n + d.cpuMs, 0) / 1000,
      workerCaptureCpuS: done.reduce((n, d) => n + d.captureCpuMs, 0) / 1000, reads,
    };
  } finally {
    for (const h of workers) if (h.child.exitCode === null) h.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

const USAGE = `usage: npm run fleet -- --appliances N --rate R --duration S --hub-url URL --site SITE [--session TOKEN]
         [--broker-url URL] [--fallback-broker-urls URL,URL] [--workers 4] [--data DIR] [--drain-timeout S]
         [--batch-max-age-ms MS] [--ack-timeout-ms MS] [--expect-hub-key-id ID] [--enrol-concurrency 8]
  Runs N simulated appliances (each enrolled with its own keys, its own encrypted buffer and uplink) in a few processes,
  each capturing R reads per second for S seconds, and prints progress on stderr and a JSON summary on stdout.
  --session: an admin session with sites.manage (else $ALPR_HUB_SESSION); it issues one enrollment token per appliance.
  --broker-url: the broker the appliances use instead of the one enrollment names; --fallback-broker-urls: the cluster's other nodes.
    With several nodes the appliances are spread over them (appliance i on node i mod n), each failing over to the rest in turn.
  --data: where the appliances' folders go (default /dev/shm where it exists: the appliances' own disks are not this machine's).`;

const OPTIONS = {
  appliances: { type: 'string' }, rate: { type: 'string', default: '1' }, duration: { type: 'string', default: '60' }, 'hub-url': { type: 'string' }, site: { type: 'string' },
  session: { type: 'string' }, 'broker-url': { type: 'string' }, 'fallback-broker-urls': { type: 'string' }, workers: { type: 'string', default: '4' }, data: { type: 'string' },
  'drain-timeout': { type: 'string', default: '60' }, 'batch-max-age-ms': { type: 'string' }, 'ack-timeout-ms': { type: 'string' }, 'expect-hub-key-id': { type: 'string' },
  'enrol-concurrency': { type: 'string', default: '8' }, help: { type: 'boolean', short: 'h' },
} as const;

/** The default home of the appliances' folders: memory where there is some, as they stand for other machines' disks. */
export function defaultDataRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** `npm run fleet`: the fleet simulator on its own, against a running hub and broker. */
export async function main(argv: string[]): Promise<number> {
  let v;
  try {
    ({ values: v } = parseArgs({ args: argv, options: OPTIONS, strict: true }));
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    if (v.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const need = (value: string | undefined, flag: string) => {
      if (!value) throw new AlprError('ALPR_ERR_USAGE', `${flag} is required`);
      return value;
    };
    const sync: Record<string, number> = {};
    if (v['batch-max-age-ms']) sync.batch_max_age_ms = Number(v['batch-max-age-ms']);
    if (v['ack-timeout-ms']) sync.ack_timeout_ms = Number(v['ack-timeout-ms']);
    const result = await runFleet({
      appliances: Number(need(v.appliances, '--appliances')), ratePerS: Number(v.rate), durationS: Number(v.duration), hubUrl: need(v['hub-url'], '--hub-url'),
      session: need(v.session ?? process.env.ALPR_HUB_SESSION, '--session'), siteId: need(v.site, '--site'),
      brokerUrls: [...(v['broker-url'] ? [v['broker-url']] : []), ...(v['fallback-broker-urls'] ?? '').split(',').filter(Boolean)], workers: Number(v.workers),
      dataRoot: v.data ?? defaultDataRoot(), drainTimeoutS: Number(v['drain-timeout']), expectHubKeyId: v['expect-hub-key-id'] ?? null,
      enrolConcurrency: Number(v['enrol-concurrency']), sync, say: (line) => process.stderr.write(`${line}\n`),
    });
    const { reads: _reads, ...summary } = result;
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return result.readsAcked === result.readsSent ? EXIT.ok : EXIT.failure;
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n${err instanceof AlprError && err.code === 'ALPR_ERR_USAGE' ? `${USAGE}\n` : ''}`);
    return exitCodeFor(err);
  }
}
