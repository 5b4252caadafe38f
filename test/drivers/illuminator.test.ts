import t from 'tap';
import { ManualClock } from '../../core/index.js';
import { Illuminator, SimulatedGpioChip } from '../../drivers/index.js';
import { captureLogger } from '../helpers/index.js';

async function setup(options: Partial<{ activeLow: boolean; level: number; maxDutyCycle: number; pwm: boolean }> = {}) {
  const clock = new ManualClock();
  const chip = new SimulatedGpioChip();
  const pin = await chip.openOutput(18, { pwm: options.pwm ?? false });
  const illuminator = new Illuminator({
    pin, activeLow: options.activeLow ?? false, level: options.level ?? 1, maxDutyCycle: options.maxDutyCycle ?? 0.5,
    dutyWindowMs: 1000, strobeLeadMs: 5, strobeTrailMs: 5, clock, logger: captureLogger().logger,
  });
  return { clock, chip, illuminator };
}

t.test('switching on and off drives the pin, inverted when active-low', async (tt) => {
  const high = await setup();
  await high.illuminator.switchOn();
  tt.equal(high.chip.levelOf(18), 1);
  await high.illuminator.switchOff();
  tt.equal(high.chip.levelOf(18), 0);

  const low = await setup({ activeLow: true });
  await low.illuminator.switchOn();
  tt.equal(low.chip.levelOf(18), 0, 'active-low driver lit by a low pin');
  await low.illuminator.switchOff();
  tt.equal(low.chip.levelOf(18), 1);
});

t.test('a PWM level sets the duty on the pin; a level below 1 without PWM is refused', async (tt) => {
  const { chip, illuminator } = await setup({ pwm: true, level: 0.4 });
  await illuminator.switchOn();
  tt.equal(chip.dutyOf(18), 0.4);
  await tt.rejects(setup({ level: 0.4 }), { code: 'ALPR_ERR_GPIO_UNSUPPORTED' });
});

t.test('the duty-cycle guard refuses light once the window budget is spent', async (tt) => {
  const { clock, illuminator } = await setup({ maxDutyCycle: 0.3 });
  await illuminator.switchOn();
  clock.advance(250);
  await illuminator.switchOff();
  tt.ok(Math.abs(illuminator.dutyCycle() - 0.25) < 1e-9, 'duty measured over the window');
  await illuminator.switchOn();
  await clock.advanceAsync(60); // 310 ms lit in the window: the guard cut it at 300
  tt.equal(illuminator.isOn, false, 'held on past the budget, the guard cut it off');
  await tt.rejects(illuminator.switchOn(), { code: 'ALPR_ERR_ILLUMINATOR_DUTY_LIMIT' });
  tt.equal(illuminator.refusedCount, 1);
  clock.advance(1000); // the window slides past the lit time
  await illuminator.switchOn();
  tt.equal(illuminator.isOn, true, 'light allowed again once the window has moved on');
});

t.test('strobe lights the scene around the exposure, and captures unlit when refused', async (tt) => {
  const { clock, chip, illuminator } = await setup({ maxDutyCycle: 0.02 });
  let litDuringExposure: number | null = null;
  const strobe = illuminator.strobe(async () => {
    litDuringExposure = chip.levelOf(18);
    return 'frame';
  });
  await clock.advanceAsync(20, 1);
  const first = await strobe;
  tt.same(first, { result: 'frame', illuminated: true });
  tt.equal(litDuringExposure, 1);
  tt.equal(chip.levelOf(18), 0, 'off after the trail');

  // 10 ms lit of a 20 ms budget is spent by the first strobe's lead + trail; the next is cut off.
  const second = illuminator.strobe(async () => chip.levelOf(18));
  await clock.advanceAsync(20, 1);
  const third = illuminator.strobe(async () => chip.levelOf(18));
  await clock.advanceAsync(20, 1);
  const results = [await second, await third];
  tt.ok(results.some((r) => !r.illuminated), 'a strobe past the budget is not lit');
  tt.equal(results.find((r) => !r.illuminated)?.result, 0, 'the unlit exposure still happened');
});
