import t from 'tap';
import { ManualClock } from '../../core/index.js';
import { SimulatedGpioChip, TamperSwitch } from '../../drivers/index.js';
import { captureLogger, flush } from '../helpers/index.js';

t.test('opening the enclosure raises an event, is logged and counted', async (tt) => {
  const clock = new ManualClock();
  const chip = new SimulatedGpioChip();
  chip.drive(24, 0);
  const { logger, lines } = captureLogger();
  const tamper = new TamperSwitch({ pin: await chip.openInput(24), openLevel: 1, debounceMs: 50, clock, logger });
  const changes: boolean[] = [];
  tamper.on('tamperChanged', (open) => changes.push(open));
  await tamper.start();
  await flush();
  tt.equal(tamper.isOpen, false);
  chip.drive(24, 1);
  clock.advance(60);
  tt.equal(tamper.isOpen, true);
  chip.drive(24, 0);
  clock.advance(60);
  tt.same(changes, [true, false]);
  tt.equal(tamper.openCount, 1);
  tt.ok(lines().some((l) => l.msg === 'enclosure opened' && l.level === 40), 'warning logged');
});

t.test('an enclosure already open at start is reported', async (tt) => {
  const chip = new SimulatedGpioChip();
  chip.drive(24, 1);
  const tamper = new TamperSwitch({ pin: await chip.openInput(24), openLevel: 1, debounceMs: 50, clock: new ManualClock(), logger: captureLogger().logger });
  await tamper.start();
  tt.equal(tamper.isOpen, true);
});
