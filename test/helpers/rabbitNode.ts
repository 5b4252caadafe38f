import { join } from 'node:path';
import Fastify from 'fastify';
import { silentLogger } from '../../core/index.js';
import { RabbitAuth } from '../../hub/broker/rabbitAuth.js';
import { rabbitAuthRoutes } from '../../hub/broker/rabbitAuthRoutes.js';
import type { HubStore } from '../../hub/index.js';
import { rabbitInstalled, startRabbitNode as startNode, RABBIT_BIN, type RabbitNode } from '../../bench/fleet/rabbitNode.js';
import { startRabbitCluster as startCluster, type RabbitCluster, type RabbitClusterOptions } from '../../bench/fleet/rabbitCluster.js';
import { tempDir } from './index.js';
import { reachable } from './services.js';

type Tap = import('tap').Test;

export type { RabbitNode, RabbitCluster };

/** RabbitMQ can run here: its scripts are installed and the shared node answers (the proof the package works). */
export async function rabbitAvailable(t: Tap): Promise<boolean> {
  const installed = await rabbitInstalled();
  const running = installed && (await reachable('127.0.0.1', 5672));
  if (running) return true;
  const reason = installed ? 'rabbitmq is not reachable at 127.0.0.1:5672' : `rabbitmq is not installed (${RABBIT_BIN})`;
  if (process.env.ALPR_REQUIRE_SERVICES === '1') t.fail(`${reason} (ALPR_REQUIRE_SERVICES=1)`);
  else t.plan(0, `skipped: ${reason}`);
  return false;
}

/** A private RabbitMQ node (bench/fleet/rabbitNode.ts) in a temp dir, stopped at teardown. */
export async function startRabbitNode(t: Tap, opts: { hubHttpUrl: string; basePort: number; tag: string }): Promise<RabbitNode> {
  const dir = await tempDir(t, 'alpr-rabbit-');
  const node = await startNode({ dir: join(dir, 'node'), name: `alpr-${opts.tag}-${process.pid}@localhost`, basePort: opts.basePort, hubHttpUrl: opts.hubHttpUrl, cookie: `ALPRTEST${process.pid}COOKIE` });
  t.teardown(() => node.stop());
  return node;
}

/** A private RabbitMQ cluster (bench/fleet/rabbitCluster.ts) in a temp dir, stopped at teardown. */
export async function startRabbitCluster(t: Tap, opts: Omit<RabbitClusterOptions, 'dir'>): Promise<RabbitCluster> {
  const dir = await tempDir(t, 'alpr-rabbit-cluster-');
  // Node names carry the pid, as the ports do: the same test file run from two checkouts at once
  // must not boot two nodes of one name (RabbitMQ refuses the second: duplicate_node_name).
  const cluster = await startCluster({ ...opts, dir, tag: `${opts.tag ?? 'cluster'}-${process.pid}` });
  t.teardown(() => cluster.stop());
  return cluster;
}

/** The hub's /broker-auth/rabbitmq/* endpoints on `store`, as `--broker-auth-endpoints` serves them; returns their base URL. */
export async function serveBrokerAuth(t: Tap, store: HubStore, hubUser: { username: string; password: string }): Promise<string> {
  const auth = new RabbitAuth({ store, hubUsername: hubUser.username, hubPassword: hubUser.password, vhost: '/', exchange: 'amq.topic', now: Date.now, logger: silentLogger() });
  await auth.migrate();
  const app = Fastify();
  await app.register(rabbitAuthRoutes, { auth });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}
