import { randomUUID } from 'node:crypto';
import type { ReadRecord } from '../../firmware/index.js';

let counter = 0;

/** A read as the pipeline would produce it; images are filler bytes of the given size. */
export function makeRead(overrides: Partial<ReadRecord> & { imageBytes?: number } = {}): ReadRecord {
  const { imageBytes = 64, ...rest } = overrides;
  counter++;
  const p = { x: 1, y: 2 };
  return {
    id: randomUUID(),
    capturedAt: Date.UTC(2026, 5, 1) + counter,
    deviceId: 'pole-1',
    siteId: 'site-1',
    cameraId: 'cam0',
    plate: `TST${String(counter % 10000).padStart(4, '0')}`,
    confidence: 0.93,
    charConfidences: [0.9, 0.95, 0.97],
    region: 'IL',
    regionConfidence: 0.7,
    lowConfidence: false,
    corners: [p, p, p, p],
    vehicleColour: 'silver',
    crop: Buffer.alloc(Math.max(1, Math.floor(imageBytes / 4)), 0xab),
    context: Buffer.alloc(imageBytes, 0xcd),
    ...rest,
  };
}
