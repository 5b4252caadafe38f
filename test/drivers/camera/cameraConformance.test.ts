import t from 'tap';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock, systemClock } from '../../../core/index.js';
import { createCamera, i420Bytes, rawFrameOfImage, type Camera, type CameraConfig, type FrameEncoding } from '../../../drivers/index.js';
import { captureLogger, solidJpeg, solidPng, tempDir } from '../../helpers/index.js';

/**
 * One suite for every camera backend that can run here: replay over a folder, libcamera against
 * a stand-in libcamera-still on PATH, V4L2 against a stand-in ffmpeg on PATH.
 */
const standIns = fileURLToPath(new URL('../../fixtures/bin', import.meta.url));
process.env.PATH = `${standIns}:${process.env.PATH}`;

const exposure = { shutterUs: 800, gain: 4 };

/** The stand-ins write ALPR_STANDIN_JPEG, or ALPR_STANDIN_YUV for raw frames (the same picture, as packed I420). */
async function backends(t: Tap.Test, frameFormat: FrameEncoding): Promise<Array<{ name: string; config: CameraConfig; log: string }>> {
  const dir = await tempDir(t);
  const jpeg = await solidJpeg(320, 240);
  process.env.ALPR_STANDIN_JPEG = join(dir, 'standin.jpg');
  await writeFile(process.env.ALPR_STANDIN_JPEG, jpeg);
  process.env.ALPR_STANDIN_YUV = join(dir, 'standin.yuv');
  await writeFile(process.env.ALPR_STANDIN_YUV, (await rawFrameOfImage(jpeg, 'standin')).data);
  const frames = join(dir, 'frames');
  await (await import('node:fs/promises')).mkdir(frames);
  for (let i = 0; i < 5; i++) await writeFile(join(frames, `f${i}.jpg`), jpeg);
  return [
    { name: `replay (${frameFormat})`, config: { type: 'replay', cameraId: 'cam0', folder: frames, loop: false, framesPerSecond: 0, frameFormat }, log: '' },
    { name: `libcamera (stand-in libcamera-still, ${frameFormat})`, config: { type: 'libcamera', cameraId: 'cam0', width: 320, height: 240, frameFormat, quality: 90 }, log: join(dir, 'libcamera.log') },
    { name: `v4l2 (stand-in ffmpeg, ${frameFormat})`, config: { type: 'v4l2', cameraId: 'cam0', device: '/dev/video0', width: 320, height: 240, frameFormat, inputFormat: 'yuyv422' }, log: join(dir, 'ffmpeg.log') },
  ];
}
declare namespace Tap { type Test = import('tap').Test }

t.test('every camera backend captures a burst of raw I420 or JPEG frames with manual exposure', async (t) => {
  for (const backend of [...(await backends(t, 'jpeg')), ...(await backends(t, 'raw'))]) {
    await t.test(backend.name, async (tt) => {
      process.env.ALPR_STANDIN_LOG = backend.log;
      const raw = backend.config.frameFormat === 'raw';
      // Each stand-in finds only the kind of frame it was asked for.
      const files = { ALPR_STANDIN_JPEG: process.env.ALPR_STANDIN_JPEG, ALPR_STANDIN_YUV: process.env.ALPR_STANDIN_YUV };
      process.env[raw ? 'ALPR_STANDIN_JPEG' : 'ALPR_STANDIN_YUV'] = '/nonexistent';
      tt.teardown(() => Object.assign(process.env, files));
      const camera: Camera = await createCamera(backend.config, { clock: systemClock, logger: captureLogger().logger });
      await camera.start();
      const frames = await camera.captureBurst({ frames: 3, intervalMs: 40, exposure });
      tt.equal(frames.length, 3);
      for (const f of frames) {
        tt.equal(f.format, raw ? 'yuv420' : 'jpeg');
        tt.equal(f.width, 320);
        tt.equal(f.height, 240);
        if (raw) tt.equal(f.data.length, i420Bytes(320, 240), 'a whole packed I420 frame');
        else tt.ok(f.data.length > 100);
      }
      tt.ok(frames[2]!.capturedAt >= frames[0]!.capturedAt, 'capture times in order');
      await camera.stop();
      if (backend.log) {
        const calls = (await readFile(backend.log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as string[]);
        const flat = calls.flat().join(' ');
        if (backend.config.type === 'libcamera') {
          tt.match(flat, /--shutter 800/, 'manual shutter passed to libcamera-still');
          tt.match(flat, /--gain 4/, 'manual gain passed to libcamera-still');
          if (raw) tt.match(flat, /--encoding yuv420/, 'raw frames asked of libcamera-still');
        } else {
          tt.match(flat, /exposure_time_absolute=8,gain=4/, 'manual exposure set through v4l2-ctl');
          tt.match(flat, raw ? /-input_format yuyv422 .*-pix_fmt yuv420p/ : /-input_format mjpeg/, raw ? 'the camera\'s YUYV mode, written as yuv420p' : 'the camera\'s MJPEG');
        }
      }
    });
  }
});

t.test('a raw frame of the wrong size (truncated, or another size than asked) is refused with a typed error', async (t) => {
  for (const backend of (await backends(t, 'raw')).filter((b) => b.config.type !== 'replay')) {
    await t.test(backend.name, async (tt) => {
      process.env.ALPR_STANDIN_LOG = '';
      const whole = await readFile(process.env.ALPR_STANDIN_YUV!);
      const camera = await createCamera(backend.config, { clock: systemClock, logger: captureLogger().logger });
      await camera.start();
      tt.teardown(() => camera.stop());
      for (const [what, bytes] of [['truncated', whole.subarray(0, whole.length - 320)], ['a larger frame', Buffer.concat([whole, Buffer.alloc(320 * 3)])], ['empty', Buffer.alloc(0)]] as const) {
        await writeFile(process.env.ALPR_STANDIN_YUV!, bytes);
        await tt.rejects(camera.captureBurst({ frames: 1, intervalMs: 10, exposure }), { code: 'ALPR_ERR_IMAGE_SIZE' }, what);
      }
      await writeFile(process.env.ALPR_STANDIN_YUV!, whole);
      tt.equal((await camera.captureBurst({ frames: 1, intervalMs: 10, exposure })).length, 1, 'the next whole frame is taken');
    });
  }
});

t.test('libcamera: a failing libcamera-still is a typed capture error', async (tt) => {
  await backends(tt, 'jpeg');
  process.env.ALPR_STANDIN_FAIL = '1';
  tt.teardown(() => delete process.env.ALPR_STANDIN_FAIL);
  const camera = await createCamera({ type: 'libcamera', cameraId: 'cam0', width: 320, height: 240, frameFormat: 'raw', quality: 90 }, { clock: systemClock, logger: captureLogger().logger });
  await camera.start();
  await tt.rejects(camera.captureBurst({ frames: 2, intervalMs: 10, exposure }), { code: 'ALPR_ERR_CAMERA_CAPTURE' });
  await camera.stop();
});

t.test('v4l2: without ffmpeg the camera cannot start and says why', async (tt) => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  tt.teardown(() => (process.env.PATH = path));
  const camera = await createCamera({ type: 'v4l2', cameraId: 'cam0', device: '/dev/video0', width: 320, height: 240, frameFormat: 'raw', inputFormat: 'yuyv422' }, { clock: systemClock, logger: captureLogger().logger });
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
