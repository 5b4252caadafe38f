import t from 'tap';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImageCipher, SqliteStore } from '../../hub/index.js';
import { captureLogger, eventually, makeRead } from '../helpers/index.js';
import { checkArrival, contentOf } from '../helpers/readContent.js';
import { makeDevice, startHub } from '../helpers/syncRig.js';

const run = promisify(execFile);
t.setTimeout(3 * 60_000);

/** A tmpfs of `size` mounted on a fresh folder (root only), unmounted and removed at teardown. */
async function smallDisk(tt: import('tap').Test, size: string): Promise<{ dir: string; grow(size: string): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'alpr-full-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  tt.teardown(async () => {
    await run('umount', [dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  return { dir, grow: async (bigger) => void (await run('mount', ['-o', `remount,size=${bigger}`, dir])) };
}

t.test('the hub\'s disk fills during ingest: batches are refused retryably, nothing unstored is acked, and all arrives once space is freed', async (tt) => {
  if (userInfo().uid !== 0) {
    if (process.env.ALPR_REQUIRE_SERVICES === '1') tt.fail('mounting a small tmpfs needs root (ALPR_REQUIRE_SERVICES=1)');
    else tt.plan(0, 'skipped: mounting a small tmpfs for the hub database needs root');
    return;
  }
  // Room for the schema (the site registry and the rest of the hub's tables) and a few dozen reads.
  const disk = await smallDisk(tt, '3m');
  const store = new SqliteStore({ path: join(disk.dir, 'hub.db'), images: new ImageCipher(randomBytes(32)), now: Date.now });
  await store.migrate();
  tt.teardown(() => store.close());
  const log = captureLogger();
  const hub = await startHub(tt, { store, logger: log.logger });
  const device = await makeDevice(tt, hub, { maxReads: 5 });
  // About 25 kB a read: 200 of them are more than the disk.
  const reads = Array.from({ length: 200 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now(), imageBytes: 20_000, crop: randomBytes(5000), context: randomBytes(20_000) }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();

  // Full: the count stops growing while the appliance keeps resending (or, were acks given for
  // reads not stored, while its buffer empties).
  let last = -1;
  await eventually(async () => {
    const now = await store.countReads();
    const stalled = now === last && (device.uplink.stats.retries >= 2 || (await device.buffer.stats()).reads === 0);
    last = now;
    if (!stalled) await new Promise((r) => setTimeout(r, 1000));
    return stalled;
  }, 60_000);
  const refusals = log.lines().filter((l) => l.msg === 'ingest failed; the broker will redeliver');
  tt.ok(refusals.length > 0, `${refusals.length} batches refused while full`);
  tt.match(refusals[0]?.err, { code: 'ALPR_ERR_STORE', message: 'SQLite ingest transaction failed', retryable: true }, 'as a store failure a retry can cure');
  const stored = new Set(await store.allReadIds());
  tt.ok(stored.size > 0 && stored.size < 200, `${stored.size} of 200 reads fit before the disk filled`);
  const held = new Set<string>();
  for await (const r of device.buffer.readAll()) held.add(r.id);
  const acked = reads.filter((r) => !held.has(r.id)).map((r) => r.id);
  tt.same(acked.filter((id) => !stored.has(id)), [], 'every read the appliance let go of is stored at the hub');
  tt.ok(held.size >= 200 - stored.size, `${held.size} reads wait on the appliance`);
  tt.same(await checkArrival(store, reads.filter((r) => stored.has(r.id)).map(contentOf)), { missing: [], changed: [], unexpected: [], outOfOrder: [] }, 'what was stored is intact');

  await disk.grow('64m');
  await eventually(async () => (await device.buffer.stats()).reads === 0, 60_000);
  tt.same(await checkArrival(store, reads.map(contentOf)), { missing: [], changed: [], unexpected: [], outOfOrder: [] }, 'once there is room, everything arrives intact and in order');
  const c = await store.ingestCounters(device.deviceId);
  tt.equal(c.readsStored, 200, 'each read stored once');
  tt.equal(c.gaps, 0, 'no batch number skipped');
  tt.equal(c.duplicates, c.resentReads, 'duplicates only in resent batches');
});
