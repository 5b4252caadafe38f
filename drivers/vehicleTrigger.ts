import { TypedEmitter, type Clock, type Logger } from '../core/index.js';
import { watchEdges } from './gpio/edgeWatcher.js';
import type { GpioPin } from './gpio/types.js';

export type TriggerInputKind = 'loop' | 'radar' | 'beam';

export interface TriggerInput {
  pin: GpioPin;
  kind: TriggerInputKind;
  /** The detector pulls the line low when a vehicle is present (open-collector outputs). */
  activeLow: boolean;
}

export type VehicleTriggerOptions =
  | { mode: 'inputs'; inputs: TriggerInput[]; debounceMs: number; holdOffMs: number; clock: Clock; logger: Logger }
  | { mode: 'free-run'; framesPerSecond: number; clock: Clock; logger: Logger };

export interface VehicleDetected {
  /** Wall-clock time of the trigger. */
  at: number;
  /** Which input fired, or 'free-run'. */
  source: TriggerInputKind | 'free-run';
  /** Running count of vehicles since start. */
  count: number;
}

type TriggerEvents = { vehicleDetected: [event: VehicleDetected] };

/**
 * Turns detector contacts into one event per vehicle: debounced, active-high or active-low, with
 * a hold-off so a loop and a radar seeing the same car (or a trailer) fire once. Sites with no
 * detector run free: an event at a fixed frame rate.
 */
export class VehicleTrigger extends TypedEmitter<TriggerEvents> {
  private count = 0;
  private lastFiredAt = -Infinity;
  private stops: Array<() => void> = [];

  constructor(private readonly ctx: VehicleTriggerOptions) {
    super();
  }

  get vehicleCount(): number {
    return this.count;
  }

  async start(): Promise<void> {
    const ctx = this.ctx;
    if (ctx.mode === 'free-run') {
      const timer = ctx.clock.setInterval(() => this.fire('free-run'), 1000 / ctx.framesPerSecond);
      this.stops.push(() => timer.cancel());
      return;
    }
    for (const input of ctx.inputs) {
      const activeEdge = input.activeLow ? 'falling' : 'rising';
      this.stops.push(watchEdges(input.pin, { edge: activeEdge, debounceMs: ctx.debounceMs, clock: ctx.clock }, () => this.fire(input.kind)));
    }
  }

  async stop(): Promise<void> {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  private fire(source: VehicleDetected['source']): void {
    const now = this.ctx.clock.monotonic();
    if (this.ctx.mode === 'inputs' && now - this.lastFiredAt < this.ctx.holdOffMs) return;
    this.lastFiredAt = now;
    this.count++;
    this.emit('vehicleDetected', { at: this.ctx.clock.now(), source, count: this.count });
  }
}
