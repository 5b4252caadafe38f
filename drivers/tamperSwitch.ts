import { TypedEmitter, type Clock, type Logger } from '../core/index.js';
import { watchEdges } from './gpio/edgeWatcher.js';
import type { GpioPin } from './gpio/types.js';

export interface TamperSwitchOptions {
  pin: GpioPin;
  /** The level the pin shows while the enclosure is open (a normally-closed switch to ground with a pull-up reads 1 when opened). */
  openLevel: 0 | 1;
  debounceMs: number;
  clock: Clock;
  logger: Logger;
}

type TamperEvents = { tamperChanged: [open: boolean, at: number] };

/** The enclosure door switch. Every change is logged; the state goes into health. */
export class TamperSwitch extends TypedEmitter<TamperEvents> {
  private open = false;
  private openings = 0;
  private stopWatch: (() => void) | null = null;

  constructor(private readonly ctx: TamperSwitchOptions) {
    super();
  }

  get isOpen(): boolean {
    return this.open;
  }

  get openCount(): number {
    return this.openings;
  }

  async start(): Promise<void> {
    this.update((await this.ctx.pin.read()) === this.ctx.openLevel);
    this.stopWatch = watchEdges(this.ctx.pin, { edge: 'both', debounceMs: this.ctx.debounceMs, clock: this.ctx.clock }, (level) =>
      this.update(level === this.ctx.openLevel),
    );
  }

  async stop(): Promise<void> {
    this.stopWatch?.();
    this.stopWatch = null;
  }

  private update(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    if (open) {
      this.openings++;
      this.ctx.logger.warn({ tamper: 'open' }, 'enclosure opened');
    } else {
      this.ctx.logger.info({ tamper: 'closed' }, 'enclosure closed');
    }
    this.emit('tamperChanged', open, this.ctx.clock.now());
  }
}
