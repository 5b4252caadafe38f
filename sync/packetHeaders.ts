/**
 * The largest packet the hub's brokers take (the embedded broker's guard, the shipped Mosquitto
 * max_packet_size and RabbitMQ max_message_size): a batch of the hub's 32 MiB plus room for its
 * envelope. A batch larger than this never reaches the hub, whatever the hub would say of it.
 */
export const BROKER_MAX_PACKET_BYTES = 33 * 1024 * 1024;

/**
 * Reads the MQTT fixed headers (a type byte, then a 1-4 byte remaining length) out of a byte
 * stream as it arrives, skipping each body without keeping it. Both ends of the link need to
 * know how large a packet is before its body is read: MQTT.js and Aedes each buffer a whole
 * packet, however large its announced length, before anything looks at it, so a limit checked
 * on the parsed packet comes after the memory is spent. A reader cut off at an oversized header
 * has held at most one socket read.
 */
export class PacketHeaderReader {
  private state: 'type' | 'length' | 'body' = 'type';
  private type = 0;
  private length = 0;
  private lengthBytes = 0;
  private remaining = 0;

  /**
   * Feeds the next bytes; `onHeader` is called with each packet's type (the high nibble of its
   * first byte) and remaining length, and returning false stops reading (the caller cuts the
   * stream). Returns false when stopped or when a length runs past its four bytes (malformed).
   */
  feed(chunk: Buffer, onHeader: (type: number, remainingLength: number) => boolean): boolean {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'type') {
        this.type = chunk[i++]! >> 4;
        this.state = 'length';
        this.length = 0;
        this.lengthBytes = 0;
      } else if (this.state === 'length') {
        const byte = chunk[i++]!;
        this.length += (byte & 0x7f) * 128 ** this.lengthBytes;
        this.lengthBytes++;
        if (byte & 0x80) {
          if (this.lengthBytes === 4) return false;
          continue;
        }
        if (!onHeader(this.type, this.length)) return false;
        this.remaining = this.length;
        this.state = this.remaining > 0 ? 'body' : 'type';
      } else {
        const take = Math.min(this.remaining, chunk.length - i);
        i += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'type';
      }
    }
    return true;
  }
}

/** The whole size of a packet (fixed header included) with this remaining length, as MQTT 5's Maximum Packet Size counts it. */
export function packetSize(remainingLength: number): number {
  const lengthBytes = remainingLength < 128 ? 1 : remainingLength < 16_384 ? 2 : remainingLength < 2_097_152 ? 3 : 4;
  return 1 + lengthBytes + remainingLength;
}
