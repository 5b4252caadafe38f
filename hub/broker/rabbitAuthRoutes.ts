import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RabbitAuth, RabbitQuery } from './rabbitAuth.js';

const field = (description: string) => Type.Optional(Type.String({ maxLength: 512, description }));
/**
 * RabbitMQ's query. Extra keys are allowed on purpose: versions of the backend add some (ip,
 * client_id, variable_map.*, tags) and a refusal of the request would read as a broker error.
 */
const Query = Type.Object({
  username: field('login name: a device id or the hub'), password: field('device token or hub secret'), vhost: field('virtual host'),
  resource: field('exchange, queue or topic'), name: field('resource name'), permission: field('configure, write or read'), routing_key: field('topic as a routing key'),
}, { additionalProperties: true });

/**
 * The endpoints rabbitmq_auth_backend_http calls (auth_http.user_path etc.), answering `allow`
 * or `deny` as text. Mounted only with --broker-auth-endpoints; serve them where only the broker
 * nodes reach them (docs/scaling.md).
 */
export async function rabbitAuthRoutes(app: FastifyInstance, opts: { auth: RabbitAuth }): Promise<void> {
  const answer = (allowed: boolean) => (allowed ? 'allow' : 'deny');
  const route = (path: string, decide: (q: RabbitQuery) => boolean | Promise<boolean>) =>
    // Not logged per request (warnings still are, and refusals by RabbitAuth): a node asks about a
    // dozen of these for every device login, all at once when a node dies and its devices move,
    // and the URL carries the device's token.
    app.get(`/broker-auth/rabbitmq/${path}`, { logLevel: 'warn', schema: { hide: true, querystring: Query } }, async (req, reply) => {
      const query = req.query as RabbitQuery;
      // A check that fails (the store unreachable, a bug) is a refusal, but said in the log: the
      // broker only reports "authentication failed" to the device.
      const allowed = await Promise.resolve(decide(query)).catch((err: unknown) => {
        req.log.warn({ err, check: path, username: query.username }, 'broker auth check failed; refused');
        return false;
      });
      return reply.type('text/plain').send(answer(allowed));
    });
  route('user', (q) => opts.auth.user(q));
  route('vhost', (q) => opts.auth.vhost(q));
  route('resource', (q) => opts.auth.resource(q));
  route('topic', (q) => opts.auth.topic(q));
}
