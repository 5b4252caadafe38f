import t from 'tap';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../core/index.js';
import { newDataKey, writeDataKey } from '../../firmware/index.js';
import { EmbeddedBroker } from '../../hub/index.js';
import { newSigningKeys, publicKeyPem, rawPublicKey, writePrivateKey } from '../../sync/index.js';
import { eventually, makeRead, tempDir } from '../helpers/index.js';
import { makeDevice, startHub } from '../helpers/syncRig.js';

t.setTimeout(5 * 60_000);

t.test('broker restart in the middle of syncing: every read arrives exactly once', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { maxReads: 10 });
  const reads = Array.from({ length: 300 }, () => makeRead({ siteId: 'site-1', capturedAt: Date.now(), imageBytes: 4000 }));
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
  tt.equal(await hub.store.countReads(), 300);
  tt.same((await hub.store.allReadIds()).sort(), reads.map((r) => r.id).sort());
});

t.test('hub down for a while, then back: the appliance buffers, retries, and everything arrives once', async (tt) => {
  const hub = await startHub(tt);
  const device = await makeDevice(tt, hub, { maxReads: 10 });
  await device.uplink.start();
  await hub.ingest.stop();
  const reads = Array.from({ length: 50 }, () => makeRead({ siteId: 'site-1', capturedAt: Date.now() }));
  for (const r of reads) await device.buffer.append(r);
  // Down for 5 s here (minutes in the field: the backoff caps at maxMs and keeps trying).
  await new Promise((r) => setTimeout(r, 5000));
  tt.equal(await hub.store.countReads(), 0);
  tt.ok(device.uplink.stats.retries > 0, `${device.uplink.stats.retries} resends while the hub was down`);
  tt.equal((await device.buffer.stats()).reads, 50, 'nothing left the appliance unacknowledged');
  await hub.ingest.start();
  await eventually(async () => (await device.buffer.stats()).reads === 0, 20_000);
  tt.same((await hub.store.allReadIds()).sort(), reads.map((r) => r.id).sort());
});

t.test('appliance killed with SIGKILL in the middle of sync, again and again: every appended read arrives once', async (tt) => {
  const hub = await startHub(tt);
  const dir = await tempDir(tt, 'alpr-sync-fault-');
  const keys = newSigningKeys();
  const deviceId = 'pole-killed';
  await hub.store.upsertDevice({ deviceId, publicKey: rawPublicKey(keys.publicKey), siteId: 'site-1', status: 'active', enrolledAt: Date.now() });
  await writePrivateKey(join(dir, 'device.pem'), keys.privateKey);
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  await writeFile(join(dir, 'hub.json'), JSON.stringify({ seal: publicKeyPem(hub.keys.seal.publicKey), sealKeyId: hub.keys.seal.keyId, verify: publicKeyPem(hub.keys.sign.publicKey) }));
  const worker = fileURLToPath(new URL('./uplinkWorker.ts', import.meta.url));
  const run = (mode: 'work' | 'drain', killAfterMs?: number) => new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, hub.brokerUrl, deviceId, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => {
      if (killAfterMs !== undefined && String(d).includes('ready')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code) => resolve(code));
  });
  const kills = 12;
  for (let i = 0; i < kills; i++) await run('work', 200 + Math.random() * 600);
  tt.equal(await run('drain'), 0, 'the last run drains the buffer');
  const journal = (await readFile(join(dir, 'journal.log'), 'utf8')).split('\n');
  const appended = new Set(journal.filter((l) => l.startsWith('A ')).map((l) => l.slice(2)));
  const attempted = new Set(journal.filter((l) => l.startsWith('T ')).map((l) => l.slice(2)));
  const atHub = await hub.store.allReadIds();
  tt.equal(new Set(atHub).size, atHub.length, 'no read stored twice');
  tt.same([...appended].filter((id) => !atHub.includes(id)), [], 'every appended read reached the hub');
  tt.same(atHub.filter((id) => !attempted.has(id)), [], 'nothing the appliance did not make');
  tt.ok(appended.size > kills * 5, `${appended.size} reads across ${kills} kills`);
});
