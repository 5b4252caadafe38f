import t from 'tap';
import { spawn } from 'node:child_process';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlprError, EXIT, exitCodeFor } from '../../core/index.js';
import { tempDir } from '../helpers/index.js';

function bin(name: string): string {
  return fileURLToPath(new URL(`../../bin/${name}.js`, import.meta.url));
}

function run(name: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin(name), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NOTIFY_SOCKET: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

t.test('the exit code follows the error: usage 64, config 78, anything else 1', async (tt) => {
  tt.equal(exitCodeFor(new AlprError('ALPR_ERR_USAGE', 'x')), EXIT.usage);
  for (const code of ['ALPR_ERR_CONFIG_NOT_FOUND', 'ALPR_ERR_CONFIG_PARSE', 'ALPR_ERR_CONFIG_INVALID', 'ALPR_ERR_CONFIG_WRITE', 'ALPR_ERR_CAMERA_UNAVAILABLE'] as const) {
    tt.equal(exitCodeFor(new AlprError(code, 'x')), EXIT.config, code);
  }
  tt.equal(exitCodeFor(new AlprError('ALPR_ERR_GPIO_OPEN', 'x')), EXIT.failure);
  tt.equal(exitCodeFor(new Error('plain')), EXIT.failure);
});

t.test('all three programs exit 78 on a bad config, naming the file and the code on stderr', async (tt) => {
  const dir = await tempDir(tt);
  const broken = join(dir, 'broken.yaml');
  await writeFile(broken, 'max_results_per_query: [1\n');
  const missing = join(dir, 'typo.yaml');

  const firmware = await run('alpr-firmware', ['--config', missing]);
  tt.equal(firmware.code, 78, 'alpr-firmware');
  tt.match(firmware.stderr, new RegExp(`ALPR_ERR_CONFIG_NOT_FOUND.*${missing}`));

  const hub = await run('alpr-hub', ['serve', '--data', join(dir, 'hub'), '--policy', broken, '--http-port', '0', '--mqtt-port', '0']);
  tt.equal(hub.code, 78, 'alpr-hub');
  tt.match(hub.stderr, new RegExp(`ALPR_ERR_CONFIG_PARSE.*${broken}`));

  const provision = await run('alpr-provision', ['configure', '--config', missing, '--set', 'camera.width=1920']);
  tt.equal(provision.code, 78, 'alpr-provision');
  tt.match(provision.stderr, new RegExp(`ALPR_ERR_CONFIG_NOT_FOUND: --config ${missing}: no such file.*--create`));
  await tt.rejects(access(missing), 'no config file was made');
});
