import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './index.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A second Mosquitto with passwords and the ACL a production broker for ALPR uses: each device
 * may publish reads and status and read acks under its own id only (%u), the hub reads all.
 */
export async function startAclMosquitto(t: { teardown(fn: () => unknown): void }, users: Record<string, string>): Promise<{ url: string; process: ChildProcess }> {
  const dir = await tempDir(t, 'alpr-mosquitto-');
  // Mosquitto started as root drops to its own user, which must be able to read these files.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const passwd = join(dir, 'passwd');
  writeFileSync(passwd, '');
  for (const [user, password] of Object.entries(users)) execFileSync('mosquitto_passwd', ['-b', passwd, user, password]);
  writeFileSync(join(dir, 'acl'), [
    'user hub', 'topic readwrite alpr/v1/#', '',
    'pattern write alpr/v1/%u/reads', 'pattern write alpr/v1/%u/status', 'pattern write alpr/v1/%u/alerts',
    'pattern read alpr/v1/%u/acks', 'pattern read alpr/v1/%u/alert-acks', 'pattern read alpr/v1/%u/hotlist', 'pattern read alpr/v1/%u/config', '',
  ].join('\n'));
  chmodSync(passwd, 0o644);
  writeFileSync(join(dir, 'mosquitto.conf'), [
    `listener ${port} 127.0.0.1`, 'allow_anonymous false', `password_file ${passwd}`, `acl_file ${join(dir, 'acl')}`, 'persistence false', 'log_dest none', '',
  ].join('\n'));
  const child = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  t.teardown(() => child.kill('SIGTERM'));
  // Wait for the port.
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const s = createConnection({ port, host: '127.0.0.1' });
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (open) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `mqtt://127.0.0.1:${port}`, process: child };
}
