import { spawn, execFile } from 'node:child_process';
import { access, mkdir, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './index.js';
import { reachable } from './services.js';

type Tap = import('tap').Test;

const RABBIT_BIN = '/usr/lib/rabbitmq/bin';
const run = promisify(execFile);

/**
 * A private RabbitMQ node with the MQTT plugin and the HTTP auth backend pointed at a hub, in a
 * temp dir with its own ports, cookie and data: the shared node on 5672 is never touched. Stopped
 * at teardown.
 */
export interface RabbitNode {
  name: string;
  mqttUrl: string;
}

/** RabbitMQ can run here: its scripts are installed and the shared node answers (the proof the package works). */
export async function rabbitAvailable(t: Tap): Promise<boolean> {
  const installed = await access(join(RABBIT_BIN, 'rabbitmq-server')).then(() => true, () => false);
  const running = installed && (await reachable('127.0.0.1', 5672));
  if (running) return true;
  const reason = installed ? 'rabbitmq is not reachable at 127.0.0.1:5672' : `rabbitmq is not installed (${RABBIT_BIN})`;
  if (process.env.ALPR_REQUIRE_SERVICES === '1') t.fail(`${reason} (ALPR_REQUIRE_SERVICES=1)`);
  else t.plan(0, `skipped: ${reason}`);
  return false;
}

export async function startRabbitNode(t: Tap, opts: { hubHttpUrl: string; basePort: number; tag: string }): Promise<RabbitNode> {
  const dir = await tempDir(t, 'alpr-rabbit-');
  const name = `alpr-${opts.tag}-${process.pid}@localhost`;
  const [amqpPort, distPort, mqttPort] = [opts.basePort, opts.basePort + 1, opts.basePort + 2];
  await mkdir(join(dir, 'home'));
  await writeFile(join(dir, 'home', '.erlang.cookie'), `ALPRTEST${process.pid}COOKIE`);
  await chmod(join(dir, 'home', '.erlang.cookie'), 0o400);
  await writeFile(join(dir, 'env.conf'), '');
  await writeFile(join(dir, 'plugins'), '[rabbitmq_mqtt,rabbitmq_auth_backend_http].\n');
  const auth = (path: string) => `auth_http.${path}_path = ${opts.hubHttpUrl}/broker-auth/rabbitmq/${path}`;
  await writeFile(join(dir, 'rabbitmq.conf'), [
    `listeners.tcp.default = ${amqpPort}`, `mqtt.listeners.tcp.default = ${mqttPort}`, 'mqtt.allow_anonymous = false', 'mqtt.vhost = /', 'mqtt.exchange = amq.topic',
    'auth_backends.1 = http', 'auth_http.http_method = get', auth('user'), auth('vhost'), auth('resource'), auth('topic'), 'loopback_users = none', '',
  ].join('\n'));
  const env = {
    ...process.env, HOME: join(dir, 'home'), RABBITMQ_NODENAME: name, RABBITMQ_DIST_PORT: String(distPort), RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_CONF_ENV_FILE: join(dir, 'env.conf'), RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'plugins'), RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'), RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'), ERL_EPMD_ADDRESS: '127.0.0.1',
  };
  const child = spawn(join(RABBIT_BIN, 'rabbitmq-server'), [], { env, stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => void (exited = true));
  const stop = async () => {
    if (exited) return;
    await run(join(RABBIT_BIN, 'rabbitmqctl'), ['-n', name, 'stop'], { env }).catch(() => undefined);
    if (!exited) child.kill('SIGKILL');
  };
  t.teardown(stop);
  const deadline = Date.now() + 150_000;
  while (!(await reachable('127.0.0.1', mqttPort))) {
    if (exited) throw new Error(`rabbitmq node ${name} exited at start (logs in ${dir}/log)`);
    if (Date.now() > deadline) throw new Error(`rabbitmq node ${name} did not open MQTT port ${mqttPort} within 150 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { name, mqttUrl: `mqtt://127.0.0.1:${mqttPort}` };
}
