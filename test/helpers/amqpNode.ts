import { tcpRelay } from './tcpRelay.js';

/** The protocol header a client sends first ("AMQP" 0 0 9 1), before any frame. */
const HEADER_BYTES = 8;
const FRAME_METHOD = 1;
const FRAME_CONTENT_HEADER = 2;
const FRAME_CONTENT_BODY = 3;
const BASIC_CLASS = 60;
const BASIC_PUBLISH = 40;

/**
 * An AMQP 0-9-1 "node" in front of a real RabbitMQ node: a TCP relay that can go deaf to
 * publishes. Deaf, it reads the client's frames and drops each basic.publish with its content
 * frames (only a publish carries content from a client), passing the rest: heartbeats, consumer
 * acks, closes. The connection and its heartbeats stay up and no confirm ever comes, as on a node
 * under a memory or disk alarm. The AMQP twin of brokerNode's deafToPublishes.
 */
export async function amqpNode(target: string): Promise<{ url: string; deafToPublishes(): void; kill(): void; connections: () => number }> {
  let deaf = false;
  const relay = await tcpRelay(target, (socket, upstream) => {
    let pending = Buffer.alloc(0);
    let headerSent = false;
    socket.on('data', (d: Buffer) => {
      pending = Buffer.concat([pending, d]);
      if (!headerSent) {
        if (pending.length < HEADER_BYTES) return;
        upstream.write(pending.subarray(0, HEADER_BYTES));
        pending = pending.subarray(HEADER_BYTES);
        headerSent = true;
      }
      // Frames: type (1), channel (2), size (4), payload, frame-end (1).
      while (pending.length >= 7 && pending.length >= 8 + pending.readUInt32BE(3)) {
        const end = 8 + pending.readUInt32BE(3);
        const frame = pending.subarray(0, end);
        pending = pending.subarray(end);
        const type = frame[0];
        const publish = type === FRAME_METHOD && frame.readUInt16BE(7) === BASIC_CLASS && frame.readUInt16BE(9) === BASIC_PUBLISH;
        if (deaf && (publish || type === FRAME_CONTENT_HEADER || type === FRAME_CONTENT_BODY)) continue;
        upstream.write(frame);
      }
    });
    upstream.on('data', (d: Buffer) => void socket.write(d));
  });
  return {
    url: `amqp://127.0.0.1:${relay.port}`,
    deafToPublishes() {
      deaf = true;
    },
    kill: relay.kill,
    connections: relay.connections,
  };
}
