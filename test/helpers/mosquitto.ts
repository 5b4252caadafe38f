import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './index.js';
import { HUB_MAX_PACKET_BYTES } from '../../hub/broker/incomingLimits.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PrivateMosquitto {
  url: string;
  /** Kills the broker with SIGKILL (a crash: sessions and in-flight messages go with it). */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same users and ACL. */
  start(): Promise<void>;
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/**
 * A second Mosquitto, of this test's own on a random port, with passwords and the ACL a
 * production broker for ALPR uses: each device may publish reads and status and read acks under
 * its own id only (%u), the hub reads all, and no packet may be larger than the largest
 * legitimate one, a batch (`max_packet_size`, docs/sync.md, Hub limits: Mosquitto disconnects a
 * client that sends a larger one, at its header). Tests that kill the broker use this one, never
 * the shared one on 1883. `packetLimit: false` leaves the limit out, as a broker set up without
 * it, to test what the hub's own clients do.
 */
export async function startAclMosquitto(t: { teardown(fn: () => unknown): void }, users: Record<string, string>, options: { packetLimit?: boolean } = {}): Promise<PrivateMosquitto> {
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
    `listener ${port} 127.0.0.1`, 'allow_anonymous false', `password_file ${passwd}`, `acl_file ${join(dir, 'acl')}`, 'persistence false', 'log_dest none',
    ...(options.packetLimit === false ? [] : [`max_packet_size ${HUB_MAX_PACKET_BYTES}`]), '',
  ].join('\n'));
  let child: ChildProcess | null = null;
  const broker: PrivateMosquitto = {
    url: `mqtt://127.0.0.1:${port}`,
    async start() {
      child = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
      for (let i = 0; i < 200 && !(await portOpen(port)); i++) await new Promise((r) => setTimeout(r, 50));
    },
    async kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGKILL');
      await exited;
    },
  };
  t.teardown(() => broker.kill());
  await broker.start();
  return broker;
}
