import type { MqttClient } from 'mqtt';
import { brokerServers } from '../../sync/index.js';

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
}

/**
 * One of the hub's MQTT clients. A persistent session (ingest, alerts) keeps its subscriptions and
 * unacknowledged messages across reconnects; with a shared group it speaks MQTT 5 and asks the
 * broker to keep that session for an hour. A clean one (hot-list pushes) starts afresh each time.
 */
export async function connectHubClient(login: HubBrokerLogin, session: 'persistent' | 'clean'): Promise<MqttClient> {
  const mqtt = await import('mqtt');
  const persistent = session === 'persistent';
  return mqtt.connect(login.brokerUrl, {
    clientId: login.clientId, username: login.username, password: login.password,
    protocolVersion: login.sharedGroup ? 5 : 4, clean: !persistent, reconnectPeriod: 1000,
    ...(persistent && login.sharedGroup ? { properties: { sessionExpiryInterval: 3600 } } : {}),
    ...brokerServers(login.brokerUrl, login.fallbackBrokerUrls ?? []),
  });
}
