import type { Clock } from '../../core/index.js';

/**
 * The stuck-stage watchdog: each stage marks when it starts and finishes an item; a periodic
 * check reports any stage busy on one item for longer than `stuckMs` (a hung camera process, a
 * wedged inference call), once per item.
 */
export class StageWatch {
  private readonly busy = new Map<string, { since: number; reported: boolean }>();
  private timer: { cancel(): void } | null = null;

  constructor(private readonly ctx: { clock: Clock; stuckMs: number }) {}

  async run<T>(stage: string, work: () => Promise<T>): Promise<T> {
    this.busy.set(stage, { since: this.ctx.clock.monotonic(), reported: false });
    try {
      return await work();
    } finally {
      this.busy.delete(stage);
    }
  }

  get allIdle(): boolean {
    return this.busy.size === 0;
  }

  get anyStuck(): boolean {
    return [...this.busy.values()].some((b) => b.reported);
  }

  start(onStuck: (stage: string, busyMs: number) => void): void {
    const every = Math.max(10, Math.floor(this.ctx.stuckMs / 4));
    this.timer = this.ctx.clock.setInterval(() => {
      const now = this.ctx.clock.monotonic();
      for (const [stage, b] of this.busy) {
        if (!b.reported && now - b.since > this.ctx.stuckMs) {
          b.reported = true;
          onStuck(stage, Math.round(now - b.since));
        }
      }
    }, every);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}
