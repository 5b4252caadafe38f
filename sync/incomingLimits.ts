import type { Duplex } from 'node:stream';
import type { MqttClient } from 'mqtt';
import { PacketHeaderReader, packetSize } from './packetHeaders.js';
import { parseTopic } from './topics.js';

/**
 * The largest MQTT packet an appliance takes from the broker (MQTT 5 Maximum Packet Size: fixed
 * header included). The largest legitimate one is a hot-list message: the hub cuts every
 * snapshot part and every delta to at most HOTLIST_MESSAGE_MAX_BYTES of payload (a delta larger
 * than that goes as a snapshot in parts), and the rest is the topic and framing. A part of
 * 20,000 entries (the hub's part size) of a typical state list is about 2.5 MB sealed
 * (docs/sync.md, Limits); one of entries with every text field at its cap is split by bytes.
 * Anything larger is not from the hub as it works, and would be held whole in memory by MQTT.js
 * before anything looked at it: on a Raspberry Pi, a few hundred MB is the end of the process.
 */
export const MAX_INCOMING_PACKET_BYTES = 8 * 1024 * 1024;

/** The most payload the hub puts in one hot-list message: the packet limit less room for the topic and framing. */
export const HOTLIST_MESSAGE_MAX_BYTES = MAX_INCOMING_PACKET_BYTES - 64 * 1024;

/**
 * The most payload each hub-to-device message may have, checked before it is opened. Config
 * pushes and alert acks are a few hundred bytes; a batch ack names every read of a batch (5,000
 * at most, each id with a refusal reason), well under 1 MiB.
 */
const PAYLOAD_LIMITS = { acks: 1024 * 1024, config: 16 * 1024, 'alert-acks': 16 * 1024, hotlist: HOTLIST_MESSAGE_MAX_BYTES } as const;

/** The payload limit for a message on `topic`; a topic the appliance does not expect gets the smallest. */
export function incomingPayloadLimit(topic: string): number {
  const kind = parseTopic(topic)?.kind;
  return kind !== undefined && kind in PAYLOAD_LIMITS ? PAYLOAD_LIMITS[kind as keyof typeof PAYLOAD_LIMITS] : PAYLOAD_LIMITS.config;
}

/**
 * Watches what the broker sends on one connection and destroys it at the header of a packet over
 * `maxPacketBytes`, before its body is read: MQTT.js's own maximumPacketSize check runs on the
 * parsed packet, after the whole of it is in memory (and only under MQTT 5). Attach it as the
 * stream is made, before it has read anything (by MQTT.js's `packetsend` of the CONNECT); the
 * parser, attached first, has then seen at most the one read that carried the header.
 */
export function guardIncomingPackets(stream: Duplex, maxPacketBytes: number, onOversize: (why: string) => void): void {
  const headers = new PacketHeaderReader();
  const onData = (chunk: Buffer) => {
    let why = 'the broker sent a packet with a malformed length';
    const whole = headers.feed(chunk, (_type, length) => {
      if (packetSize(length) <= maxPacketBytes) return true;
      why = `the broker sent a ${packetSize(length)}-byte packet (limit ${maxPacketBytes})`;
      return false;
    });
    if (whole) return;
    stream.off('data', onData);
    onOversize(why);
    stream.destroy();
  };
  stream.on('data', onData);
}

/**
 * Guards every connection an MQTT.js client makes from before its first byte: the first one, made
 * in mqtt.connect() (its socket has not connected yet), and each reconnect as it sends CONNECT.
 * Used by the appliance's uplink and by each of the hub's own clients.
 */
export function guardClientPackets(client: MqttClient, maxPacketBytes: number, onOversize: (why: string) => void): void {
  const guarded = new WeakSet<object>();
  const guard = () => {
    const stream = client.stream as unknown as Duplex;
    if (guarded.has(stream)) return;
    guarded.add(stream);
    guardIncomingPackets(stream, maxPacketBytes, onOversize);
  };
  guard();
  client.on('packetsend', (packet) => {
    if (packet.cmd === 'connect') guard();
  });
}
