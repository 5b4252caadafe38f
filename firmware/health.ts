import { readFile, statfs } from 'node:fs/promises';
import { TypedEmitter, type Clock, type Logger } from '../core/index.js';

export interface HealthStatus {
  at: number;
  uptimeS: number;
  cpuTemperatureC: number | null;
  diskFreeBytes: number | null;
  queues: { capture: number; recognize: number };
  counters: Record<string, number | null>;
  lastReadAt: number | null;
  tamper: { open: boolean; openings: number } | null;
  lightMode: string | null;
  illuminator: { dutyCycle: number; refusals: number } | null;
  /** Conditions someone must look at (a damaged read buffer store); empty when all is well. */
  alarms: string[];
  /** Extra sections other parts contribute (the read buffer adds oldest-read age and data loss). */
  [section: string]: unknown;
}

/** A part that adds to the status: returns a section name and its facts, and any `alarms` it raises. */
export type HealthSource = () => Promise<Record<string, unknown>> | Record<string, unknown>;

export interface HealthMonitorOptions {
  intervalMs: number;
  dataDir: string;
  /** Where the SoC reports its temperature (Raspberry Pi and Jetson both use thermal_zone0). */
  thermalZonePath?: string;
  sources: HealthSource[];
  clock: Clock;
  logger: Logger;
}

type HealthEvents = { healthReported: [status: HealthStatus] };

/**
 * Collects a periodic status, logs it, and hands it to whoever publishes it (sync sends it as the
 * retained DeviceStatus message).
 */
export class HealthMonitor extends TypedEmitter<HealthEvents> {
  private timer: { cancel(): void } | null = null;
  private readonly startedAt: number;
  private last: HealthStatus | null = null;

  constructor(private readonly ctx: HealthMonitorOptions) {
    super();
    this.startedAt = ctx.clock.monotonic();
  }

  get latest(): HealthStatus | null {
    return this.last;
  }

  async start(): Promise<void> {
    this.timer = this.ctx.clock.setInterval(() => {
      this.report().catch((err: unknown) => this.ctx.logger.warn({ err }, 'health report failed'));
    }, this.ctx.intervalMs);
  }

  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
  }

  async collect(): Promise<HealthStatus> {
    const status: HealthStatus = {
      at: this.ctx.clock.now(),
      uptimeS: Math.round((this.ctx.clock.monotonic() - this.startedAt) / 1000),
      cpuTemperatureC: await this.cpuTemperature(),
      diskFreeBytes: await this.diskFree(),
      queues: { capture: 0, recognize: 0 },
      counters: {},
      lastReadAt: null,
      tamper: null,
      lightMode: null,
      illuminator: null,
      alarms: [],
    };
    for (const source of this.ctx.sources) {
      const { alarms, ...facts } = await source();
      Object.assign(status, facts);
      if (Array.isArray(alarms)) status.alarms.push(...(alarms as string[]));
    }
    return status;
  }

  async report(): Promise<HealthStatus> {
    const status = await this.collect();
    this.last = status;
    if (status.alarms.length > 0) this.ctx.logger.error({ alarms: status.alarms }, 'health alarm');
    this.ctx.logger.info({ health: status }, 'health');
    this.emit('healthReported', status);
    return status;
  }

  private async cpuTemperature(): Promise<number | null> {
    try {
      const milli = Number((await readFile(this.ctx.thermalZonePath ?? '/sys/class/thermal/thermal_zone0/temp', 'utf8')).trim());
      return Number.isFinite(milli) ? milli / 1000 : null;
    } catch {
      return null;
    }
  }

  private async diskFree(): Promise<number | null> {
    try {
      const s = await statfs(this.ctx.dataDir);
      return s.bavail * s.bsize;
    } catch {
      return null;
    }
  }
}
