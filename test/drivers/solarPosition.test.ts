import t from 'tap';
import { solarElevationDeg, SUNSET_ELEVATION_DEG } from '../../drivers/index.js';

// Chicago (41.8781 N, 87.6298 W) on 2026-06-21: NOAA gives sunrise 05:15 CDT (10:15 UTC) and
// sunset 20:29 CDT (01:29 UTC on the 22nd); solar noon about 12:52 CDT, elevation about 71.6 deg.
const LAT = 41.8781;
const LON = -87.6298;

function crossing(fromMs: number, toMs: number): number {
  let lo = fromMs;
  let hi = toMs;
  const rising = solarElevationDeg(lo, LAT, LON) < SUNSET_ELEVATION_DEG;
  while (hi - lo > 1000) {
    const mid = (lo + hi) / 2;
    const below = solarElevationDeg(mid, LAT, LON) < SUNSET_ELEVATION_DEG;
    if (below === rising) lo = mid;
    else hi = mid;
  }
  return lo;
}

t.test('sunrise and sunset at the site match the NOAA tables within two minutes', async (tt) => {
  const sunrise = crossing(Date.UTC(2026, 5, 21, 8), Date.UTC(2026, 5, 21, 12));
  const sunset = crossing(Date.UTC(2026, 5, 21, 23), Date.UTC(2026, 5, 22, 3));
  tt.ok(Math.abs(sunrise - Date.UTC(2026, 5, 21, 10, 15)) < 120_000, `sunrise ${new Date(sunrise).toISOString()}`);
  tt.ok(Math.abs(sunset - Date.UTC(2026, 5, 22, 1, 29)) < 120_000, `sunset ${new Date(sunset).toISOString()}`);
});

t.test('the noon sun is high in summer and low in winter', async (tt) => {
  const june = solarElevationDeg(Date.UTC(2026, 5, 21, 17, 52), LAT, LON);
  const december = solarElevationDeg(Date.UTC(2026, 11, 21, 17, 58), LAT, LON);
  tt.ok(Math.abs(june - 71.6) < 0.5, `june ${june}`);
  tt.ok(Math.abs(december - 24.7) < 0.5, `december ${december}`);
});
