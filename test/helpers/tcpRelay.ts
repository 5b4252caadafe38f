import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

export interface TcpRelay {
  port: number;
  /** Closes the listener and every connection: the node is gone. */
  kill(): void;
  /** Ends every open connection; the listener stays. */
  dropConnections(): void;
  /** Connections accepted so far. */
  connections(): number;
}

/**
 * The TCP part of a test "node" in front of a real broker (brokerNode, amqpNode): each client
 * accepted gets its own connection to `target` (a URL's host and port), and `pipe` decides what
 * passes between the two and when. A client `accept` refuses is closed at once and not counted.
 * Every socket is tracked, so the node can die with its connections.
 */
export async function tcpRelay(target: string, pipe: (client: Socket, upstream: Socket) => void, accept: () => boolean = () => true): Promise<TcpRelay> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((client) => {
    if (!accept()) {
      client.destroy();
      return;
    }
    accepted++;
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream);
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropConnections = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    port: (server.address() as AddressInfo).port,
    kill() {
      server.close();
      dropConnections();
    },
    dropConnections,
    connections: () => accepted,
  };
}
