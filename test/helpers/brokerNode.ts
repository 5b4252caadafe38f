import { tcpRelay } from './tcpRelay.js';

/**
 * A broker "node": a TCP relay to the hub's broker that can die with its connections, hang first
 * (a node that stops answering: nothing passes either way, connections stay open), or go mute (it
 * still passes what devices send, so a login reaches the broker and uses its token, but no answer
 * comes back: a node too busy to send its CONNACK in time), or go deaf to publishes (it passes
 * only PINGREQ and DISCONNECT, each written by MQTT.js as a 2-byte packet of its own: pings are
 * answered, publishes vanish unacknowledged, as on a node that drops what its topic ACL refuses),
 * or go down (connections closed as they come) and come up again as a fresh node.
 */
export async function brokerNode(target: string): Promise<{ url: string; kill(): void; hang(): void; mute(): void; deafToPublishes(): void; down(): void; up(): void; connections: () => number }> {
  let hung = false;
  let muted = false;
  let deaf = false;
  const control = (d: Buffer) => d.length === 2 && d[1] === 0 && (d[0] === 0xc0 || d[0] === 0xe0);
  let isDown = false;
  // Down: a connection is closed as soon as it is made (a node restarting, a link cut).
  const relay = await tcpRelay(target, (socket, upstream) => {
    socket.on('data', (d: Buffer) => void (hung || (deaf && !control(d)) || upstream.write(d)));
    upstream.on('data', (d: Buffer) => void (hung || muted || socket.write(d)));
  }, () => !isDown);
  return {
    url: `mqtt://127.0.0.1:${relay.port}`,
    kill: relay.kill,
    hang() {
      hung = true;
    },
    mute() {
      muted = true;
    },
    deafToPublishes() {
      deaf = true;
    },
    down() {
      isDown = true;
      relay.dropConnections();
    },
    // Back as a fresh node (neither hung, mute nor deaf).
    up() {
      isDown = false;
      hung = false;
      muted = false;
      deaf = false;
    },
    connections: relay.connections,
  };
}
