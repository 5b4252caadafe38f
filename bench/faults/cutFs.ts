import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's python, where python3-fusepy installs (a pyenv python3 earlier on PATH lacks it). */
const PYTHON = '/usr/bin/python3';
const CUTFS = fileURLToPath(new URL('./cutfs.py', import.meta.url));

/** What one mount did before its cut, and what the cut dropped (bench/faults/cutfs.py). */
export interface CutStats {
  fsyncs: number;
  renames: number;
  tables_created: number;
  lost_bytes: number;
  lost_names: number;
}

/**
 * Why the power-cut filesystem cannot run here, or null when it can: it needs /dev/fuse,
 * fusermount, and python3-fusepy (`apt-get install -y python3-fusepy fuse3`).
 */
export function cutFsUnavailable(): string | null {
  if (!existsSync('/dev/fuse')) return '/dev/fuse does not exist';
  try {
    accessSync('/dev/fuse', constants.R_OK | constants.W_OK);
  } catch {
    return 'this user cannot open /dev/fuse';
  }
  if (!existsSync(PYTHON)) return `${PYTHON} does not exist`;
  const probe = spawnSync(PYTHON, ['-c', 'try:\n import fusepy\nexcept ImportError:\n import fuse'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'python3-fusepy is not installed (apt-get install -y python3-fusepy fuse3)';
  if (spawnSync('fusermount', ['-V']).status !== 0) return 'fusermount is not installed (apt-get install -y fuse3)';
  return null;
}

const mounted = (mnt: string) => readFileSync('/proc/mounts', 'utf8').split('\n').some((l) => l.split(' ')[1] === mnt);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A mounted cut filesystem; `cut()` unmounts it, which drops every write not fsynced. */
export class CutFs {
  private constructor(private readonly store: string, readonly mountpoint: string, private readonly child: ChildProcess, private readonly stderr: () => string) {}

  static async mount(store: string, mountpoint: string): Promise<CutFs> {
    const child = spawn(PYTHON, ['-W', 'ignore', CUTFS, store, mountpoint], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    const until = Date.now() + 15_000;
    while (!mounted(mountpoint)) {
      if (child.exitCode !== null || Date.now() > until) {
        child.kill('SIGKILL');
        throw new Error(`cutfs did not mount ${mountpoint}: ${stderr.trim() || `exit ${child.exitCode}`}`);
      }
      await sleep(20);
    }
    return new CutFs(store, mountpoint, child, () => stderr);
  }

  /** The power cut: unmounts (every process using the mount must be gone) and waits for the store to be written. */
  async cut(): Promise<CutStats> {
    const exited = new Promise<void>((r) => (this.child.exitCode !== null ? r() : this.child.once('exit', () => r())));
    for (let attempt = 0; ; attempt++) {
      const result = spawnSync('fusermount', ['-u', this.mountpoint], { encoding: 'utf8' });
      if (result.status === 0) break;
      if (attempt >= 50) throw new Error(`fusermount -u ${this.mountpoint}: ${result.stderr.trim()}`);
      await sleep(50);
    }
    await exited;
    const errors = this.stderr().trim();
    if (errors) throw new Error(`cutfs reported errors: ${errors.slice(0, 2000)}`);
    const lines = readFileSync(`${this.store}/cuts.jsonl`, 'utf8').trim().split('\n');
    return JSON.parse(lines.at(-1)!) as CutStats;
  }
}
