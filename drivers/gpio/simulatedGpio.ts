import { AlprError } from '../../core/index.js';
import { checkDuty, PinRegistry } from './pinRegistry.js';
import type { GpioChip, GpioPin, InputOptions, Level, OutputOptions } from './types.js';

interface SimPinState {
  level: Level;
  duty: number | null;
  listeners: Set<(value: Level) => void>;
}

/**
 * A GPIO chip in memory. Inputs are driven by whoever holds the chip (tests, the demo's traffic
 * generator); outputs record their level and PWM duty so that tests can see what the appliance
 * did to the hardware. `faultyPins` makes opens fail the way a pin claimed by another process
 * does on a real board.
 */
export class SimulatedGpioChip implements GpioChip {
  readonly kind = 'simulated' as const;
  private readonly state = new Map<number, SimPinState>();
  private readonly registry = new PinRegistry<GpioPin>('simulated GPIO');

  constructor(private readonly options: { pinCount?: number; faultyPins?: number[] } = {}) {}

  async openInput(pin: number, options: InputOptions = {}): Promise<GpioPin> {
    this.checkOpen(pin);
    const untouched = !this.state.has(pin);
    const state = this.stateOf(pin);
    // A pull-up holds an undriven input high, as on a real board.
    if (untouched && options.pull === 'up') state.level = 1;
    return this.registry.add(this.makePin(pin, 'in', false));
  }

  async openOutput(pin: number, options: OutputOptions = {}): Promise<GpioPin> {
    this.checkOpen(pin);
    const state = this.stateOf(pin);
    state.level = options.initial ?? 0;
    state.duty = options.pwm ? 0 : null;
    return this.registry.add(this.makePin(pin, 'out', Boolean(options.pwm)));
  }

  async close(): Promise<void> {
    await this.registry.closeAll();
  }

  /** Sets the electrical level on an input, as wiring would. */
  drive(pin: number, level: Level): void {
    const state = this.stateOf(pin);
    if (state.level === level) return;
    state.level = level;
    for (const listener of state.listeners) listener(level);
  }

  /** The level an output was last set to (a PWM pin reads 1 while its duty is above zero). */
  levelOf(pin: number): Level {
    return this.stateOf(pin).level;
  }

  dutyOf(pin: number): number | null {
    return this.stateOf(pin).duty;
  }

  private checkOpen(pin: number): void {
    this.registry.claim(pin);
    const count = this.options.pinCount ?? 64;
    if (pin >= count || this.options.faultyPins?.includes(pin)) {
      throw new AlprError('ALPR_ERR_GPIO_OPEN', `simulated GPIO: pin ${pin} cannot be opened`, { details: { pin } });
    }
  }

  private stateOf(pin: number): SimPinState {
    let state = this.state.get(pin);
    if (!state) {
      state = { level: 0, duty: null, listeners: new Set() };
      this.state.set(pin, state);
    }
    return state;
  }

  private makePin(pin: number, direction: 'in' | 'out', supportsPwm: boolean): GpioPin {
    const state = this.stateOf(pin);
    const own = new Set<(value: Level) => void>();
    let closed = false;
    const ensureOpen = () => {
      if (closed) throw new AlprError('ALPR_ERR_GPIO_IO', `simulated GPIO: pin ${pin} is closed`, { details: { pin } });
    };
    return {
      pin,
      direction,
      supportsPwm,
      read: async () => {
        ensureOpen();
        return state.level;
      },
      write: async (value) => {
        ensureOpen();
        if (direction !== 'out') throw new AlprError('ALPR_ERR_GPIO_IO', `simulated GPIO: pin ${pin} is an input`, { details: { pin } });
        state.level = value;
        if (state.duty !== null) state.duty = value;
      },
      pwm: async (duty) => {
        ensureOpen();
        if (!supportsPwm) throw new AlprError('ALPR_ERR_GPIO_UNSUPPORTED', `simulated GPIO: pin ${pin} was not opened for PWM`, { details: { pin } });
        state.duty = checkDuty(duty);
        state.level = duty > 0 ? 1 : 0;
      },
      onChange: (listener) => {
        ensureOpen();
        own.add(listener);
        state.listeners.add(listener);
        return () => {
          own.delete(listener);
          state.listeners.delete(listener);
        };
      },
      close: async () => {
        if (closed) return;
        closed = true;
        for (const listener of own) state.listeners.delete(listener);
        this.registry.release(pin);
      },
    };
  }
}
