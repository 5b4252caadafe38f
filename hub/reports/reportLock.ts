import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir, open, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { AlprError } from '../../core/index.js';

/** How long a lock may stand before it is taken as left by a process that died mid-write (a report takes seconds). */
export const REPORT_LOCK_STALE_MS = 10 * 60_000;
/** How long a generation waits for another process's before it gives up (ALPR_ERR_CONFLICT). */
export const REPORT_LOCK_WAIT_MS = 3 * 60_000;
const POLL_MS = 100;

/**
 * Runs `work` holding the lock of report `name` in `dir`, across processes: the hub serving
 * requests and its schedule, `alpr-hub report` on the host, or two hubs sharing one reports
 * folder. Two writers at once would interleave their files and manifests, and a manifest would
 * sign files another generation overwrote (`alpr-hub report verify` then fails). The lock is a
 * file created exclusively beside the report (`.NAME.lock`, naming its holder); a process waits
 * while another holds it, takes it over once it is older than REPORT_LOCK_STALE_MS (its holder
 * died mid-write), and gives up after `waitMs`. File times are the file system's, so the wall
 * clock is used, not the hub's.
 */
export async function withReportLock<T>(dir: string, name: string, work: () => Promise<T>, { waitMs = REPORT_LOCK_WAIT_MS, staleMs = REPORT_LOCK_STALE_MS } = {}): Promise<T> {
  await mkdir(dir, { recursive: true, mode: 0o750 });
  const path = join(dir, `.${name}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      const file = await open(path, 'wx', 0o640);
      try {
        await file.writeFile(`${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
      } finally {
        await file.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const held = await stat(path).catch(() => null);
    if (held && Date.now() - held.mtimeMs > staleMs) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > waitMs) {
      throw new AlprError('ALPR_ERR_CONFLICT', `report ${name} is being written by another process (lock ${path}); try again when it is done`);
    }
    await sleep(POLL_MS);
  }
  try {
    return await work();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
