import { AlprError, type Clock, type Logger } from '../../core/index.js';
import type { Camera, FrameEncoding } from './types.js';
import type { V4l2InputFormat } from './v4l2Camera.js';

export type CameraConfig =
  | { type: 'replay'; cameraId: string; folder: string; loop: boolean; framesPerSecond: number; frameFormat?: FrameEncoding }
  | { type: 'libcamera'; cameraId: string; width: number; height: number; frameFormat: FrameEncoding; quality: number }
  | { type: 'v4l2'; cameraId: string; device: string; width: number; height: number; frameFormat: FrameEncoding; inputFormat: V4l2InputFormat };

/** Builds the camera the config names, importing its backend lazily. */
export async function createCamera(config: CameraConfig, context: { clock: Clock; logger: Logger }): Promise<Camera> {
  switch (config.type) {
    case 'replay': {
      const { ReplayCamera } = await import('./replayCamera.js');
      return new ReplayCamera({ ...config, clock: context.clock });
    }
    case 'libcamera': {
      const { LibcameraCamera } = await import('./libcameraCamera.js');
      return new LibcameraCamera({ ...config, clock: context.clock });
    }
    case 'v4l2': {
      const { V4l2Camera } = await import('./v4l2Camera.js');
      return new V4l2Camera({ ...config, clock: context.clock, logger: context.logger });
    }
    default:
      throw new AlprError('ALPR_ERR_CAMERA_UNKNOWN_TYPE', `camera type ${JSON.stringify((config as { type: unknown }).type)} is not one of replay, libcamera, v4l2`);
  }
}
