import t from 'tap';
import type { Test } from 'tap';
import type { ErrorCode } from '../../../core/index.js';
import type { GpioChip, Level } from '../../../drivers/index.js';

/**
 * What every GPIO backend must do, run against each backend that can run here. The harness says
 * how to make the chip and how the "wire" side looks: driving an input, reading back an output.
 */
export interface GpioHarness {
  name: string;
  open(): Promise<GpioChip>;
  drive(pin: number, level: Level): void;
  outputLevel(pin: number): number | undefined;
  /** PWM duty as the wire sees it (0..1), for backends with PWM. */
  outputDuty?(pin: number): number | undefined;
  inputPin: number;
  outputPin: number;
  pwmPin?: number;
  badPin: number;
}

async function rejectsWith(tt: Test, work: Promise<unknown>, code: ErrorCode): Promise<void> {
  await tt.rejects(work, { name: 'AlprError', code });
}

export function gpioConformance(h: GpioHarness): void {
  t.test(`${h.name}: an output reads back and drives the wire`, async (tt) => {
    const chip = await h.open();
    const pin = await chip.openOutput(h.outputPin);
    await pin.write(1);
    tt.equal(h.outputLevel(h.outputPin), 1);
    tt.equal(await pin.read(), 1);
    await pin.write(0);
    tt.equal(h.outputLevel(h.outputPin), 0);
    await chip.close();
  });

  t.test(`${h.name}: an input reports level changes to its listeners`, async (tt) => {
    const chip = await h.open();
    const pin = await chip.openInput(h.inputPin);
    const seen: Level[] = [];
    const stop = pin.onChange((v) => seen.push(v));
    h.drive(h.inputPin, 1);
    h.drive(h.inputPin, 0);
    h.drive(h.inputPin, 1);
    tt.same(seen, [1, 0, 1]);
    tt.equal(await pin.read(), 1);
    stop();
    h.drive(h.inputPin, 0);
    tt.same(seen, [1, 0, 1], 'no events after unsubscribe');
    await chip.close();
  });

  t.test(`${h.name}: opening a pin twice or a pin the chip lacks is a typed error`, async (tt) => {
    const chip = await h.open();
    await chip.openInput(h.inputPin);
    await rejectsWith(tt, chip.openInput(h.inputPin), 'ALPR_ERR_GPIO_OPEN');
    await rejectsWith(tt, chip.openOutput(h.badPin), 'ALPR_ERR_GPIO_OPEN');
    await chip.close();
  });

  t.test(`${h.name}: a closed pin refuses IO and can be opened again`, async (tt) => {
    const chip = await h.open();
    const pin = await chip.openOutput(h.outputPin);
    await pin.close();
    await rejectsWith(tt, pin.write(1), 'ALPR_ERR_GPIO_IO');
    const again = await chip.openOutput(h.outputPin);
    await again.write(1);
    tt.equal(h.outputLevel(h.outputPin), 1);
    await chip.close();
  });

  t.test(`${h.name}: PWM where the IO has it, a typed refusal where it does not`, async (tt) => {
    const chip = await h.open();
    const plain = await chip.openOutput(h.outputPin);
    tt.equal(plain.supportsPwm, false);
    await rejectsWith(tt, plain.pwm(0.5), 'ALPR_ERR_GPIO_UNSUPPORTED');
    if (h.pwmPin !== undefined && h.outputDuty) {
      const pwm = await chip.openOutput(h.pwmPin, { pwm: true });
      tt.equal(pwm.supportsPwm, true);
      await pwm.pwm(0.25);
      tt.ok(Math.abs((h.outputDuty(h.pwmPin) ?? -1) - 0.25) < 0.01, 'duty reaches the wire');
      await rejectsWith(tt, pwm.pwm(1.5), 'ALPR_ERR_GPIO_IO');
    }
    await chip.close();
  });
}
