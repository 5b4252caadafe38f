import t from 'tap';
import { ManualClock } from '../../core/index.js';
import { HubTime } from '../../sync/hubTime.js';

const HUB = Date.UTC(2026, 10, 30, 12);

t.test('a late ack does not pull the hub time back; a hub clock stepped back is followed after ten minutes', async (t) => {
  const clock = new ManualClock(Date.UTC(1970, 0, 1)); // a device with a dead RTC
  const time = new HubTime(clock);
  t.equal(time.now(), null, 'unknown until the hub is heard from');
  time.learn(HUB);
  t.equal(time.now(), HUB);
  clock.advance(5_000);
  // An ack the hub stamped 2.1 s before it arrived (held in a broker that restarted).
  time.learn(HUB + 5_000 - 2_100);
  t.equal(time.now(), HUB + 5_000, 'the late stamp is a lower bound, not the time');
  time.learn(HUB + 5_000);
  t.equal(time.now(), HUB + 5_000);
  // The hub's clock is stepped back an hour: every stamp is now lower.
  clock.advance(60_000);
  time.learn(HUB + 65_000 - 3_600_000);
  t.equal(time.now(), HUB + 65_000, 'within ten minutes the highest estimate stands');
  clock.advance(10 * 60_000 + 1);
  const stamp = HUB + 65_000 + 10 * 60_000 + 1 - 3_600_000;
  time.learn(stamp);
  t.equal(time.now(), stamp, 'then the hub\'s new time is taken');
});

t.test('a stamp that cannot be dated (a config push) moves the hub time forward only, however long the estimate has stood', async (t) => {
  const clock = new ManualClock(HUB);
  const time = new HubTime(clock);
  time.learn(HUB);
  clock.advance(60 * 60_000);
  time.learn(HUB - 40 * 86_400_000, false);
  t.equal(time.now(), HUB + 60 * 60_000, 'a push recorded 40 days ago and replayed an hour later is not taken');
  time.learn(HUB + 60 * 60_000 + 500, false);
  t.equal(time.now(), HUB + 60 * 60_000 + 500, 'a later one is');
});
