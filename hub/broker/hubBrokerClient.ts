import type { MqttClient } from 'mqtt';
import { AlprError, type Clock, type Logger } from '../../core/index.js';
import { brokerServers, DEFAULT_PUBACK_TIMEOUT_MS, endClient, guardClientPackets, PubackDeadline } from '../../sync/index.js';
import { HUB_CLIENT_MAX_PACKET_BYTES } from './incomingLimits.js';

/** How a hub process logs in to the broker: the same for ingest, alerts and hot-list pushes. */
export interface HubBrokerLogin {
  brokerUrl: string;
  /** Other nodes of the broker cluster, tried in turn when the connection to `brokerUrl` is lost. */
  fallbackBrokerUrls?: readonly string[];
  username: string;
  password: string;
  /** MQTT 5 shared subscription group (external brokers): several hub processes split the load. */
  sharedGroup: string | null;
  /** Each of the hub's clients has its own, or the broker would drop one for the other. */
  clientId: string;
  /**
   * A QoS 1 publish the broker has not acknowledged within this (and no other PUBACK came either)
   * fails with ALPR_ERR_SYNC_BROKER_SILENT, and the connection is cut for MQTT.js to reconnect,
   * to the next node if any. Default DEFAULT_PUBACK_TIMEOUT_MS, as the appliances'.
   */
  pubackTimeoutMs?: number;
}

/** One of the hub's MQTT connections. */
export interface HubBrokerConnection {
  client: MqttClient;
  /**
   * Publishes at QoS 1; resolves on the broker's PUBACK, or fails with ALPR_ERR_SYNC_BROKER_SILENT
   * past the deadline (the message is then not sent later: its sender's own retry takes over).
   */
  publish(topic: string, payload: Buffer, options?: { retain?: boolean }): Promise<void>;
  /** Disconnects without hanging on what a silent broker never acknowledged. */
  end(): Promise<void>;
}

/**
 * One of the hub's MQTT clients. A persistent session (ingest, alerts) keeps its subscriptions and
 * unacknowledged messages across reconnects; with a shared group it speaks MQTT 5 and asks the
 * broker to keep that session for an hour. A clean one (hot-list pushes) starts afresh each time.
 */
export async function connectHubClient(login: HubBrokerLogin, session: 'persistent' | 'clean', ctx: { clock: Clock; logger: Logger }): Promise<HubBrokerConnection> {
  const mqtt = await import('mqtt');
  const persistent = session === 'persistent';
  const client = mqtt.connect(login.brokerUrl, {
    clientId: login.clientId, username: login.username, password: login.password,
    protocolVersion: login.sharedGroup ? 5 : 4, clean: !persistent, reconnectPeriod: 1000,
    // Under MQTT 5 the broker is told the largest packet the hub takes, and drops a larger one
    // for this client as if it had delivered it (no redelivery loop, nothing held in the hub).
    ...(login.sharedGroup ? { properties: { maximumPacketSize: HUB_CLIENT_MAX_PACKET_BYTES, ...(persistent ? { sessionExpiryInterval: 3600 } : {}) } } : {}),
    ...brokerServers(login.brokerUrl, login.fallbackBrokerUrls ?? []),
  });
  // Under either version a larger packet (a broker that ignores the property, or MQTT 3.1.1) is
  // cut at its header before MQTT.js buffers its body: the hub's memory is never spent on it.
  // The device is unknown there (the topic follows the header); the broker's own limit
  // (docs/sync.md, Hub limits) refuses such a publish from the device in the first place.
  guardClientPackets(client, HUB_CLIENT_MAX_PACKET_BYTES, (why) => {
    const err = new AlprError('ALPR_ERR_HUB_INCOMING_TOO_LARGE', `${why}: connection cut before its body was read`);
    ctx.logger.error({ code: err.code, err: err.toJSON(), clientId: login.clientId }, 'oversized packet from the broker refused; reconnecting with a fresh session');
    // A persistent session would hand the same message out again at every reconnect, and
    // nothing queued behind it: the next connection starts a clean session, which drops it
    // with the rest of the queue. Nothing is lost: appliances resend every batch and hit until
    // the hub's signed ack, and their status on its period.
    if (persistent) client.options.clean = true;
  });
  // The connection after a clean one is persistent again (MQTT.js resubscribes, finding no session).
  if (persistent) client.on('connect', () => { client.options.clean = false; });
  const deadline = new PubackDeadline({ client, timeoutMs: login.pubackTimeoutMs ?? DEFAULT_PUBACK_TIMEOUT_MS, onCut: 'reject', clock: ctx.clock, logger: ctx.logger });
  deadline.start();
  return {
    client,
    publish: (topic, payload, options) => deadline.publish(topic, payload, options),
    end: async () => {
      deadline.stop();
      await endClient(client);
    },
  };
}
