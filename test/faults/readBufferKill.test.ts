import t from 'tap';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newDataKey, writeDataKey } from '../../firmware/index.js';
import { tempDir } from '../helpers/index.js';
import { bundledWorker } from '../helpers/workerBundle.js';

// 20 by default: each kill restarts a worker (a bundled one, about 0.4 s to start), which first
// checks the whole buffer against the journal, so a start costs more with every kill (3 s on
// average over 40 kills on the loaded CI machine, where the suite must stay under 30 minutes); the
// power-cut test (powerCut.test.ts) is what proves durability. ALPR_FAULT_KILLS=200 for a longer
// run, hence a timeout beyond the default file timeout.
const KILLS = Number(process.env.ALPR_FAULT_KILLS ?? 20);
t.setTimeout(15 * 60_000);

/** Starts the worker; resolves with its exit, killing it `killAfterMs` after it reports ready. */
function runWorker(worker: string[], dir: string, killAfterMs: number | null): Promise<{ code: number | null; signal: string | null; stderr: string; wasReady: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...worker, dir, killAfterMs === null ? 'verify' : 'work'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let wasReady = false;
    // A worker that never says ready is killed and reported (wasReady false), not waited on forever.
    const notReady = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      if (!wasReady && String(d).includes('ready')) {
        wasReady = true;
        clearTimeout(notReady);
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(notReady);
      resolve({ code, signal, stderr, wasReady });
    });
  });
}

t.test(`the buffer survives ${KILLS} SIGKILLs at random moments: nothing appended lost, nothing synced delivered again`, async (tt) => {
  const dir = await tempDir(tt, 'alpr-fault-');
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  const worker = await bundledWorker(tt, new URL('./bufferWorker.ts', import.meta.url));
  let failures = 0;
  for (let i = 0; i < KILLS; i++) {
    const { signal, stderr, wasReady } = await runWorker(worker, dir, Math.floor(Math.random() * 120));
    if (signal !== 'SIGKILL' || !wasReady) {
      failures++;
      tt.fail(`run ${i}: ${wasReady ? 'ended without being killed' : 'never became ready'} (signal ${signal}): ${stderr.trim()}`);
      break;
    }
  }
  const final = await runWorker(worker, dir, null);
  tt.same({ ready: final.wasReady, code: final.code }, { ready: true, code: 0 }, final.stderr.trim() || 'final check passes');
  tt.equal(failures, 0);
  const journal = await readFile(join(dir, 'journal.log'), 'utf8');
  const appended = journal.split('\n').filter((l) => l.startsWith('A ')).length;
  const synced = journal.split('\n').filter((l) => l.startsWith('S ')).length;
  tt.ok(appended > KILLS, `${appended} appends and ${synced} acknowledged batches across ${KILLS} kills`);
});
