import { createInterface } from 'node:readline';
import { AlprError } from '../core/index.js';
import type { Installation } from './installation.js';

interface HealthLine {
  msg?: string;
  health?: { counters?: { frames?: number; reads?: number }; queues?: { capture: number; recognize: number }; buffer?: { reads?: number } };
}

/**
 * Runs an installation's firmware over the replay camera until it has captured `frames` frames,
 * its queues are empty, its buffer holds nothing unsent and the hub holds every read it made
 * (`readsAtHub`), as its health lines (logged every health.interval_ms) and the hub report; then
 * stops it with SIGTERM, as systemd would. Returns how many reads it made.
 */
export async function runFirmwareOverFrames(inst: Installation, o: { frames: number; readsAtHub: () => Promise<number>; timeoutMs: number; expectReads?: number }): Promise<number> {
  const child = inst.startFirmware();
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let latest: HealthLine['health'] | null = null;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const parsed = JSON.parse(line) as HealthLine;
      if (parsed.msg === 'health' && parsed.health) latest = parsed.health;
    } catch {
      // not a log line of ours (a library's banner): nothing to learn from it
    }
  });
  const deadline = Date.now() + o.timeoutMs;
  let running = true;
  let previous = '';
  void exited.then(() => (running = false));
  try {
    for (;;) {
      if (!running) throw new AlprError('ALPR_ERR_ARM64_CHECK', `${inst.name} firmware exited early:\n${stderr.join('').trim().split('\n').slice(-10).join('\n')}`);
      const h = latest as HealthLine['health'] | null;
      const made = h?.counters?.reads ?? 0;
      // An empty queue does not mean the last burst is read: the recognizer may still hold it (for
      // the better part of a minute under emulation). With the reference's count known, wait for it;
      // the reference itself waits for its counters to hold still over two health lines.
      const settled = o.expectReads === undefined ? JSON.stringify(h?.counters) === previous : made >= o.expectReads;
      previous = JSON.stringify(h?.counters);
      if (h && settled && (h.counters?.frames ?? 0) >= o.frames && h.queues?.capture === 0 && h.queues.recognize === 0 && h.buffer?.reads === 0 && (await o.readsAtHub()) >= made) return made;
      if (Date.now() > deadline) throw new AlprError('ALPR_ERR_ARM64_CHECK', `${inst.name} firmware did not finish ${o.frames} frames within ${o.timeoutMs / 1000} s (last health: ${JSON.stringify(h)})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    if (running) child.kill('SIGTERM');
    await exited;
  }
}
