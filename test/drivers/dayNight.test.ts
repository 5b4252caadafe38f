import t from 'tap';
import { ManualClock } from '../../core/index.js';
import { DayNight, SimulatedLightSensor, type LightMode } from '../../drivers/index.js';
import { captureLogger } from '../helpers/index.js';

async function sensorSetup(lux: number) {
  const clock = new ManualClock();
  const sensor = new SimulatedLightSensor(lux);
  const dn = new DayNight({ source: { kind: 'sensor', sensor, nightBelowLux: 10, dayAboveLux: 50 }, pollMs: 100, holdMs: 1000, clock, logger: captureLogger().logger });
  const modes: LightMode[] = [];
  dn.on('lightModeChanged', (m) => modes.push(m));
  await dn.start();
  return { clock, sensor, dn, modes };
}

t.test('the sensor source adopts its first reading at once', async (tt) => {
  const { dn, modes } = await sensorSetup(5);
  tt.equal(dn.mode, 'night');
  tt.same(modes, ['night']);
});

t.test('light inside the hysteresis band changes nothing', async (tt) => {
  const { clock, sensor, dn } = await sensorSetup(5);
  sensor.lux = 30;
  await clock.advanceAsync(5000, 100);
  tt.equal(dn.mode, 'night');
});

t.test('a new mode must persist for the hold time (headlights on the sensor do not flip it)', async (tt) => {
  const { clock, sensor, dn, modes } = await sensorSetup(5);
  sensor.lux = 500; // headlights
  await clock.advanceAsync(500, 100);
  sensor.lux = 5;
  await clock.advanceAsync(2000, 100);
  tt.equal(dn.mode, 'night');
  sensor.lux = 500; // dawn
  await clock.advanceAsync(1200, 100);
  tt.equal(dn.mode, 'day');
  tt.same(modes, ['night', 'day']);
});

t.test('without a sensor, the sun at the site coordinates decides', async (tt) => {
  const clock = new ManualClock(Date.UTC(2026, 5, 21, 17, 0)); // noon in Chicago
  const dn = new DayNight({ source: { kind: 'sun', latitude: 41.88, longitude: -87.63 }, pollMs: 60_000, holdMs: 0, clock, logger: captureLogger().logger });
  await dn.start();
  tt.equal(dn.mode, 'day');
  await clock.advanceAsync(10 * 3600_000, 60_000); // 22:00 CDT
  tt.equal(dn.mode, 'night');
  await dn.stop();
});
