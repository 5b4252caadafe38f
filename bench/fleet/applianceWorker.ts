import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { createLogger, errorMessage } from '../../core/index.js';
import { sentReadLine, type ApplianceSpec, type FleetPlan, type FromWorker, type SentRead, type ToWorker, type WorkerProgress } from './fleetProtocol.js';
import { loadReplayImages } from './replayReads.js';
import { SimulatedAppliance } from './simulatedAppliance.js';

const PROGRESS_EVERY_MS = 1000;
const DRAIN_POLL_MS = 250;
const LINK_POLL_MS = 100;
/** A thousand logins on a loaded machine take a while; past this the run is broken, not slow. */
const LINK_TIMEOUT_MS = 300_000;

const send = (message: FromWorker) => process.send!(message);
const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/** Messages from the simulator, one at a time in arrival order. */
function inbox(): () => Promise<ToWorker> {
  const queued: ToWorker[] = [];
  let waiting: ((m: ToWorker) => void) | null = null;
  process.on('message', (m: ToWorker) => {
    if (waiting) {
      const take = waiting;
      waiting = null;
      take(m);
    } else queued.push(m);
  });
  return () => (queued.length > 0 ? Promise.resolve(queued.shift()!) : new Promise((resolve) => (waiting = resolve)));
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  }));
  return results;
}

/**
 * One process of the fleet simulator: enrolls its share of the appliances, starts their uplinks,
 * and at the simulator's word replays reads into each appliance's buffer at the planned rate
 * (each appliance at its own phase), then waits for the hub to acknowledge them, stops, and
 * writes what it sent (with ack times) for the simulator. Started by bench/fleet/simulator.ts.
 */
export async function main(): Promise<number> {
  if (!process.send) {
    process.stderr.write('applianceWorker.ts is started by the fleet simulator (npm run fleet), over IPC\n');
    return 64;
  }
  const next = inbox();
  const first = await next();
  if (first.type !== 'enrol') throw new Error(`expected enrol, got ${first.type}`);
  const { plan, worker, appliances: specs } = first;
  const logger = createLogger({ name: `fleet-worker-${worker}`, level: 'warn', destination: pino.destination({ dest: join(plan.dataDir, `worker-${worker}.log`), sync: false }) as never });
  const sent = new Map<string, SentRead>();
  let acked = 0;
  const onAcked = (ids: string[]) => {
    const at = Date.now();
    for (const id of ids) {
      const read = sent.get(id);
      if (read && read.ackedAt === null) {
        read.ackedAt = at;
        acked++;
      }
    }
  };
  let appliances: SimulatedAppliance[] = [];
  try {
    let enrolled = 0;
    appliances = await inPool(specs, plan.enrolConcurrency, async (spec: ApplianceSpec) => {
      const appliance = await SimulatedAppliance.enrol(spec, plan, logger, onAcked);
      if (++enrolled % 25 === 0 || enrolled === specs.length) send({ type: 'enrolled', count: enrolled });
      return appliance;
    });
    const images = await loadReplayImages();
    await Promise.all(appliances.map((a) => a.start()));
    // Ready only once every uplink is connected and has heard the hub (its time and batch limit
    // come with the first ack): the replay clock starts in steady state, so the capture-to-stored
    // figures measure the fleet running and the kills, not a thousand logins at once.
    const linked = () => appliances.filter((a) => a.linked).length;
    const linkUntil = Date.now() + LINK_TIMEOUT_MS;
    while (linked() < appliances.length) {
      if (Date.now() >= linkUntil) throw new Error(`${appliances.length - linked()} of ${appliances.length} uplinks not linked to the hub within ${LINK_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, LINK_POLL_MS));
    }
    send({ type: 'ready' });
    const go = await next();
    if (go.type !== 'go') throw new Error(`expected go, got ${go.type}`);
    const cpuAtGo = process.cpuUsage();

    const progress = (): WorkerProgress => ({
      sent: sent.size, acked, connected: appliances.filter((a) => a.uplink.stats.connected).length,
      retries: appliances.reduce((n, a) => n + a.uplink.stats.retries, 0),
    });
    const ticker = setInterval(() => send({ type: 'progress', ...progress() }), PROGRESS_EVERY_MS);
    const endAt = go.startAt + plan.durationS * 1000;
    const periodMs = 1000 / plan.ratePerS;
    await Promise.all(appliances.map(async (appliance, i) => {
      const phase = Math.random() * periodMs;
      for (let k = 0; ; k++) {
        const at = go.startAt + phase + k * periodMs;
        if (at >= endAt) break;
        await sleepUntil(at);
        await appliance.capture(images[(i + k) % images.length]!, (id, capturedAt) => sent.set(id, { id, deviceId: appliance.deviceId, capturedAt, ackedAt: null }));
      }
    }));
    const drainUntil = Date.now() + plan.drainTimeoutS * 1000;
    while (acked < sent.size && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
    clearInterval(ticker);
    const unsynced = (await Promise.all(appliances.map((a) => a.unsynced()))).reduce((a, b) => a + b, 0);
    const final = progress();
    await Promise.all(appliances.map((a) => a.stop()));
    appliances = [];
    const readsFile = join(plan.dataDir, `reads-${worker}.csv`);
    await writeFile(readsFile, [...sent.values()].map(sentReadLine).join(''));
    const cpu = process.cpuUsage();
    const capture = process.cpuUsage(cpuAtGo);
    send({ type: 'done', readsFile, unsynced, cpuMs: Math.round((cpu.user + cpu.system) / 1000), captureCpuMs: Math.round((capture.user + capture.system) / 1000), ...final });
    return 0;
  } catch (err) {
    send({ type: 'failed', message: errorMessage(err) });
    await Promise.all(appliances.map((a) => a.stop().catch(() => undefined)));
    return 1;
  } finally {
    logger.flush();
  }
}
