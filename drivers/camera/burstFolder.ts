import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError } from '../../core/index.js';
import { checkImage, DEFAULT_IMAGE_LIMITS } from './imageCheck.js';
import { checkRawFrame } from './rawFrame.js';
import type { CapturedImage } from './types.js';

export interface BurstFolderOptions {
  /** Raw I420 frames (`.yuv`, sized by width and height) or encoded JPEG files (`.jpg`). */
  raw: boolean;
  width: number;
  height: number;
  /** At most this many frames, in file-name order (a tool may write one more than asked). */
  maxFrames: number;
  /** Exposure time of the first frame and the spacing of the rest. */
  startedAt: number;
  intervalMs: number;
  /** Which camera and which tool wrote the folder, for errors and logs. */
  camera: 'libcamera' | 'v4l2';
  tool: 'libcamera-still' | 'ffmpeg';
}

/** The file name a capture tool is told to number its frames with (`frame%04d.yuv`). */
export const burstFilePattern = (raw: boolean): string => `frame%04d${raw ? '.yuv' : '.jpg'}`;

/**
 * The frames a capture tool (libcamera-still, ffmpeg) wrote into a burst folder, each checked
 * before the recognizer sees it: a raw frame must be exactly its I420 size, an encoded one must
 * decode within the image limits. None at all is a failed capture.
 */
export async function readBurstFolder(dir: string, options: BurstFolderOptions): Promise<CapturedImage[]> {
  const extension = options.raw ? '.yuv' : '.jpg';
  const names = (await readdir(dir)).filter((n) => n.endsWith(extension)).sort().slice(0, options.maxFrames);
  if (names.length === 0) throw new AlprError('ALPR_ERR_CAMERA_CAPTURE', `${options.camera} camera: ${options.tool} wrote no frames`);
  const frames: CapturedImage[] = [];
  for (const [index, name] of names.entries()) {
    const data = await readFile(join(dir, name));
    const capturedAt = options.startedAt + index * options.intervalMs;
    const label = `${options.camera} ${name}`;
    if (options.raw) {
      checkRawFrame(data, options.width, options.height, label, DEFAULT_IMAGE_LIMITS);
      frames.push({ format: 'yuv420', width: options.width, height: options.height, data, capturedAt, origin: name });
    } else {
      const info = await checkImage(data, label, DEFAULT_IMAGE_LIMITS);
      frames.push({ ...info, data, capturedAt, origin: name });
    }
  }
  return frames;
}
