import type { LightSensor } from './dayNight.js';
import type { GpioPin } from './gpio/types.js';

/**
 * A photo-switch module (LDR and comparator, the common kind on camera poles) on a GPIO input:
 * it reports dark or bright, which maps to 0 lux or `brightLux`.
 */
export class GpioLightSensor implements LightSensor {
  constructor(private readonly options: { pin: GpioPin; darkLevel: 0 | 1; brightLux: number }) {}

  async readLux(): Promise<number> {
    const level = await this.options.pin.read();
    return level === this.options.darkLevel ? 0 : this.options.brightLux;
  }
}

/** Ambient light set by whoever holds it: the demo's day cycle, tests. */
export class SimulatedLightSensor implements LightSensor {
  constructor(public lux = 1000) {}

  async readLux(): Promise<number> {
    return this.lux;
  }
}
