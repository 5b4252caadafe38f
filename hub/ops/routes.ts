import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Readiness } from './readiness.js';

const Report = Type.Object({
  ready: Type.Boolean({ description: 'Send this process work: every check passed and it is not draining.' }),
  draining: Type.Boolean({ description: 'The process was told to stop (SIGTERM) and is finishing what it holds.' }),
  checks: Type.Record(Type.String(), Type.Boolean(), { description: 'Each condition: store, broker, auditChain (the chain verified at start).' }),
  reasons: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Why a failing check fails, where it says (auditChain: the typed code and the first problem found).' })),
});

/**
 * Probes for a load balancer, unauthenticated and free of data: /healthz answers while the
 * process runs (liveness: restart it when this fails), /readyz answers 200 only while it can take
 * work (store and broker reachable, the audit chain verified at start, not draining) and 503
 * otherwise, with the reason where a check gives one (record numbers, never record contents).
 */
export async function healthRoutes(app: FastifyInstance, opts: { readiness: Readiness }): Promise<void> {
  app.get('/healthz', { schema: { tags: ['ops'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { schema: { tags: ['ops'], response: { 200: Report, 503: Report } } }, async (_req, reply) => {
    const report = await opts.readiness.report();
    return reply.status(report.ready ? 200 : 503).send(report);
  });
}
