import t from 'tap';
import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '../../../core/index.js';
import { createCamera } from '../../../drivers/index.js';
import { captureLogger, tempDir } from '../../helpers/index.js';

const run = promisify(execFile);

/**
 * The V4L2 driver's raw frames through the real ffmpeg: a webcam's YUYV is limited range (black
 * Y 16, white 235), and the frame the recognizer gets must be full range (0 and 255), as every
 * JPEG and libcamera still is. Only the device is stood in for: a wrapper named ffmpeg on PATH
 * swaps `-f v4l2 ... -i /dev/videoN` for a file of YUYV frames and runs the real ffmpeg with every
 * other argument the driver gave. .ci/run installs ffmpeg; missing, the test is skipped with the
 * reason shown (fails under ALPR_REQUIRE_SERVICES=1).
 */
const WIDTH = 16;
const HEIGHT = 8;

/** Frames of YUYV 4:2:2, limited range: the left half white (Y 235), the right half black (Y 16), no colour. */
function limitedRangeYuyv(frames: number): Buffer {
  const row: number[] = [];
  for (let x = 0; x < WIDTH; x += 2) {
    const y = x < WIDTH / 2 ? 235 : 16;
    row.push(y, 128, y, 128);
  }
  return Buffer.from(Array.from({ length: HEIGHT * frames }, () => row).flat());
}

const WRAPPER = `#!/usr/bin/env node
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
const out = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-f' && args[i + 1] === 'v4l2') { out.push('-f', 'rawvideo'); i++; }
  else if (args[i] === '-input_format') { out.push('-pix_fmt', args[++i]); }
  else if (args[i] === '-video_size') { out.push('-s', args[++i]); }
  else if (args[i] === '-i' && args[i + 1].startsWith('/dev/')) { out.push('-i', process.env.ALPR_V4L2_FRAMES); i++; }
  else out.push(args[i]);
}
const r = spawnSync(process.env.ALPR_REAL_FFMPEG, out, { stdio: 'inherit' });
process.exit(r.status ?? 1);
`;

t.test('v4l2 raw frames reach the recognizer in full range', async (tt) => {
  const real = await run('sh', ['-c', 'command -v ffmpeg']).then((r) => r.stdout.trim(), () => '');
  if (!real) {
    const reason = 'ffmpeg (Debian package ffmpeg) is not installed';
    if (process.env.ALPR_REQUIRE_SERVICES === '1') tt.fail(`${reason} (ALPR_REQUIRE_SERVICES=1)`);
    else tt.plan(0, `skipped: ${reason}`);
    return;
  }
  const dir = await tempDir(tt);
  await writeFile(join(dir, 'ffmpeg'), WRAPPER);
  await chmod(join(dir, 'ffmpeg'), 0o755);
  await writeFile(join(dir, 'frames.yuyv'), limitedRangeYuyv(10));
  const saved = { PATH: process.env.PATH, ALPR_REAL_FFMPEG: process.env.ALPR_REAL_FFMPEG, ALPR_V4L2_FRAMES: process.env.ALPR_V4L2_FRAMES };
  Object.assign(process.env, { PATH: `${dir}:${process.env.PATH}`, ALPR_REAL_FFMPEG: real, ALPR_V4L2_FRAMES: join(dir, 'frames.yuyv') });
  tt.teardown(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const camera = await createCamera(
    { type: 'v4l2', cameraId: 'cam0', device: '/dev/video0', width: WIDTH, height: HEIGHT, frameFormat: 'raw', inputFormat: 'yuyv422' },
    { clock: systemClock, logger: captureLogger().logger },
  );
  await camera.start();
  tt.teardown(() => camera.stop());
  const [frame] = await camera.captureBurst({ frames: 2, intervalMs: 40, exposure: { shutterUs: 800, gain: 1 } });
  tt.equal(frame?.format, 'yuv420');
  const luma = [...frame!.data.subarray(0, WIDTH)];
  tt.same(luma, [...Array(WIDTH / 2).fill(255), ...Array(WIDTH / 2).fill(0)], 'white is 255 and black 0, not 235 and 16');
  const chroma = frame!.data.subarray(WIDTH * HEIGHT);
  tt.ok(chroma.every((v) => v === 128), 'no colour added');
});
