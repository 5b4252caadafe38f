import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlprError, type Clock } from '../../core/index.js';
import { burstFilePattern, readBurstFolder } from './burstFolder.js';
import type { BurstRequest, Camera, CapturedImage, FrameEncoding } from './types.js';

export interface LibcameraCameraOptions {
  cameraId: string;
  width: number;
  height: number;
  /** 'raw': I420 frames (`--encoding yuv420`), no JPEG per frame; 'jpeg': JPEG files. */
  frameFormat: FrameEncoding;
  /** JPEG quality 1..100 (frameFormat 'jpeg'). */
  quality: number;
  clock: Clock;
}

type Still = (options: Record<string, unknown>) => Promise<string>;

/**
 * Raspberry Pi cameras through libcamera-still (node-libcamera). A burst is one libcamera-still
 * run in timelapse mode, so the sensor is configured once and frames come `intervalMs` apart;
 * exposure is manual (fixed shutter and gain, fixed white balance) because auto-exposure picks
 * long shutters at night and smears moving plates. Raw frames are written as packed I420 (the
 * tool drops the ISP's row padding: see rawFrame.ts) and checked against width x height.
 */
export class LibcameraCamera implements Camera {
  readonly kind = 'libcamera' as const;
  private still: Still | null = null;
  private workDir: string | null = null;

  constructor(private readonly ctx: LibcameraCameraOptions) {}

  get cameraId(): string {
    return this.ctx.cameraId;
  }

  async start(): Promise<void> {
    const mod = (await import('node-libcamera')) as unknown as { still?: Still; default?: { still: Still } };
    this.still = mod.still ?? mod.default?.still ?? null;
    if (!this.still) throw new AlprError('ALPR_ERR_CAMERA_UNAVAILABLE', 'libcamera camera: node-libcamera has no still()');
    this.workDir = await mkdtemp(join(tmpdir(), 'alpr-libcamera-'));
  }

  async stop(): Promise<void> {
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
    this.workDir = null;
  }

  async captureBurst(request: BurstRequest): Promise<CapturedImage[]> {
    if (!this.still || !this.workDir) throw new AlprError('ALPR_ERR_CAMERA_UNAVAILABLE', 'libcamera camera: not started');
    const burstDir = await mkdtemp(join(this.workDir, 'burst-'));
    const startedAt = this.ctx.clock.now();
    const interval = Math.max(1, Math.round(request.intervalMs));
    const raw = this.ctx.frameFormat === 'raw';
    try {
      try {
        await this.still({
          output: join(burstDir, burstFilePattern(raw)),
          ...(raw ? { encoding: 'yuv420' } : { quality: this.ctx.quality }),
          nopreview: true,
          immediate: true,
          width: this.ctx.width,
          height: this.ctx.height,
          shutter: Math.round(request.exposure.shutterUs),
          gain: request.exposure.gain,
          awbgains: [1, 1],
          denoise: 'cdn_off',
          timelapse: interval,
          timeout: interval * request.frames,
          framestart: 0,
        });
      } catch (cause) {
        throw new AlprError('ALPR_ERR_CAMERA_CAPTURE', 'libcamera camera: libcamera-still failed', { cause });
      }
      return await readBurstFolder(burstDir, { raw, width: this.ctx.width, height: this.ctx.height, maxFrames: request.frames, startedAt, intervalMs: interval, camera: 'libcamera', tool: 'libcamera-still' });
    } finally {
      await rm(burstDir, { recursive: true, force: true });
    }
  }
}
