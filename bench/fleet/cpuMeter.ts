import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/** CPU seconds (user + system) a process has used so far, or null when it is gone. */
export async function cpuSecondsOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

/** Processes whose command line contains `text` (to find an Erlang VM by its node name). */
export async function pidsMatching(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text) && Number(entry) !== process.pid) pids.push(Number(entry));
  }
  return pids;
}

/**
 * CPU time by part of the system (hub processes, broker nodes, PostgreSQL backends), sampled while
 * a benchmark runs: each process's latest reading is kept, so a process that is killed or ends
 * still counts what it used up to the last sample before it went.
 */
export class CpuMeter {
  private readonly seen = new Map<string, Map<number, number>>();

  constructor(private readonly parts: Record<string, () => Promise<number[]> | number[]>) {}

  async sample(): Promise<void> {
    for (const [part, pidsOf] of Object.entries(this.parts)) {
      const seen = this.seen.get(part) ?? new Map<number, number>();
      this.seen.set(part, seen);
      for (const pid of await pidsOf()) {
        const seconds = await cpuSecondsOf(pid);
        if (seconds !== null) seen.set(pid, seconds);
      }
    }
  }

  /** CPU seconds per part since `since` (an earlier totals()), or since the processes started. */
  totals(since: Record<string, number> = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const part of Object.keys(this.parts)) {
      const used = [...(this.seen.get(part)?.values() ?? [])].reduce((a, b) => a + b, 0);
      out[part] = Math.round((used - (since[part] ?? 0)) * 10) / 10;
    }
    return out;
  }
}
