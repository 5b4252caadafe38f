import { alpr, wireReadColour, wireReadProblem } from '../../sync/index.js';
import type { SqlDb } from '../db/sql.js';
import { DEFAULT_RETENTION } from '../retention/retentionService.js';
import { siteInService } from '../sites/siteRegistry.js';
import type { Device, HubRead } from '../store/index.js';

/** How far ahead of the hub's clock a read's capture time may be (the policy file may change it). */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface ReadLimits {
  /** The largest crop or context image the hub takes. */
  maxImageBytes: number;
  /**
   * Reads captured further ahead of the hub's clock than this are refused (default
   * DEFAULT_MAX_FUTURE_SKEW_MS): a read dated in the future would otherwise sit in a day table
   * that the purge reaches late.
   */
  maxFutureSkewMs?: number;
  /**
   * Reads captured longer ago than this are refused (the purge's own retention; by default
   * DEFAULT_RETENTION's): the purge deleted them, and a batch sent again (by the broker, or by
   * whoever kept its bytes) would otherwise bring them back, searchable and matched against the
   * hot list, until the next purge.
   */
  retentionMs?: number;
}

/**
 * Why a read was refused. `kind` says what the hub counts it as: `future` a capture time beyond the
 * allowed skew (an appliance's clock), `expired` one before the retention period (VI), `site` a
 * site not approved and in service or a camera the site does not list (General Order 4.68 V),
 * `invalid` anything else (malformed, another site).
 */
export interface ReadRefusal {
  readId: string;
  reason: string;
  kind: 'invalid' | 'future' | 'expired' | 'site';
}

export type ReadVerdict = { read: HubRead } | { refused: ReadRefusal };

/**
 * The one check of a read a device sent, whether it came in a batch (IngestService) or with a
 * hot-list hit (AlertLink): the two paths store reads alike, so they take the same check and
 * cannot drift apart. A read is refused when it is malformed, names another site than the
 * device's, was taken at a site that is not approved and in service (retired, or not in the
 * registry at all) or by a camera the site does not list, or is dated further ahead of the hub's
 * clock than the allowed skew. Otherwise it comes back as the HubRead to store, received at
 * `receivedAt` and at the device's site.
 *
 * The device's site is read from the registry once, now: a retirement takes effect from the next
 * batch or hit on. A failure to read it throws, and the caller's message goes back to the broker
 * (a passing condition, as for a failed store write).
 */
export async function readChecker(sql: SqlDb, device: Device, limits: ReadLimits, receivedAt: number): Promise<(r: alpr.v1.Read) => ReadVerdict> {
  const { site, refusal } = await siteInService(sql, device.siteId);
  const latestCapture = receivedAt + (limits.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS);
  const earliestCapture = receivedAt - (limits.retentionMs ?? DEFAULT_RETENTION.retentionMs);
  return (r) => {
    const refused = (reason: string, kind: ReadRefusal['kind']): ReadVerdict => ({ refused: { readId: r.id ?? '', reason, kind } });
    const problem = wireReadProblem(r, limits.maxImageBytes);
    if (problem) return refused(problem, 'invalid');
    if (r.siteId !== device.siteId) return refused(`read is from site ${r.siteId}, the device is bound to ${device.siteId}`, 'invalid');
    if (refusal) return refused(refusal.message, 'site');
    if (!site.cameras.includes(r.cameraId)) return refused(`camera ${r.cameraId} is not one the site ${site.siteId} lists`, 'site');
    const capturedAt = Number(r.capturedAtMs);
    if (capturedAt > latestCapture) {
      return refused(`captured ${Math.round((capturedAt - receivedAt) / 1000)} s ahead of the hub's clock; at most ${Math.round((latestCapture - receivedAt) / 1000)} s is accepted`, 'future');
    }
    if (capturedAt < earliestCapture) return refused(`captured ${Math.floor((receivedAt - capturedAt) / 86_400_000)} days ago, before the retention period: reads older than that are deleted, not taken in`, 'expired');
    return {
      read: {
        id: r.id, deviceId: device.deviceId, siteId: device.siteId, cameraId: r.cameraId, capturedAt, receivedAt,
        plate: r.plate, confidence: r.confidence, charConfidences: [...r.charConfidences], region: r.region || null,
        regionConfidence: r.regionConfidence, lowConfidence: r.lowConfidence, corners: r.corners.map((p) => ({ x: p.x ?? 0, y: p.y ?? 0 })), vehicleColour: wireReadColour(r),
        crop: Buffer.from(r.cropJpeg), context: Buffer.from(r.contextJpeg),
      },
    };
  };
}
