import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS } from '../../../firmware/index.js';
import { captureLogger, makeRead } from '../../helpers/index.js';

/** A 3 MB tmpfs stands in for an SD card that fills up; mounting one needs root. */
function mountSmallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'alpr-fulldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

t.test('a full disk gives a typed error and, once space is freed, nothing append() had confirmed is lost', async (tt) => {
  const dir = mountSmallDisk();
  if (!dir) {
    tt.comment('skipped: mounting a small tmpfs needs root (the budget-based capacity test still runs)');
    return;
  }
  tt.teardown(() => {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  const key = newDataKey();
  const open = async () => {
    const b = new ReadBuffer({ path: join(dir, 'buffer'), keys: [key], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 60_000, clock: systemClock, logger: captureLogger().logger });
    await b.open();
    return b;
  };
  const buffer = await open();
  const confirmed: string[] = [];
  let failure: unknown = null;
  for (let i = 0; i < 400 && !failure; i++) {
    const read = makeRead({ imageBytes: 30_000, capturedAt: Date.now() });
    try {
      await buffer.append(read);
      confirmed.push(read.id);
    } catch (err) {
      failure = err;
    }
  }
  tt.ok(failure, `the disk filled after ${confirmed.length} reads`);
  tt.match(failure, { name: 'AlprError', code: /^ALPR_ERR_BUFFER_(FULL|IO)$/ });
  await buffer.close().catch(() => undefined);
  // LevelDB needs room to reopen; a typed error says so until space is freed.
  await tt.rejects(open(), { code: 'ALPR_ERR_BUFFER_IO' });
  execFileSync('mount', ['-o', 'remount,size=16m', dir]);
  const again = await open();
  const held = new Set<string>();
  for await (const r of again.readAll()) held.add(r.id);
  tt.same(confirmed.filter((id) => !held.has(id)), [], 'every confirmed read is still there');
  await again.close().catch(() => undefined);
});
