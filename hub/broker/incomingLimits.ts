import { AlprError, type Logger } from '../../core/index.js';
import { parseTopic } from '../../sync/index.js';
import { DEFAULT_PACKET_LIMITS } from './packetGuard.js';

/**
 * The largest MQTT packet (or AMQP message) any of the hub's own consumers takes from the
 * broker: the embedded broker's per-packet limit for devices, which the project's Mosquitto and
 * RabbitMQ configs carry too. The largest legitimate message is a read batch, and an appliance
 * sizes its batches to the hub's limit (32 MiB, told in every ack) less 4 KiB of encrypted
 * buffer records; the sealed protobuf of those reads is smaller than the records (measured:
 * 4,975 reads with images, 33,546,425 record bytes, 31,357,620 sealed; 4 reads with 8 MB of
 * images, 32,002,972 and 32,001,427). Only one read alone may be larger, and it then carries an
 * image over the hub's 4 MiB limit. The 1 MiB above 32 MiB lets a batch just over the hub's limit
 * still reach ingest for the negative ack that makes the appliance split it (docs/sync.md, Hub limits).
 */
export const HUB_MAX_PACKET_BYTES = DEFAULT_PACKET_LIMITS.maxPacketBytes;

/**
 * What the hub's own MQTT clients take: a little over what the brokers let in. Brokers count a
 * packet's size their own way (the embedded broker the remaining length alone, Mosquitto one byte
 * more, MQTT 5 the whole header) and may add properties when they forward a message, so a packet
 * a broker admitted at its limit can arrive a few bytes larger; cut, it would cost the hub a
 * reconnect each time a device sent one.
 */
export const HUB_CLIENT_MAX_PACKET_BYTES = HUB_MAX_PACKET_BYTES + 64 * 1024;

/**
 * Logs and counts, per device, the messages a hub consumer discards as oversized, so an operator
 * sees which device (or stolen device token) sent them. The check runs before a payload is
 * parsed or opened; the caller acknowledges the message to the broker and stores nothing of it.
 */
export class OversizeLog {
  /** Discarded messages by device id ('?' for a topic that names none). */
  readonly byDevice: Record<string, number> = {};

  constructor(private readonly logger: Logger) {}

  /** Whether `bytes` on `topic` is within `limit`; one over it is logged with ALPR_ERR_HUB_INCOMING_TOO_LARGE and counted. */
  within(topic: string, bytes: number, limit: number): boolean {
    if (bytes <= limit) return true;
    const deviceId = parseTopic(topic)?.deviceId ?? '?';
    this.byDevice[deviceId] = (this.byDevice[deviceId] ?? 0) + 1;
    const err = new AlprError('ALPR_ERR_HUB_INCOMING_TOO_LARGE', `a ${bytes}-byte message on ${topic} (limit ${limit}) discarded unread`, { details: { deviceId } });
    this.logger.error({ deviceId, topic, bytes, limit, code: err.code, err: err.toJSON() }, 'oversized device message discarded');
    return false;
  }
}
