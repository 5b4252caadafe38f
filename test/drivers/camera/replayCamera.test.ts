import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManualClock, systemClock } from '../../../core/index.js';
import { i420Bytes, ReplayCamera } from '../../../drivers/index.js';
import { solidJpeg, tempDir } from '../../helpers/index.js';

const exposure = { shutterUs: 500, gain: 1 };

async function folder(tt: { teardown(fn: () => unknown): void }, names: string[]): Promise<string> {
  const dir = await tempDir(tt);
  for (const [i, name] of names.entries()) await writeFile(join(dir, name), await solidJpeg(32 + i, 32));
  return dir;
}

t.test('frames come out in file-name order and then run out', async (tt) => {
  const dir = await folder(tt, ['b.jpg', 'a.jpg', 'c.jpeg', 'notes.txt']);
  const camera = new ReplayCamera({ cameraId: 'cam0', folder: dir, loop: false, framesPerSecond: 0, clock: systemClock });
  await camera.start();
  tt.equal(camera.frameCount, 3, 'non-images are ignored');
  const burst = await camera.captureBurst({ frames: 2, intervalMs: 0, exposure });
  tt.same(burst.map((f) => f.origin.split('/').pop()), ['a.jpg', 'b.jpg']);
  const rest = await camera.captureBurst({ frames: 2, intervalMs: 0, exposure });
  tt.same(rest.map((f) => f.origin.split('/').pop()), ['c.jpeg']);
  tt.equal(camera.exhausted, true);
  tt.same(await camera.captureBurst({ frames: 2, intervalMs: 0, exposure }), []);
});

t.test('a looping replay starts again after the last frame', async (tt) => {
  const dir = await folder(tt, ['a.jpg', 'b.jpg']);
  const camera = new ReplayCamera({ cameraId: 'cam0', folder: dir, loop: true, framesPerSecond: 0, clock: systemClock });
  await camera.start();
  const burst = await camera.captureBurst({ frames: 5, intervalMs: 0, exposure });
  tt.same(burst.map((f) => f.origin.split('/').pop()), ['a.jpg', 'b.jpg', 'a.jpg', 'b.jpg', 'a.jpg']);
});

t.test('frames are handed out no faster than the set rate', async (tt) => {
  const dir = await folder(tt, ['a.jpg', 'b.jpg', 'c.jpg']);
  const clock = new ManualClock();
  const camera = new ReplayCamera({ cameraId: 'cam0', folder: dir, loop: false, framesPerSecond: 10, clock });
  await camera.start();
  let done = false;
  const capture = camera.captureBurst({ frames: 3, intervalMs: 0, exposure }).then((f) => {
    done = true;
    return f;
  });
  await clock.advanceAsync(150, 10);
  tt.equal(done, false, 'three frames at 10 fps take 200 ms');
  // File reads are real I/O, so keep time moving until the burst is done.
  for (let i = 0; i < 10_000 && !done; i++) await clock.advanceAsync(10);
  const frames = await capture;
  tt.equal(frames.length, 3);
  const spread = frames[2]!.capturedAt - frames[0]!.capturedAt;
  tt.ok(spread >= 200, `frames 0 and 2 are at least 200 ms apart (${spread} ms)`);
});

t.test('a corrupt or truncated image fails its capture with a typed error and the next file still plays', async (tt) => {
  const dir = await folder(tt, ['a.jpg']);
  const good = await solidJpeg();
  await writeFile(join(dir, 'b.jpg'), good.subarray(0, good.length - 40));
  await writeFile(join(dir, 'c.jpg'), Buffer.from('this is not a jpeg at all'));
  await writeFile(join(dir, 'd.png'), Buffer.alloc(0));
  await writeFile(join(dir, 'e.jpg'), good);
  const camera = new ReplayCamera({ cameraId: 'cam0', folder: dir, loop: false, framesPerSecond: 0, clock: systemClock });
  await camera.start();
  const one = { frames: 1, intervalMs: 0, exposure };
  tt.equal((await camera.captureBurst(one)).length, 1);
  await tt.rejects(camera.captureBurst(one), { code: 'ALPR_ERR_IMAGE_CORRUPT' });
  await tt.rejects(camera.captureBurst(one), { code: 'ALPR_ERR_IMAGE_CORRUPT' });
  await tt.rejects(camera.captureBurst(one), { code: 'ALPR_ERR_IMAGE_SIZE' });
  tt.equal((await camera.captureBurst(one)).length, 1, 'the camera goes on after bad files');
});

t.test('an absurdly large frame is refused by size, not decoded', async (tt) => {
  const dir = await folder(tt, ['a.jpg']);
  const camera = new ReplayCamera({ cameraId: 'cam0', folder: dir, loop: false, framesPerSecond: 0, clock: systemClock, limits: { maxDimension: 16, maxBytes: 1e6 } });
  await camera.start();
  await tt.rejects(camera.captureBurst({ frames: 1, intervalMs: 0, exposure }), { code: 'ALPR_ERR_IMAGE_SIZE' });
});

t.test('a missing or empty folder is a typed error at start', async (tt) => {
  const empty = await tempDir(tt);
  await tt.rejects(new ReplayCamera({ cameraId: 'c', folder: join(empty, 'nope'), loop: false, framesPerSecond: 0, clock: systemClock }).start(), { code: 'ALPR_ERR_CAMERA_UNAVAILABLE' });
  await tt.rejects(new ReplayCamera({ cameraId: 'c', folder: empty, loop: false, framesPerSecond: 0, clock: systemClock }).start(), { code: 'ALPR_ERR_CAMERA_UNAVAILABLE' });
});

t.test('in raw mode each file is handed over as a raw camera would, I420 with even sides', async (tt) => {
  const dir = await folder(tt, ['a.jpg']);
  await writeFile(join(dir, 'b.jpg'), await solidJpeg(33, 21, 200));
  const camera = new ReplayCamera({ cameraId: 'cam0', folder: dir, loop: false, framesPerSecond: 0, clock: systemClock, frameFormat: 'raw' });
  await camera.start();
  const [a, b] = await camera.captureBurst({ frames: 2, intervalMs: 0, exposure });
  tt.match(a, { format: 'yuv420', width: 32, height: 32 });
  tt.equal(a!.data.length, i420Bytes(32, 32));
  tt.match(b, { format: 'yuv420', width: 32, height: 20 }, 'an odd file loses its last column and row');
  tt.ok(Math.abs(b!.data[0]! - 200) <= 2, 'its Y plane holds the picture\'s grey');
  tt.ok(Math.abs(b!.data[32 * 20]! - 128) <= 1, 'a grey picture has no colour');
});
