import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS, type ReadRecord } from '../../firmware/index.js';
import { ConfigPusher, EmbeddedBroker, ImageCipher, IngestService, loadOrCreateHubKeys, SqliteStore, type HubKeys } from '../../hub/index.js';
import { newSigningKeys, rawPublicKey, Uplink } from '../../sync/index.js';
import { ensureSite } from '../siteApproval.js';

/**
 * Poison batches through a real hub (SQLite, embedded broker, ingest) and a real appliance
 * (encrypted buffer, uplink), on 127.0.0.1. The hub takes batches of at most 300 kB (lowered
 * after the appliance's first ack, so its first big batch is refused as too large). Each round
 * appends one poison set, then valid reads behind it:
 * - oversized: five reads of 100 kB, one batch the hub refuses as too large (split on the appliance);
 * - too large alone: one read of 400 kB of images (quarantined on the appliance);
 * - invalid: reads the hub refuses one by one (a plate with a dash, a read from another site);
 * - mixed: all of the above in one batch, valid reads between them.
 * A round is survived when every valid read of it is stored at the hub and nothing but the
 * refused reads is left in the buffer, within 20 s. lost_at_hub counts valid reads never stored.
 */
const HUB_MAX_BATCH_BYTES = 300_000;
const ROUNDS_PER_KIND = 2;
const ROUND_LIMIT_MS = 20_000;

type Kind = 'oversized' | 'too_large_alone' | 'invalid' | 'mixed';

function read(deviceId: string, overrides: Partial<ReadRecord> = {}, imageBytes = 2000): ReadRecord {
  const p = { x: 0, y: 0 };
  return {
    id: randomUUID(), capturedAt: Date.now(), deviceId, siteId: 'bench-site', cameraId: 'cam0', plate: 'PSN1234', confidence: 0.9, charConfidences: [0.9, 0.9, 0.9],
    region: 'IL', regionConfidence: 0.8, lowConfidence: false, corners: [p, p, p, p], crop: Buffer.alloc(200, 1), context: Buffer.alloc(imageBytes, 2), ...overrides,
  };
}

/** One round's reads in the order they are appended (poison first), and which of them the hub refuses. */
function poison(kind: Kind, deviceId: string): { reads: ReadRecord[]; bad: Set<ReadRecord> } {
  const oversized = () => Array.from({ length: 5 }, () => read(deviceId, {}, 100_000));
  const alone = () => read(deviceId, {}, 400_000);
  const invalid = () => [read(deviceId, { plate: 'AB-12' }), read(deviceId, { siteId: 'other-site' })] as const;
  const valid = () => Array.from({ length: 3 }, () => read(deviceId));
  switch (kind) {
    case 'oversized': return { reads: [...oversized(), ...valid()], bad: new Set() };
    case 'too_large_alone': {
      const big = alone();
      return { reads: [big, ...valid()], bad: new Set([big]) };
    }
    case 'invalid': {
      const [a, b] = invalid();
      return { reads: [a, b, ...valid()], bad: new Set([a, b]) };
    }
    case 'mixed': {
      const big = alone();
      const [a, b] = invalid();
      return { reads: [big, ...oversized(), a, ...valid(), b], bad: new Set([big, a, b]) };
    }
  }
}

function ingestFor(broker: EmbeddedBroker, store: SqliteStore, keys: HubKeys, maxBatchBytes: number): IngestService {
  return new IngestService({
    brokerUrl: broker.url, username: 'hub', password: broker.hubPassword, sharedGroup: null, clientId: `bench-ingest-${randomBytes(3).toString('hex')}`, store, keys,
    maxBatchBytes, maxImageBytes: 4 * 1024 * 1024, now: Date.now, logger: silentLogger(),
  });
}

export async function runPoisonBatches(): Promise<{ poison_batches_survived: number; lost_at_hub?: number }> {
  const root = await mkdtemp(join(tmpdir(), 'alpr-poison-'));
  const keys = await loadOrCreateHubKeys(join(root, 'keys'));
  const store = new SqliteStore({ path: join(root, 'hub.db'), images: new ImageCipher(keys.imageKey), now: Date.now });
  await store.migrate();
  let pusher: ConfigPusher | null = null;
  const broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store, now: Date.now, logger: silentLogger(), configPushFor: (id) => pusher!.pushFor(id) });
  await broker.start();
  let ingest = ingestFor(broker, store, keys, 32 * 1024 * 1024);
  pusher = new ConfigPusher({ keys, store, publish: (id, push, retain) => ingest.publishConfig(id, push, retain), checkEveryMs: 60_000, clock: systemClock, logger: silentLogger() });
  await ingest.start();
  const deviceId = `poison-${randomBytes(3).toString('hex')}`;
  const device = newSigningKeys();
  await ensureSite(store, 'bench-site');
  await store.upsertDevice({ deviceId, publicKey: rawPublicKey(device.publicKey), siteId: 'bench-site', status: 'active', enrolledAt: Date.now() });
  const buffer = new ReadBuffer({ path: join(root, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock: systemClock, logger: silentLogger() });
  await buffer.open();
  const uplink = new Uplink({
    deviceId, brokerUrl: broker.url, source: buffer, deviceKey: device.privateKey,
    hub: { sealPublicKey: keys.seal.publicKey, sealKeyId: keys.seal.keyId, verifyKey: keys.sign.publicKey },
    stateDir: root, maxReads: 100, maxBytes: 8_000_000, maxAgeMs: 50, ackTimeoutMs: 3000, backoff: { initialMs: 100, maxMs: 1000 }, statusEveryMs: 60_000,
    clock: systemClock, logger: silentLogger(),
  });
  let survived = 0;
  let lost = 0;
  try {
    await uplink.start();
    const until = Date.now() + 10_000;
    while (uplink.stats.batchesAcked === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    // The operator lowers the hub's limit: the appliance still believes the first one.
    await ingest.stop();
    ingest = ingestFor(broker, store, keys, HUB_MAX_BATCH_BYTES);
    await ingest.start();
    const kinds: Kind[] = ['oversized', 'too_large_alone', 'invalid', 'mixed'];
    for (let round = 0; round < ROUNDS_PER_KIND; round++) {
      for (const kind of kinds) {
        const { reads, bad } = poison(kind, deviceId);
        const good = reads.filter((r) => !bad.has(r));
        const quarantinedBefore = (await buffer.stats()).quarantinedReads;
        for (const r of reads) await buffer.append(r);
        uplink.notify();
        const deadline = Date.now() + ROUND_LIMIT_MS;
        let stored = 0;
        for (;;) {
          stored = 0;
          for (const r of good) if (await store.getRead(r.id)) stored++;
          const stats = await buffer.stats();
          const settled = stored === good.length && stats.quarantinedReads === quarantinedBefore + bad.size && stats.reads === stats.quarantinedReads;
          if (settled) {
            survived++;
            break;
          }
          if (Date.now() > deadline) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        lost += good.length - stored;
        process.stderr.write(`poison ${kind} round ${round + 1}: ${stored}/${good.length} valid reads stored\n`);
      }
    }
  } finally {
    await uplink.stop();
    await buffer.close();
    await pusher.stop();
    await ingest.stop();
    await broker.stop();
    await store.close();
    await rm(root, { recursive: true, force: true });
  }
  return { poison_batches_survived: survived, lost_at_hub: lost };
}
