import t from 'tap';
import { spawn } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../provisioning/index.js';
import { runCli } from '../helpers/cliRunner.js';
import { tempDir } from '../helpers/index.js';

const VALID = 'device_id: pole-7\ngpio: { type: simulated }\ncamera: { type: replay, folder: /tmp }\n';

t.test('configure refuses a --config path that does not exist, and makes no file', async (tt) => {
  const dir = await tempDir(tt);
  const typo = join(dir, 'applaince.yaml');
  const r = await runCli(main, ['configure', '--config', typo, '--set', 'camera.width=1920', '--quiet']);
  tt.equal(r.code, 78);
  tt.match(r.err, `ALPR_ERR_CONFIG_NOT_FOUND: --config ${typo}: no such file`);
  tt.match(r.err, /--create/);
  await tt.rejects(access(typo), 'nothing was created');
});

t.test('configure --create starts a new config on purpose', async (tt) => {
  const dir = await tempDir(tt);
  const path = join(dir, 'new.yaml');
  const r = await runCli(main, ['configure', '--config', path, '--create', '--set', 'device_id=pole-9', '--set', 'camera.type=replay', '--set', `camera.folder=${dir}`, '--quiet']);
  tt.equal(r.code, 0, r.err);
  tt.match(await readFile(path, 'utf8'), /device_id: pole-9/);
});

t.test('configure into a folder that does not exist says so with a code, not a raw ENOENT', async (tt) => {
  const dir = await tempDir(tt);
  const path = join(dir, 'etc-alpr', 'appliance.yaml');
  const r = await runCli(main, ['configure', '--config', path, '--create', '--set', 'device_id=pole-9', '--quiet']);
  tt.equal(r.code, 78);
  tt.match(r.err, `ALPR_ERR_CONFIG_WRITE: config file ${path} cannot be written: its folder ${join(dir, 'etc-alpr')} does not exist`);
  tt.notMatch(r.err, /^ENOENT/m);
});

t.test('a --set value that is not valid YAML names the option and why, exit 64, and the file is unchanged', async (tt) => {
  const dir = await tempDir(tt);
  const path = join(dir, 'appliance.yaml');
  await writeFile(path, VALID);
  const r = await runCli(main, ['configure', '--config', path, '--set', 'camera.burst_frames=[oops', '--quiet']);
  tt.equal(r.code, 64);
  tt.match(r.err, /^ALPR_ERR_USAGE: --set camera\.burst_frames: the value "\[oops" is not valid YAML \(.+\); quote text/);
  tt.equal(await readFile(path, 'utf8'), VALID);
});

t.test('an enrollment token given with --token is not in the arguments other users can read (ps) while enroll runs', { skip: process.platform !== 'linux' && '/proc is Linux only' }, async (tt) => {
  const dir = await tempDir(tt);
  // A hub that takes the connection and never answers: enroll waits on it, token in hand.
  const sockets: Socket[] = [];
  const connected = new Promise<void>((resolve) => {
    const server = createServer((socket) => {
      sockets.push(socket);
      resolve();
    }).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      const child = spawn(process.execPath, [fileURLToPath(new URL('../../bin/alpr-provision.js', import.meta.url)), 'enroll', '--hub', `http://127.0.0.1:${port}`,
        '--token', 'tok-SECRET-4f9a', '--device-id', 'pole-ps', '--config', join(dir, 'appliance.yaml'), '--data-dir', join(dir, 'data'), '--quiet'], { stdio: 'ignore' });
      tt.teardown(() => {
        child.kill('SIGKILL');
        for (const s of sockets) s.destroy();
        server.close();
      });
      pid = child.pid!;
    });
  });
  let pid = 0;
  await connected;
  const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  tt.notMatch(args, 'SECRET', 'the token is not in /proc/PID/cmdline');
  tt.match(args, /^alpr-provision enroll\b/, 'ps shows the command, not its options');
});
