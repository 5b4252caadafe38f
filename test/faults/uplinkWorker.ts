/**
 * Child process for the sync SIGKILL test: an appliance (buffer + uplink) that keeps appending
 * reads and syncing until it is killed. Journal: `T id content` before append (content: what the
 * hub must end up holding, as JSON), `A id` after it returned.
 * With `drain`, it appends nothing and exits once the buffer is empty.
 */
import { readFile } from 'node:fs/promises';
import { createPublicKey, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
// The buffer's own entry, not firmware/index.ts: a worker starts once per kill, and the rest of the
// firmware (recognizer, drivers, sharp) only adds to each start.
import { loadDataKey, ReadBuffer, THIRTY_DAYS_MS } from '../../firmware/buffer/index.js';
import { readPrivateKey, Uplink } from '../../sync/index.js';
import { openJournal } from '../../bench/faults/journal.js';
import { contentOf } from '../helpers/readContent.js';
import { makeRead } from '../helpers/reads.js';

const [dir, brokerUrl, deviceId, mode] = process.argv.slice(2) as [string, string, string, string];
const note = openJournal(join(dir, 'journal.log'));

const hub = JSON.parse(await readFile(join(dir, 'hub.json'), 'utf8')) as { seal: string; sealKeyId: string; verify: string };
const buffer = new ReadBuffer({ path: join(dir, 'buffer'), keys: [await loadDataKey(join(dir, 'data.key'))], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock: systemClock, logger: silentLogger() });
await buffer.open();
const uplink = new Uplink({
  deviceId, brokerUrl, source: buffer, deviceKey: await readPrivateKey(join(dir, 'device.pem')),
  hub: { sealPublicKey: createPublicKey(hub.seal), sealKeyId: hub.sealKeyId, verifyKey: createPublicKey(hub.verify) },
  stateDir: dir, maxReads: 20, maxBytes: 1e6, maxAgeMs: 20, ackTimeoutMs: 1000, backoff: { initialMs: 50, maxMs: 500 }, statusEveryMs: 60_000,
  clock: systemClock, logger: silentLogger(),
});
await uplink.start();
process.stdout.write('ready\n');
if (mode === 'drain') {
  while ((await buffer.stats()).reads > 0) await new Promise((r) => setTimeout(r, 50));
  await uplink.stop();
  await buffer.close();
  process.exit(0);
}
for (;;) {
  const read = makeRead({ siteId: 'site-1', deviceId, capturedAt: Date.now(), imageBytes: 500, crop: randomBytes(120), context: randomBytes(500), confidence: Math.random() });
  note(`T ${read.id} ${JSON.stringify(contentOf(read))}`);
  await buffer.append(read);
  note(`A ${read.id}`);
  await new Promise((r) => setTimeout(r, Math.random() * 10));
}
