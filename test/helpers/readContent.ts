import { createHash } from 'node:crypto';
import type { ReadRecord } from '../../firmware/index.js';
import type { HubRead, HubStore } from '../../hub/index.js';

/** What must arrive unchanged: the read's facts and a hash of each image. */
export interface ReadContent {
  id: string;
  deviceId: string;
  siteId: string;
  cameraId: string;
  capturedAt: number;
  plate: string;
  /** As a 32-bit float: the wire carries confidence as protobuf `float`. */
  confidence: number;
  region: string | null;
  /** Reads buffered by firmware older than the field arrive as unknown. */
  vehicleColour: string;
  cropSha256: string;
  contextSha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The hub keeps the capture time on its own clock: the appliance converts it with the hub time it
 * learned from the first ack or config push, which is good to about a round trip. Device and hub
 * share one clock in these tests, so the two times agree within this; anything further is a change.
 */
const CAPTURE_TIME_TOLERANCE_MS = 2000;

export function contentOf(r: ReadRecord | HubRead): ReadContent {
  return {
    id: r.id, deviceId: r.deviceId, siteId: r.siteId, cameraId: r.cameraId, capturedAt: r.capturedAt, plate: r.plate,
    confidence: Math.fround(r.confidence), region: r.region || null, vehicleColour: r.vehicleColour ?? 'unknown', cropSha256: sha256(r.crop), contextSha256: sha256(r.context),
  };
}

export interface ArrivalCheck {
  /** Captured reads the hub does not hold. */
  missing: string[];
  /** `id field: captured -> at hub` for every field that differs. */
  changed: string[];
  /** Reads the hub holds for these devices that were never captured. */
  unexpected: string[];
  /** Reads the hub received before one captured ahead of it by the same device. */
  outOfOrder: string[];
}

/**
 * Compares what arrived at the hub with what was captured, read by read and field by field.
 * `captured` is in the order each device handed reads to its buffer: the uplink promises that
 * order per device, so a read may not arrive (receivedAt) before an earlier one of its device.
 */
export async function checkArrival(store: HubStore, captured: ReadContent[]): Promise<ArrivalCheck> {
  const check: ArrivalCheck = { missing: [], changed: [], unexpected: [], outOfOrder: [] };
  const devices = new Set(captured.map((c) => c.deviceId));
  const lastArrival = new Map<string, { id: string; at: number }>();
  for (const want of captured) {
    const read = await store.getRead(want.id);
    if (!read) {
      check.missing.push(want.id);
      continue;
    }
    const got = contentOf(read) as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(want)) {
      const same = field === 'capturedAt' ? Math.abs(Number(got[field]) - Number(value)) <= CAPTURE_TIME_TOLERANCE_MS : got[field] === value;
      if (!same) check.changed.push(`${want.id} ${field}: ${String(value)} -> ${String(got[field])}`);
    }
    const before = lastArrival.get(want.deviceId);
    if (before && read.receivedAt < before.at) check.outOfOrder.push(`${want.id} arrived before ${before.id}`);
    lastArrival.set(want.deviceId, { id: want.id, at: read.receivedAt });
  }
  const wanted = new Set(captured.map((c) => c.id));
  for (const id of await store.allReadIds()) {
    if (wanted.has(id)) continue;
    const read = await store.getRead(id);
    if (read && devices.has(read.deviceId)) check.unexpected.push(id);
  }
  return check;
}
