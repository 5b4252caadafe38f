import t from 'tap';
import { existsSync } from 'node:fs';
import { JohnnyFiveGpioChip, OnoffGpioChip, SimulatedGpioChip } from '../../../drivers/index.js';
import { MockFirmataBoard } from '../../helpers/index.js';
import { gpioConformance } from './gpioConformance.js';

// The simulated chip: the backend the demo and the pipeline tests run on.
let sim: SimulatedGpioChip;
gpioConformance({
  name: 'simulated',
  open: async () => (sim = new SimulatedGpioChip({ pinCount: 40 })),
  drive: (pin, level) => sim.drive(pin, level),
  outputLevel: (pin) => sim.levelOf(pin),
  outputDuty: (pin) => sim.dutyOf(pin) ?? undefined,
  inputPin: 17,
  outputPin: 18,
  pwmPin: 12,
  badPin: 99,
});

// johnny-five driving an (Uno-shaped) Firmata board.
let board: MockFirmataBoard;
gpioConformance({
  name: 'johnny-five + mock Firmata',
  open: async () => {
    board = new MockFirmataBoard();
    const opening = JohnnyFiveGpioChip.open({ io: board, timeoutMs: 2000 });
    setTimeout(() => board.connect(), 10);
    return opening;
  },
  drive: (pin, level) => board.drive(pin, level),
  outputLevel: (pin) => board.written.get(pin),
  outputDuty: (pin) => ((board.analog.get(pin) ?? NaN) / 255),
  inputPin: 2,
  outputPin: 4, // digital only on an Uno
  pwmPin: 9,
  badPin: 99,
});

t.test('onoff (Linux GPIO)', async (tt) => {
  if (!existsSync('/sys/class/gpio/export')) {
    // No GPIO chip on this machine: the backend can only say so, with a typed error.
    await tt.rejects(OnoffGpioChip.open(), { code: 'ALPR_ERR_GPIO_UNAVAILABLE' });
    tt.comment('skipped the onoff conformance run: /sys/class/gpio does not exist on this machine');
    return;
  }
  tt.comment('onoff conformance needs a wired loopback pin pair; run it on a Pi with GPIO 20 bridged to 21');
});

t.test('johnny-five: a board that never becomes ready is a typed error', async (tt) => {
  await tt.rejects(JohnnyFiveGpioChip.open({ io: new MockFirmataBoard(), timeoutMs: 50 }), { code: 'ALPR_ERR_GPIO_UNAVAILABLE' });
});
