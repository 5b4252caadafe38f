/** A logic level as the pin sees it (electrical, before any active-low meaning is applied). */
export type Level = 0 | 1;

export interface GpioPin {
  readonly pin: number;
  readonly direction: 'in' | 'out';
  /** Whether pwm() is available on this pin with this backend. */
  readonly supportsPwm: boolean;
  read(): Promise<Level>;
  write(value: Level): Promise<void>;
  /** Duty cycle 0..1. Throws ALPR_ERR_GPIO_UNSUPPORTED where the IO has no PWM. */
  pwm(duty: number): Promise<void>;
  /** Raw level changes as the IO reports them; returns an unsubscribe function. */
  onChange(listener: (value: Level) => void): () => void;
  close(): Promise<void>;
}

export interface OutputOptions {
  /** Open the pin for PWM (johnny-five: the pin must be PWM-capable on the board). */
  pwm?: boolean;
  initial?: Level;
}

export interface InputOptions {
  /** Internal pull resistor, where the backend can set it. */
  pull?: 'up' | 'down' | 'none';
}

/** One GPIO controller: a Linux gpiochip, a Firmata board, or the simulated chip. */
export interface GpioChip {
  readonly kind: 'simulated' | 'onoff' | 'johnny-five';
  openInput(pin: number, options?: InputOptions): Promise<GpioPin>;
  openOutput(pin: number, options?: OutputOptions): Promise<GpioPin>;
  /** Releases every pin the chip opened. */
  close(): Promise<void>;
}
