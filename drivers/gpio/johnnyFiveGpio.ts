import { AlprError } from '../../core/index.js';
import { checkDuty, PinRegistry } from './pinRegistry.js';
import type { GpioChip, GpioPin, InputOptions, Level, OutputOptions } from './types.js';

/**
 * The part of the johnny-five IO-plugin contract this backend uses. Firmata, and every IO plugin
 * johnny-five supports (raspi-io, tessel-io, ...), implement it.
 */
export interface IoPlugin {
  MODES: { INPUT: number; OUTPUT: number; PWM: number; PULLUP?: number };
  pins: Array<{ supportedModes: number[] }>;
  pinMode(pin: number, mode: number): void;
  digitalWrite(pin: number, value: number): void;
  analogWrite(pin: number, value: number): void;
  digitalRead(pin: number, callback: (value: number) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  reportDigitalPin?(pin: number, value: 0 | 1): void;
}

export interface JohnnyFiveGpioOptions {
  /** Serial port of a Firmata board, e.g. /dev/ttyACM0. Ignored when `io` is given. */
  port?: string;
  /** An IO-plugin instance (tests pass a mock Firmata; other boards pass their plugin). */
  io?: unknown;
  /** How long to wait for the board to report ready. */
  timeoutMs?: number;
}

type Board = InstanceType<typeof import('johnny-five').Board>;

/**
 * GPIO on any board johnny-five drives: an Arduino running StandardFirmata on USB serial is the
 * usual way to get a clean PWM level for the IR illuminator on a Jetson.
 */
export class JohnnyFiveGpioChip implements GpioChip {
  readonly kind = 'johnny-five' as const;
  private readonly registry = new PinRegistry<GpioPin>('johnny-five GPIO');
  private readonly pwmScale: number;

  private constructor(board: Board, private readonly io: IoPlugin) {
    this.pwmScale = (board as unknown as { RESOLUTION?: { PWM?: number } }).RESOLUTION?.PWM ?? 255;
  }

  static async open(options: JohnnyFiveGpioOptions): Promise<JohnnyFiveGpioChip> {
    let five: typeof import('johnny-five');
    try {
      five = (await import('johnny-five')).default ?? (await import('johnny-five'));
    } catch (cause) {
      throw new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', 'johnny-five GPIO: the johnny-five module could not be loaded', { cause });
    }
    if (!options.io && !options.port) {
      throw new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', 'johnny-five GPIO: neither a serial port nor an IO plugin was given');
    }
    const board = await new Promise<Board>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 10_000;
      const boardOptions: Record<string, unknown> = { repl: false, debug: false, sigint: false, timeout: timeoutMs };
      if (options.io) boardOptions.io = options.io;
      else boardOptions.port = options.port;
      let board: Board;
      try {
        board = new five.Board(boardOptions as never);
      } catch (cause) {
        reject(new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', 'johnny-five GPIO: the board could not be created', { cause }));
        return;
      }
      const timer = setTimeout(() => reject(new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', `johnny-five GPIO: the board did not become ready within ${timeoutMs} ms`)), timeoutMs);
      const events = board as unknown as NodeJS.EventEmitter;
      events.once('ready', () => {
        clearTimeout(timer);
        resolve(board);
      });
      events.once('error', (cause: unknown) => {
        clearTimeout(timer);
        reject(new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', 'johnny-five GPIO: the board reported an error while connecting', { cause }));
      });
    });
    return new JohnnyFiveGpioChip(board, (board as unknown as { io: IoPlugin }).io);
  }

  async openInput(pin: number, options: InputOptions = {}): Promise<GpioPin> {
    this.registry.claim(pin);
    this.checkPin(pin);
    const mode = options.pull === 'up' && this.io.MODES.PULLUP !== undefined ? this.io.MODES.PULLUP : this.io.MODES.INPUT;
    this.io.pinMode(pin, mode);
    let level: Level = 0;
    const listeners = new Set<(value: Level) => void>();
    const onData = (value: number) => {
      const next: Level = value ? 1 : 0;
      if (next === level) return;
      level = next;
      for (const listener of listeners) listener(next);
    };
    this.io.digitalRead(pin, onData);
    return this.registry.add(this.makePin(pin, 'in', false, {
      read: async () => level,
      onChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      release: () => {
        this.io.removeListener(`digital-read-${pin}`, onData as (...args: unknown[]) => void);
        this.io.reportDigitalPin?.(pin, 0);
      },
    }));
  }

  async openOutput(pin: number, options: OutputOptions = {}): Promise<GpioPin> {
    this.registry.claim(pin);
    this.checkPin(pin);
    const usePwm = Boolean(options.pwm);
    if (usePwm && !this.io.pins[pin]?.supportedModes.includes(this.io.MODES.PWM)) {
      throw new AlprError('ALPR_ERR_GPIO_UNSUPPORTED', `johnny-five GPIO: pin ${pin} is not PWM-capable on this board`, { details: { pin } });
    }
    this.io.pinMode(pin, usePwm ? this.io.MODES.PWM : this.io.MODES.OUTPUT);
    let level: Level = options.initial ?? 0;
    if (usePwm) this.io.analogWrite(pin, level * this.pwmScale);
    else this.io.digitalWrite(pin, level);
    return this.registry.add(this.makePin(pin, 'out', usePwm, {
      read: async () => level,
      write: async (value) => {
        level = value;
        if (usePwm) this.io.analogWrite(pin, value * this.pwmScale);
        else this.io.digitalWrite(pin, value);
      },
      pwm: async (duty) => {
        this.io.analogWrite(pin, Math.round(checkDuty(duty) * this.pwmScale));
        level = duty > 0 ? 1 : 0;
      },
      onChange: () => () => undefined,
      release: () => undefined,
    }));
  }

  async close(): Promise<void> {
    await this.registry.closeAll();
  }

  private checkPin(pin: number): void {
    if (!this.io.pins[pin]) {
      throw new AlprError('ALPR_ERR_GPIO_OPEN', `johnny-five GPIO: the board has no pin ${pin}`, { details: { pin } });
    }
  }

  private makePin(
    pin: number,
    direction: 'in' | 'out',
    supportsPwm: boolean,
    ops: {
      read: () => Promise<Level>;
      write?: (value: Level) => Promise<void>;
      pwm?: (duty: number) => Promise<void>;
      onChange: (listener: (value: Level) => void) => () => void;
      release: () => void;
    },
  ): GpioPin {
    let closed = false;
    const guard = <A extends unknown[], R>(what: string, fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      if (closed) throw new AlprError('ALPR_ERR_GPIO_IO', `johnny-five GPIO: pin ${pin} is closed`, { details: { pin } });
      try {
        return await fn(...args);
      } catch (cause) {
        if (cause instanceof AlprError) throw cause;
        throw new AlprError('ALPR_ERR_GPIO_IO', `johnny-five GPIO: ${what} on pin ${pin} failed`, { cause, details: { pin } });
      }
    };
    return {
      pin,
      direction,
      supportsPwm,
      read: guard('read', ops.read),
      write: guard('write', async (value: Level) => {
        if (!ops.write) throw new AlprError('ALPR_ERR_GPIO_IO', `johnny-five GPIO: pin ${pin} is an input`, { details: { pin } });
        await ops.write(value);
      }),
      pwm: guard('pwm', async (duty: number) => {
        if (!ops.pwm || !supportsPwm) throw new AlprError('ALPR_ERR_GPIO_UNSUPPORTED', `johnny-five GPIO: pin ${pin} was not opened for PWM`, { details: { pin } });
        await ops.pwm(duty);
      }),
      onChange: (listener) => ops.onChange(listener),
      close: async () => {
        if (closed) return;
        closed = true;
        ops.release();
        this.registry.release(pin);
      },
    };
  }
}
