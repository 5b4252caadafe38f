import t from 'tap';
import { ManualClock } from '../../../core/index.js';
import { ElapsedClock, parseSavedClock } from '../../../firmware/buffer/elapsedClock.js';

const DAY = 86_400_000;

/** A clock that ran `ranMs` under `clock`, saved, and is opened again after the wall moves to `wallAfter`. */
function reopened(clock: ManualClock, ranMs: number, wallAfter: number, floor = 0): number {
  const first = new ElapsedClock(clock);
  first.open(null);
  clock.advance(ranMs);
  const saved = first.toSave();
  clock.setWall(wallAfter);
  const second = new ElapsedClock(clock);
  second.open(saved, floor);
  return second.now();
}

t.test('the time the box was off counts when both wall readings are real times and moved forward', async (tt) => {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  tt.equal(reopened(clock, DAY, Date.UTC(2026, 5, 1) + DAY + 3 * DAY), 4 * DAY);
});

t.test('the time the box was off does not count under a 1970 wall clock, nor a wall clock set back', async (tt) => {
  const unset = new ManualClock(Date.UTC(1970, 0, 2));
  tt.equal(reopened(unset, DAY, Date.UTC(1970, 0, 2) + 5 * DAY), DAY, 'saved under an unset RTC');
  const setLater = new ManualClock(Date.UTC(2026, 5, 1));
  tt.equal(reopened(setLater, DAY, Date.UTC(1970, 0, 3)), DAY, 'opened under an unset RTC');
  const back = new ManualClock(Date.UTC(2026, 5, 1));
  tt.equal(reopened(back, DAY, Date.UTC(2026, 0, 1)), DAY, 'opened with the wall clock set back');
});

t.test('an unset RTC at save keeps the last real wall time, so a later real time still counts from it', async (tt) => {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const first = new ElapsedClock(clock);
  first.open(null);
  first.toSave();
  clock.advance(DAY);
  clock.setWall(0);
  const saved = first.toSave();
  tt.same(saved, { elapsed: DAY, lastWall: Date.UTC(2026, 5, 1) });
});

t.test('the clock never reads below its floor, at open or found later', async (tt) => {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  tt.equal(reopened(clock, DAY, Date.UTC(2026, 0, 1), 10 * DAY), 10 * DAY, 'a saved reading set back is raised to the floor');
  const opened = new ElapsedClock(clock);
  opened.open({ elapsed: 2 * DAY, lastWall: 0 }, DAY);
  tt.equal(opened.now(), 2 * DAY, 'a floor below the reading changes nothing');
  opened.raiseAtOpen(5 * DAY);
  clock.advance(1000);
  tt.equal(opened.now(), 5 * DAY + 1000);
  opened.advance(-DAY);
  tt.equal(opened.now(), 5 * DAY + 1000, 'it never goes back');
});

t.test('a saved clock is read back only when it holds a reading of one', async (tt) => {
  tt.same(parseSavedClock({ elapsed: 5, lastWall: 7, other: 1 }), { elapsed: 5, lastWall: 7 });
  for (const bad of [null, 3, {}, { elapsed: -1, lastWall: 0 }, { elapsed: 1e20, lastWall: 0 }, { elapsed: '5', lastWall: 0 }, { elapsed: 5, lastWall: null }]) {
    tt.equal(parseSavedClock(bad), null, JSON.stringify(bad));
  }
});
