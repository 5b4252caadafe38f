import { sign, verify, type KeyObject } from 'node:crypto';

/**
 * The password a device presents to the embedded broker: its id and the current time, signed
 * with its Ed25519 key. No shared secret lives on the pole; a token is good for `maxSkewMs` on
 * either side of the hub's clock, and the uplink makes a new one for every (re)connect.
 */
export function brokerToken(deviceId: string, deviceKey: KeyObject, nowMs: number): string {
  const message = `alpr-broker|${deviceId}|${nowMs}`;
  return `v1.${nowMs}.${sign(null, Buffer.from(message), deviceKey).toString('base64url')}`;
}

export function verifyBrokerToken(deviceId: string, token: string, publicKey: KeyObject, nowMs: number, maxSkewMs = 5 * 60_000): boolean {
  const [version, ts, sig] = token.split('.');
  const at = Number(ts);
  if (version !== 'v1' || !Number.isFinite(at) || !sig || Math.abs(nowMs - at) > maxSkewMs) return false;
  try {
    return verify(null, Buffer.from(`alpr-broker|${deviceId}|${at}`), publicKey, Buffer.from(sig, 'base64url'));
  } catch {
    return false;
  }
}
