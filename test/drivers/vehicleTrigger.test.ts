import t from 'tap';
import { ManualClock } from '../../core/index.js';
import { SimulatedGpioChip, VehicleTrigger, type VehicleDetected } from '../../drivers/index.js';
import { captureLogger, flush } from '../helpers/index.js';

async function setup(activeLow: boolean) {
  const clock = new ManualClock();
  const chip = new SimulatedGpioChip();
  chip.drive(17, activeLow ? 1 : 0);
  chip.drive(27, 0);
  const trigger = new VehicleTrigger({
    mode: 'inputs', debounceMs: 20, holdOffMs: 500, clock, logger: captureLogger().logger,
    inputs: [
      { pin: await chip.openInput(17), kind: 'loop', activeLow },
      { pin: await chip.openInput(27), kind: 'radar', activeLow: false },
    ],
  });
  const events: VehicleDetected[] = [];
  trigger.on('vehicleDetected', (e) => events.push(e));
  await trigger.start();
  await flush();
  return { clock, chip, trigger, events };
}

const pulse = (chip: SimulatedGpioChip, clock: ManualClock, pin: number, active: 0 | 1, ms: number) => {
  chip.drive(pin, active);
  clock.advance(ms);
  chip.drive(pin, active === 1 ? 0 : 1);
  clock.advance(25);
};

t.test('an active-low loop detector fires once per vehicle when the line is pulled low', async (tt) => {
  const { clock, chip, events, trigger } = await setup(true);
  pulse(chip, clock, 17, 0, 300);
  tt.equal(events.length, 1);
  tt.equal(events[0]!.source, 'loop');
  clock.advance(1000);
  pulse(chip, clock, 17, 0, 300);
  tt.equal(trigger.vehicleCount, 2);
  tt.equal(events[1]!.count, 2);
});

t.test('an active-high input fires on the rising edge', async (tt) => {
  const { clock, chip, events } = await setup(false);
  pulse(chip, clock, 17, 1, 100);
  tt.equal(events.length, 1);
});

t.test('a pulse shorter than the debounce time is not a vehicle', async (tt) => {
  const { clock, chip, events } = await setup(true);
  pulse(chip, clock, 17, 0, 5);
  tt.equal(events.length, 0);
});

t.test('hold-off: a radar seeing the same car just after the loop does not fire again', async (tt) => {
  const { clock, chip, events } = await setup(true);
  pulse(chip, clock, 17, 0, 100);
  pulse(chip, clock, 27, 1, 100);
  tt.equal(events.length, 1);
  clock.advance(600);
  pulse(chip, clock, 27, 1, 100);
  tt.equal(events.length, 2);
  tt.equal(events[1]!.source, 'radar');
});

t.test('free-run mode fires at the configured rate and stops on stop()', async (tt) => {
  const clock = new ManualClock();
  const trigger = new VehicleTrigger({ mode: 'free-run', framesPerSecond: 4, clock, logger: captureLogger().logger });
  const events: VehicleDetected[] = [];
  trigger.on('vehicleDetected', (e) => events.push(e));
  await trigger.start();
  clock.advance(1000);
  tt.equal(events.length, 4);
  tt.ok(events.every((e) => e.source === 'free-run'));
  await trigger.stop();
  clock.advance(1000);
  tt.equal(events.length, 4);
});
