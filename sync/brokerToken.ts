import { sign, verify, type KeyObject } from 'node:crypto';

/** How far a token's time may be from the hub's clock, either way. */
export const BROKER_TOKEN_VALIDITY_MS = 5 * 60_000;

/**
 * The password a device presents to the embedded broker: its id and a time, signed with its
 * Ed25519 key. No shared secret lives on the pole; a token is good for `maxSkewMs` on either side
 * of the hub's clock and for one login only (the broker records each one it accepts), so the
 * uplink makes a new one for every (re)connect.
 */
export function brokerToken(deviceId: string, deviceKey: KeyObject, atMs: number): string {
  const message = `alpr-broker|${deviceId}|${atMs}`;
  return `v1.${atMs}.${sign(null, Buffer.from(message), deviceKey).toString('base64url')}`;
}

/**
 * The token's time when it is signed by the device's key, whatever that time is, else null. A
 * token dated outside the window (an appliance whose clock is wrong or unset, or a token replayed
 * later) is let in by the embedded broker only to learn the hub's time (docs/sync.md).
 */
export function brokerTokenSignedAt(deviceId: string, token: string, publicKey: KeyObject): number | null {
  const [version, ts, sig] = token.split('.');
  const at = Number(ts);
  if (version !== 'v1' || !Number.isSafeInteger(at) || !sig) return null;
  try {
    return verify(null, Buffer.from(`alpr-broker|${deviceId}|${at}`), publicKey, Buffer.from(sig, 'base64url')) ? at : null;
  } catch {
    return null;
  }
}
