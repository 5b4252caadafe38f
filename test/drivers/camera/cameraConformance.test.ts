import t from 'tap';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock, systemClock } from '../../../core/index.js';
import { createCamera, type Camera, type CameraConfig } from '../../../drivers/index.js';
import { captureLogger, solidJpeg, solidPng, tempDir } from '../../helpers/index.js';

/**
 * One suite for every camera backend that can run here: replay over a folder, libcamera against
 * a stand-in libcamera-still on PATH, V4L2 against a stand-in ffmpeg on PATH.
 */
const standIns = fileURLToPath(new URL('../../fixtures/bin', import.meta.url));
process.env.PATH = `${standIns}:${process.env.PATH}`;

const exposure = { shutterUs: 800, gain: 4 };

async function backends(t: Tap.Test): Promise<Array<{ name: string; config: CameraConfig; log: string }>> {
  const dir = await tempDir(t);
  const jpeg = await solidJpeg(320, 240);
  process.env.ALPR_STANDIN_JPEG = join(dir, 'standin.jpg');
  await writeFile(process.env.ALPR_STANDIN_JPEG, jpeg);
  const frames = join(dir, 'frames');
  await (await import('node:fs/promises')).mkdir(frames);
  for (let i = 0; i < 5; i++) await writeFile(join(frames, `f${i}.jpg`), jpeg);
  return [
    { name: 'replay', config: { type: 'replay', cameraId: 'cam0', folder: frames, loop: false, framesPerSecond: 0 }, log: '' },
    { name: 'libcamera (stand-in libcamera-still)', config: { type: 'libcamera', cameraId: 'cam0', width: 320, height: 240, quality: 90 }, log: join(dir, 'libcamera.log') },
    { name: 'v4l2 (stand-in ffmpeg)', config: { type: 'v4l2', cameraId: 'cam0', device: '/dev/video0', width: 320, height: 240 }, log: join(dir, 'ffmpeg.log') },
  ];
}
declare namespace Tap { type Test = import('tap').Test }

t.test('every camera backend captures a burst of JPEG frames with manual exposure', async (t) => {
  for (const backend of await backends(t)) {
    await t.test(backend.name, async (tt) => {
      process.env.ALPR_STANDIN_LOG = backend.log;
      const camera: Camera = await createCamera(backend.config, { clock: systemClock, logger: captureLogger().logger });
      await camera.start();
      const frames = await camera.captureBurst({ frames: 3, intervalMs: 40, exposure });
      tt.equal(frames.length, 3);
      for (const f of frames) {
        tt.equal(f.format, 'jpeg');
        tt.equal(f.width, 320);
        tt.equal(f.height, 240);
        tt.ok(f.data.length > 100);
      }
      tt.ok(frames[2]!.capturedAt >= frames[0]!.capturedAt, 'capture times in order');
      await camera.stop();
      if (backend.log) {
        const calls = (await readFile(backend.log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as string[]);
        const flat = calls.flat().join(' ');
        if (backend.config.type === 'libcamera') {
          tt.match(flat, /--shutter 800/, 'manual shutter passed to libcamera-still');
          tt.match(flat, /--gain 4/, 'manual gain passed to libcamera-still');
        } else {
          tt.match(flat, /exposure_time_absolute=8,gain=4/, 'manual exposure set through v4l2-ctl');
        }
      }
    });
  }
});

t.test('libcamera: a failing libcamera-still is a typed capture error', async (tt) => {
  await backends(tt);
  process.env.ALPR_STANDIN_FAIL = '1';
  tt.teardown(() => delete process.env.ALPR_STANDIN_FAIL);
  const camera = await createCamera({ type: 'libcamera', cameraId: 'cam0', width: 320, height: 240, quality: 90 }, { clock: systemClock, logger: captureLogger().logger });
  await camera.start();
  await tt.rejects(camera.captureBurst({ frames: 2, intervalMs: 10, exposure }), { code: 'ALPR_ERR_CAMERA_CAPTURE' });
  await camera.stop();
});

t.test('v4l2: without ffmpeg the camera cannot start and says why', async (tt) => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  tt.teardown(() => (process.env.PATH = path));
  const camera = await createCamera({ type: 'v4l2', cameraId: 'cam0', device: '/dev/video0', width: 320, height: 240 }, { clock: systemClock, logger: captureLogger().logger });
  await tt.rejects(camera.start(), { code: 'ALPR_ERR_CAMERA_UNAVAILABLE' });
});

t.test('an unknown camera type is a typed error', async (tt) => {
  await tt.rejects(createCamera({ type: 'webcam' } as unknown as CameraConfig, { clock: new ManualClock(), logger: captureLogger().logger }), { code: 'ALPR_ERR_CAMERA_UNKNOWN_TYPE' });
});

t.test('PNG frames replay as well as JPEG', async (tt) => {
  const dir = await tempDir(tt);
  await writeFile(join(dir, 'a.png'), await solidPng(100, 50));
  const camera = await createCamera({ type: 'replay', cameraId: 'cam0', folder: dir, loop: false, framesPerSecond: 0 }, { clock: systemClock, logger: captureLogger().logger });
  await camera.start();
  const [frame] = await camera.captureBurst({ frames: 1, intervalMs: 1, exposure });
  tt.equal(frame?.format, 'png');
  tt.equal(frame?.width, 100);
});
