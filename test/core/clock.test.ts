import t from 'tap';
import { ManualClock } from '../../core/index.js';

t.test('the manual clock fires timers in order as time advances', async (tt) => {
  const clock = new ManualClock(0);
  const fired: string[] = [];
  clock.setTimeout(() => fired.push('b@20'), 20);
  clock.setTimeout(() => fired.push('a@10'), 10);
  const every = clock.setInterval(() => fired.push(`i@${clock.monotonic()}`), 15);
  clock.advance(31);
  tt.same(fired, ['a@10', 'i@15', 'b@20', 'i@30']);
  every.cancel();
  clock.advance(100);
  tt.equal(fired.length, 4);
});

t.test('wall time can jump without moving monotonic time', async (tt) => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  clock.advance(1000);
  clock.setWall(Date.UTC(2000, 0, 1));
  tt.equal(clock.now(), Date.UTC(2000, 0, 1));
  tt.equal(clock.monotonic(), 1000);
  clock.advance(500);
  tt.equal(clock.now(), Date.UTC(2000, 0, 1) + 500);
});
