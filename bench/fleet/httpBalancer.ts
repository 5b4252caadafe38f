import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

export interface HttpBalancer {
  /** `http://127.0.0.1:PORT`: give it to the broker nodes as the hub's address. */
  url: string;
  close(): Promise<void>;
}

/**
 * The load balancer in front of the hub processes, as far as the broker nodes' HTTP auth backend
 * needs one: each request goes to the next hub in turn, and to the one after when a hub does not
 * answer (killed), so device logins keep working while a hub process is down. `targets` is read
 * at every request, so hubs started later join.
 */
export async function startHttpBalancer(targets: () => readonly string[]): Promise<HttpBalancer> {
  let turn = 0;
  const forward = (req: IncomingMessage, res: ServerResponse, tries: number) => {
    const hubs = targets();
    if (hubs.length === 0 || tries >= hubs.length) {
      res.writeHead(502).end('no hub answered');
      return;
    }
    const target = new URL(req.url ?? '/', hubs[turn++ % hubs.length]);
    // A fresh connection each time: a kept-alive one the hub has just closed would fail the request.
    const upstream = request(target, { method: req.method, headers: req.headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => forward(req, res, tries + 1));
    // The auth backend only sends GETs: there is no body to replay on a retry.
    upstream.end();
  };
  const server = createServer((req, res) => forward(req, res, 0));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
