import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AlprError, type Clock, type Logger } from '../../core/index.js';
import { burstFilePattern, readBurstFolder } from './burstFolder.js';
import type { BurstRequest, Camera, CapturedImage, FrameEncoding } from './types.js';

const run = promisify(execFile);

export type V4l2InputFormat = 'yuyv422' | 'nv12' | 'mjpeg';

export interface V4l2CameraOptions {
  cameraId: string;
  device: string;
  width: number;
  height: number;
  /** 'raw': I420 frames, no JPEG per frame; 'jpeg': the camera's MJPEG, as it sent it. */
  frameFormat: FrameEncoding;
  /**
   * frameFormat 'raw': the pixel format asked of the camera (ffmpeg's names). yuyv422 and nv12 are
   * the uncompressed modes, repacked to I420 by ffmpeg; mjpeg is the fallback for cameras whose
   * raw mode cannot reach the size or rate (USB 2 cameras at 1080p): ffmpeg then decodes it, in
   * its own process, off the recognizer's.
   */
  inputFormat: V4l2InputFormat;
  clock: Clock;
  logger: Logger;
}

/**
 * USB and CSI cameras exposed as V4L2 devices (Jetson, industrial USB cameras), captured with
 * ffmpeg. Manual exposure is set with v4l2-ctl when it is installed; without it the camera keeps
 * its own exposure and a warning says so once.
 */
export class V4l2Camera implements Camera {
  readonly kind = 'v4l2' as const;
  private workDir: string | null = null;
  private exposureControl = true;

  constructor(private readonly ctx: V4l2CameraOptions) {}

  get cameraId(): string {
    return this.ctx.cameraId;
  }

  async start(): Promise<void> {
    try {
      await run('ffmpeg', ['-hide_banner', '-version']);
    } catch (cause) {
      throw new AlprError('ALPR_ERR_CAMERA_UNAVAILABLE', 'v4l2 camera: ffmpeg is not installed (apt-get install ffmpeg)', { cause });
    }
    this.workDir = await mkdtemp(join(tmpdir(), 'alpr-v4l2-'));
  }

  async stop(): Promise<void> {
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
    this.workDir = null;
  }

  async captureBurst(request: BurstRequest): Promise<CapturedImage[]> {
    if (!this.workDir) throw new AlprError('ALPR_ERR_CAMERA_UNAVAILABLE', 'v4l2 camera: not started');
    await this.setExposure(request);
    const burstDir = await mkdtemp(join(this.workDir, 'burst-'));
    const fps = Math.max(1, Math.round(1000 / Math.max(1, request.intervalMs)));
    const startedAt = this.ctx.clock.now();
    const raw = this.ctx.frameFormat === 'raw';
    // Raw: one packed yuv420p file per frame (image2 muxer, rawvideo codec), like the JPEG files.
    const output = raw ? ['-f', 'image2', '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p'] : ['-q:v', '2'];
    // A V4L2 camera's YUYV and NV12 are limited range (Y 16-235), as V4L2 defines them for video,
    // and ffmpeg keeps the range it was given; the grey the networks read and the colour maths
    // (drivers/camera/rawFrame.ts) are full range, as libcamera's stills and every JPEG are. Left
    // alone, black would reach the reader as 16 and white as 235: a flatter plate than any it was
    // trained on. So raw frames are scaled to full range here (a no-op for a full-range source).
    const filters = raw ? `fps=${fps},scale=out_range=full` : `fps=${fps}`;
    try {
      try {
        await run('ffmpeg', [
          '-hide_banner', '-loglevel', 'error', '-f', 'v4l2', '-input_format', raw ? this.ctx.inputFormat : 'mjpeg',
          '-video_size', `${this.ctx.width}x${this.ctx.height}`, '-i', this.ctx.device,
          '-vf', filters, '-frames:v', String(request.frames), ...output, join(burstDir, burstFilePattern(raw)),
        ], { timeout: 10_000 + request.frames * request.intervalMs });
      } catch (cause) {
        throw new AlprError('ALPR_ERR_CAMERA_CAPTURE', `v4l2 camera: ffmpeg could not capture from ${this.ctx.device}`, { cause });
      }
      return await readBurstFolder(burstDir, { raw, width: this.ctx.width, height: this.ctx.height, maxFrames: request.frames, startedAt, intervalMs: request.intervalMs, camera: 'v4l2', tool: 'ffmpeg' });
    } finally {
      await rm(burstDir, { recursive: true, force: true });
    }
  }

  private async setExposure(request: BurstRequest): Promise<void> {
    if (!this.exposureControl) return;
    // V4L2 exposure_time_absolute is in units of 100 microseconds.
    const controls = `auto_exposure=1,exposure_time_absolute=${Math.max(1, Math.round(request.exposure.shutterUs / 100))},gain=${Math.round(request.exposure.gain)}`;
    try {
      await run('v4l2-ctl', ['-d', this.ctx.device, '--set-ctrl', controls]);
    } catch (err) {
      this.exposureControl = false;
      this.ctx.logger.warn({ err }, 'v4l2-ctl could not set manual exposure; the camera keeps its own');
    }
  }
}
