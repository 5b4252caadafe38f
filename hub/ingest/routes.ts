import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as S from '../api/schemas.js';
import type { Permission } from '../policy/permissions.js';
import type { IngestStats } from './ingestService.js';

const count = (description: string) => Type.Integer({ minimum: 0, description });
export const IngestStatsBody = Type.Object({
  batches: count('batches stored since the hub started'), readsStored: count('new reads stored'), duplicates: count('reads already held (resent)'),
  refused: count('whole batches refused'), gaps: count('batch sequence gaps seen'),
  futureReads: count('reads refused for a capture time beyond the allowed clock skew'),
  expiredReads: count('reads refused as captured before the retention period'), siteReads: count('reads refused as taken at a site not approved and in service (retired) or by a camera the site does not list'), statusRefused: count('status messages refused as oversized or malformed'),
  oversizedByDevice: Type.Record(Type.String(), count('messages from this device discarded unread as oversized'), {
    description: 'device messages discarded unread as larger than any legitimate one on their topic or queue, by device id (ALPR_ERR_HUB_INCOMING_TOO_LARGE)',
  }),
});

/**
 * What ingest refused since the hub started, for the admins and auditors who watch the devices:
 * a rise in future-dated reads or refused statuses points at an appliance's clock or at an attack.
 */
export async function ingestRoutes(fastify: FastifyInstance, opts: {
  stats: () => IngestStats;
  auth: (permission?: Permission | Permission[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/v1/ingest/stats', {
    schema: { tags: ['sites'], security: [{ bearer: [] as string[] }], response: { 200: IngestStatsBody, 401: S.ErrorBody, 403: S.ErrorBody } },
    onRequest: opts.auth(['sites.manage', 'audit.read']),
  }, async () => opts.stats());
}
