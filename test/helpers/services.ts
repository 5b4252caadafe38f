import { reachable } from '../../bench/fleet/tcpProbe.js';

export { reachable };

export const PG_URL = process.env.ALPR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MOSQUITTO_URL = process.env.ALPR_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/**
 * Whether a test that needs a real service can run. Unreachable: the test is skipped with the
 * reason shown, unless ALPR_REQUIRE_SERVICES=1 (as .ci/run sets), where it fails instead.
 */
export async function serviceAvailable(t: { plan(n: number, comment?: string): void; fail(msg: string): void }, name: 'postgres' | 'mosquitto'): Promise<boolean> {
  const url = new URL(name === 'postgres' ? PG_URL : MOSQUITTO_URL);
  const ok = await reachable(url.hostname, Number(url.port || (name === 'postgres' ? 5432 : 1883)));
  if (ok) return true;
  const reason = `${name} is not reachable at ${url.host}`;
  if (process.env.ALPR_REQUIRE_SERVICES === '1') t.fail(`${reason} (ALPR_REQUIRE_SERVICES=1)`);
  else t.plan(0, `skipped: ${reason}`);
  return false;
}
