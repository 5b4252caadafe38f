import { createRequire } from 'node:module';
import type { IoPlugin } from '../../drivers/index.js';

const require = createRequire(import.meta.url);
// mock-firmata is johnny-five's own test double for an Arduino running StandardFirmata: it has
// the pin table and modes of an Uno but no wire. This subclass adds the two things a wire would
// give: outputs remember what was written, and tests can change an input's level.
const { Firmata: MockFirmata } = require('mock-firmata') as { Firmata: new () => IoPlugin & NodeJS.EventEmitter };

export class MockFirmataBoard extends MockFirmata {
  readonly written = new Map<number, number>();
  readonly analog = new Map<number, number>();
  readonly modes = new Map<number, number>();

  override pinMode(pin: number, mode: number): void {
    this.modes.set(pin, mode);
  }

  override digitalWrite(pin: number, value: number): void {
    this.written.set(pin, value);
  }

  override analogWrite(pin: number, value: number): void {
    this.analog.set(pin, value);
  }

  override digitalRead(pin: number, callback: (value: number) => void): void {
    this.on(`digital-read-${pin}`, callback);
  }

  /** What the board would report when an input pin changes level. */
  drive(pin: number, value: 0 | 1): void {
    this.emit(`digital-read-${pin}`, value);
  }

  /** Emits what a Firmata board emits once its handshake is done. */
  connect(): void {
    this.emit('connect');
    this.emit('ready');
  }
}
