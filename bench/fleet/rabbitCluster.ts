import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startRabbitNode, type RabbitNode } from './rabbitNode.js';

/**
 * Two copies of each device's subscription queue: one survives a node's death, and the survivor
 * gets a new mirror on another node at once (automatic sync), so a second death later is survived
 * too. Every node (ha-mode all) cost one more copy of every ack on every node, for nothing a
 * single death needs.
 */
const MIRROR_TWO = JSON.stringify({ 'ha-mode': 'exactly', 'ha-params': 2, 'ha-sync-mode': 'automatic' });

export { rabbitInstalled, type RabbitNode } from './rabbitNode.js';

export interface RabbitClusterOptions {
  nodes: number;
  /** Node i uses basePort + 10 i (AMQP), + 1 (Erlang distribution), + 2 (MQTT). */
  basePort: number;
  /** The hub (or load balancer) serving /broker-auth/rabbitmq/* for device logins. */
  hubHttpUrl: string;
  /** Each node gets a folder here; the caller removes it. */
  dir: string;
  /** Part of the node names (`alpr-<tag>-<i>@localhost`), so two clusters on one host differ; default: this process id. */
  tag?: string;
  /** The hub's internal RabbitMQ account (AMQP ingest); default user `hub` with a random password. */
  hubUser?: { username: string; password: string };
  /** Progress lines (a node booted, joined). */
  log?: (line: string) => void;
}

export interface RabbitCluster {
  nodes: RabbitNode[];
  /** The internal account hub processes log in with (`--broker-username`, `--broker-password`). */
  hubUser: { username: string; password: string };
  mqttUrls: string[];
  amqpUrls: string[];
  /** Stops every node still running (a killed one is already gone). */
  stop(): Promise<void>;
}

/**
 * A private RabbitMQ cluster for tests and the fleet benchmark: `nodes` nodes (MQTT plugin, the
 * hub's HTTP auth backend for devices, an internal user for the hub) booted in parallel, then
 * joined to the first with `rabbitmqctl join_cluster`. One cookie, its own ports, everything on
 * 127.0.0.1; the shared RabbitMQ on 5672 is never touched.
 */
export async function startRabbitCluster(options: RabbitClusterOptions): Promise<RabbitCluster> {
  const tag = options.tag ?? String(process.pid);
  const cookie = `ALPRCLUSTER${randomBytes(12).toString('hex').toUpperCase()}`;
  // Passed to alpr-hub as `--broker-password=P`: a base64url password can start with '-', which a
  // separate argument would be taken for an option (1 run in 64 failed so).
  const hubUser = options.hubUser ?? { username: 'hub', password: randomBytes(18).toString('base64url') };
  const log = options.log ?? (() => undefined);
  const started: RabbitNode[] = [];
  const stop = async () => {
    await Promise.all(started.map((node) => node.stop()));
  };
  try {
    const boots = Array.from({ length: options.nodes }, (_, i) =>
      startRabbitNode({ dir: join(options.dir, `node${i}`), name: `alpr-${tag}-${i}@localhost`, basePort: options.basePort + 10 * i, hubHttpUrl: options.hubHttpUrl, cookie, hubUser }).then((node) => {
        started.push(node);
        log(`rabbitmq node ${node.name} booted (amqp ${node.amqpPort}, mqtt ${node.mqttPort})`);
        return node;
      }),
    );
    // All settle before a failure is reported, so no node is left running unseen.
    const outcomes = await Promise.allSettled(boots);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    const nodes = outcomes.map((o) => (o as PromiseFulfilledResult<RabbitNode>).value);
    const [seed, ...others] = nodes;
    // One at a time: each join rewrites the seed's membership table.
    for (const node of others) {
      await node.ctl(['stop_app']);
      await node.ctl(['join_cluster', seed!.name]);
      await node.ctl(['start_app']);
      await node.waitReady();
      log(`rabbitmq node ${node.name} joined ${seed!.name}`);
    }
    // RabbitMQ 3.10's MQTT plugin declares every subscription queue durable (auto-delete for a
    // clean session) on the node the client is on. Unmirrored, such a queue outlives its dead node
    // as a record no one can use, and a device that reconnects elsewhere is refused its acks
    // subscription ("home node ... is down"). Mirrored on a second node, the mirror takes it over.
    await seed!.ctl(['set_policy', '--apply-to', 'queues', 'alpr-mqtt-subscriptions', '^mqtt-subscription-', MIRROR_TWO]);
    return { nodes, hubUser, mqttUrls: nodes.map((n) => n.mqttUrl), amqpUrls: nodes.map((n) => n.amqpUrl), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
