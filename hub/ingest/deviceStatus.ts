import { AlprError } from '../../core/index.js';
import { alpr } from '../../sync/index.js';

/** A device's retained status as the hub received it (not signed: the broker ACL vouches for the topic). */
export interface DeviceStatusReport {
  deviceId: string;
  online: boolean;
  at: number;
  unsyncedReads: number;
  oldestUnsyncedAgeS: number;
  tamperOpen: boolean;
  /** Reads this hub refused that the appliance holds aside (encrypted, until retention). */
  quarantinedReads?: number;
  /** The hot-list version the appliance holds (0: none); the hub pushes what it lacks. */
  hotlistVersion: number;
  /** The appliance's health object, at most MAX_HEALTH_JSON_BYTES of JSON. */
  health: Record<string, unknown> | null;
}

/** A whole status message: a few numbers and the health JSON. */
export const MAX_STATUS_BYTES = 32 * 1024;
/** The health field: the appliance's report is a few hundred bytes; this leaves room to grow. */
export const MAX_HEALTH_JSON_BYTES = 16 * 1024;

const refuse = (deviceId: string, why: string): never => {
  throw new AlprError('ALPR_ERR_SYNC_MALFORMED', `status of ${deviceId} refused: ${why}`, { details: { deviceId } });
};

const count = (value: unknown): number => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : NaN;
};

/**
 * Decodes and bounds a status message from `alpr/v1/<deviceId>/status`; throws
 * ALPR_ERR_SYNC_MALFORMED for anything oversized, malformed or out of range, so that nothing the
 * device listing cannot show is ever stored.
 */
export function parseDeviceStatus(deviceId: string, payload: Buffer): DeviceStatusReport {
  if (payload.length > MAX_STATUS_BYTES) return refuse(deviceId, `${payload.length} bytes, over the ${MAX_STATUS_BYTES}-byte limit`);
  let s: alpr.v1.DeviceStatus;
  try {
    s = alpr.v1.DeviceStatus.decode(payload);
  } catch {
    return refuse(deviceId, 'not a DeviceStatus message');
  }
  if (s.deviceId !== deviceId) return refuse(deviceId, `it names ${s.deviceId.slice(0, 64)} on this device's topic`);
  const at = count(s.atMs);
  const unsyncedReads = count(s.unsyncedReads);
  const oldestUnsyncedAgeS = count(s.oldestUnsyncedAgeS);
  const quarantinedReads = count(s.quarantinedReads);
  const hotlistVersion = count(s.hotlistVersion);
  if ([at, unsyncedReads, oldestUnsyncedAgeS, quarantinedReads, hotlistVersion].some(Number.isNaN)) return refuse(deviceId, 'its time, backlog and hot-list version must be non-negative whole numbers');
  let health: DeviceStatusReport['health'] = null;
  if (s.healthJson) {
    if (Buffer.byteLength(s.healthJson) > MAX_HEALTH_JSON_BYTES) return refuse(deviceId, `its health field is over the ${MAX_HEALTH_JSON_BYTES}-byte limit`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(s.healthJson);
    } catch {
      return refuse(deviceId, 'its health field is not JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse(deviceId, 'its health field is not a JSON object');
    health = parsed as Record<string, unknown>;
  }
  return { deviceId, online: s.online, at, unsyncedReads, oldestUnsyncedAgeS, tamperOpen: s.tamperOpen, quarantinedReads, hotlistVersion, health };
}
