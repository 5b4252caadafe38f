import { AlprError } from '../../core/index.js';
import { PinRegistry } from './pinRegistry.js';
import type { GpioChip, GpioPin, InputOptions, Level, OutputOptions } from './types.js';

type OnoffModule = typeof import('onoff');

export interface OnoffGpioOptions {
  /**
   * Added to every pin number before it is handed to the kernel. On kernels 6.6 and later the
   * sysfs numbers of the Raspberry Pi header start at the gpiochip base (512 on a Pi 4, 571 on a
   * Pi 5) rather than 0; `cat /sys/class/gpio/gpiochip*\/base` tells.
   */
  chipBase?: number;
}

/**
 * Linux GPIO through onoff (sysfs, interrupts through epoll). No hardware PWM: the illuminator
 * uses on/off with onoff, or a Firmata board when it needs a level.
 */
export class OnoffGpioChip implements GpioChip {
  readonly kind = 'onoff' as const;
  private readonly registry = new PinRegistry<GpioPin>('onoff GPIO');

  private constructor(private readonly onoff: OnoffModule, private readonly chipBase: number) {}

  /** Loads onoff lazily so the native epoll module is only required on boards that use it. */
  static async open(options: OnoffGpioOptions = {}): Promise<OnoffGpioChip> {
    let onoff: OnoffModule;
    try {
      onoff = await import('onoff');
    } catch (cause) {
      throw new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', 'onoff GPIO: the onoff module (and its epoll addon) could not be loaded', { cause });
    }
    if (!onoff.Gpio.accessible) {
      throw new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', 'onoff GPIO: /sys/class/gpio is not accessible on this machine (no GPIO chip, or no permission)');
    }
    return new OnoffGpioChip(onoff, options.chipBase ?? 0);
  }

  async openInput(pin: number, _options: InputOptions = {}): Promise<GpioPin> {
    // Pull resistors are not settable through sysfs; set them in config.txt / device tree.
    return this.registry.add(this.make(pin, 'in'));
  }

  async openOutput(pin: number, options: OutputOptions = {}): Promise<GpioPin> {
    if (options.pwm) {
      throw new AlprError('ALPR_ERR_GPIO_UNSUPPORTED', `onoff GPIO: pin ${pin} cannot do PWM; use a johnny-five board for a dimmable illuminator`, { details: { pin } });
    }
    const gpio = this.make(pin, options.initial === 1 ? 'high' : 'low');
    return this.registry.add(gpio);
  }

  async close(): Promise<void> {
    await this.registry.closeAll();
  }

  private make(pin: number, direction: 'in' | 'high' | 'low'): GpioPin {
    this.registry.claim(pin);
    let gpio: InstanceType<OnoffModule['Gpio']>;
    try {
      gpio = new this.onoff.Gpio(pin + this.chipBase, direction, direction === 'in' ? 'both' : 'none');
    } catch (cause) {
      throw new AlprError('ALPR_ERR_GPIO_OPEN', `onoff GPIO: pin ${pin} could not be opened`, { cause, details: { pin } });
    }
    const io = <T>(what: string, fn: () => T): T => {
      try {
        return fn();
      } catch (cause) {
        throw new AlprError('ALPR_ERR_GPIO_IO', `onoff GPIO: ${what} on pin ${pin} failed`, { cause, details: { pin } });
      }
    };
    let closed = false;
    return {
      pin,
      direction: direction === 'in' ? 'in' : 'out',
      supportsPwm: false,
      read: async () => io('read', () => gpio.readSync() as Level),
      write: async (value) => io('write', () => gpio.writeSync(value)),
      pwm: async () => {
        throw new AlprError('ALPR_ERR_GPIO_UNSUPPORTED', `onoff GPIO: pin ${pin} cannot do PWM`, { details: { pin } });
      },
      onChange: (listener) => {
        const callback = (err: Error | null | undefined, value: number) => {
          if (!err) listener(value as Level);
        };
        gpio.watch(callback);
        return () => gpio.unwatch(callback);
      },
      close: async () => {
        if (closed) return;
        closed = true;
        gpio.unexport();
        this.registry.release(pin);
      },
    };
  }
}
