import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { silentLogger, systemClock } from '../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS, type ReadRecord } from '../firmware/index.js';
import { ImageCipher, loadOrCreateHubKeys, PgStore, SqliteStore, type HubKeys, type HubRead, type HubStore } from '../hub/index.js';
import { newSigningKeys, rawPublicKey, Uplink } from '../sync/index.js';
import { machine, percentile, round } from './machine.js';
import { ensureSite } from './siteApproval.js';

/**
 * Sync through the real Mosquitto (127.0.0.1:1883) with acknowledgement, appliance buffer to
 * committed at the hub (SQLite), the hub in a process of its own (bench/syncHub.ts):
 * - reads_per_s_no_images / reads_per_s_30kb: a preloaded buffer drained through the uplink;
 * - latency_p50_ms / latency_p99_ms: reads appended at a steady 10 per second, capture to the
 *   device receiving the hub's ack (which is sent after the commit, so an upper bound);
 * - ingest_sqlite_per_s / ingest_pg_per_s: the store alone, four devices' batches of 500 reads in
 *   flight (200 B crop, 2 KB context, both encrypted at rest).
 */
const MQTT_URL = process.env.ALPR_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const PG_URL = process.env.ALPR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function read(imageBytes: number, deviceId: string): ReadRecord {
  const p = { x: 0, y: 0 };
  return {
    id: randomUUID(), capturedAt: Date.now(), deviceId, siteId: 'bench-site', cameraId: 'cam0', plate: 'BEN1234', confidence: 0.9, charConfidences: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
    region: 'IL', regionConfidence: 0.8, lowConfidence: false, corners: [p, p, p, p], crop: Buffer.alloc(imageBytes ? 2000 : 0, 1), context: Buffer.alloc(imageBytes, 2),
  };
}

async function rig(root: string, keys: HubKeys, store: HubStore, maxReads: number, maxAgeMs: number) {
  const deviceId = `bench-${randomBytes(3).toString('hex')}`;
  const device = newSigningKeys();
  await ensureSite(store, 'bench-site');
  await store.upsertDevice({ deviceId, publicKey: rawPublicKey(device.publicKey), siteId: 'bench-site', status: 'active', enrolledAt: Date.now() });
  const dir = await mkdtemp(join(root, 'dev-'));
  const buffer = new ReadBuffer({ path: join(dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 64e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock: systemClock, logger: silentLogger() });
  await buffer.open();
  const uplink = new Uplink({
    deviceId, brokerUrl: MQTT_URL, source: buffer, deviceKey: device.privateKey,
    hub: { sealPublicKey: keys.seal.publicKey, sealKeyId: keys.seal.keyId, verifyKey: keys.sign.publicKey },
    stateDir: dir, maxReads, maxBytes: 8_000_000, maxAgeMs, ackTimeoutMs: 10_000, backoff: { initialMs: 200, maxMs: 2000 }, statusEveryMs: 60_000,
    clock: systemClock, logger: silentLogger(),
  });
  return { deviceId, buffer, uplink };
}

async function drain(root: string, keys: HubKeys, store: HubStore, count: number, imageBytes: number): Promise<number> {
  const { deviceId, buffer, uplink } = await rig(root, keys, store, 1000, 0);
  await Promise.all(Array.from({ length: 64 }, async (_, w) => {
    for (let i = w; i < count; i += 64) await buffer.append(read(imageBytes, deviceId));
  }));
  const started = performance.now();
  await uplink.start();
  while ((await buffer.stats()).reads > 0) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  await uplink.stop();
  await buffer.close();
  return count / seconds;
}

async function latency(root: string, keys: HubKeys, store: HubStore, seconds: number): Promise<number[]> {
  const { deviceId, buffer, uplink } = await rig(root, keys, store, 100, 50);
  const pending: number[] = [];
  const latencies: number[] = [];
  uplink.on('batchAcked', (_seq, n) => {
    const now = Date.now();
    for (const at of pending.splice(0, n)) latencies.push(now - at);
  });
  await uplink.start();
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < seconds * 10; i++) {
    const r = read(30_000, deviceId);
    pending.push(r.capturedAt);
    await buffer.append(r);
    uplink.notify();
    await new Promise((res) => setTimeout(res, 100));
  }
  while (pending.length > 0) await new Promise((r) => setTimeout(r, 20));
  await uplink.stop();
  await buffer.close();
  return latencies.sort((a, b) => a - b);
}

/** Starts bench/syncHub.ts as a child process (the hub's own process, as in service). */
async function startHubProcess(db: string, keysDir: string): Promise<{ stop(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL('../bin/tool.js', import.meta.url)), [fileURLToPath(new URL('./syncHub.ts', import.meta.url)), '--db', db, '--keys', keysDir, '--broker', MQTT_URL],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => { throw new Error(`the bench's hub process exited (${code}) before it was ready`); }),
  ]);
  return { async stop() { child.disconnect(); await exited; } };
}

/** Four devices' batches of 500 reads in flight at once, as ingest sees a busy city. */
async function ingestRate(store: HubStore, count: number): Promise<number> {
  const devices = Array.from({ length: 4 }, () => `ingest-${randomBytes(3).toString('hex')}`);
  for (const deviceId of devices) await store.upsertDevice({ deviceId, publicKey: randomBytes(32), siteId: 'bench-site', status: 'active', enrolledAt: Date.now() });
  const crop = Buffer.alloc(200, 1);
  const context = Buffer.alloc(2000, 2);
  // Plates as traffic has them (a pool of 20,000, some seen often), so that the store's distinct-plate
  // index does the work it does in service rather than updating one row over and over.
  const plateOf = (n: number) => `${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n / 26) | 0) % 26)}K${String(n % 10000).padStart(4, '0')}`;
  const make = (deviceId: string): HubRead => ({ id: randomUUID(), deviceId, siteId: 'bench-site', cameraId: 'cam0', capturedAt: Date.now(), receivedAt: Date.now(),
    plate: plateOf(Math.floor(Math.random() * Math.random() * 20_000)), confidence: 0.9, charConfidences: [0.9, 0.9], region: 'IL', regionConfidence: 0.8, lowConfidence: false, corners: [], vehicleColour: 'silver', crop, context });
  const perDevice = Math.ceil(count / devices.length / 500);
  const started = performance.now();
  await Promise.all(devices.map(async (deviceId) => {
    for (let seq = 1; seq <= perDevice; seq++) await store.ingestBatch(deviceId, seq, Array.from({ length: 500 }, () => make(deviceId)));
  }));
  return (perDevice * 500 * devices.length) / ((performance.now() - started) / 1000);
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { reads: { type: 'string', default: '20000' }, seconds: { type: 'string', default: '30' } } });
  const count = Number(values.reads);
  const root = await mkdtemp(join(tmpdir(), 'alpr-bench-sync-'));
  try {
    const keys = await loadOrCreateHubKeys(join(root, 'keys'));
    // The bench registers devices through a connection of its own; the hub process ingests.
    const sqlite = new SqliteStore({ path: join(root, 'hub.db'), images: new ImageCipher(keys.imageKey), now: Date.now });
    await sqlite.migrate();
    const hub = await startHubProcess(join(root, 'hub.db'), join(root, 'keys'));
    const noImages = await drain(root, keys, sqlite, count, 0);
    process.stderr.write(`no images: ${noImages.toFixed(0)} reads/s\n`);
    const withImages = await drain(root, keys, sqlite, Math.round(count / 5), 30_000);
    process.stderr.write(`30 KB images: ${withImages.toFixed(0)} reads/s\n`);
    const lat = await latency(root, keys, sqlite, Number(values.seconds));
    process.stderr.write(`latency p50 ${percentile(lat, 50)} ms, p99 ${percentile(lat, 99)} ms over ${lat.length} reads\n`);
    await hub.stop();
    await sqlite.close();
    // Ingest alone, into a store of its own (not the one the 30 KB images above filled).
    const ingestStore = new SqliteStore({ path: join(root, 'ingest.db'), images: new ImageCipher(keys.imageKey), now: Date.now });
    await ingestStore.migrate();
    const ingestSqlite = await ingestRate(ingestStore, 50_000);
    await ingestStore.close();
    const pg = new PgStore({ connectionString: PG_URL, schema: `alpr_bench_${randomBytes(3).toString('hex')}`, images: new ImageCipher(keys.imageKey), now: Date.now });
    let ingestPg: number | null = null;
    try {
      await pg.migrate();
      ingestPg = await ingestRate(pg, 50_000);
      const { default: pgLib } = await import('pg');
      const c = new pgLib.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${(pg as unknown as { ctx: { schema: string } }).ctx.schema} CASCADE`);
      await c.end();
    } catch (err) {
      process.stderr.write(`PostgreSQL unavailable: ${String(err)}\n`);
    } finally {
      await pg.close();
    }
    const result = {
      benchmark: 'sync', reads_per_s_no_images: Math.round(noImages), reads_per_s_30kb: Math.round(withImages),
      latency_p50_ms: round(percentile(lat, 50), 1), latency_p99_ms: round(percentile(lat, 99), 1),
      ingest_sqlite_per_s: Math.round(ingestSqlite), ingest_pg_per_s: ingestPg === null ? null : Math.round(ingestPg),
      broker: 'mosquitto 127.0.0.1:1883', machine: machine(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
