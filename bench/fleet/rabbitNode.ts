import { execFile, spawn } from 'node:child_process';
import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RABBIT_MQTT_SETTINGS } from '../../hub/index.js';
import { reachable } from './tcpProbe.js';

export const RABBIT_BIN = '/usr/lib/rabbitmq/bin';
const run = promisify(execFile);
// A node needs about 50 s of CPU to boot on this project's VM; three at once on two busy cores, minutes.
const START_TIMEOUT_MS = 300_000;

/** Whether the RabbitMQ server scripts are installed here. */
export function rabbitInstalled(): Promise<boolean> {
  return access(join(RABBIT_BIN, 'rabbitmq-server')).then(() => true, () => false);
}

export interface RabbitNodeOptions {
  /** This node's own folder (config, cookie, mnesia, logs); created. */
  dir: string;
  /** Erlang node name, `something@localhost`. */
  name: string;
  /** AMQP on basePort, Erlang distribution on basePort + 1, MQTT on basePort + 2. */
  basePort: number;
  /** The hub serving /broker-auth/rabbitmq/*: devices log in through it. */
  hubHttpUrl: string;
  /** The Erlang cookie: nodes of one cluster share it. */
  cookie: string;
  /** An internal RabbitMQ user for the hub processes (AMQP ingest), created at the node's first boot. */
  hubUser?: { username: string; password: string };
}

export interface RabbitNode {
  name: string;
  amqpPort: number;
  mqttPort: number;
  mqttUrl: string;
  /** Without credentials: the hub gives its own (`--broker-username`, `--broker-password`). */
  amqpUrl: string;
  /** Folder of this node's logs, for failure messages. */
  logDir: string;
  /** Whether the node's Erlang VM is still running. */
  readonly alive: boolean;
  /** rabbitmqctl against this node. */
  ctl(args: string[]): Promise<string>;
  /** Waits until the node takes MQTT connections again (after start, or start_app). */
  waitReady(): Promise<void>;
  /** SIGKILLs the node's Erlang VM: no clean shutdown, as a crashed machine would. */
  kill(): Promise<void>;
  /** Stops the node cleanly (rabbitmqctl stop), or kills it if that fails. */
  stop(): Promise<void>;
}

function config(options: RabbitNodeOptions, ports: { amqp: number; mqtt: number }): string {
  const auth = (path: string) => `auth_http.${path}_path = ${options.hubHttpUrl}/broker-auth/rabbitmq/${path}`;
  // The hub's own user is internal, so hub processes connect before any of them serves the auth paths.
  const internal = options.hubUser
    ? ['auth_backends.1 = internal', 'auth_backends.2 = http', `default_user = ${options.hubUser.username}`, `default_pass = ${options.hubUser.password}`]
    : ['auth_backends.1 = http'];
  return [
    `listeners.tcp.1 = 127.0.0.1:${ports.amqp}`, `mqtt.listeners.tcp.1 = 127.0.0.1:${ports.mqtt}`,
    ...RABBIT_MQTT_SETTINGS,
    ...internal, 'auth_http.http_method = get', auth('user'), auth('vhost'), auth('resource'), auth('topic'), 'loopback_users = none', '',
  ].join('\n');
}

/** The pid of the Erlang VM the rabbitmq-server script started (its only child: erl execs beam.smp). */
async function vmPid(scriptPid: number): Promise<number | null> {
  const children = await readFile(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').catch(() => '');
  for (const pid of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (comm.startsWith('beam')) return pid;
  }
  return null;
}

/**
 * A private RabbitMQ node with the MQTT plugin and the HTTP auth backend pointed at a hub, in its
 * own folder with its own ports, cookie and data: the shared node on 5672 is never touched. Every
 * listener, the Erlang distribution included, is bound to 127.0.0.1. Resolves once the node takes
 * MQTT connections.
 */
export async function startRabbitNode(options: RabbitNodeOptions): Promise<RabbitNode> {
  const { dir, name } = options;
  const ports = { amqp: options.basePort, dist: options.basePort + 1, mqtt: options.basePort + 2 };
  // A port something else already listens on would not stop the boot from looking finished:
  // waitReady sees the other listener answer. An MQTT client sent to, say, the shared RabbitMQ's
  // Erlang distribution port (25672) then waits for a CONNACK that never comes.
  for (const [use, port] of Object.entries(ports)) {
    if (await reachable('127.0.0.1', port)) throw new Error(`rabbitmq node ${name}: its ${use} port ${port} is already taken on 127.0.0.1; give it another basePort`);
  }
  await mkdir(join(dir, 'home'), { recursive: true });
  await writeFile(join(dir, 'home', '.erlang.cookie'), options.cookie);
  await chmod(join(dir, 'home', '.erlang.cookie'), 0o400);
  await writeFile(join(dir, 'env.conf'), '');
  await writeFile(join(dir, 'plugins'), '[rabbitmq_mqtt,rabbitmq_auth_backend_http].\n');
  await writeFile(join(dir, 'rabbitmq.conf'), config(options, ports));
  const env = {
    ...process.env, HOME: join(dir, 'home'), RABBITMQ_NODENAME: name, RABBITMQ_DIST_PORT: String(ports.dist), RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_CONF_ENV_FILE: join(dir, 'env.conf'), RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'plugins'), RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'), RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'), ERL_EPMD_ADDRESS: '127.0.0.1', ERL_CRASH_DUMP: join(dir, 'erl_crash.dump'),
    // No scheduler busy-waiting: an idle Erlang scheduler spins for a while before it sleeps,
    // which on cores shared with the hubs and two other nodes is CPU taken from them for nothing
    // (RabbitMQ's advice for shared or overcommitted hosts).
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none',
  };
  const script = spawn(join(RABBIT_BIN, 'rabbitmq-server'), [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  script.once('exit', () => void (exited = true));
  // The end of what the node printed, for the error when it fails to boot (its log folder may be gone by then).
  let printed = '';
  const keep = (chunk: Buffer) => void (printed = (printed + String(chunk)).slice(-2000));
  script.stdout!.on('data', keep);
  script.stderr!.on('data', keep);
  let vm: number | null = null;
  const ctl = async (args: string[]) => (await run(join(RABBIT_BIN, 'rabbitmqctl'), ['-n', name, ...args], { env })).stdout;
  const killVm = async () => {
    vm ??= await vmPid(script.pid!);
    if (vm !== null) {
      try {
        process.kill(vm, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (!exited) await new Promise<void>((resolve) => script.once('exit', () => resolve()));
  };
  const waitReady = async () => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await reachable('127.0.0.1', ports.mqtt))) {
      if (exited) throw new Error(`rabbitmq node ${name} exited (logs in ${join(dir, 'log')}): ${printed.trim()}`);
      if (Date.now() > deadline) throw new Error(`rabbitmq node ${name} did not open MQTT port ${ports.mqtt} within ${START_TIMEOUT_MS / 1000} s (logs in ${join(dir, 'log')})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const node: RabbitNode = {
    name, amqpPort: ports.amqp, mqttPort: ports.mqtt, mqttUrl: `mqtt://127.0.0.1:${ports.mqtt}`, amqpUrl: `amqp://127.0.0.1:${ports.amqp}`, logDir: join(dir, 'log'),
    get alive() {
      return !exited;
    },
    ctl, waitReady,
    kill: killVm,
    stop: async () => {
      if (exited) return;
      await ctl(['stop']).catch(() => undefined);
      if (!exited) await killVm();
    },
  };
  try {
    await waitReady();
    vm = await vmPid(script.pid!);
  } catch (err) {
    await node.kill();
    throw err;
  }
  return node;
}
