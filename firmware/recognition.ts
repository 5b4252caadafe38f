import type { CapturedImage } from '../drivers/index.js';
import type { BurstPlate, Point } from '../inference/index.js';
import type { ReadRecord } from '../sync/index.js';

/** One plate read from one trigger's burst, after voting: what the recognizer in inference/ returns. */
export type PlateRead = BurstPlate;
export type { Point };

/**
 * Reads plates from the frames of one trigger (inference's PlateRecognizer). The pipeline runs
 * without one (capture only) when recognition is off in the config.
 */
export interface Recognizer {
  recognizeBurst(frames: readonly CapturedImage[]): Promise<PlateRead[]>;
}

/** A read as the appliance keeps it until the hub confirms it (defined in sync/, below firmware). */
export type { ReadRecord };

/** Where reads go (issue 3's encrypted LevelDB buffer implements it). */
export interface ReadStore {
  /** Resolves once the read is durable. */
  append(read: ReadRecord): Promise<void>;
}
