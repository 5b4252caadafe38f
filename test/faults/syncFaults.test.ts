import t from 'tap';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger } from '../../core/index.js';
import { newDataKey, writeDataKey } from '../../firmware/index.js';
import { EmbeddedBroker } from '../../hub/index.js';
import { newSigningKeys, publicKeyPem, rawPublicKey, writePrivateKey } from '../../sync/index.js';
import { eventually, makeRead, tempDir } from '../helpers/index.js';
import { checkArrival, contentOf, type ReadContent } from '../helpers/readContent.js';
import { makeDevice, startHub, type Hub } from '../helpers/syncRig.js';
import { bundledWorker } from '../helpers/workerBundle.js';
import { ensureSite } from '../../bench/siteApproval.js';

t.setTimeout(5 * 60_000);

const intact = { missing: [], changed: [], unexpected: [], outOfOrder: [] };

/** The counters of a fault where the appliance itself kept running: no skipped numbers, no read sent again under a new number. */
async function checkCountersWithoutApplianceRestart(tt: Tap, hub: Hub, deviceId: string, reads: number): Promise<void> {
  const c = await hub.store.ingestCounters(deviceId);
  tt.equal(c.readsStored, reads, 'each read stored once');
  tt.equal(c.readsReceived, c.readsStored + c.duplicates);
  tt.equal(c.gaps, 0, 'no batch number skipped');
  tt.equal(c.duplicates, c.resentReads, `the ${c.duplicates} duplicates all came in the ${c.resentBatches} batches resent under their own number`);
}
type Tap = import('tap').Test;

t.test('broker restart in the middle of syncing: every read arrives once, intact and in order', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { maxReads: 10 });
  const reads = Array.from({ length: 300 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now(), imageBytes: 4000 }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) >= 30, 10_000);
  const port = Number(new URL(hub.brokerUrl).port);
  await hub.broker!.stop();
  await new Promise((r) => setTimeout(r, 1500));
  const restarted = new EmbeddedBroker({ port, host: '127.0.0.1', store: hub.store, now: Date.now, logger: silentLogger() });
  Object.defineProperty(restarted, 'hubPassword', { value: hub.broker!.hubPassword });
  await restarted.start();
  tt.teardown(() => restarted.stop());
  await eventually(async () => (await device.buffer.stats()).reads === 0, 30_000);
  tt.same(await checkArrival(hub.store, reads.map(contentOf)), intact);
  await checkCountersWithoutApplianceRestart(tt, hub, device.deviceId, 300);
});

t.test('hub down for a while, then back: the appliance buffers, retries, and everything arrives once, intact and in order', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { maxReads: 10 });
  await device.uplink.start();
  await hub.ingest.stop();
  const reads = Array.from({ length: 50 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  for (const r of reads) await device.buffer.append(r);
  // Down for 5 s here (minutes in the field: the backoff caps at maxMs and keeps trying).
  await new Promise((r) => setTimeout(r, 5000));
  tt.equal(await hub.store.countReads(), 0);
  tt.ok(device.uplink.stats.retries > 0, `${device.uplink.stats.retries} resends while the hub was down`);
  tt.equal((await device.buffer.stats()).reads, 50, 'nothing left the appliance unacknowledged');
  await hub.ingest.start();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 20_000);
  tt.same(await checkArrival(hub.store, reads.map(contentOf)), intact);
  await checkCountersWithoutApplianceRestart(tt, hub, device.deviceId, 50);
  tt.ok((await hub.store.ingestCounters(device.deviceId)).resentBatches > 0, 'the resends queued while the hub was down came in as resent batches');
});

const READY_TIMEOUT_MS = 60_000;

t.test('appliance killed with SIGKILL in the middle of sync, again and again: every appended read arrives once, intact and in order', async (tt) => {
  const hub = await startHub(tt);
  const dir = await tempDir(tt, 'alpr-sync-fault-');
  const keys = newSigningKeys();
  const deviceId = 'pole-killed';
  await ensureSite(hub.store, 'site-1');
  await hub.store.upsertDevice({ deviceId, publicKey: rawPublicKey(keys.publicKey), siteId: 'site-1', status: 'active', enrolledAt: Date.now() });
  await writePrivateKey(join(dir, 'device.pem'), keys.privateKey);
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  await writeFile(join(dir, 'hub.json'), JSON.stringify({ seal: publicKeyPem(hub.keys.seal.publicKey), sealKeyId: hub.keys.seal.keyId, verify: publicKeyPem(hub.keys.sign.publicKey) }));
  const worker = await bundledWorker(tt, new URL('./uplinkWorker.ts', import.meta.url));
  /** One appliance run: how it ended, and whether it ever said it was ready (a worker that never is gets killed and reported). */
  const run = (mode: 'work' | 'drain', killAfterMs?: number) => new Promise<{ code: number | null; signal: string | null; ready: boolean; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...worker, dir, hub.brokerUrl, deviceId, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let ready = false;
    let stderr = '';
    const notReady = setTimeout(() => child.kill('SIGKILL'), READY_TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      if (ready || !String(d).includes('ready')) return;
      ready = true;
      clearTimeout(notReady);
      if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(notReady);
      resolve({ code, signal, ready, stderr });
    });
  });
  const kills = 12;
  for (let i = 0; i < kills; i++) {
    const end = await run('work', 200 + Math.random() * 600);
    if (!end.ready || end.signal !== 'SIGKILL') {
      tt.fail(`appliance run ${i + 1} ${end.ready ? `ended by itself (code ${end.code})` : `never became ready (code ${end.code}, signal ${end.signal})`}: ${end.stderr.trim()}`);
      return;
    }
  }
  const drained = await run('drain');
  tt.same({ ready: drained.ready, code: drained.code }, { ready: true, code: 0 }, `the last run drains the buffer ${drained.stderr.trim()}`);

  const journal = (await readFile(join(dir, 'journal.log'), 'utf8')).split('\n');
  const appended = new Set(journal.filter((l) => l.startsWith('A ')).map((l) => l.slice(2)));
  // A kill inside the write of a T line leaves it torn (its append never started): it is skipped.
  const attempted: ReadContent[] = journal.filter((l) => l.startsWith('T ')).flatMap((l) => {
    try {
      return [JSON.parse(l.slice(l.indexOf(' ', 2) + 1)) as ReadContent];
    } catch {
      return [];
    }
  });
  const atHub = new Set(await hub.store.allReadIds());
  // An append cut short by the kill may or may not have stored the read; one that returned must arrive.
  const captured = attempted.filter((c) => appended.has(c.id) || atHub.has(c.id));
  tt.same(await checkArrival(hub.store, captured), intact, 'every appended read arrived with the content it was captured with, in capture order');
  tt.same([...atHub].filter((id) => !attempted.some((c) => c.id === id)), [], 'nothing the appliance did not make');

  const c = await hub.store.ingestCounters(deviceId);
  tt.equal(c.readsStored, captured.length, 'each read stored once');
  tt.equal(c.readsReceived, c.readsStored + c.duplicates);
  // A kill can cost at most the batch number it had saved but not yet sent, and can make the
  // next run send again at most the one batch (20 reads) in flight under a new number.
  tt.ok(c.missingSequences <= kills, `${c.missingSequences} batch numbers skipped, at most one per kill`);
  tt.ok(c.duplicates - c.resentReads <= kills * 20, `${c.duplicates - c.resentReads} reads sent again under a new number, at most one batch per kill`);
  tt.ok(appended.size > kills * 5, `${appended.size} reads across ${kills} kills`);
});
