import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AlprError, type Clock } from '../../core/index.js';
import { checkImage, type ImageLimits, DEFAULT_IMAGE_LIMITS } from './imageCheck.js';
import { rawFrameOfImage } from './rawFrame.js';
import type { BurstRequest, Camera, CapturedImage, FrameEncoding } from './types.js';

export interface ReplayCameraOptions {
  cameraId: string;
  folder: string;
  loop: boolean;
  /** Frames are handed out no faster than this (0 = as fast as asked). */
  framesPerSecond: number;
  /** 'jpeg' (default): each file as it is; 'raw': each file as a raw camera hands it (I420), so tests and the demo run the raw path. */
  frameFormat?: FrameEncoding;
  clock: Clock;
  limits?: ImageLimits;
}

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);

/**
 * Replays a folder of JPEG/PNG frames in file-name order, as if a camera saw them (as files, or
 * converted to the raw I420 a libcamera or V4L2 camera hands over): for
 * development, the demo, and re-running recorded traffic after a model change. A corrupt file
 * fails its own capture with a typed error; the next capture moves on to the next file.
 */
export class ReplayCamera implements Camera {
  readonly kind = 'replay' as const;
  private files: string[] = [];
  private next = 0;
  private lastFrameAt = -Infinity;

  constructor(private readonly ctx: ReplayCameraOptions) {}

  get cameraId(): string {
    return this.ctx.cameraId;
  }

  /** True once every file has been handed out and the camera does not loop. */
  get exhausted(): boolean {
    return !this.ctx.loop && this.next >= this.files.length;
  }

  get frameCount(): number {
    return this.files.length;
  }

  async start(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.ctx.folder);
    } catch (cause) {
      throw new AlprError('ALPR_ERR_CAMERA_UNAVAILABLE', `replay camera: folder ${this.ctx.folder} cannot be read`, { cause });
    }
    this.files = names.filter((n) => IMAGE_EXTENSIONS.has(extname(n).toLowerCase())).sort().map((n) => join(this.ctx.folder, n));
    if (this.files.length === 0) {
      throw new AlprError('ALPR_ERR_CAMERA_UNAVAILABLE', `replay camera: folder ${this.ctx.folder} holds no JPEG or PNG frames`);
    }
    this.next = 0;
  }

  async stop(): Promise<void> {
    this.files = [];
  }

  async captureBurst(request: BurstRequest): Promise<CapturedImage[]> {
    const frames: CapturedImage[] = [];
    const minGapMs = Math.max(request.intervalMs, this.ctx.framesPerSecond > 0 ? 1000 / this.ctx.framesPerSecond : 0);
    for (let i = 0; i < request.frames; i++) {
      if (this.ctx.loop && this.next >= this.files.length) this.next = 0;
      const file = this.files[this.next];
      if (file === undefined) break;
      this.next++;
      const wait = this.lastFrameAt + minGapMs - this.ctx.clock.monotonic();
      if (wait > 0) await this.ctx.clock.sleep(wait);
      this.lastFrameAt = this.ctx.clock.monotonic();
      frames.push(await this.load(file, this.ctx.clock.now()));
    }
    return frames;
  }

  private async load(file: string, capturedAt: number): Promise<CapturedImage> {
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (cause) {
      throw new AlprError('ALPR_ERR_CAMERA_CAPTURE', `replay camera: ${file} cannot be read`, { cause });
    }
    const limits = this.ctx.limits ?? DEFAULT_IMAGE_LIMITS;
    const info = await checkImage(data, file, limits);
    if (this.ctx.frameFormat !== 'raw') return { ...info, data, capturedAt, origin: file };
    const raw = await rawFrameOfImage(data, file);
    return { format: 'yuv420', ...raw, capturedAt, origin: file };
  }
}
