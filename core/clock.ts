/**
 * Time comes from an injected clock so that 30-day retention, debounce, hold-off and lockout
 * logic can be tested in milliseconds. Parts never call Date.now() or setTimeout directly.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Wall-clock milliseconds since the epoch (may jump: NTP, RTC battery). */
  now(): number;
  /** Monotonic milliseconds for measuring intervals; never goes backwards. */
  monotonic(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  setInterval(fn: () => void, ms: number): TimerHandle;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(t) };
  },
  setInterval(fn, ms) {
    const t = setInterval(fn, ms);
    return { cancel: () => clearInterval(t) };
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface ManualTimer {
  id: number;
  due: number;
  fn: () => void;
  every?: number;
}

/**
 * A clock whose time moves only when told to. It is used by tests and by the benchmarks; wall
 * time can be set independently of monotonic time to model a clock that jumps.
 */
export class ManualClock implements Clock {
  private mono = 0;
  private wallOffset: number;
  private timers: ManualTimer[] = [];
  private nextId = 1;

  constructor(startWallMs = Date.UTC(2026, 0, 1)) {
    this.wallOffset = startWallMs;
  }

  now(): number {
    return this.wallOffset + this.mono;
  }

  monotonic(): number {
    return this.mono;
  }

  /** Jumps the wall clock without moving monotonic time or firing timers. */
  setWall(ms: number): void {
    this.wallOffset = ms - this.mono;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, Math.max(1, ms));
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.add(resolve, ms));
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.mono + ms;
    for (;;) {
      const next = this.timers.reduce<ManualTimer | undefined>((a, t) => (t.due <= target && (!a || t.due < a.due) ? t : a), undefined);
      if (!next) break;
      this.mono = next.due;
      if (next.every !== undefined) next.due += next.every;
      else this.timers = this.timers.filter((t) => t !== next);
      next.fn();
    }
    this.mono = target;
  }

  /** Like advance(), but lets promise callbacks run between timers. */
  async advanceAsync(ms: number, stepMs = ms): Promise<void> {
    let left = ms;
    while (left > 0) {
      const step = Math.min(stepMs, left);
      this.advance(step);
      left -= step;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private add(fn: () => void, ms: number, every?: number): TimerHandle {
    const timer: ManualTimer = { id: this.nextId++, due: this.mono + Math.max(0, ms), fn, ...(every ? { every } : {}) };
    this.timers.push(timer);
    return { cancel: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }
}
