import { TypedEmitter, type Clock, type Logger } from '../core/index.js';
import { solarElevationDeg, SUNSET_ELEVATION_DEG } from './solarPosition.js';

export type LightMode = 'day' | 'night';

/** Ambient light in lux; a digital photo-switch module reports 0 (dark) or its bright value. */
export interface LightSensor {
  readLux(): Promise<number>;
}

export type DayNightSource =
  | { kind: 'sensor'; sensor: LightSensor; nightBelowLux: number; dayAboveLux: number }
  | { kind: 'sun'; latitude: number; longitude: number; nightBelowElevationDeg?: number };

export interface DayNightOptions {
  source: DayNightSource;
  /** How often the source is sampled. */
  pollMs: number;
  /** A new mode must be seen this long before it is adopted (clouds, headlights on the sensor). */
  holdMs: number;
  clock: Clock;
  logger: Logger;
}

type DayNightEvents = { lightModeChanged: [mode: LightMode] };

/**
 * Day/night mode with hysteresis, from an ambient-light sensor (two thresholds plus a hold time)
 * or, where none is fitted, from the sun's elevation at the site's coordinates.
 */
export class DayNight extends TypedEmitter<DayNightEvents> {
  private current: LightMode | null = null;
  private candidate: { mode: LightMode; since: number } | null = null;
  private timer: { cancel(): void } | null = null;

  constructor(private readonly ctx: DayNightOptions) {
    super();
  }

  get mode(): LightMode | null {
    return this.current;
  }

  async start(): Promise<void> {
    // The first sample is adopted at once: there is nothing to be hysteretic about yet.
    this.current = await this.sample(null);
    this.emit('lightModeChanged', this.current);
    this.timer = this.ctx.clock.setInterval(() => {
      this.poll().catch((err: unknown) => this.ctx.logger.warn({ err }, 'ambient light sample failed'));
    }, this.ctx.pollMs);
  }

  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
  }

  /** Takes one sample now (the timer calls this). */
  async poll(): Promise<void> {
    const seen = await this.sample(this.current);
    const now = this.ctx.clock.monotonic();
    if (seen === this.current) {
      this.candidate = null;
      return;
    }
    if (!this.candidate || this.candidate.mode !== seen) this.candidate = { mode: seen, since: now };
    if (now - this.candidate.since >= this.ctx.holdMs) {
      this.current = seen;
      this.candidate = null;
      this.ctx.logger.info({ mode: seen }, 'light mode changed');
      this.emit('lightModeChanged', seen);
    }
  }

  private async sample(current: LightMode | null): Promise<LightMode> {
    const source = this.ctx.source;
    if (source.kind === 'sun') {
      const elevation = solarElevationDeg(this.ctx.clock.now(), source.latitude, source.longitude);
      return elevation < (source.nightBelowElevationDeg ?? SUNSET_ELEVATION_DEG) ? 'night' : 'day';
    }
    const lux = await source.sensor.readLux();
    if (lux < source.nightBelowLux) return 'night';
    if (lux > source.dayAboveLux) return 'day';
    // Between the thresholds nothing changes; a cold start there counts as night (light on).
    return current ?? 'night';
  }
}
