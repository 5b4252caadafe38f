import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * What a browser may do with an answer that is data, not a page (the JSON API, report files,
 * errors): render nothing, run nothing, be framed by no one.
 */
export const DATA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Headers for every answer that does not set its own (the console's pages set theirs, staticFiles.ts).
 * no-store: an answer behind a session (reads, plate images, the audit chain, reports) must not stay
 * in the browser's cache, where a signed-out tab or the next user of a shared terminal reads it back.
 */
async function apiHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DATA_CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
}

export default fp(apiHeaders, { name: 'alpr-api-headers', fastify: '5.x' });
