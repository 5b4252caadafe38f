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
  capturedAt: number;
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
  crop: Buffer;
  context: Buffer;
}
