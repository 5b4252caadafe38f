import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDataKey, writeDataKey, type RotationStep } from '../../firmware/index.js';
import { CutFs, cutFsUnavailable } from './cutFs.js';
import { DAMAGE_KINDS } from './damageKinds.js';
import type { Verdict } from './powerCutWorker.js';

const WORKER = fileURLToPath(new URL('./powerCutWorker.ts', import.meta.url));
/** Cut points inside a key rotation: the worker kills itself right after each step, then the power goes. */
const ROTATION_STEPS: RotationStep[] = ['nextKeyWritten', 'reencryptedBatch', 'reencrypted', 'oldKeySetAside', 'nextKeyInPlace', 'oldKeyShredded'];

export interface PowerCutReport {
  power_cuts: number;
  lost_acked: number;
  corrupt_readable: number;
  /** Reads that came back after their markSynced() resolved. */
  resurrected: number;
  /** Cuts right after a key rotation step (random cuts may fall inside rotations too). */
  rotation_cuts: number;
  /** Cuts in a mount during which LevelDB wrote table files (memtable flushes and compactions). */
  compaction_cuts: number;
  appended: number;
  lost_unsynced_bytes: number;
  /** Damage kinds applied to the store after the cuts (each must still open, nothing corrupt). */
  damage_checks: number;
  problems: string[];
}

interface WorkerRun { verdict: Verdict | null; unreadable: string | null; stderr: string; signal: string | null; code: number | null }

/** Runs the worker until `killAfterMs` past its verdict (null: verify only), or until it kills itself. */
function runWorker(worker: readonly string[], dataDir: string, journal: string, killAfterMs: number | null, killStep?: RotationStep): Promise<WorkerRun> {
  return new Promise((resolve) => {
    const args = [...worker, dataDir, journal, killAfterMs === null ? 'verify' : 'work', ...(killStep ? [killStep] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let verdict: Verdict | null = null;
    let unreadable: string | null = null;
    // The bound on a run: a worker that neither reports nor dies is killed (counted as a problem).
    const hardStop = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      const line = stdout.split('\n')[0];
      if (verdict || unreadable || !stdout.includes('\n') || !line) return;
      const parsed = JSON.parse(line) as Verdict | { unreadable: string };
      if ('unreadable' in parsed) unreadable = parsed.unreadable;
      else verdict = parsed;
      if (killAfterMs !== null && !killStep) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(hardStop);
      resolve({ verdict, unreadable, stderr, signal, code });
    });
  });
}

/**
 * Power cuts under a working buffer: a worker appends, acknowledges batches and rotates the data
 * key on a filesystem that loses every write not fsynced when the power goes (cutfs.py); it is
 * killed, the power is cut, and the next worker checks that every acknowledged read survived,
 * nothing synced came back and the store opens with nothing corrupt. Cuts fall at random moments
 * (LevelDB's compactions included: its memtable is 64 KiB here) and, every other cut, right after
 * a step of a key rotation, the steps in turn.
 */
export async function powerCutRun(opts: {
  cuts?: number;
  damage?: boolean;
  log?: (line: string) => void;
  /** The node arguments that run powerCutWorker.ts: through tsx unless given (the fault test passes a prebuilt bundle, quicker to start). */
  worker?: readonly string[];
} = {}): Promise<PowerCutReport> {
  const unavailable = cutFsUnavailable();
  if (unavailable) throw new Error(`power cuts cannot run here: ${unavailable}`);
  const cuts = opts.cuts ?? 40;
  const worker = opts.worker ?? ['--import', 'tsx', WORKER];
  const root = await mkdtemp(join(tmpdir(), 'alpr-power-cut-'));
  const store = join(root, 'store');
  const mnt = join(root, 'mnt');
  const journal = join(root, 'journal.log');
  await mkdir(store);
  await mkdir(mnt);
  const report: PowerCutReport = { power_cuts: 0, lost_acked: 0, corrupt_readable: 0, resurrected: 0, rotation_cuts: 0, compaction_cuts: 0, appended: 0, lost_unsynced_bytes: 0, damage_checks: 0, problems: [] };
  const judge = (i: number, run: WorkerRun) => {
    if (run.unreadable !== null) {
      report.corrupt_readable++;
      report.problems.push(`after cut ${i}: the store cannot be opened: ${run.unreadable}`);
    } else if (!run.verdict) {
      report.problems.push(`after cut ${i}: the worker gave no verdict: ${run.stderr.trim().slice(0, 500) || `exit ${run.code} ${run.signal}`}`);
    } else {
      report.lost_acked += run.verdict.lostAcked;
      report.resurrected += run.verdict.resurrected;
      if (run.verdict.corruptRecords > 0 || run.verdict.problems.some((p) => p.includes('bookkeeping') || p.includes('twice'))) report.corrupt_readable++;
      for (const p of run.verdict.problems) report.problems.push(`after cut ${i}: ${p}`);
    }
  };
  try {
    let fs = await CutFs.mount(store, mnt);
    await writeDataKey(join(mnt, 'data.key'), newDataKey());
    for (let i = 1; i <= cuts; i++) {
      // Every other cut falls right after a rotation step, the steps in turn; the rest at random.
      const killStep = i % 2 === 0 ? ROTATION_STEPS[(i / 2 - 1) % ROTATION_STEPS.length] : undefined;
      const run = await runWorker(worker, mnt, journal, 30 + Math.floor(Math.random() * 400), killStep);
      if (i > 1) judge(i - 1, run);
      if (run.signal !== 'SIGKILL' && run.unreadable === null) report.problems.push(`run ${i} ended without being killed: ${run.stderr.trim().slice(0, 500)}`);
      const stats = await fs.cut();
      report.power_cuts++;
      report.lost_unsynced_bytes += stats.lost_bytes;
      if (stats.tables_created > 0) report.compaction_cuts++;
      if (killStep) report.rotation_cuts++;
      opts.log?.(`cut ${i}${killStep ? ` after ${killStep}` : ''}: ${JSON.stringify(stats)}`);
      fs = await CutFs.mount(store, mnt);
      if (report.problems.length > 20) break;
    }
    const final = await runWorker(worker, mnt, journal, null);
    judge(report.power_cuts, final);
    // Then LevelDB's own files are damaged, one way after another: the store must still open
    // (repaired, or set aside for a fresh one) with nothing corrupt. Reads a damaged table takes
    // are not counted as lost acknowledged reads: no fsync could have kept them.
    for (const [kind, damage] of Object.entries(opts.damage === false ? {} : DAMAGE_KINDS)) {
      await damage(join(mnt, 'buffer'));
      const run = await runWorker(worker, mnt, journal, null);
      report.damage_checks++;
      if (run.unreadable !== null || !run.verdict || run.verdict.corruptRecords > 0) {
        report.corrupt_readable++;
        report.problems.push(`after damage (${kind}): ${run.unreadable ?? (run.verdict ? `${run.verdict.corruptRecords} corrupt records` : run.stderr.trim().slice(0, 500))}`);
      }
    }
    await fs.cut();
    report.appended = (await readFile(journal, 'utf8')).split('\n').filter((l) => l.startsWith('A ')).length;
    return report;
  } finally {
    // After a failure part-way the mount may still be up: a lazy unmount lets the folder go.
    spawnSync('fusermount', ['-uz', mnt]);
    await rm(root, { recursive: true, force: true });
  }
}

/** The figures the fault benchmark reports (bench/faults): cuts, then each kind of damage. */
export async function runPowerCuts(opts?: { cuts?: number }): Promise<{ power_cuts: number; lost_acked: number; corrupt_readable: number }> {
  const r = await powerCutRun(opts);
  return { power_cuts: r.power_cuts, lost_acked: r.lost_acked, corrupt_readable: r.corrupt_readable };
}
