import type { IClientOptions } from 'mqtt';

/**
 * mqtt.js's failover list for the nodes of a broker cluster (it moves to the next server on each
 * reconnect); none for a single broker. Used by the appliance's uplink and the hub's MQTT clients.
 */
export function brokerServers(first: string, others: readonly string[]): Partial<IClientOptions> {
  if (others.length === 0) return {};
  return {
    servers: [first, ...others].map((url) => {
      const u = new URL(url);
      return { host: u.hostname, port: Number(u.port || (u.protocol === 'mqtts:' ? 8883 : 1883)), protocol: u.protocol.replace(':', '') as 'mqtt' | 'mqtts' };
    }),
  };
}
