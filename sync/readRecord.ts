import type { VehicleColour } from '../core/index.js';

/** A point in the context image's pixels. */
export interface ReadPoint {
  x: number;
  y: number;
}

/**
 * One read as the appliance keeps it until the hub confirms it, independent of the wire format:
 * the capture pipeline (firmware) makes it, the buffer (firmware) stores it, the uplink (sync)
 * sends it. It lives here, below both, so the arrows run downward.
 */
export interface ReadRecord {
  id: string;
  /** The appliance's own wall clock at capture (may be hours off, or 1970 on a dead RTC). */
  capturedAt: number;
  /**
   * The capture time on the hub's clock, when the appliance knew the hub's time at capture (see
   * sync/hubTime.ts); absent otherwise, and then worked out when the read is sent.
   */
  hubCapturedAt?: number;
  deviceId: string;
  siteId: string;
  cameraId: string;
  plate: string;
  confidence: number;
  charConfidences: number[];
  region: string | null;
  regionConfidence: number;
  lowConfidence: boolean;
  /** Four corners, clockwise from top-left. */
  corners: [ReadPoint, ReadPoint, ReadPoint, ReadPoint];
  /**
   * Body colour from the context image, or 'unknown' when the classifier is not sure. Absent in
   * reads buffered by firmware older than the field; those travel as unknown.
   */
  vehicleColour?: VehicleColour;
  crop: Buffer;
  context: Buffer;
}
