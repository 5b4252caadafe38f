import { AlprError, errorMessage, loggableError, TypedEmitter, type Clock, type Logger } from '../core/index.js';

/** A long-lived part of the appliance. */
export interface Part {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Parts that can fail after start (a stuck stage) report it here. */
  onFailure?(listener: (err: unknown) => void): void;
}

export interface SupervisorOptions {
  maxRestarts: number;
  restartWindowMs: number;
  restartDelayMs: number;
  stopDeadlineMs: number;
  clock: Clock;
  logger: Logger;
}

interface Entry {
  name: string;
  part: Part;
  started: boolean;
  restarts: number[];
  restarting: boolean;
}

type SupervisorEvents = {
  partRestarted: [name: string, attempt: number];
  /** A part failed more often than the budget allows: the process should exit non-zero. */
  restartBudgetExhausted: [error: AlprError];
};

/**
 * Starts parts in order, restarts a failed part within a budget (N restarts per window; beyond it
 * the process gives up so systemd can restart it from scratch), and stops parts in reverse order
 * within a deadline.
 */
export class Supervisor extends TypedEmitter<SupervisorEvents> {
  private readonly entries: Entry[] = [];
  private stopping = false;

  constructor(private readonly ctx: SupervisorOptions) {
    super();
  }

  add(name: string, part: Part): void {
    const entry: Entry = { name, part, started: false, restarts: [], restarting: false };
    part.onFailure?.((err) => this.failed(entry, err));
    this.entries.push(entry);
  }

  /** Starts every part in order; a part that fails to start is retried within its budget. */
  async start(): Promise<void> {
    for (const entry of this.entries) {
      if (this.stopping) return;
      await this.startWithRetry(entry);
    }
  }

  /** Stops started parts in reverse order. Rejects with ALPR_ERR_STOP_DEADLINE if it overran. */
  async stop(): Promise<void> {
    this.stopping = true;
    const deadline = this.ctx.clock.monotonic() + this.ctx.stopDeadlineMs;
    const late: string[] = [];
    for (const entry of [...this.entries].reverse()) {
      if (!entry.started) continue;
      const left = deadline - this.ctx.clock.monotonic();
      const stopped = await this.withDeadline(entry.part.stop(), Math.max(0, left));
      entry.started = false;
      if (stopped === 'timeout') late.push(entry.name);
      else if (stopped instanceof Error) this.ctx.logger.warn({ part: entry.name, err: stopped }, 'part failed while stopping');
    }
    if (late.length) {
      throw new AlprError('ALPR_ERR_STOP_DEADLINE', `parts did not stop within ${this.ctx.stopDeadlineMs} ms: ${late.join(', ')}`, { details: { parts: late } });
    }
  }

  private async startWithRetry(entry: Entry): Promise<void> {
    for (;;) {
      try {
        await entry.part.start();
        entry.started = true;
        this.ctx.logger.info({ part: entry.name }, 'part started');
        return;
      } catch (err) {
        this.ctx.logger.error({ part: entry.name, err: loggableError(err) }, 'part failed to start');
        // A typed error that says a retry cannot help (a missing replay folder, a bad config) is
        // the root cause to report, not something to spend the restart budget on.
        if (err instanceof AlprError && !err.retryable) throw err;
        if (!this.spendRestart(entry, err)) throw this.exhausted(entry, err);
        await this.ctx.clock.sleep(this.ctx.restartDelayMs);
        if (this.stopping) return;
      }
    }
  }

  private failed(entry: Entry, err: unknown): void {
    if (this.stopping || entry.restarting) return;
    this.ctx.logger.error({ part: entry.name, err: errorMessage(err) }, 'part failed');
    if (!this.spendRestart(entry, err)) {
      this.emit('restartBudgetExhausted', this.exhausted(entry, err));
      return;
    }
    entry.restarting = true;
    void (async () => {
      try {
        const stopped = await this.withDeadline(entry.part.stop(), this.ctx.stopDeadlineMs);
        if (stopped === 'timeout') {
          this.emit('restartBudgetExhausted', new AlprError('ALPR_ERR_STOP_DEADLINE', `part ${entry.name} did not stop for its restart`, { cause: err }));
          return;
        }
        entry.started = false;
        await this.ctx.clock.sleep(this.ctx.restartDelayMs);
        if (this.stopping) return;
        await this.startWithRetry(entry);
        this.emit('partRestarted', entry.name, entry.restarts.length);
      } catch (restartErr) {
        this.emit('restartBudgetExhausted', restartErr instanceof AlprError ? restartErr : this.exhausted(entry, restartErr));
      } finally {
        entry.restarting = false;
      }
    })();
  }

  /** Records a restart; false when the budget for the window is spent. */
  private spendRestart(entry: Entry, _err: unknown): boolean {
    const now = this.ctx.clock.monotonic();
    entry.restarts = entry.restarts.filter((t) => now - t < this.ctx.restartWindowMs);
    if (entry.restarts.length >= this.ctx.maxRestarts) return false;
    entry.restarts.push(now);
    return true;
  }

  private exhausted(entry: Entry, cause: unknown): AlprError {
    return new AlprError(
      'ALPR_ERR_SUPERVISOR_RESTART_BUDGET',
      `part ${entry.name} failed more than ${this.ctx.maxRestarts} times in ${this.ctx.restartWindowMs} ms: ${errorMessage(cause)}`,
      { cause, details: { part: entry.name } },
    );
  }

  private async withDeadline(work: Promise<void>, ms: number): Promise<'ok' | 'timeout' | Error> {
    let timer: { cancel(): void } | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = this.ctx.clock.setTimeout(() => resolve('timeout'), ms)));
    try {
      return await Promise.race([work.then(() => 'ok' as const, (e: unknown) => (e instanceof Error ? e : new Error(String(e)))), timeout]);
    } finally {
      timer?.cancel();
    }
  }
}
