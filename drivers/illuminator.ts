import { AlprError, TypedEmitter, type Clock, type Logger } from '../core/index.js';
import type { GpioPin } from './gpio/types.js';

export interface IlluminatorOptions {
  pin: GpioPin;
  /** The driver board switches the LEDs on when the pin is low. */
  activeLow: boolean;
  /** Brightness 0..1 used by on() and strobe(); needs a PWM-capable pin below 1. */
  level: number;
  /** Largest fraction of `dutyWindowMs` the LEDs may be lit (weighted by level). */
  maxDutyCycle: number;
  dutyWindowMs: number;
  /** Lit this long before the exposure starts and after it ends. */
  strobeLeadMs: number;
  strobeTrailMs: number;
  clock: Clock;
  logger: Logger;
}

interface LitInterval {
  from: number;
  to: number | null;
  level: number;
}

type IlluminatorEvents = {
  illuminatorChanged: [lit: boolean, level: number];
  dutyLimitReached: [dutyCycle: number];
};

/**
 * The IR illuminator. High-power IR LEDs overheat when held on, so every on-time is accounted in
 * a sliding window and the guard refuses (or cuts) light beyond `maxDutyCycle`.
 */
export class Illuminator extends TypedEmitter<IlluminatorEvents> {
  private readonly history: LitInterval[] = [];
  private cutoff: { cancel(): void } | null = null;
  private litLevel = 0;
  private refusals = 0;

  constructor(private readonly ctx: IlluminatorOptions) {
    super();
    if (ctx.level < 1 && !ctx.pin.supportsPwm) {
      throw new AlprError('ALPR_ERR_GPIO_UNSUPPORTED', `illuminator level ${ctx.level} needs a PWM pin, pin ${ctx.pin.pin} has none`);
    }
  }

  get isOn(): boolean {
    return this.litLevel > 0;
  }

  get refusedCount(): number {
    return this.refusals;
  }

  /** Lit fraction of the current window, weighted by level. */
  dutyCycle(): number {
    const now = this.ctx.clock.monotonic();
    const from = now - this.ctx.dutyWindowMs;
    this.prune(from);
    let litMs = 0;
    for (const i of this.history) litMs += (Math.min(i.to ?? now, now) - Math.max(i.from, from)) * i.level;
    return Math.max(0, litMs) / this.ctx.dutyWindowMs;
  }

  /** Lights the LEDs at `level`; refuses with ALPR_ERR_ILLUMINATOR_DUTY_LIMIT when the guard is spent. */
  async switchOn(level = this.ctx.level): Promise<void> {
    if (level <= 0) return this.switchOff();
    const budgetMs = this.remainingBudgetMs(level);
    if (budgetMs <= 0) {
      this.refusals++;
      const duty = this.dutyCycle();
      this.emit('dutyLimitReached', duty);
      throw new AlprError('ALPR_ERR_ILLUMINATOR_DUTY_LIMIT', `illuminator duty cycle ${(duty * 100).toFixed(1)}% has reached its ${(this.ctx.maxDutyCycle * 100).toFixed(1)}% limit`, { details: { dutyCycle: duty } });
    }
    if (this.isOn) this.closeInterval();
    await this.drive(level);
    this.history.push({ from: this.ctx.clock.monotonic(), to: null, level });
    this.litLevel = level;
    this.cutoff?.cancel();
    // Held on past the budget (a stuck strobe, an operator test): cut it.
    this.cutoff = this.ctx.clock.setTimeout(() => {
      this.ctx.logger.warn({ dutyCycle: this.dutyCycle() }, 'illuminator cut off by duty-cycle guard');
      this.emit('dutyLimitReached', this.dutyCycle());
      this.switchOff().catch((err: unknown) => this.ctx.logger.error({ err }, 'illuminator cut-off failed'));
    }, budgetMs);
    this.emit('illuminatorChanged', true, level);
  }

  async switchOff(): Promise<void> {
    this.cutoff?.cancel();
    this.cutoff = null;
    const wasOn = this.isOn;
    await this.drive(0);
    if (wasOn) this.closeInterval();
    this.litLevel = 0;
    if (wasOn) this.emit('illuminatorChanged', false, 0);
  }

  /**
   * Lights the scene for the exposure: on `strobeLeadMs` before, off `strobeTrailMs` after. If the
   * guard refuses, the exposure still happens unlit (a dark frame beats a missed vehicle) and
   * `illuminated` says so.
   */
  async strobe<T>(exposure: () => Promise<T>): Promise<{ result: T; illuminated: boolean }> {
    let illuminated = true;
    try {
      await this.switchOn();
    } catch (err) {
      if (!(err instanceof AlprError) || err.code !== 'ALPR_ERR_ILLUMINATOR_DUTY_LIMIT') throw err;
      illuminated = false;
    }
    try {
      if (illuminated && this.ctx.strobeLeadMs > 0) await this.ctx.clock.sleep(this.ctx.strobeLeadMs);
      const result = await exposure();
      if (illuminated && this.ctx.strobeTrailMs > 0) await this.ctx.clock.sleep(this.ctx.strobeTrailMs);
      return { result, illuminated };
    } finally {
      if (illuminated) await this.switchOff();
    }
  }

  private remainingBudgetMs(level: number): number {
    const allowed = this.ctx.maxDutyCycle * this.ctx.dutyWindowMs;
    const used = this.dutyCycle() * this.ctx.dutyWindowMs;
    return (allowed - used) / level;
  }

  private closeInterval(): void {
    const last = this.history[this.history.length - 1];
    if (last && last.to === null) last.to = this.ctx.clock.monotonic();
  }

  private prune(from: number): void {
    while (this.history.length && (this.history[0]!.to ?? Infinity) < from) this.history.shift();
  }

  private async drive(level: number): Promise<void> {
    const { pin, activeLow } = this.ctx;
    if (pin.supportsPwm) await pin.pwm(activeLow ? 1 - level : level);
    else await pin.write((level > 0) !== activeLow ? 1 : 0);
  }
}
