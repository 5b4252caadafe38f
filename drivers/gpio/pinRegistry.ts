import { AlprError } from '../../core/index.js';
import type { GpioPin } from './types.js';

/**
 * Tracks the pins one chip has open so that double-opens are refused with a typed error (two
 * parts driving the same illuminator pin is a wiring mistake) and close() releases them all.
 */
export class PinRegistry<P extends GpioPin> {
  private readonly open = new Map<number, P>();

  constructor(private readonly backend: string) {}

  claim(pin: number): void {
    if (!Number.isInteger(pin) || pin < 0) {
      throw new AlprError('ALPR_ERR_GPIO_OPEN', `${this.backend}: pin ${pin} is not a valid pin number`, { details: { pin } });
    }
    if (this.open.has(pin)) {
      throw new AlprError('ALPR_ERR_GPIO_OPEN', `${this.backend}: pin ${pin} is already open`, { details: { pin } });
    }
  }

  add(pin: P): P {
    this.open.set(pin.pin, pin);
    return pin;
  }

  release(pin: number): void {
    this.open.delete(pin);
  }

  async closeAll(): Promise<void> {
    for (const pin of [...this.open.values()]) await pin.close();
  }
}

export function checkDuty(duty: number): number {
  if (!Number.isFinite(duty) || duty < 0 || duty > 1) {
    throw new AlprError('ALPR_ERR_GPIO_IO', `PWM duty must be between 0 and 1, got ${duty}`);
  }
  return duty;
}
