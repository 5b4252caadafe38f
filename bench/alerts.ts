import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger, systemClock } from '../core/index.js';
import { HitAlerts } from '../firmware/hotlist/hitAlerts.js';
import { HotlistKeeper } from '../firmware/hotlist/hotlistKeeper.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS, type ReadRecord } from '../firmware/index.js';
import { base32Decode, totp } from '../hub/accounts/totp.js';
import { NCIC_MAPPING } from '../hub/hotlists/importMapping.js';
import { Hub } from '../hub/index.js';
import { HotlistMatcher, newSigningKeys, rawPublicKey, topics, Uplink, type HotlistEntry } from '../sync/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * Hot lists and alerts (issue 10), all in this process on this machine, embedded broker, SQLite:
 * - match_us_per_read: one read against a list of `--entries` (default 1,000,000) on the
 *   appliance's matcher, exact and one-look-alike near matches, state check (200,000 reads, 5% hot);
 * - hotlist_push_s: that list from the hub's store to a freshly started appliance, until its keeper
 *   holds every entry (snapshot in parts, signed, sealed, verified, kept on disk);
 * - delta_push_ms: a 100-entry import committed at the hub to the appliance holding the new version;
 * - alert_p99_ms: reads at 10 per second for `--seconds` (default 30), one in five hot: capture on
 *   the appliance to the alert event on an officer's live stream (HTTP server-sent events).
 */
const STATES = ['IL', 'WI', 'IN', 'MI', 'IA', 'MO', 'OH', 'MN'];
const CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

function plate(rand: () => number): string {
  let p = '';
  for (let i = 0; i < 7; i++) p += CHARS[Math.floor(rand() * CHARS.length)];
  return p;
}

/** A deterministic generator, so that runs compare. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function extract(count: number, prefix: string, seed: number): { csv: string; plates: string[] } {
  const rand = lcg(seed);
  const lines = ['NIC,FILE,LIC,LIS,LIT,VMA,VCO,VST,EXP,MIS'];
  const plates: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = plate(rand);
    plates.push(p);
    lines.push(`${prefix}${i},VEH,${p},${STATES[i % STATES.length]},PC,HOND,BLU,4D,,`);
  }
  return { csv: lines.join('\n'), plates };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { entries: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '30' } } });
  const entries = Number(values.entries);
  const seconds = Number(values.seconds);
  const log = (msg: string) => process.stderr.write(`${msg}\n`);

  // 1. The matcher alone.
  const { csv, plates } = extract(entries, 'B', 42);
  const matcher = new HotlistMatcher();
  matcher.apply(plates.map((p, i): HotlistEntry => ({ entryId: `bench:B${i}`, plate: p, state: STATES[i % STATES.length]!, category: 'stolen_vehicle', source: 'bench', priority: 3 })));
  const rand = lcg(7);
  const probes = Array.from({ length: 200_000 }, (_, i) => (i % 20 === 0 ? plates[Math.floor(rand() * plates.length)]! : plate(rand)));
  for (let i = 0; i < 20_000; i++) matcher.match(probes[i]!, 'IL', Date.now());
  let hits = 0;
  const t0 = process.hrtime.bigint();
  for (const p of probes) hits += matcher.match(p, 'IL', 0).length;
  const matchUs = Number(process.hrtime.bigint() - t0) / 1000 / probes.length;
  log(`matcher: ${entries} entries, ${round(matchUs, 2)} us per read (${hits} hits)`);

  const root = await mkdtemp(join(tmpdir(), 'alpr-bench-alerts-'));
  const hub = new Hub({
    dataDir: join(root, 'hub'), audit: { keyFile: join(root, 'audit', 'audit-key.pem'), witnessFile: join(root, 'audit', 'audit.witness') }, pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null, mqttHost: '127.0.0.1',
    mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 12 } }, clock: systemClock, logger: silentLogger(),
  });
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    await hub.start();
    cleanup.push(() => hub.stop());
    const services = hub.services!;
    await services.sites.approve({ siteId: 'bench-site', name: 'Bench', approvalRef: 'BENCH-1', latitude: 41.9, longitude: -87.8, cameras: ['cam0'] }, 'chief');
    let t = Date.now();
    await services.hotlists.importExtract(csv, { ...NCIC_MAPPING, source: 'bench' }, 'bench', 'generated');
    log(`import of ${entries} entries: ${round((Date.now() - t) / 1000, 1)} s`);
    await services.hotlists.refresh();

    // 2. The appliance side, started from nothing.
    const deviceId = `bench-${randomBytes(3).toString('hex')}`;
    const device = newSigningKeys();
    await services.devices.enroll({ deviceId, publicKey: rawPublicKey(device.publicKey), siteId: 'bench-site' }, 'bench');
    const dir = join(root, 'device');
    const buffer = new ReadBuffer({ path: join(dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock: systemClock, logger: silentLogger() });
    await buffer.open();
    cleanup.unshift(() => buffer.close());
    const hubIdentity = { sealPublicKey: hub.keys!.seal.publicKey, sealKeyId: hub.keys!.seal.keyId, verifyKey: hub.keys!.sign.publicKey };
    const uplink = new Uplink({
      deviceId, brokerUrl: hub.broker!.url, source: buffer, deviceKey: device.privateKey, hub: hubIdentity, stateDir: dir, maxReads: 100, maxBytes: 4 * 1024 * 1024,
      maxAgeMs: 200, ackTimeoutMs: 5000, backoff: { initialMs: 100, maxMs: 1000 }, statusEveryMs: 1000, clock: systemClock, logger: silentLogger(),
    });
    const keeper = new HotlistKeeper({ dir: join(dir, 'hotlist'), deviceId, deviceKey: device.privateKey, hubVerifyKey: hub.keys!.sign.publicKey, clock: systemClock, logger: silentLogger() });
    uplink.onTopic(topics.hotlist(deviceId), (b) => void keeper.receive(b));
    uplink.setStatusSource(async () => ({ hotlistVersion: keeper.version }));
    const alerts = new HitAlerts({ dir: join(dir, 'alerts'), deviceId, deviceKey: device.privateKey, hub: hubIdentity, keeper, uplink, retryMs: 1000, retentionMs: 30 * 86_400_000, clock: systemClock, logger: silentLogger() });
    await keeper.start();
    const version = await services.hotlists.version();
    t = Date.now();
    await uplink.start();
    cleanup.unshift(() => uplink.stop());
    await alerts.start();
    cleanup.unshift(() => alerts.stop());
    await until(() => keeper.version === version && keeper.status().entries === entries, 600_000);
    const pushS = (Date.now() - t) / 1000;
    log(`full list to the appliance: ${round(pushS, 1)} s`);

    // 3. A delta of 100 entries.
    const delta = extract(100, 'D', 99);
    t = Date.now();
    const run = await services.hotlists.importExtract(delta.csv, { ...NCIC_MAPPING, source: 'bench-delta' }, 'bench', 'generated');
    await until(() => keeper.version === run.version, 60_000);
    const deltaMs = Date.now() - t;
    log(`delta of 100 entries: ${deltaMs} ms`);

    // 4. Capture to the officer's live stream, reads at 10 per second.
    const { activationToken } = await services.accounts.create({ username: 'bench.officer', displayName: 'Bench Officer', role: 'officer', trainingCompletedAt: Date.now() - 1e9, policySignedAt: Date.now() - 1e9, leadsCertifiedAt: Date.now() - 1e9 }, 'cli:bench');
    const secret = base32Decode(new URL((await services.accounts.activate(activationToken, 'correct horse battery staple cobalt')).otpauthUri).searchParams.get('secret')!);
    const step = Math.floor(Date.now() / 30_000);
    await services.accounts.confirmTotp('bench.officer', 'correct horse battery staple cobalt', totp(secret, (step - 1) * 30_000));
    const { token } = await services.accounts.signIn('bench.officer', 'correct horse battery staple cobalt', totp(secret, step * 30_000));
    const captured = new Map<string, number>();
    const latencies: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = get(`${hub.httpUrl}/api/v1/alerts/stream?sites=bench-site`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        let buf = '';
        res.on('data', (chunk: Buffer) => {
          const now = Date.now();
          buf += chunk.toString();
          if (buf.includes(': connected')) resolve();
          let end: number;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            if (!block.startsWith('event: alert')) continue;
            const alert = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { readId: string };
            const at = captured.get(alert.readId);
            if (at !== undefined) latencies.push(now - at);
          }
        });
      });
      req.on('error', reject);
      cleanup.unshift(async () => req.destroy());
    });
    const hotPlates = plates.slice(0, 1000);
    const total = seconds * 10;
    const start = Date.now();
    for (let i = 0; i < total; i++) {
      await new Promise((r) => setTimeout(r, Math.max(0, start + i * 100 - Date.now())));
      const hot = i % 5 === 0;
      const p = { x: 0, y: 0 };
      const read: ReadRecord = {
        id: crypto.randomUUID(), capturedAt: Date.now(), deviceId, siteId: 'bench-site', cameraId: 'cam0', plate: hot ? hotPlates[i % hotPlates.length]! : plate(rand),
        confidence: 0.9, charConfidences: [0.9], region: STATES[(i % hotPlates.length) % STATES.length]!, regionConfidence: 0.8, lowConfidence: false, corners: [p, p, p, p],
        crop: Buffer.alloc(2000, 1), context: Buffer.alloc(30_000, 2),
      };
      captured.set(read.id, read.capturedAt);
      await buffer.append(read);
      void alerts.check(read);
      uplink.notify();
    }
    await until(() => latencies.length >= total / 5, 30_000).catch(() => undefined);
    latencies.sort((a, b) => a - b);
    log(`alerts: ${latencies.length} of ${total / 5} hot reads reached the stream; p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`);
    const figures = {
      hotlist_entries: entries, match_us_per_read: round(matchUs, 2), alert_p99_ms: percentile(latencies, 99), alert_p50_ms: percentile(latencies, 50),
      alerts_delivered: latencies.length, alerts_expected: total / 5, hotlist_push_s: round(pushS, 1), delta_push_ms: deltaMs, machine: machine(),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  } finally {
    for (const step of cleanup) await step().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
}
