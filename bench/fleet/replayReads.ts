import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ReadRecord } from '../../firmware/index.js';
import { trafficPlate } from '../trafficPlates.js';

const DEMO_FRAMES = new URL('../../demo/frames', import.meta.url).pathname;
/** Distinct plates the fleet's traffic is drawn from. */
const PLATE_POOL = 100_000;

/** A read's two images, as small as an appliance on a thin link would send them. */
export interface ReplayImages {
  crop: Buffer;
  context: Buffer;
}

/**
 * The demo's street scenes (demo/frames) made small: the context a 320x180 JPEG (about 3 KB),
 * the crop a 130x66 JPEG (about 1.2 KB), the size of the plate in those scenes.
 */
export async function loadReplayImages(folder = DEMO_FRAMES): Promise<ReplayImages[]> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.jpg')).sort();
  return Promise.all(files.map(async (file) => {
    const frame = await readFile(join(folder, file));
    return {
      crop: await sharp(frame).resize(130, 66, { fit: 'fill' }).jpeg({ quality: 70 }).toBuffer(),
      context: await sharp(frame).resize(320, 180).jpeg({ quality: 60 }).toBuffer(),
    };
  }));
}

/**
 * One read as the capture pipeline makes it (firmware/pipeline/capturePipeline.ts): a fresh id,
 * the appliance's capture time and, once the hub's time is known, the capture time on the hub's
 * clock (stamped at capture, so a resend carries the same one).
 */
export function replayRead(o: { deviceId: string; siteId: string; images: ReplayImages; now: number; hubNow: number | null }): ReadRecord {
  const corner = (x: number, y: number) => ({ x, y });
  return {
    id: randomUUID(),
    capturedAt: o.now,
    ...(o.hubNow !== null ? { hubCapturedAt: o.hubNow } : {}),
    deviceId: o.deviceId,
    siteId: o.siteId,
    cameraId: 'cam0',
    plate: trafficPlate(PLATE_POOL),
    confidence: 0.9,
    charConfidences: [0.95, 0.9, 0.92, 0.97, 0.9, 0.88, 0.93],
    region: 'IL',
    regionConfidence: 0.8,
    lowConfidence: false,
    corners: [corner(165, 215), corner(295, 215), corner(295, 281), corner(165, 281)],
    crop: o.images.crop,
    context: o.images.context,
  };
}
