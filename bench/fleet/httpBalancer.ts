import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/** A hub that takes longer than this (frozen, overloaded) is given up on for the next one. */
const ATTEMPT_TIMEOUT_MS = 3_000;
/** How long a request keeps going round the hubs before the balancer answers 502 (RabbitMQ waits 15 s). */
const RETRY_FOR_MS = 10_000;
const RETRY_PAUSE_MS = 200;

export interface HttpBalancer {
  /** `http://127.0.0.1:PORT`: give it to the broker nodes as the hub's address. */
  url: string;
  close(): Promise<void>;
}

/**
 * The load balancer in front of the hub processes, as far as the broker nodes' HTTP auth backend
 * needs one: each request goes to the next hub in turn, and to another when a hub does not answer
 * (killed, frozen), going round again for a while before giving up, so device logins and topic
 * checks keep working while a hub process dies. A refused check would cost the device its
 * connection. `targets` is read at every attempt, so hubs started later join.
 */
export async function startHttpBalancer(targets: () => readonly string[]): Promise<HttpBalancer> {
  let turn = 0;
  const forward = (req: IncomingMessage, res: ServerResponse, since: number, tried: Set<string>) => {
    const hubs = targets().filter((hub) => !tried.has(hub));
    if (hubs.length === 0) {
      if (Date.now() - since > RETRY_FOR_MS) res.writeHead(502).end('no hub answered');
      else setTimeout(() => forward(req, res, since, new Set()), RETRY_PAUSE_MS);
      return;
    }
    const hub = hubs[turn++ % hubs.length]!;
    tried.add(hub);
    // A fresh connection each time: a kept-alive one the hub has just closed would fail the request.
    const upstream = request(new URL(req.url ?? '/', hub), { method: req.method, headers: req.headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.setTimeout(ATTEMPT_TIMEOUT_MS, () => upstream.destroy(new Error('hub timed out')));
    upstream.on('error', () => {
      if (!res.headersSent) forward(req, res, since, tried);
    });
    // The auth backend only sends GETs: there is no body to replay on a retry.
    upstream.end();
  };
  const server = createServer((req, res) => forward(req, res, Date.now(), new Set()));
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
