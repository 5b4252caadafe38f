import { isVehicleColour, READ_COLOURS, type VehicleColour } from '../core/index.js';
import type { ReadRecord } from './readRecord.js';
import { alpr } from './proto/wire.js';

/**
 * A buffered read as it goes on the wire: `hubCapturedAt` (the capture time on the hub's clock) is
 * what the hub judges and files; the appliance's own reading of its clock travels beside it.
 */
export function toWireRead(r: ReadRecord, hubCapturedAt: number): alpr.v1.IRead {
  return {
    id: r.id, capturedAtMs: hubCapturedAt, deviceCapturedAtMs: r.capturedAt, siteId: r.siteId, cameraId: r.cameraId, plate: r.plate, confidence: r.confidence,
    charConfidences: r.charConfidences, region: r.region ?? '', regionConfidence: r.regionConfidence, lowConfidence: r.lowConfidence,
    corners: r.corners.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })), cropJpeg: r.crop, contextJpeg: r.context,
    vehicleColour: r.vehicleColour ?? 'unknown',
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLATE = /^[A-Z0-9]{1,12}$/;

/** Why a wire read cannot be stored, or null when it can. The hub checks every field it keeps. */
export function wireReadProblem(r: alpr.v1.IRead, maxImageBytes: number): string | null {
  if (!r.id || !UUID.test(r.id)) return 'id is not a UUID';
  if (typeof r.capturedAtMs !== 'number' || !Number.isFinite(r.capturedAtMs) || r.capturedAtMs <= 0) return 'captured_at_ms is missing';
  if (!r.plate || !PLATE.test(r.plate)) return 'plate must be 1-12 upper-case letters and digits';
  if (!r.cameraId || r.cameraId.length > 32) return 'camera_id is missing or too long';
  const conf = r.confidence ?? 0;
  if (!(conf >= 0 && conf <= 1)) return 'confidence is out of range';
  if ((r.cropJpeg?.length ?? 0) > maxImageBytes || (r.contextJpeg?.length ?? 0) > maxImageBytes) return 'an image is larger than the hub accepts';
  if (r.region && !/^[A-Z]{2}$/.test(r.region)) return 'region must be a two-letter code';
  if (r.vehicleColour && !isVehicleColour(r.vehicleColour)) return `vehicle_colour must be one of ${READ_COLOURS.join(', ')}`;
  return null;
}

/** The colour a wire read carries: appliances older than the field send none, which is unknown. */
export function wireReadColour(r: alpr.v1.IRead): VehicleColour {
  return isVehicleColour(r.vehicleColour) ? r.vehicleColour : 'unknown';
}
