import type { Clock } from '../core/index.js';

/**
 * The hub's time as the appliance knows it: learned from the hub's signed acks and config pushes
 * and carried forward on the monotonic clock, so it is right even when the appliance's wall clock
 * is hours off or started at 1970 (a dead RTC). Unknown until the hub has been heard from in this
 * run: a restart forgets it, since an unset RTC makes any saved offset meaningless.
 */
export class HubTime {
  private offsetMs: number | null = null;

  constructor(private readonly clock: Clock) {}

  learn(hubMs: number): void {
    if (Number.isFinite(hubMs) && hubMs > 0) this.offsetMs = hubMs - this.clock.monotonic();
  }

  get known(): boolean {
    return this.offsetMs !== null;
  }

  /** The hub's clock now, or null when not yet learned. */
  now(): number | null {
    return this.offsetMs === null ? null : Math.round(this.clock.monotonic() + this.offsetMs);
  }

  /** The hub's time when the appliance's wall clock read `deviceMs`, judged by how long ago that was. */
  correct(deviceMs: number, maxAgeMs: number): number | null {
    const hubNow = this.now();
    if (hubNow === null) return null;
    // A capture "in the future" of the device clock (the clock was stepped back, or a restart with an
    // unset RTC) counts as now: the corrected time is never ahead of the hub.
    const age = Math.min(Math.max(0, this.clock.now() - deviceMs), maxAgeMs);
    return hubNow - age;
  }
}
