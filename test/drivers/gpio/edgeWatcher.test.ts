import t from 'tap';
import { ManualClock } from '../../../core/index.js';
import { SimulatedGpioChip, watchEdges, type Level } from '../../../drivers/index.js';
import { flush } from '../../helpers/index.js';

async function setup(edge: 'rising' | 'falling' | 'both', debounceMs: number) {
  const clock = new ManualClock();
  const chip = new SimulatedGpioChip();
  const pin = await chip.openInput(5);
  const seen: Level[] = [];
  const stop = watchEdges(pin, { edge, debounceMs, clock }, (level) => seen.push(level));
  await flush();
  return { clock, chip, seen, stop };
}

t.test('contact bounce shorter than the debounce time produces one edge', async (tt) => {
  const { clock, chip, seen } = await setup('rising', 20);
  for (let i = 0; i < 5; i++) {
    chip.drive(5, 1);
    clock.advance(2);
    chip.drive(5, 0);
    clock.advance(2);
  }
  chip.drive(5, 1);
  clock.advance(19);
  tt.same(seen, [], 'nothing until the level has held for 20 ms');
  clock.advance(1);
  tt.same(seen, [1]);
});

t.test('a glitch that returns to the old level is ignored', async (tt) => {
  const { clock, chip, seen } = await setup('both', 10);
  chip.drive(5, 1);
  clock.advance(5);
  chip.drive(5, 0);
  clock.advance(50);
  tt.same(seen, []);
});

t.test('only the requested edge is reported', async (tt) => {
  const { clock, chip, seen } = await setup('falling', 0);
  chip.drive(5, 1);
  chip.drive(5, 0);
  chip.drive(5, 1);
  chip.drive(5, 0);
  clock.advance(1);
  tt.same(seen, [0, 0]);
});

t.test('stopping the watch stops the reports', async (tt) => {
  const { clock, chip, seen, stop } = await setup('both', 5);
  chip.drive(5, 1);
  stop();
  clock.advance(10);
  tt.same(seen, []);
});
