import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AlprError } from '../../core/index.js';

/** No request schema nests deeper than a few levels; 32 leaves room and stays far from any stack limit. */
export const MAX_JSON_DEPTH = 32;

/**
 * What is wrong with a parsed JSON value, walked without recursion: nested deeper than `limit`,
 * or a NUL character in a key or a string. PostgreSQL cannot store a NUL in text, so such input
 * used to fail its INSERT as ALPR_ERR_STORE (503, "retryable", naming the statement) instead of
 * being refused, and the action's own record was rolled back with it.
 */
function bodyProblem(value: unknown, limit: number): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v === 'string' && v.includes('\0')) return 'body: text may not hold a NUL character (\\u0000)';
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return `body: JSON nested more than ${limit} levels deep`;
    for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
      if (key.includes('\0')) return 'body: text may not hold a NUL character (\\u0000)';
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * JSON bodies as fastify parses them (a `__proto__` or `constructor.prototype` key is refused),
 * and refused as `ALPR_ERR_INVALID_INPUT` when they hold a NUL character (bodyProblem) or nest
 * deeper than MAX_JSON_DEPTH: a body of
 * thirty thousand nested arrays fits in the 64 KiB limit, and walking it later (the request audit
 * keeps a refused search's body as text) overflowed the stack, so such a search was answered 500
 * and never audited.
 */
export function parseJsonBodies(app: FastifyInstance): void {
  // fastify's own parser answers through its callback (the other member of the parser type).
  const parse = app.getDefaultJsonParser('error', 'error') as (request: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) => void;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, String(body), (err, value) => {
      if (err) return done(err, undefined);
      const problem = bodyProblem(value, MAX_JSON_DEPTH);
      if (problem) return done(new AlprError('ALPR_ERR_INVALID_INPUT', problem), undefined);
      done(null, value);
    });
  });
}

/** The same refusal for a NUL in the query string or a path parameter (`?plate=%00`). */
export function refuseNulInUrls(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.query, request.params]) {
      if (part === null || typeof part !== 'object') continue;
      for (const [key, value] of Object.entries(part as Record<string, unknown>)) {
        if (`${key}${Array.isArray(value) ? value.join('') : String(value)}`.includes('\0')) {
          throw new AlprError('ALPR_ERR_INVALID_INPUT', `${part === request.query ? 'querystring' : 'params'}/${key.replace(/\0/g, '')}: text may not hold a NUL character`);
        }
      }
    }
  });
}
