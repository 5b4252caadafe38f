import { HUB_MAX_PACKET_BYTES } from './incomingLimits.js';

/**
 * The MQTT settings every node of a RabbitMQ cluster for ALPR carries in its rabbitmq.conf
 * (docs/scaling.md shows them with the listeners and the auth backend; bench/fleet/rabbitNode.ts
 * writes them for the private nodes of the tests and the fleet benchmark).
 *
 * The retained message store is turned off. The embedded broker keeps a device's retained flag
 * on its status only (EmbeddedBroker's authorizePublish), but RabbitMQ's topic authorisation
 * (RabbitAuth, through the HTTP backend) is asked about the routing key alone and never sees the
 * flag: with the default store a device, or anyone holding a stolen device token, could leave a
 * message of its choosing (a fake status, a batch or alert of up to the packet limit) on the
 * node, delivered again to every later subscriber of that topic, and kept after the device is
 * revoked. Nothing of ALPR relies on RabbitMQ's store: the hub takes statuses from an AMQP queue
 * as they come, and sends a fresh config push to a device it sees come online (docs/sync.md,
 * Hub key rotation), because a node keeps its retained messages to itself anyway.
 */
export const RABBIT_MQTT_SETTINGS: readonly string[] = [
  'mqtt.allow_anonymous = false',
  'mqtt.vhost = /',
  'mqtt.exchange = amq.topic',
  'mqtt.retained_message_store = rabbit_mqtt_retained_msg_store_noop',
  // The largest message the node takes (HUB_MAX_PACKET_BYTES, 33 MiB: a batch; default 128 MiB).
  // RabbitMQ 3.10's MQTT plugin has no packet limit of its own (mqtt.max_packet_size_* keys came
  // later and stop a 3.10 node at boot), but it publishes each MQTT message on an AMQP channel,
  // where this core setting applies: a larger publish from a device reaches no queue (the node
  // closes that channel and sends no PUBACK). The plugin has read the whole frame by then (the
  // node's memory, not the hub's).
  `max_message_size = ${HUB_MAX_PACKET_BYTES}`,
];
