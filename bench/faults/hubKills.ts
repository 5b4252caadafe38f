import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubProcess, type HubChild } from '../fleet/hubProcess.js';
import { silentLogger, systemClock } from '../../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS, type ReadRecord } from '../../firmware/index.js';
import { ImageCipher, loadOrCreateHubKeys, PgStore, SqliteStore, type HubStore } from '../../hub/index.js';
import { newSigningKeys, rawPublicKey, Uplink } from '../../sync/index.js';
import { AckedReads } from '../ackedReads.js';
import { ensureSite } from '../siteApproval.js';

const DRAIN_TIMEOUT_MS = 90_000;

/** A PostgreSQL store for the hub instead of SQLite in its data folder. */
export interface HubPg {
  url: string;
  schema: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `alpr-hub serve` on this data folder, its embedded broker on `mqttPort`. */
function startHub(dataDir: string, mqttPort: number, pg: HubPg | undefined): Promise<HubChild> {
  return startHubProcess(['serve', '--data', dataDir, '--mqtt-port', String(mqttPort), '--http-port', '0', ...(pg ? ['--pg', pg.url, '--pg-schema', pg.schema] : [])]);
}

function syntheticRead(deviceId: string, n: number): ReadRecord {
  const p = { x: 10, y: 20 };
  return {
    id: randomUUID(), capturedAt: Date.now(), deviceId, siteId: 'site-1', cameraId: n % 2 ? 'cam1' : 'cam0',
    plate: `HK${String(n % 100_000).padStart(5, '0')}`, confidence: 0.5 + (n % 50) / 100, charConfidences: [0.9, 0.8, 0.95], region: 'IL',
    regionConfidence: 0.6, lowConfidence: false, corners: [p, p, p, p], crop: randomBytes(300 + (n % 200)), context: randomBytes(2000 + (n % 1000)),
  };
}

/** The store the hub process uses, opened from outside it (to register the device, and to check afterwards). */
export function openHubStore(hubDir: string, imageKey: Buffer, pg: HubPg | undefined): HubStore {
  const images = new ImageCipher(imageKey);
  return pg ? new PgStore({ connectionString: pg.url, schema: pg.schema, images, now: Date.now }) : new SqliteStore({ path: join(hubDir, 'hub.db'), images, now: Date.now });
}

export interface HubKillRun {
  kills: number;
  deviceId: string;
  /** The hub's data folder (keys, hub.db), left in place for the caller to inspect. */
  hubDir: string;
  /** Every read the appliance buffered, in the order it buffered them. */
  captured: ReadRecord[];
  /** Read ids the hub acknowledged to the appliance. */
  acked: string[];
  /** Anything that went wrong with the processes themselves (a hub that died on its own, ...). */
  problems: string[];
}

/**
 * A real `alpr-hub serve` process ingests from a real appliance uplink (encrypted buffer, signed
 * and sealed batches over the hub's embedded broker) while it is killed with SIGKILL `kills`
 * times at random moments and started again; then the appliance drains its buffer.
 */
export async function hubKillRun(options: { kills: number; dir: string; pg?: HubPg }): Promise<HubKillRun> {
  const hubDir = join(options.dir, 'hub');
  await mkdir(hubDir, { recursive: true });
  const deviceId = `pole-${randomBytes(3).toString('hex')}`;
  const deviceKeys = newSigningKeys();
  const hubKeys = await loadOrCreateHubKeys(join(hubDir, 'keys'));
  const registry = openHubStore(hubDir, hubKeys.imageKey, options.pg);
  await registry.migrate();
  await ensureSite(registry, 'site-1');
  await registry.upsertDevice({ deviceId, publicKey: rawPublicKey(deviceKeys.publicKey), siteId: 'site-1', status: 'active', enrolledAt: Date.now() });
  await registry.close();

  const problems: string[] = [];
  const captured: ReadRecord[] = [];
  const mqttPort = await freePort();
  let hub = await startHub(hubDir, mqttPort, options.pg);
  const buffer = new ReadBuffer({
    path: join(options.dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000,
    clock: systemClock, logger: silentLogger(),
  });
  await buffer.open();
  const source = new AckedReads(buffer);
  const uplink = new Uplink({
    deviceId, brokerUrl: `mqtt://127.0.0.1:${mqttPort}`, source, deviceKey: deviceKeys.privateKey,
    hub: { sealPublicKey: hubKeys.seal.publicKey, sealKeyId: hubKeys.seal.keyId, verifyKey: hubKeys.sign.publicKey },
    stateDir: options.dir, maxReads: 20, maxBytes: 4e6, maxAgeMs: 20, ackTimeoutMs: 1000, backoff: { initialMs: 50, maxMs: 500 },
    statusEveryMs: 60_000, clock: systemClock, logger: silentLogger(),
  });

  await uplink.start();
  // The camera side: a few reads every 25 ms while the hub dies and comes back (bounded).
  const maxCaptured = 400 * (options.kills + 1);
  let producing = true;
  const producer = (async () => {
    while (producing && captured.length < maxCaptured) {
      for (let i = 0; i < 4; i++) {
        const read = syntheticRead(deviceId, captured.length);
        await buffer.append(read);
        captured.push(read);
        uplink.notify();
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();

  try {
    for (let i = 0; i < options.kills; i++) {
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
      hub.child.kill('SIGKILL');
      const end = await hub.exited;
      if (end.signal !== 'SIGKILL') problems.push(`kill ${i + 1}: the hub had already ended by itself (code ${end.code}): ${end.stderr.trim()}`);
      hub = await startHub(hubDir, mqttPort, options.pg);
    }
    producing = false;
    await producer;
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while ((await buffer.stats()).reads > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const left = (await buffer.stats()).reads;
    if (left > 0) problems.push(`the appliance still held ${left} unacknowledged reads ${DRAIN_TIMEOUT_MS} ms after the last restart`);
  } finally {
    producing = false;
    await producer.catch(() => undefined);
    await uplink.stop();
    await buffer.close();
    hub.child.kill('SIGTERM');
    const end = await hub.exited;
    if (end.code !== 0) problems.push(`the last hub did not stop cleanly on SIGTERM (code ${end.code}, signal ${end.signal}): ${end.stderr.trim()}`);
  }
  return { kills: options.kills, deviceId, hubDir, captured, acked: source.acked, problems };
}

/** For the fault benchmark: hub kills survived, and reads acknowledged to the appliance yet missing at the hub. */
export async function runHubKills(opts: { kills?: number } = {}): Promise<{ hub_kills: number; lost_at_hub: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'alpr-hub-kills-'));
  try {
    const run = await hubKillRun({ kills: opts.kills ?? 10, dir });
    if (run.problems.length) throw new Error(`hub kill run failed: ${run.problems.join('; ')}`);
    const keys = await loadOrCreateHubKeys(join(run.hubDir, 'keys'));
    const store = openHubStore(run.hubDir, keys.imageKey, undefined);
    await store.migrate();
    try {
      const atHub = new Set(await store.allReadIds());
      return { hub_kills: run.kills, lost_at_hub: run.acked.filter((id) => !atHub.has(id)).length };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
