import type { CameraConfig } from '../../drivers/index.js';
import type { ApplianceConfig } from './schema.js';

/** The driver's camera config from the validated appliance config (the appliance and the self-test build the same camera). */
export function cameraConfigOf(cam: ApplianceConfig['camera']): CameraConfig {
  switch (cam.type) {
    case 'replay':
      return { type: 'replay', cameraId: cam.cameraId, folder: cam.folder, loop: cam.loop, framesPerSecond: cam.framesPerSecond, frameFormat: cam.frameFormat };
    case 'v4l2':
      return { type: 'v4l2', cameraId: cam.cameraId, device: cam.device, width: cam.width, height: cam.height, frameFormat: cam.frameFormat, inputFormat: cam.inputFormat };
    default:
      return { type: 'libcamera', cameraId: cam.cameraId, width: cam.width, height: cam.height, frameFormat: cam.frameFormat, quality: cam.quality };
  }
}
