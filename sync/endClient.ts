import { setTimeout as delay } from 'node:timers/promises';
import type { MqttClient } from 'mqtt';

/** How long a stopping MQTT client waits for the broker to take the messages it has in flight. */
export const END_GRACE_MS = 5_000;
const POLL_MS = 20;

/**
 * Disconnects an MQTT client without hanging. MQTT.js's graceful end waits for the PUBACK of every
 * QoS 1 message in flight, forever when the broker is gone (a process told to stop never would).
 * Here the client waits for them at most `graceMs` while connected, then closes; what the broker
 * never took is sent again by its sender (a device resends its batch, the hub acks it again).
 */
export async function endClient(client: MqttClient, graceMs = END_GRACE_MS): Promise<void> {
  const inFlight = () => Object.keys(client.outgoing).length > 0;
  const until = Date.now() + graceMs;
  while (client.connected && inFlight() && Date.now() < until) await delay(POLL_MS);
  await client.endAsync(!client.connected || inFlight());
}
