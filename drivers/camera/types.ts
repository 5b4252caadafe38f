export interface ExposureSettings {
  /** Manual shutter time in microseconds (auto-exposure blurs moving plates). */
  shutterUs: number;
  /** Combined analogue gain. */
  gain: number;
}

export interface BurstRequest {
  frames: number;
  intervalMs: number;
  exposure: ExposureSettings;
}

/** 'yuv420': raw packed I420 (drivers/camera/rawFrame.ts), no JPEG between the sensor and the networks. */
export type FrameFormat = 'jpeg' | 'png' | 'yuv420';

/** What a camera is asked to hand over: raw I420 frames, or JPEG (files as they are, for replay). */
export type FrameEncoding = 'raw' | 'jpeg';

/** One captured image as the camera produced it: encoded (JPEG/PNG) or raw I420. */
export interface CapturedImage {
  format: FrameFormat;
  width: number;
  height: number;
  data: Buffer;
  /** Wall-clock time of the exposure. */
  capturedAt: number;
  /** Where it came from (file name for replay), for logs; never shown as evidence. */
  origin: string;
}

export interface Camera {
  readonly kind: 'libcamera' | 'replay' | 'v4l2';
  readonly cameraId: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Captures up to `frames` images `intervalMs` apart. A replay camera that has run out (and
   * does not loop) returns fewer, then none.
   */
  captureBurst(request: BurstRequest): Promise<CapturedImage[]>;
}
