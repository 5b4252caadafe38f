import t from 'tap';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

t.test('npm run demo runs the appliance over the sample frames and exits 0', async (tt) => {
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/tool.js', 'demo/main.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('exit', (c) => resolve({ code: c, stdout: out }));
  });
  tt.equal(code, 0);
  tt.match(stdout, /captured 18 frames in 6 bursts from \d+ vehicles; 0 capture errors, 0 dropped/);
  tt.equal((stdout.match(/^ {2}frame +\d+ {2}960x540 jpeg/gm) ?? []).length, 18, 'every frame printed');
});
