import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Clock, Logger } from '../core/index.js';

const run = promisify(execFile);

export interface SystemdNotifierOptions {
  env: NodeJS.ProcessEnv;
  /** Only ping the watchdog while this says the appliance is making progress. */
  healthy: () => boolean;
  clock: Clock;
  logger: Logger;
  /** The notify tool; systemd ships systemd-notify. Node has no AF_UNIX datagram sockets. */
  command?: string;
}

/**
 * sd_notify for Type=notify units: READY=1 once started, WATCHDOG=1 at half the unit's
 * WatchdogSec while the pipeline is healthy, STOPPING=1 on shutdown. Does nothing outside systemd
 * (NOTIFY_SOCKET unset). The unit sets NotifyAccess=all because the message comes from a child.
 */
export class SystemdNotifier {
  private timer: { cancel(): void } | null = null;

  constructor(private readonly ctx: SystemdNotifierOptions) {}

  get enabled(): boolean {
    return Boolean(this.ctx.env.NOTIFY_SOCKET);
  }

  async start(): Promise<void> {
    if (!this.enabled) return;
    await this.send('READY=1');
    const usec = Number(this.ctx.env.WATCHDOG_USEC);
    if (Number.isFinite(usec) && usec > 0) {
      this.timer = this.ctx.clock.setInterval(() => {
        if (this.ctx.healthy()) void this.send('WATCHDOG=1');
        else this.ctx.logger.warn('pipeline unhealthy: withholding the systemd watchdog ping');
      }, usec / 2000);
    }
  }

  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    if (this.enabled) await this.send('STOPPING=1');
  }

  private async send(message: string): Promise<void> {
    try {
      await run(this.ctx.command ?? 'systemd-notify', [message], { env: this.ctx.env });
    } catch (err) {
      this.ctx.logger.warn({ err, message }, 'systemd-notify failed');
    }
  }
}
