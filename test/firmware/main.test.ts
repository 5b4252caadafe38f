import t from 'tap';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDataKey, writeDataKey } from '../../firmware/index.js';
import { solidJpeg, tempDir } from '../helpers/index.js';

const BIN = fileURLToPath(new URL('../../bin/alpr-firmware.js', import.meta.url));
// Six process starts (each a few seconds of CPU): more than tap's default file timeout on a busy machine.
t.setTimeout(5 * 60_000);

function run(args: string[], options: { killAfterMs?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NOTIFY_SOCKET: '' } });
    let stdout = '';
    let stderr = '';
    let killScheduled = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      // One SIGTERM, as systemd sends: a second one during shutdown would kill the process by default.
      if (options.killAfterMs && !killScheduled && stdout.includes('appliance running')) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGTERM'), options.killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

t.test('without --config it prints usage and exits 64', async (tt) => {
  const { code, stderr } = await run([]);
  tt.equal(code, 64);
  tt.match(stderr, /usage: alpr-firmware --config FILE/);
});

t.test('an invalid config never starts the capture loop: path: message and exit 78', async (tt) => {
  const dir = await tempDir(tt);
  await writeFile(join(dir, 'bad.yaml'), 'camera:\n  type: webcam\nbogus: 1\n');
  const { code, stderr, stdout } = await run(['--config', join(dir, 'bad.yaml')]);
  tt.equal(code, 78);
  tt.match(stderr, /ALPR_ERR_CONFIG_INVALID/);
  tt.match(stderr, /camera\.type: must be one of "replay", "libcamera", "v4l2"/);
  tt.match(stderr, /bogus: unknown key/);
  tt.notMatch(stdout, /part started/);
  const missing = await run(['--config', join(dir, 'nope.yaml')]);
  tt.equal(missing.code, 78);
  tt.match(missing.stderr, /ALPR_ERR_CONFIG_NOT_FOUND/);
});

t.test('a valid config runs the appliance until SIGTERM, then it stops cleanly with exit 0', async (tt) => {
  const dir = await tempDir(tt);
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  await writeFile(join(dir, 'frame.jpg'), await solidJpeg());
  await writeFile(join(dir, 'appliance.yaml'), [
    'device_id: test-pole', `data_dir: ${dir}`, 'gpio: { type: simulated }',
    'trigger: { mode: free-run, frames_per_second: 20 }', `camera: { type: replay, folder: ${dir}, loop: true }`,
  ].join('\n'));
  const { code, stdout } = await run(['--config', join(dir, 'appliance.yaml')], { killAfterMs: 300 });
  tt.equal(code, 0);
  tt.match(stdout, /"part":"buffer","msg":"part started"/);
  tt.match(stdout, /"part":"pipeline","msg":"part started"/);
  tt.match(stdout, /"reason":"SIGTERM","msg":"stopping"/);
});

t.test('without its data key the appliance refuses to start: typed error, exit 1', async (tt) => {
  const dir = await tempDir(tt);
  await writeFile(join(dir, 'appliance.yaml'), `data_dir: ${dir}\ngpio: { type: simulated }\ncamera: { type: replay, folder: ${dir} }\n`);
  const { code, stdout } = await run(['--config', join(dir, 'appliance.yaml')]);
  tt.equal(code, 1);
  tt.match(stdout, /ALPR_ERR_BUFFER_KEY/);
});

t.test('a GPIO pin that cannot be opened is a typed error, exit 1', async (tt) => {
  const dir = await tempDir(tt);
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  await writeFile(join(dir, 'appliance.yaml'), `data_dir: ${dir}\ngpio: { type: simulated }\nilluminator: { pin: 900 }\ncamera: { type: replay, folder: ${dir} }\n`);
  const { code, stdout } = await run(['--config', join(dir, 'appliance.yaml')]);
  tt.equal(code, 1);
  tt.match(stdout, /ALPR_ERR_GPIO_OPEN/);
});

t.test('a replay folder that does not exist: the camera error first, exit 78, no restart loop', async (tt) => {
  const dir = await tempDir(tt);
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  const folder = join(dir, 'no-such-frames');
  await writeFile(join(dir, 'appliance.yaml'), `data_dir: ${dir}\ngpio: { type: simulated }\ncamera: { type: replay, folder: ${folder} }\n`);
  const { code, stdout, stderr } = await run(['--config', join(dir, 'appliance.yaml')]);
  tt.equal(code, 78);
  tt.match(stderr.split('\n')[0], new RegExp(`^ALPR_ERR_CAMERA_UNAVAILABLE: replay camera: folder ${folder}`), 'the root cause is the first line on stderr');
  tt.equal(stdout.split('\n').filter((l) => l.includes('part failed to start')).length, 1, 'started once, not six times');
  tt.notMatch(stdout + stderr, /ALPR_ERR_SUPERVISOR_RESTART_BUDGET/);
});
