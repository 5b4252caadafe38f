import type { Clock } from '../core/index.js';

/**
 * The hub's time as the appliance knows it: learned from the hub's signed acks and config pushes
 * and carried forward on the monotonic clock, so it is right even when the appliance's wall clock
 * is hours off or started at 1970 (a dead RTC). Unknown until the hub has been heard from in this
 * run: a restart forgets it, since an unset RTC makes any saved offset meaningless.
 */
/**
 * How long the highest estimate stands. A message the hub stamped cannot arrive before it was sent,
 * so each stamp is a lower bound on the hub's clock and the highest one is the best; an ack held
 * up in a broker that restarted arrives seconds late and would pull the time back (reads stamped
 * seconds early). A lower estimate is taken only once the highest is this old, so a hub clock that
 * was stepped back is followed within minutes (device and hub clocks drift apart by well under a
 * second in that time).
 */
const BEST_ESTIMATE_MS = 10 * 60_000;

export class HubTime {
  private offsetMs: number | null = null;
  private learnedAt = 0;

  constructor(private readonly clock: Clock) {}

  /**
   * Takes one stamp from the hub. Only a `fresh` one (an ack to the envelope in flight, which
   * cannot be older than that envelope) may lower the estimate: a config push carries nothing that
   * dates it, and one recorded weeks ago and replayed would otherwise turn the time back by weeks.
   */
  learn(hubMs: number, fresh = true): void {
    if (!Number.isFinite(hubMs) || hubMs <= 0) return;
    const mono = this.clock.monotonic();
    const offset = hubMs - mono;
    if (this.offsetMs === null || offset >= this.offsetMs || (fresh && mono - this.learnedAt > BEST_ESTIMATE_MS)) {
      this.offsetMs = offset;
      this.learnedAt = mono;
    }
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
