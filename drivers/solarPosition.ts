/**
 * Solar elevation from the NOAA solar calculator equations (Meeus), accurate to a fraction of a
 * degree between 1901 and 2099: enough to switch an illuminator at dusk to within a minute or two.
 */
const RAD = Math.PI / 180;

export function solarElevationDeg(timeMs: number, latitudeDeg: number, longitudeDeg: number): number {
  const julianDay = timeMs / 86_400_000 + 2440587.5;
  const t = (julianDay - 2451545) / 36525; // Julian centuries since J2000
  const meanLongitude = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
  const meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const center =
    Math.sin(meanAnomaly * RAD) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * meanAnomaly * RAD) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * meanAnomaly * RAD) * 0.000289;
  const trueLongitude = meanLongitude + center;
  const omega = 125.04 - 1934.136 * t;
  const apparentLongitude = trueLongitude - 0.00569 - 0.00478 * Math.sin(omega * RAD);
  const meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = meanObliquity + 0.00256 * Math.cos(omega * RAD);
  const declination = Math.asin(Math.sin(obliquity * RAD) * Math.sin(apparentLongitude * RAD));

  const y = Math.tan((obliquity / 2) * RAD) ** 2;
  const equationOfTimeMin =
    4 / RAD *
    (y * Math.sin(2 * meanLongitude * RAD) -
      2 * eccentricity * Math.sin(meanAnomaly * RAD) +
      4 * eccentricity * y * Math.sin(meanAnomaly * RAD) * Math.cos(2 * meanLongitude * RAD) -
      0.5 * y * y * Math.sin(4 * meanLongitude * RAD) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * meanAnomaly * RAD));

  const minutesUtc = (((timeMs % 86_400_000) + 86_400_000) % 86_400_000) / 60_000;
  const trueSolarMin = (((minutesUtc + equationOfTimeMin + 4 * longitudeDeg) % 1440) + 1440) % 1440;
  const hourAngle = trueSolarMin / 4 - 180;
  const cosZenith =
    Math.sin(latitudeDeg * RAD) * Math.sin(declination) +
    Math.cos(latitudeDeg * RAD) * Math.cos(declination) * Math.cos(hourAngle * RAD);
  return 90 - Math.acos(Math.min(1, Math.max(-1, cosZenith))) / RAD;
}

/** The sun's upper limb at the horizon, with standard refraction: the sunrise/sunset definition. */
export const SUNSET_ELEVATION_DEG = -0.833;
