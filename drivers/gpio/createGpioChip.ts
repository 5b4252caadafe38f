import { AlprError } from '../../core/index.js';
import type { GpioChip } from './types.js';
import type { SimulatedGpioChip } from './simulatedGpio.js';

export type GpioConfig =
  | { type: 'simulated' }
  | { type: 'onoff'; chipBase: number }
  | { type: 'johnny-five'; port: string; timeoutMs: number };

/**
 * Opens the GPIO backend the config names. Real backends are imported lazily so native modules
 * load only on boards that use them. The simulated chip is returned as such so the caller (the
 * demo, tests) can drive its inputs.
 */
export async function createGpioChip(config: GpioConfig): Promise<GpioChip | SimulatedGpioChip> {
  switch (config.type) {
    case 'simulated': {
      const { SimulatedGpioChip } = await import('./simulatedGpio.js');
      return new SimulatedGpioChip();
    }
    case 'onoff': {
      const { OnoffGpioChip } = await import('./onoffGpio.js');
      return OnoffGpioChip.open({ chipBase: config.chipBase });
    }
    case 'johnny-five': {
      const { JohnnyFiveGpioChip } = await import('./johnnyFiveGpio.js');
      return JohnnyFiveGpioChip.open({ port: config.port, timeoutMs: config.timeoutMs });
    }
    default:
      throw new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', `unknown GPIO type ${JSON.stringify((config as { type: unknown }).type)}`);
  }
}
