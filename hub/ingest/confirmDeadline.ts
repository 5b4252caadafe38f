import { AlprError, type Clock, type Logger, type TimerHandle } from '../../core/index.js';

export interface ConfirmDeadlineOptions {
  timeoutMs: number;
  clock: Pick<Clock, 'monotonic' | 'setInterval'>;
  logger: Logger;
  /** Drops the connection, so that the transport moves on to the next node. */
  cut: (error: AlprError) => void;
}

interface Waiting {
  sentAt: number;
  reject: (error: unknown) => void;
}

/**
 * AMQP publisher confirms under a deadline, as PubackDeadline puts MQTT's PUBACKs under one: a
 * node that keeps the connection and its heartbeats but confirms nothing (a memory or disk alarm,
 * a queue leader it cannot reach) would otherwise swallow every ack unnoticed. When a publish has
 * waited `timeoutMs` and no other confirm came meanwhile, each waiting publish fails with
 * ALPR_ERR_SYNC_BROKER_SILENT (its device resends, and gets the ack again) and the connection is
 * cut.
 */
export class ConfirmDeadline {
  private readonly waiting = new Set<Waiting>();
  private lastConfirmAt = 0;
  private timer: TimerHandle | null = null;

  constructor(private readonly ctx: ConfirmDeadlineOptions) {}

  start(): void {
    this.lastConfirmAt = this.ctx.clock.monotonic();
    this.timer = this.ctx.clock.setInterval(() => this.check(), Math.max(100, this.ctx.timeoutMs / 4));
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** A new connection has its own chance: the old one's silence does not count against it. */
  connected(): void {
    this.lastConfirmAt = this.ctx.clock.monotonic();
  }

  /** Publishes through `send` (which calls back on the broker's confirm); resolves on the confirm. */
  publish(send: (confirmed: (err: unknown) => void) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { sentAt: this.ctx.clock.monotonic(), reject };
      this.waiting.add(waiting);
      const confirmed = (err: unknown) => {
        // Already failed by the deadline (amqplib still calls back when the channel closes).
        if (!this.waiting.delete(waiting)) return;
        // amqplib's: 'message nacked', or 'channel closed' with the connection.
        if (err) return reject(err);
        this.lastConfirmAt = this.ctx.clock.monotonic();
        resolve();
      };
      try {
        send(confirmed);
      } catch (err) {
        // A channel that closed meanwhile throws at once.
        this.waiting.delete(waiting);
        reject(err);
      }
    });
  }

  private check(): void {
    if (this.waiting.size === 0) return;
    const now = this.ctx.clock.monotonic();
    const oldest = Math.min(...[...this.waiting].map((w) => w.sentAt));
    if (now - oldest < this.ctx.timeoutMs || now - this.lastConfirmAt < this.ctx.timeoutMs) return;
    const error = new AlprError('ALPR_ERR_SYNC_BROKER_SILENT', `the broker confirmed no publish for ${Math.round((now - this.lastConfirmAt) / 1000)} s; reconnecting (to the next node, if any)`);
    this.ctx.logger.warn({ err: error.toJSON(), waiting: this.waiting.size }, 'broker not answering; connection cut');
    // Not again until the next connection has had its own chance.
    this.lastConfirmAt = now;
    for (const w of [...this.waiting]) {
      this.waiting.delete(w);
      w.reject(error);
    }
    this.ctx.cut(error);
  }
}
