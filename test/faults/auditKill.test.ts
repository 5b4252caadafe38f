import t from 'tap';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../hub/cli.js';
import { runCli } from '../helpers/cliRunner.js';
import { tempDir } from '../helpers/index.js';
import { bundledWorker } from '../helpers/workerBundle.js';

const KILLS = Number(process.env.ALPR_FAULT_KILLS ?? 12);
// Each kill is a process start (of a bundled worker: test/helpers/workerBundle.ts).
t.setTimeout(5 * 60_000);

function runWorker(worker: string[], dataDir: string, auditDir: string, killAfterMs: number): Promise<{ signal: string | null; stderr: string; wasReady: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...worker, dataDir, auditDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let wasReady = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      if (!wasReady && String(d).includes('ready')) {
        wasReady = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('exit', (_code, signal) => resolve({ signal, stderr, wasReady }));
  });
}

t.test(`a hub killed ${KILLS} times mid-append leaves a chain that still verifies against its witness, with every returned append in it`, async (t) => {
  const dataDir = await tempDir(t, 'alpr-fault-hub-');
  const auditDir = await tempDir(t, 'alpr-fault-audit-');
  const worker = await bundledWorker(t, new URL('./auditWorker.ts', import.meta.url));
  const verifyArgs = ['audit', 'verify', '--data', dataDir, '--public-key', join(auditDir, 'audit-key.pem.pub'), '--witness', join(auditDir, 'audit.witness')];
  let failed = 0;
  for (let i = 0; i < KILLS && failed === 0; i++) {
    const { signal, stderr, wasReady } = await runWorker(worker, dataDir, auditDir, 20 + Math.floor(Math.random() * 200));
    if (signal !== 'SIGKILL' || !wasReady) return void t.fail(`run ${i}: ${stderr.trim() || `ended without being killed (${signal})`}`);
    // Straight after each kill, before the next run appends over whatever the kill left.
    const after = await runCli(main, verifyArgs);
    if (after.code !== 0) failed++;
    t.equal(after.code, 0, `after kill ${i + 1}: ${after.out}${after.err}`);
  }
  const verify = await runCli(main, verifyArgs);
  const returned = (await readFile(join(auditDir, 'returned.log'), 'utf8')).trim().split('\n').map(Number);
  t.ok(returned.length > KILLS, `${returned.length} appends returned`);
  t.ok(verify.json().records >= Math.max(...returned), 'every append that returned is in the chain');
  const witness = (await readFile(join(auditDir, 'audit.witness'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
  t.comment(`${witness.filter((l) => l.kind === 'record').length - witness.filter((l) => l.kind === 'commit').length} record(s) witnessed but never confirmed (killed between the two lines)`);
});
