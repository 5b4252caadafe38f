import type { CapturedImage } from '../drivers/index.js';

/** A point in frame pixels. */
export interface Point {
  x: number;
  y: number;
}

/** One plate read from one trigger's burst (after voting across its frames). */
export interface PlateRead {
  text: string;
  /** Whole-plate confidence 0..1. */
  confidence: number;
  charConfidences: number[];
  /** Issuing region (US state code) or null when unknown. */
  region: string | null;
  regionConfidence: number;
  /** Four corners, clockwise from top-left, in the pixels of `frameIndex`. */
  corners: [Point, Point, Point, Point];
  /** Which frame of the burst gave the best view (its image becomes the context image). */
  frameIndex: number;
  /** JPEG of the plate region. */
  crop: Buffer;
  lowConfidence: boolean;
}

/**
 * Reads plates from the frames of one trigger. Issue 2's recognizer implements it; the pipeline
 * runs without one (capture only) until a recognizer is configured.
 */
export interface Recognizer {
  recognizeBurst(frames: readonly CapturedImage[]): Promise<PlateRead[]>;
}

/** A read as the appliance keeps it until the hub confirms it. */
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
  corners: PlateRead['corners'];
  crop: Buffer;
  context: Buffer;
}

/** Where reads go (issue 3's encrypted LevelDB buffer implements it). */
export interface ReadStore {
  /** Resolves once the read is durable. */
  append(read: ReadRecord): Promise<void>;
}
