import { AlprError, isVehicleColour, READ_COLOURS } from '../../core/index.js';
import type { ReadRecord } from '../recognition.js';

/** Checks a read before it is stored: every field present with the right type. */
export function validateRead(read: unknown): asserts read is ReadRecord {
  const problems: string[] = [];
  const r = read as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') throw new AlprError('ALPR_ERR_BUFFER_INVALID_READ', 'a read must be an object');
  const str = (k: string, max = 128) => {
    if (typeof r[k] !== 'string' || (r[k] as string).length > max) problems.push(`${k}: must be a string of at most ${max} characters`);
  };
  const num = (k: string, min: number, max: number) => {
    const v = r[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) problems.push(`${k}: must be a number from ${min} to ${max}`);
  };
  str('id', 64);
  if (typeof r.id === 'string' && r.id.length === 0) problems.push('id: must not be empty');
  num('capturedAt', 0, 8.64e15);
  if (r.hubCapturedAt !== undefined) num('hubCapturedAt', 0, 8.64e15);
  str('deviceId');
  str('siteId');
  str('cameraId');
  str('plate', 16);
  num('confidence', 0, 1);
  num('regionConfidence', 0, 1);
  if (r.region !== null && typeof r.region !== 'string') problems.push('region: must be a string or null');
  if (typeof r.lowConfidence !== 'boolean') problems.push('lowConfidence: must be a boolean');
  if (!Array.isArray(r.charConfidences) || !r.charConfidences.every((c) => typeof c === 'number' && c >= 0 && c <= 1)) problems.push('charConfidences: must be numbers from 0 to 1');
  // Absent only in reads kept by firmware older than the field (they travel as unknown).
  if (r.vehicleColour !== undefined && !isVehicleColour(r.vehicleColour)) problems.push(`vehicleColour: must be one of ${READ_COLOURS.join(', ')}`);
  if (!Array.isArray(r.corners) || r.corners.length !== 4) problems.push('corners: must be four points');
  if (!Buffer.isBuffer(r.crop)) problems.push('crop: must be a Buffer (JPEG)');
  if (!Buffer.isBuffer(r.context)) problems.push('context: must be a Buffer (JPEG)');
  if (problems.length) throw new AlprError('ALPR_ERR_BUFFER_INVALID_READ', `invalid read: ${problems.join('; ')}`, { details: { problems } });
}
