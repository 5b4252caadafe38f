import { sign, verify, type KeyObject } from 'node:crypto';

/**
 * Requests an appliance makes of the hub outside MQTT (key rotation, relocation, decommissioning)
 * are signed with its device key: the hub verifies them against the registered public key, so
 * only the appliance holding the key can change its own registration. `at` bounds replay; the
 * hub also refuses the same (device, action, at) twice.
 */
export interface DeviceRequest {
  deviceId: string;
  action: 'rotate-key' | 'relocate' | 'decommission';
  at: number;
  /** Action-specific fields (a new public key, a site id). */
  fields: Record<string, string>;
}

export function deviceRequestBytes(r: DeviceRequest): Buffer {
  const fields = Object.keys(r.fields).sort().map((k) => `${k}=${r.fields[k]}`).join('&');
  return Buffer.from(`alpr-device-request/1\n${r.deviceId}\n${r.action}\n${r.at}\n${fields}`);
}

export function signDeviceRequest(r: DeviceRequest, deviceKey: KeyObject): string {
  return sign(null, deviceRequestBytes(r), deviceKey).toString('base64');
}

export function verifyDeviceRequest(r: DeviceRequest, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, deviceRequestBytes(r), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
