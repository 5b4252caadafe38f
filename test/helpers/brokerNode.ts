import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

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
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let accepted = 0;
  let hung = false;
  let muted = false;
  let deaf = false;
  const control = (d: Buffer) => d.length === 2 && d[1] === 0 && (d[0] === 0xc0 || d[0] === 0xe0);
  let isDown = false;
  const server: Server = createServer((socket) => {
    // Down: a connection is closed as soon as it is made (a node restarting, a link cut).
    if (isDown) {
      socket.destroy();
      return;
    }
    accepted++;
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    socket.on('data', (d: Buffer) => void (hung || (deaf && !control(d)) || upstream.write(d)));
    upstream.on('data', (d: Buffer) => void (hung || muted || socket.write(d)));
    socket.on('end', () => upstream.end());
    upstream.on('end', () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    kill() {
      server.close();
      for (const s of sockets) s.destroy();
    },
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
      for (const s of sockets) s.destroy();
    },
    // Back as a fresh node (neither hung, mute nor deaf).
    up() {
      isDown = false;
      hung = false;
      muted = false;
      deaf = false;
    },
    connections: () => accepted,
  };
}
